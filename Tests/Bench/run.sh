#!/usr/bin/env bash
# make bench: Glean's speed and memory side by side with trafilatura, libxml2's bare parse and
# pyarrow (see Tests/Bench/bench.py for what is measured). Prints one table and writes
# out/bench/results.json.
#
# Environment:
#   GLEAN_BIN        the release glean binary (default: .build/release/glean)
#   GLEAN_BENCH_BIN  the release GleanBench binary (default: beside GLEAN_BIN)
#   GLEAN_SHARED     the shared folder with corpora/ (default: ../shared)
#   BENCH_OUT        output folder (default: out/bench)
#   BENCH_RUNS       runs per figure, the median is reported (default 3)
#   BENCH_HTML_RUNS  rounds of Glean's HTML runs, one job then two (default 7)
#   BENCH_PARQUET_RUNS runs of each Parquet writer per table (default 7)
#   BENCH_DOCS       documents in the generated text corpus (default 100000)
#   BENCH_FIRST      the smaller text run (default 10000)
#   BENCH_RUNS_LARGE runs over all BENCH_DOCS documents (default 1)
#   BENCH_ONLY       parts to run: html,warc,ceiling,trafilatura,text,parquet (default: all)
# Exit codes: 0 done (goals missed are reported in the table, not as a failure), 1 a step failed.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"

GLEAN_BIN="${GLEAN_BIN:-$ROOT/.build/release/glean}"
GLEAN_BENCH_BIN="${GLEAN_BENCH_BIN:-$(dirname "$GLEAN_BIN")/GleanBench}"
GLEAN_SHARED="${GLEAN_SHARED:-$ROOT/../shared}"
BENCH_OUT="${BENCH_OUT:-$ROOT/out/bench}"
VENV="$ROOT/.venv-bench"
SUDO="$([ "$(id -u)" = 0 ] || echo sudo)"

die() { echo "bench: $*" >&2; exit 1; }

[ -x "$GLEAN_BIN" ] || die "no glean binary at $GLEAN_BIN (run 'swift build -c release' or set GLEAN_BIN)"
[ -x "$GLEAN_BENCH_BIN" ] || die "no GleanBench binary at $GLEAN_BENCH_BIN (run 'swift build -c release' or set GLEAN_BENCH_BIN)"
[ -d "$GLEAN_SHARED/corpora" ] || die "no corpora in $GLEAN_SHARED (set GLEAN_SHARED)"

# Peak memory comes from GNU time's -v, which Debian ships in the package 'time'.
if ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "bench: installing GNU time (apt package 'time')" >&2
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time >/dev/null
fi
command -v cc >/dev/null || die "a C compiler (cc) is needed for the libxml2 ceiling"
pkg-config --exists libxml-2.0 zlib || die "libxml2-dev and zlib1g-dev are needed (make deps)"
command -v python3 >/dev/null || die "python3 is needed"

# The bench's own venv: trafilatura (with lxml_html_clean, which it needs) and pyarrow.
if [ ! -f "$VENV/.installed" ] || [ "$HERE/requirements.txt" -nt "$VENV/.installed" ]; then
  echo "bench: setting up $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$HERE/requirements.txt"
  touch "$VENV/.installed"
fi

# libxml2's bare parse, built with the same library Glean links.
mkdir -p "$BENCH_OUT/bin"
if [ ! -x "$BENCH_OUT/bin/xmlbare" ] || [ "$HERE/xmlbare.c" -nt "$BENCH_OUT/bin/xmlbare" ]; then
  # shellcheck disable=SC2046
  cc -O2 -o "$BENCH_OUT/bin/xmlbare" "$HERE/xmlbare.c" $(pkg-config --cflags --libs libxml-2.0 zlib)
fi

exec python3 "$HERE/bench.py" \
  --glean "$GLEAN_BIN" --glean-bench "$GLEAN_BENCH_BIN" --xmlbare "$BENCH_OUT/bin/xmlbare" \
  --venv-python "$VENV/bin/python" --shared "$GLEAN_SHARED" --out "$BENCH_OUT" \
  --runs "${BENCH_RUNS:-3}" --html-runs "${BENCH_HTML_RUNS:-7}" --parquet-runs "${BENCH_PARQUET_RUNS:-7}" --docs "${BENCH_DOCS:-100000}" --first "${BENCH_FIRST:-10000}" \
  --runs-large "${BENCH_RUNS_LARGE:-1}" \
  --only "${BENCH_ONLY:-html,warc,ceiling,trafilatura,text,parquet}"
