#!/usr/bin/env bash
# make faults: issue 19's expensive cases (and issue 17's 5 GB WARC, issue 18's workbook of 100,000 documents), run against the release binary, with their figures
# (wall seconds and peak RSS from /usr/bin/time). The cheap cases are tests in `make test`
# (ListingFaultTests, InputFileTests, PluginProcessTests, RuleBudgetTests, FaultTests, ...).
set -euo pipefail
GLEAN=${GLEAN_BIN:?set GLEAN_BIN to the release glean}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/glean-faults.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

manifest() {  # manifest NAME GLOB [MIDDLE-STAGES] [NEEDS]: the csv export needs NEEDS (default: the stage before)
  printf 'version: 1\nname: %s\nstages:\n  - id: fetch\n    use: fetch.files\n    with: {paths: ["%s"]}\n%s  - id: csv\n    use: export.csv\n' "$1" "$2" "${3:-}" > "$1.yaml"
  if [ -n "${4:-}" ]; then printf '    needs: %s\n' "$4" >> "$1.yaml"; fi
}
measure() {  # measure LABEL MANIFEST: wall seconds, peak RSS and exit code (3: some rejects)
  local t rc=0
  /usr/bin/time -o "$WORK/time" -f '%e %M' "$GLEAN" run "$2" --out "$WORK/out" --quiet >/dev/null 2>&1 || rc=$?
  t=$(tail -1 "$WORK/time")
  printf '%-48s %8s s %6s MB  exit %s\n' "$1" "${t% *}" "$(( ${t#* } / 1024 ))" "$rc"
  rm -rf "$WORK/out"
}
CLEAN='  - id: parse\n    use: parse.html\n  - id: clean\n    use: clean.text\n'

echo "== 100,000 empty files against 100,000 one-byte files (case 5: the same cost)"
mkdir empty one
python3 - <<'PY'
for i in range(100_000):
    open(f"empty/e{i:06}.txt", "w").close()
    open(f"one/o{i:06}.txt", "w").write("x")
PY
manifest empty "empty/*.txt"; manifest one "one/*.txt"
measure "100,000 empty files" empty.yaml
measure "100,000 one-byte files" one.yaml
rm -rf empty one

echo "== a 505 MB input over max_bytes (case 6: rejected from its size, not read)"
mkdir big && head -c 505000000 /dev/zero | tr '\0' 'a' > big/big.txt
manifest big "big/*.txt"
measure "505 MB text, max_bytes 64 MiB" big.yaml
gzip -1 big/big.txt
manifest bigz "big/*.txt.gz"
measure "505 MB text gzip-compressed, max_bytes 64 MiB" bigz.yaml
rm -rf big

echo "== a 20 MB text of 10 million lines through parse and clean (case 10)"
mkdir lines && python3 -c "open('lines/lines.txt','w').write('a\n' * 10_000_000)"
manifest lines "lines/*.txt" "$(printf "$CLEAN")
"
measure "20 MB, 10 million lines" lines.yaml
rm -rf lines

echo "== 2 MB and 20 MB of dated sentences without a paragraph break through extract.facts (near-linear)"
mkdir facts && python3 - <<'PY'
s = "On 12 March 2024 Minister Jane Doe said that 1,250 officers were deployed under Decree No. 45/2023 in 14 provinces. "
for name, size in (("two", 2_000_000), ("twenty", 20_000_000)):
    with open(f"facts/{name}.txt", "w") as f:
        f.write(s * (size // len(s)))
PY
FACTS='  - id: parse\n    use: parse.html\n  - id: clean\n    use: clean.text\n  - id: facts\n    use: extract.facts\n'
manifest facts2 "facts/two.txt" "$(printf "$FACTS")
"
manifest facts20 "facts/twenty.txt" "$(printf "$FACTS")
"
measure "2 MB, one paragraph, facts" facts2.yaml
measure "20 MB, one paragraph, facts" facts20.yaml
rm -rf facts

echo "== 40,000 wildcard globs over a folder of 40,000 files (case 9: near-linear)"
mkdir many && python3 - <<'PY'
for i in range(40_000):
    open(f"many/f{i}.txt", "w").write("x")
with open("globs.yaml", "w") as f:
    f.write("version: 1\nname: globs\nstages:\n  - id: fetch\n    use: fetch.files\n    with:\n      paths:\n")
    for i in range(40_000):
        f.write(f'        - "many/f{i}.t?t"\n')
    f.write("  - id: csv\n    use: export.csv\n")
PY
measure "40,000 globs, 40,000 files" globs.yaml

echo "== a 5 GB WARC (about 107,000 records), one gzip member per record (issue 17: memory flat, one record at a time)"
mkdir warc && python3 - <<'PY'
import base64, os, zlib
# ~107,000 response records of ~60 KB of HTML whose text barely compresses: ~5 GB on disk.
def member(data):
    c = zlib.compressobj(1, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()
with open("warc/big.warc.gz", "wb") as out:
    written, i = 0, 0
    while written < 5_000_000_000:
        text = base64.b64encode(os.urandom(45_000)).decode()
        body = f"<html><head><title>Page {i}</title></head><body><p>{text}</p></body></html>".encode()
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(body) + body
        head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{i:012d}>\r\n"
                f"WARC-Date: 2024-05-01T00:00:00Z\r\nWARC-Target-URI: https://big.example/{i}\r\n"
                f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
        m = member(head + http + b"\r\n\r\n")
        out.write(m)
        written += len(m)
        i += 1
print(f"   {i} records, {written / 1e9:.2f} GB")
PY
printf 'version: 1\nname: warc\nstages:\n  - id: fetch\n    use: fetch.warc\n    with: {paths: ["warc/*.warc.gz"]}\n  - id: csv\n    use: export.csv\n    with: {tables: [documents]}\n' > warc.yaml
measure "5 GB WARC, ~107,000 records, to documents" warc.yaml
rm -rf warc

echo "== export.xlsx over 10,000 and 100,000 documents (issue 18: memory flat, libxlsxwriter's constant_memory mode)"
mkdir xlsx10 xlsx100 && python3 - <<'PY'
text = "On 12 March 2024 the police of the district held 12 men and seized 3 vehicles; 1,250 officers were deployed.\n"
for folder, n in (("xlsx10", 10_000), ("xlsx100", 100_000)):
    for i in range(n):
        with open(f"{folder}/d{i:06}.txt", "w") as f:
            f.write(f"Report {i}\n\n" + text * 8)
PY
XLSX='  - id: parse\n    use: parse.html\n  - id: facts\n    use: extract.facts\n  - id: book\n    use: export.xlsx\n    needs: facts\n'
manifest xlsx10 "xlsx10/*.txt" "$(printf "$XLSX")
" facts
manifest xlsx100 "xlsx100/*.txt" "$(printf "$XLSX")
" facts
measure "export.xlsx, 10,000 documents" xlsx10.yaml
measure "export.xlsx, 100,000 documents" xlsx100.yaml
rm -rf xlsx10 xlsx100
