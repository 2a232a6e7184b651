#!/usr/bin/env bash
# Builds the libFuzzer targets into .build-fuzz/ and runs each for FUZZ_SECONDS (default 60).
#
#   Tests/Fuzz/run.sh                      build + fuzz html, facts, manifest, warc
#   FUZZ_SECONDS=300 Tests/Fuzz/run.sh html
#   FUZZ_SECONDS=0 Tests/Fuzz/run.sh       build + replay the seeds and Tests/Fuzz/regressions only
#
# The libraries are built by SwiftPM in their own scratch path with coverage + ASan instrumentation
# (swift build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address); each entry file
# (Tests/Fuzz/Fuzz*.swift) is then compiled and linked against those objects with swiftc, because
# SwiftPM renames an executable target's entry point and libFuzzer must provide main.
# The corpus lives in .build-fuzz/corpus/<target> (seeded here, never committed); crashes are
# written to .build-fuzz/artifacts/<target>/. Keep a crashing input as
# Tests/Fuzz/regressions/<target>/<name>: every later run loads that folder too (FUZZ_SECONDS=0 only replays).
# Environment: FUZZ_SECONDS, FUZZ_CONFIG (release, the default, or debug), FUZZ_TARGETS, FUZZ_ARGS (extra libFuzzer flags), SWIFT, SWIFTC, GLEAN_SHARED.
set -euo pipefail

log() { printf 'fuzz: %s\n' "$*" >&2; }
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
SWIFT=${SWIFT:-swift}
SWIFTC=${SWIFTC:-swiftc}
SHARED=${GLEAN_SHARED:-$ROOT/../shared}
SCRATCH=$ROOT/.build-fuzz
HERE=$ROOT/Tests/Fuzz
if [ $# -gt 0 ]; then TARGETS=("$@"); else read -r -a TARGETS <<< "${FUZZ_TARGETS:-html facts manifest warc}"; fi

# target -> SwiftPM target to build, the module folders whose objects are linked, system libraries
declare -A BUILD=([html]=GleanHTML [facts]=GleanFacts [manifest]=GleanPipeline [warc]=GleanWARC)
declare -A MODULES=(
  [html]="GleanHTML GleanText"
  [facts]="GleanFacts GleanText"
  [warc]="GleanWARC GleanText"
  [manifest]="GleanPipeline GleanCore GleanRunState GleanStages GleanTables GleanParquet GleanHTML GleanFacts GleanText GleanWARC CSpawn Yams CYaml Logging GRDB Crypto CCryptoBoringSSL CCryptoBoringSSLShims CryptoBoringWrapper"
)
# (swift-crypto's BoringSSL is partly C++: stdc++)
declare -A LIBS=([html]="xml2" [facts]="" [manifest]="xml2 z deflate zstd snappy sqlite3 xlsxwriter brotlidec stdc++" [warc]="z brotlidec")
declare -A ENTRY=([html]=FuzzHTML.swift [facts]=FuzzFacts.swift [manifest]=FuzzManifest.swift [warc]=FuzzWARC.swift)
# libFuzzer flags per target: keep inputs small enough for many executions per second
declare -A LIMITS=([html]="-max_len=65536" [facts]="-max_len=4096" [manifest]="-max_len=8192" [warc]="-max_len=16384")

FUZZ_CONFIG=${FUZZ_CONFIG:-release}
case $FUZZ_CONFIG in release) OPT=-O ;; debug) OPT=-Onone ;; *) log "FUZZ_CONFIG is release or debug"; exit 2 ;; esac
SPM_FLAGS=(--scratch-path "$SCRATCH" -c "$FUZZ_CONFIG" -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)
FUZZ_RUN_FLAGS=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
# leaks that are a library's own, not Glean's (each one explained in the file)
export LSAN_OPTIONS="suppressions=$ROOT/Tests/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

# ---- seeds -------------------------------------------------------------------------------------
seed_html() {
  local dir=$1
  printf '%s' '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Budget vote</title><meta name="author" content="A. Writer"><meta property="article:published_time" content="2024-02-22T10:00:00+07:00"></head><body><nav><a href="/">Home</a></nav><article><h1>Budget passed</h1><p>The assembly passed the budget on 22 February 2024 with 94,72% of the votes.</p><p>Spending rises by 3.5 billion.</p></article><footer>Copyright</footer></body></html>' > "$dir/article.html"
  printf '%s' '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Caf'$'\xe9''</title></head><body><div class="content"><p>Le caf'$'\xe9'' est ouvert.</p><p>31 octobre 2024</p></div><aside class="ad">Buy</aside></body></html>' > "$dir/latin1.html"
  printf '%s' '<html dir="rtl" lang="ar"><head><title>خبر</title></head><body><main><p>وافق المجلس على القرار رقم 12 في 22 فبراير 2024.</p></main></body></html>' > "$dir/arabic.html"
  printf '%s' '<div><div><div><div><div><div><div><div><div><div><p>deep<table><tr><td>cell<td>cell</table><script>var x="</p>";</script><!-- c --><![CDATA[x]]><time datetime="2024-06-14">June</time>' > "$dir/broken.html"
  printf '\xef\xbb\xbf<html><body><p>BOM page &amp; entities &#x1F44D; &nbsp;&lt;p&gt;</p><pre>  keep\n  lines</pre><ul><li>one</li><li>two</li></ul></body></html>' > "$dir/bom.html"
  printf '\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00<\x00p\x00>\x00h\x00i\x00<\x00/\x00p\x00>\x00' > "$dir/utf16.html"
  printf 'Title line\n\nPublished: 2024-02-22\n\nBody text of a plain document.\n' > "$dir/plain.txt"
  # a couple of real pages from the shared dev corpora, the smallest ones (decompressed, never committed)
  local corpus f
  for corpus in aeb-dev wcxb-dev; do
    [ -d "$SHARED/corpora/$corpus/html" ] || continue
    for f in $(ls -S "$SHARED/corpora/$corpus/html" | tail -n 2); do
      gzip -dc "$SHARED/corpora/$corpus/html/$f" > "$dir/$corpus-${f%.gz}" 2>/dev/null || rm -f "$dir/$corpus-${f%.gz}"
    done
  done
}

seed_facts() {
  local dir=$1 i=0 lang phrase
  # control byte: (byte % 5) picks nil/en/fr/ar/xx as the language hint; bit 7 passes a publication date
  local -a phrases=(
    "94,72" "3 156" "5,172" "9,399 billion" "16 ألف" "32.1%" "1.5e308" "-0" "١٢٣٬٤٥٦" "3 156,5 millions"
    "February 22, 2024" "31 octobre 2024" "22 فبراير 2024" "14/06/2024" "2024" "Friday, 09/20/2024" "1er mars 2023"
    "29 February 2023" "31/02/2024" "May 2024" "15:28 14/06/2024"
    "Resolution No. 12-NQ/TW of the Politburo was adopted on 8 October 2024."
    "General Secretary To Lam met Minister Dang Xuan Phong; 4,500 cases rose by 12% to 5,040."
    "Le Comité a adopté la résolution n° 45 le 31 octobre 2024 : 3 156 personnes, en hausse de 2,5 %."
    "أصدر الوزير القرار رقم 15 لسنة 2024 في 22 فبراير 2024 وارتفع العدد إلى 16 ألف."
    "Vietnam ranked 8th out of 190 places; GDP up 6.5 percent to VND 430 trillion."
  )
  for phrase in "${phrases[@]}"; do
    for lang in '\x00' '\x01' '\x82' '\x83'; do
      printf "$lang%s" "$phrase" > "$dir/phrase-$i"; i=$((i + 1))
    done
  done
  # openings of the sample documents (the first 1500 bytes each, a few of them)
  for f in $(ls "$ROOT/Samples" 2>/dev/null | grep '\.txt$' | head -n 4); do
    { printf '\x00'; head -c 1500 "$ROOT/Samples/$f"; } > "$dir/sample-$f"
  done
}

seed_manifest() {
  local dir=$1 f
  for f in "$ROOT"/Pipelines/*.yaml; do [ -f "$f" ] && cp "$f" "$dir/"; done
  printf 'version: 1\nname: tiny\nstages:\n  - id: files\n    use: fetch.files\n    with: {paths: ["*.txt"]}\n' > "$dir/tiny.yaml"
  printf 'version: 1\nname: cycle\nstages:\n  - {id: a, use: fetch.files, needs: [b]}\n  - {id: b, use: clean.text, needs: [a]}\n' > "$dir/cycle.yaml"
  printf 'version: 1\nname: rules\nstages:\n  - {id: f, use: fetch.files, with: {paths: [a]}}\n  - id: x\n    use: extract.facts\n    with:\n      kinds: [metrics, dates]\n      rules: [{name: law, pattern: "Law (?<num>[0-9]+)"}]\n  - {id: p, use: export.parquet, with: {tables: [metrics], compression: zstd, partition_by: [language]}}\n' > "$dir/rules.yaml"
  printf 'version: 1\nname: &n anchors\nstages: &s\n  - id: *n\n    use: [1, {a: *s}]\n' > "$dir/anchors.yaml"
}

seed_warc() {
  local dir=$1 body rec
  body=$'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>hi\r\n0\r\n\r\n'
  rec() {  # rec TYPE URI BLOCK: one WARC/1.1 record
    printf 'WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-01T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' \
      "$1" "$2" "$(printf '%s' "$2" | md5sum | cut -c1-32)" "${#3}" "$3"
  }
  { rec warcinfo "" $'software: fuzz\r\n'; rec response https://a.example/ "$body"; rec request https://a.example/ $'GET / HTTP/1.1\r\n\r\n'; } > "$dir/plain.warc"
  rec response https://b.example/ $'HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n\r\ngone' > "$dir/404.warc"
  { rec response https://c.example/ "$body" | gzip -c; rec response https://d.example/ "$body" | gzip -c; } > "$dir/members.warc.gz"
  gzip -c "$dir/plain.warc" > "$dir/stream.warc.gz"
  head -c 150 "$dir/plain.warc" > "$dir/truncated.warc"
}

# ---- build -------------------------------------------------------------------------------------
build_target() {
  local t=$1 bin=$2 out=$3
  log "building ${BUILD[$t]} (instrumented, $SCRATCH)"
  # a source saved while SwiftPM compiles fails the build ("modified during the build"): try again
  local attempt
  for attempt in 1 2 3 4 5; do
    "$SWIFT" build "${SPM_FLAGS[@]}" --target "${BUILD[$t]}" > "$SCRATCH/build-$t.log" 2>&1 && break
    if [ $attempt = 5 ] || ! grep -q 'was modified during the build' "$SCRATCH/build-$t.log"; then
      cat "$SCRATCH/build-$t.log" >&2; return 1
    fi
    log "a source changed during the build; building again"
  done
  local -a objs=() libs=() maps=()
  local m o rc=0
  for m in ${MODULES[$t]}; do
    [ -d "$bin/$m.build" ] || { log "no objects for $m in $bin"; return 1; }
    while IFS= read -r o; do objs+=("$o"); done < <(find "$bin/$m.build" -name '*.o' | sort)
  done
  for m in ${LIBS[$t]}; do libs+=("-l$m"); done
  for m in "$ROOT"/Sources/C*/module.modulemap "$SCRATCH"/checkouts/Yams/Sources/CYaml/include/module.modulemap \
           "$SCRATCH"/checkouts/GRDB.swift/Sources/GRDBSQLite/module.modulemap "$bin"/CSpawn.build/module.modulemap \
           "$SCRATCH"/checkouts/swift-crypto/Sources/CCryptoBoringSSL/include/module.modulemap \
           "$SCRATCH"/checkouts/swift-crypto/Sources/CCryptoBoringSSLShims/include/module.modulemap; do
    [ -f "$m" ] && maps+=(-Xcc "-fmodule-map-file=$m")
  done
  log "linking $out"
  rm -f "$out"
  "$SWIFTC" -sanitize=fuzzer,address -parse-as-library -swift-version 6 -warnings-as-errors -g "$OPT" \
    -module-name "Fuzz_$t" -module-cache-path "$SCRATCH/fuzz-module-cache" \
    -I "$bin/Modules" "${maps[@]}" $(pkg-config --cflags-only-I libxml-2.0 2>/dev/null | sed 's/-I/-Xcc -I/g') \
    -Xcc -I -Xcc "$SCRATCH/checkouts/Yams/Sources/CYaml/include" \
    "$HERE/${ENTRY[$t]}" "${objs[@]}" "${libs[@]}" -o "$out" 2> "$SCRATCH/link-$t.log" || rc=$?
  # gold warns about every ASan helper symbol; show only the rest
  grep -v 'Cannot export local symbol' "$SCRATCH/link-$t.log" >&2 || true
  [ "$rc" = 0 ] && [ -x "$out" ]
}

# ---- run ---------------------------------------------------------------------------------------
status=0
summary=()
BIN=$("$SWIFT" build "${SPM_FLAGS[@]}" --show-bin-path)
mkdir -p "$SCRATCH/fuzzers"
for t in "${TARGETS[@]}"; do
  [ -n "${BUILD[$t]:-}" ] || { log "unknown target '$t' (html, facts, manifest, warc)"; exit 2; }
  exe=$SCRATCH/fuzzers/fuzz-$t
  if ! build_target "$t" "$BIN" "$exe"; then
    log "$t: build failed"; status=1; summary+=("$t: BUILD FAILED"); continue
  fi
  corpus=$SCRATCH/corpus/$t
  artifacts=$SCRATCH/artifacts/$t
  regressions=$HERE/regressions/$t
  mkdir -p "$corpus" "$artifacts" "$regressions"
  "seed_$t" "$corpus"
  logf=$SCRATCH/fuzz-$t.log
  if [ "$FUZZ_SECONDS" = 0 ]; then
    args=(-runs=0)
    log "$t: replaying the corpus and $regressions"
  else
    args=(-max_total_time="$FUZZ_SECONDS")
    log "$t: fuzzing for ${FUZZ_SECONDS}s (log $logf)"
  fi
  set +e
  dict=()
  [ -f "$HERE/$t.dict" ] && dict=(-dict="$HERE/$t.dict")
  # shellcheck disable=SC2086
  "$exe" "${args[@]}" "${FUZZ_RUN_FLAGS[@]}" ${LIMITS[$t]} "${dict[@]}" ${FUZZ_ARGS:-} -artifact_prefix="$artifacts/" \
    "$corpus" "$regressions" > "$logf" 2>&1
  rc=$?
  set -e
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$logf" | grep -oE '[0-9]+$' | tail -n 1)
  speed=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$logf" | grep -oE '[0-9]+$' | tail -n 1)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$logf" | tail -n 1)
  line="$t: rc=$rc, ${execs:-?} runs, ${speed:-?} exec/s, ${cov:-cov ?}, corpus $(ls "$corpus" | wc -l) files"
  if [ $rc != 0 ]; then
    status=1
    line="$line: FAILED (see $logf; inputs in $artifacts)"
    grep -E '^==[0-9]+==ERROR|Fatal error|SUMMARY|Test unit written|ALARM|out-of-memory|deadly signal' "$logf" | head -n 8 >&2 || true
  fi
  summary+=("$line")
done
printf 'fuzz summary:\n' >&2
printf '  %s\n' "${summary[@]}" >&2
exit $status
