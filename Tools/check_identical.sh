#!/usr/bin/env bash
# Runs the pipelines that read committed inputs with two glean binaries and compares every table
# they publish byte for byte (CSV and Parquet), and _run.json without its timing fields.
# Used to check that a refactor leaves the output as it was.
#
#   Tools/check_identical.sh BASE_BIN NEW_BIN [manifest ...]
#
# Default manifests: Pipelines/news.yaml, Pipelines/plugin-example.yaml, Pipelines/eval-news-extra.yaml.
# Each runs in both incremental and plain mode, --jobs 1 for the base and --jobs 3 for the new one
# (the output must not depend on the thread count either). Exit 0 when everything matches.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -ge 2 ] || { echo "usage: $0 BASE_BIN NEW_BIN [manifest ...]" >&2; exit 2; }
BASE=$1 NEW=$2; shift 2
if [ $# -gt 0 ]; then MANIFESTS=("$@"); else
  MANIFESTS=("$ROOT/Pipelines/news.yaml" "$ROOT/Pipelines/plugin-example.yaml" "$ROOT/Pipelines/eval-news-extra.yaml")
fi
WORK=$(mktemp -d /tmp/check-identical.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# _run.json without what depends on the clock or the machine.
strip_report() {
  python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
for k in ("started_at", "finished_at", "wall_seconds", "cpu_seconds", "jobs"):
    r.pop(k, None)
for s in r.get("stages", []):
    s.pop("wall_seconds", None); s.pop("cpu_seconds", None)
print(json.dumps(r, sort_keys=True, indent=1))' "$1"
}
status=0
for m in "${MANIFESTS[@]}"; do
  name=$(basename "$m" .yaml)
  for mode in plain incremental; do
    flags=(); [ $mode = incremental ] && flags=(--incremental)
    for side in base new; do
      bin=$BASE jobs=1; [ $side = new ] && bin=$NEW jobs=3
      set +e
      "$bin" run "$m" --out "$WORK/$name-$mode-$side" --jobs $jobs --quiet "${flags[@]}" > "$WORK/$name-$mode-$side.log" 2>&1
      echo $? > "$WORK/$name-$mode-$side.rc"
      set -e
    done
    a=$WORK/$name-$mode-base b=$WORK/$name-$mode-new
    if ! cmp -s "$a.rc" "$b.rc"; then echo "DIFF $name ($mode): exit $(cat "$a.rc") vs $(cat "$b.rc")"; status=1; fi
    if ! diff <(cd "$a" && find -L csv parquet -type f 2>/dev/null | sort) <(cd "$b" && find -L csv parquet -type f 2>/dev/null | sort) > /dev/null; then
      echo "DIFF $name ($mode): the table files differ in name"; status=1
    fi
    n=0
    while IFS= read -r f; do
      n=$((n + 1))
      cmp -s "$a/$f" "$b/$f" || { echo "DIFF $name ($mode): $f"; status=1; }
    done < <(cd "$a" && find -L csv parquet -type f 2>/dev/null | sort)
    if [ -f "$a/_run.json" ] || [ -f "$b/_run.json" ]; then
      diff <(strip_report "$a/_run.json") <(strip_report "$b/_run.json") > "$WORK/report.diff" \
        || { echo "DIFF $name ($mode): _run.json"; head -n 20 "$WORK/report.diff"; status=1; }
    fi
    echo "checked $name ($mode): $n table files, exit $(cat "$a.rc")"
  done
done
[ $status = 0 ] && echo "identical" || echo "DIFFERENT"
exit $status
