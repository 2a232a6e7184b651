#!/bin/bash
# A real one-node Slurm cluster, started on this machine, runs Glean as a four-task array.
#
#   Tests/Cluster/slurm-test.sh            (as root; GLEAN_BIN names the glean binary)
#
# It installs slurm-wlm and munge with apt when they are missing, starts munged, slurmctld and
# slurmd with all their config, state, spool and logs in a temporary folder (SLURM_CONF points
# the clients at it), then checks, with the pipeline Tests/Cluster/cluster.yaml:
#   1. `sbatch --array=0-3 --wait` running `glean run ... --shard-count 4 --incremental` completes
#      four tasks, `glean status` exits 0, and the shards' tables read as one dataset (DuckDB over
#      parquet/<table>/**, every table; Spark for documents) equal a one-process run's rows exactly;
#   2. after records are appended to the archive, a second array run processes only those (per-shard
#      `incremental` counts in _run.json) and still equals the one-process run;
#   3. an array task killed with `scancel` mid-run leaves its shard's previous outputs intact,
#      and the next array run completes it.
# Every daemon it started is stopped by pid on every exit path; every wait has a timeout.
#
# Environment: GLEAN_BIN (default .build/release/glean, then .build/debug/glean), GLEAN_PYTHON
# (a Python with duckdb and pyspark; default .venv/bin/python, made by `make venv`), GLEAN_SHARED
# (../shared: dev pages of wcxb-devsplit; without it, the committed texts of Tests/Corpora),
# GLEAN_CLUSTER_PAGES (pages of the first run: 120, or 60 with a debug build), GLEAN_CLUSTER_KEEP=1 keeps the
# temporary folder. Exit code 0: all checks passed; 1: a check failed; 77: cannot run here
# (not root, no apt).
set -euo pipefail
# A test runner may start us with TERM and INT ignored (swift test does), and bash cannot trap a
# signal ignored on entry: start again with their default handling so the traps below (and the
# watchdog's TERM) work.
if [ -z "${GLEAN_CLUSTER_SIGNALS:-}" ]; then
  GLEAN_CLUSTER_SIGNALS=1 exec env --default-signal=TERM,INT bash "$0" "$@"
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/Tests/Cluster"
SHARDS=4
PAGES=${GLEAN_CLUSTER_PAGES:-}
ADDED=16          # records appended before the incremental run, and again before the scancel run
START=$(date +%s)

log() { printf '[cluster %3ss] %s\n' "$(($(date +%s) - START))" "$*"; }
fail() { log "FAIL: $*"; exit 1; }
skip() { log "SKIP: $*"; exit 77; }

[ "$(id -u)" = 0 ] || skip "needs root (it installs slurm-wlm and munge with apt and runs slurmd as SlurmUser=root)"
command -v apt-get >/dev/null && command -v dpkg >/dev/null || skip "needs a Debian-like system with apt-get and dpkg"

GLEAN=${GLEAN_BIN:-}
if [ -z "$GLEAN" ]; then
  for b in "$ROOT/.build/release/glean" "$ROOT/.build/debug/glean"; do [ -x "$b" ] && { GLEAN=$b; break; }; done
fi
[ -n "$GLEAN" ] && [ -x "$GLEAN" ] || fail "no glean binary: set GLEAN_BIN or run 'swift build'"
GLEAN=$(cd "$(dirname "$GLEAN")" && pwd)/$(basename "$GLEAN")
# A debug build starts and runs several times slower: fewer pages, longer limits (240 s in all
# with a release build, which takes 60-100 s on 2 busy cores; 480 s with a debug build).
case "$GLEAN" in
  */debug/*) PAGES=${PAGES:-60}; LIMIT=480 ;;
  *) PAGES=${PAGES:-120}; LIMIT=240 ;;
esac
PY=${GLEAN_PYTHON:-$ROOT/.venv/bin/python}
[ -x "$PY" ] || fail "no Python readers at $PY: run 'make venv' (or set GLEAN_PYTHON)"
"$PY" -c 'import duckdb, pyspark' 2>/dev/null || fail "$PY lacks duckdb or pyspark: run 'make venv'"
command -v java >/dev/null || fail "Spark needs a Java runtime: 'make test-deps' installs openjdk-17-jre-headless"

# --- apt: install what is missing, once (dpkg says what is there) ---------------------------------
missing=""
for p in slurm-wlm munge; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  log "installing$missing with apt"
  timeout 600 apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# --- the temporary cluster --------------------------------------------------------------------------
T=$(mktemp -d /tmp/glean-cluster.XXXXXX)
chmod 755 "$T"
mkdir -p "$T/etc" "$T/munge" "$T/state" "$T/spool" "$T/log" "$T/jobs" "$T/work/input" "$T/work/plugins"
PIDS=()          # daemons we started, stopped by pid at exit
WATCHDOG=""
SPARK=""         # the background Spark check (its own process group)

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  [ -n "$SPARK" ] && kill -TERM -- "-$SPARK" 2>/dev/null
  if [ -n "$WATCHDOG" ]; then
    # KILL: it cannot be ignored. The subshell first, so that its sleep ending cannot make it
    # signal us.
    kill -KILL "$WATCHDOG" 2>/dev/null; wait "$WATCHDOG" 2>/dev/null
    [ -s "$T/watchdog.pid" ] && kill -KILL "$(cat "$T/watchdog.pid")" 2>/dev/null
  fi
  if [ ${#PIDS[@]} -gt 1 ] && [ -n "${SLURM_CONF:-}" ]; then
    # Every job of this private cluster is ours. Bounded: at most about 40 s in all, whatever squeue does.
    log "cleanup: cancelling the cluster's jobs"
    timeout 10 scancel -u root 2>/dev/null || true
    for _ in $(seq 15); do [ -z "$(timeout 2 squeue -h -o %i 2>/dev/null)" ] && break; sleep 0.2; done
    log "cleanup: stopping the daemons"
  fi
  # slurmd, then slurmctld, then munged: TERM, up to 5 s, then KILL.
  local i pid
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid=${PIDS[$i]}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { log "daemon $pid ignored TERM: killing it"; kill -KILL "$pid" 2>/dev/null; }
    wait "$pid" 2>/dev/null || true
  done
  [ ${#PIDS[@]} -gt 0 ] && log "stopped daemons ${PIDS[*]}"
  if [ "$rc" != 0 ] && [ "$rc" != 77 ]; then
    for f in "$T"/log/*.log; do [ -f "$f" ] && { echo "--- tail of $f"; tail -n 15 "$f"; }; done
    for f in "$T"/jobs/*.out; do [ -f "$f" ] && { echo "--- $f"; tail -n 10 "$f"; }; done
  fi
  if [ "${GLEAN_CLUSTER_KEEP:-}" = 1 ]; then log "kept $T"; else rm -rf "$T"; fi
  log "exit $rc after $(($(date +%s) - START)) s"
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated"; exit 143' TERM
# Never hang: the whole test has LIMIT seconds. (The watchdog's sleep holds no pipe of ours, and
# cleanup stops both by pid.)
( exec >/dev/null 2>&1 </dev/null; sleep "$LIMIT" & echo $! >"$T/watchdog.pid"; wait $!; kill -TERM $$ ) &
WATCHDOG=$!

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
CTLD_PORT=$(free_port); SLURMD_PORT=$(free_port)
[ "$CTLD_PORT" != "$SLURMD_PORT" ] || SLURMD_PORT=$(free_port)
HOST=$(hostname -s)
NODE=glean$$
CPUS=$(nproc)

# munge: a fresh key, its socket and files in the temporary folder.
dd if=/dev/urandom of="$T/munge/munge.key" bs=1024 count=1 status=none
chmod 700 "$T/munge"; chmod 400 "$T/munge/munge.key"
SOCKET="$T/munge/munge.socket"
munged --foreground --force --key-file="$T/munge/munge.key" --socket="$SOCKET" \
  --pid-file="$T/munge/munged.pid" --log-file="$T/log/munged.log" --seed-file="$T/munge/munged.seed" >>"$T/log/munged.out" 2>&1 &
PIDS+=($!)

cat > "$T/etc/slurm.conf" <<EOF
ClusterName=glean
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCKET
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool/%n
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/log/slurmctld.log
SlurmdLogFile=$T/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
MpiDefault=none
ReturnToService=2
KillWait=5
MinJobAge=600
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
NodeName=$NODE NodeHostname=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS State=UNKNOWN
PartitionName=glean Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$T/etc/slurm.conf"

for _ in $(seq 50); do [ -S "$SOCKET" ] && break; sleep 0.1; done
[ -S "$SOCKET" ] || fail "munged did not start"
slurmctld -D -i -f "$SLURM_CONF" >>"$T/log/slurmctld.out" 2>&1 &
PIDS+=($!)
slurmd -D -N "$NODE" -f "$SLURM_CONF" >>"$T/log/slurmd.out" 2>&1 &
PIDS+=($!)
state=""
for _ in $(seq 150); do
  state=$(timeout 5 sinfo -h -n "$NODE" -o %T 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.2
done
[ "$state" = idle ] || fail "the node did not come up (state '$state')"
log "slurm $(sinfo -V | awk '{print $2}') up: node $NODE, $CPUS CPUs, controller port $CTLD_PORT (munged ${PIDS[0]}, slurmctld ${PIDS[1]}, slurmd ${PIDS[2]})"

# --- the corpus and the pipeline --------------------------------------------------------------------
W="$T/work"
cp "$HERE/cluster.yaml" "$W/cluster.yaml"
cp "$HERE/plugins/sizes.sh" "$W/plugins/sizes.sh"
SHARED=${GLEAN_SHARED:-$ROOT/../shared}
POOL="$T/pool"; mkdir -p "$POOL"
if [ -d "$SHARED/corpora/wcxb-devsplit/html" ]; then
  # Dev pages only (the validation fifth is never used to develop on).
  "$PY" - "$SHARED/corpora/wcxb-devsplit/html" "$POOL" $((PAGES + 2 * ADDED)) <<'EOF'
import hashlib, os, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = [f for f in sorted(os.listdir(src)) if f.endswith(".html.gz")
         and int(hashlib.sha256(f.split(".")[0].encode()).hexdigest()[:8], 16) % 5 != 0][:n]
for f in names:
    os.link(os.path.join(src, f), os.path.join(dst, f)) if os.stat(src).st_dev == os.stat(dst).st_dev else \
        open(os.path.join(dst, f), "wb").write(open(os.path.join(src, f), "rb").read())
EOF
  CORPUS="wcxb-devsplit dev pages"
else
  # Their dev share too (Tools/eval/split.py's rule on each article's id, the file's stem).
  "$PY" - "$ROOT" "$POOL" <<'EOF'
import glob, hashlib, os, shutil, sys
root, dst = sys.argv[1], sys.argv[2]
for f in sorted(glob.glob(f"{root}/Tests/Corpora/*/texts/*.txt") + glob.glob(f"{root}/Samples/*.txt")):
    stem = os.path.basename(f)[: -len(".txt")]
    if int(hashlib.sha256(stem.encode()).hexdigest()[:8], 16) % 5 == 0:
        continue
    shutil.copy(f, os.path.join(dst, os.path.basename(os.path.dirname(os.path.dirname(f))) + "_" + os.path.basename(f)))
EOF
  CORPUS="committed texts of Tests/Corpora and Samples (no $SHARED)"
fi
mapfile -t POOL_FILES < <(ls "$POOL" | sort)
[ ${#POOL_FILES[@]} -ge $((PAGES + 2 * ADDED)) ] || PAGES=$((${#POOL_FILES[@]} - 2 * ADDED))
[ "$PAGES" -ge 20 ] || fail "too few input files in $POOL"
NEXT=0
# add_inputs N: N more pages of the pool appended as response records to the one archive the
# pipeline reads, input/crawl.warc.gz (warcio; each record its own gzip member, so appending
# leaves the records before it byte for byte as they were).
add_inputs() {
  "$PY" - "$POOL" "$W/input/crawl.warc.gz" "$NEXT" "${POOL_FILES[@]:$NEXT:$1}" <<'EOF'
import gzip, io, sys
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter
pool, archive, first, names = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
with open(archive, "ab") as out:
    writer = WARCWriter(out, gzip=True)
    for i, name in enumerate(names):
        raw = open(f"{pool}/{name}", "rb").read()
        body = gzip.decompress(raw) if name.endswith(".gz") else raw
        html = ".html" in name
        stem = name.split(".")[0]
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8" if html else "text/plain; charset=utf-8"),
                                           ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
        # A fixed date and id per record: the archive (and so every table) is the same on every run.
        day = 1 + (first + i) % 28
        record = writer.create_warc_record(f"https://pages.example/{stem}", "response", payload=io.BytesIO(body), http_headers=http,
                                           warc_headers_dict={"WARC-Date": f"2024-05-{day:02d}T12:00:00Z",
                                                              "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{first + i:012d}>"})
        writer.write_record(record)
EOF
  NEXT=$((NEXT + $1))
}
add_inputs "$PAGES"
log "corpus: $PAGES pages ($CORPUS) as the records of one WARC, input/crawl.warc.gz ($(stat -c %s "$W/input/crawl.warc.gz") bytes); pipeline Tests/Cluster/cluster.yaml"

# The array is deploy/slurm/glean-array.sbatch itself, as users copy it; the command line sets
# what differs here (sbatch's options override the file's #SBATCH lines; the environment is passed).
SBATCH_FILE="$ROOT/deploy/slurm/glean-array.sbatch"
grep -q -- "--array=0-$((SHARDS - 1))" "$SBATCH_FILE" && grep -q -- "--shard-count $SHARDS" "$SBATCH_FILE" \
  || fail "$SBATCH_FILE is no longer a $SHARDS-task array running --shard-count $SHARDS"
submit() { # sbatch [extra options], the test's paths
  GLEAN="$GLEAN" MANIFEST=cluster.yaml OUT="$W/out" timeout "${SUBMIT_TIMEOUT:-20}" \
    sbatch --parsable --job-name=glean-test --cpus-per-task=1 --output="$T/jobs/%A_%a.out" --chdir="$W" "$@" "$SBATCH_FILE"
}

OUT="$W/out"; REF="$W/ref"

# run_array: submit the array with --wait (at most LIMIT/2 s), then show every task's state.
run_array() {
  local sub rc=0
  sub=$(SUBMIT_TIMEOUT=$((LIMIT / 2)) submit --wait 2>"$T/sbatch.err") || rc=$?
  JOB=${sub%%;*}
  [ "$rc" = 0 ] || { cat "$T/sbatch.err"; fail "sbatch --wait exited $rc (job '${JOB}')"; }
  show_tasks "$JOB"
}
# show_tasks JOB: logs each array task's id and state; sets DONE to the number COMPLETED.
show_tasks() {
  local line
  DONE=0
  while read -r line; do
    log "  task $line"
    [[ $line == *COMPLETED* ]] && DONE=$((DONE + 1))
  done < <(timeout 10 scontrol -o show job "$1" | sed -E 's/.*JobId=([0-9]+) ArrayJobId=([0-9]+) ArrayTaskId=([0-9]+).* JobState=([A-Z_]+) .*ExitCode=([0-9:]+).*/\2_\3 \4 exit \5/' | sort)
}
reference() { # the one-process run over the same inputs
  local rc=0
  timeout $((LIMIT / 2)) "$GLEAN" run "$W/cluster.yaml" --out "$REF" --incremental --quiet || rc=$?
  [ "$rc" = 0 ] || [ "$rc" = 3 ] || fail "the one-process run exited $rc"
}
status() {
  local rc=0
  timeout 20 "$GLEAN" status "$OUT" >"$T/status.txt" 2>&1 || rc=$?
  return $rc
}
compare() { # the shards' tables as one dataset equal the one-process run's, row for row
  local rc=0 line
  timeout 90 "$PY" "$HERE/compare.py" "$OUT" "$REF" "$@" >"$T/compare.txt" 2>"$T/compare.err" || rc=$?
  while read -r line; do log "  $line"; done <"$T/compare.txt"
  [ "$rc" = 0 ] || { tail -n 20 "$T/compare.err"; fail "the sharded tables differ from the one-process run's (compare.py exit $rc)"; }
}
# counts: per shard, processed/reused/removed from _shards/<i>/_run.json.
counts() {
  "$PY" - "$OUT" "$SHARDS" <<'EOF'
import json, sys
out, n = sys.argv[1], int(sys.argv[2])
tot = [0, 0, 0]
for i in range(n):
    inc = json.load(open(f"{out}/_shards/{i}/_run.json"))["incremental"]
    c = (inc["processed"], inc["reused"], inc["removed"])
    tot = [a + b for a, b in zip(tot, c)]
    print(f"shard {i}: processed {c[0]} reused {c[1]} removed {c[2]} reasons {inc['reasons']}")
print(f"total: processed {tot[0]} reused {tot[1]} removed {tot[2]}")
EOF
}

counts_rejects() { # rejects over all shards
  "$PY" -c 'import json, sys; print(sum(json.load(open(f"{sys.argv[1]}/_shards/{i}/_run.json"))["documents_rejected"] for i in range(int(sys.argv[2]))))' "$OUT" "$SHARDS"
}

# --- 1. a full array run ------------------------------------------------------------------------------
reference
log "one-process run: $("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["inputs"])' "$REF/_run.json") records of input/crawl.warc.gz into ref/"
log "array run 1: sbatch --wait deploy/slurm/glean-array.sbatch (--array=0-$((SHARDS - 1)), glean run --shard-count $SHARDS --incremental)"
run_array
log "array job $JOB: $DONE of $SHARDS tasks completed"
[ "$DONE" = "$SHARDS" ] || fail "array job $JOB completed $DONE tasks of $SHARDS"
status || { cat "$T/status.txt"; fail "glean status exited non-zero after array job $JOB"; }
log "glean status: exit 0"
compare
# Spark (slow to start) reads a frozen copy of run 1's documents table in the background, while the
# next steps run; its verdict is awaited at the end.
mkdir -p "$T/spark/out/parquet" "$T/spark/ref/parquet"
cp -rL "$OUT/parquet/documents" "$T/spark/out/parquet/"
cp -L "$REF/parquet/documents.parquet" "$T/spark/ref/parquet/"
setsid timeout 150 "$PY" "$HERE/compare.py" "$T/spark/out" "$T/spark/ref" --spark documents >"$T/spark.txt" 2>"$T/spark.err" &
SPARK=$!
log "Spark started on run 1's documents (pid $SPARK)"

# --- 2. incremental: new records, only those processed ------------------------------------------------
add_inputs "$ADDED"
reference
log "array run 2 after appending $ADDED records"
run_array
log "array job $JOB: $DONE of $SHARDS tasks completed"
[ "$DONE" = "$SHARDS" ] || fail "array job $JOB completed $DONE tasks of $SHARDS"
status || { cat "$T/status.txt"; fail "glean status exited non-zero after array job $JOB"; }
counts | while read -r line; do log "  $line"; done
total=$(counts | tail -n 1)
[ "$total" = "total: processed $ADDED reused $PAGES removed 0" ] || fail "expected processed $ADDED reused $PAGES, got '$total'"
compare

# --- 3. scancel mid-run, then the next array run completes the shard -------------------------------
snapshot() { # every file of shard $1's published outputs, with its checksum
  (cd "$OUT" && find -L csv parquet "_shards/$1" -type f \( -name "part-${1}of${SHARDS}*" -o -path "_shards/$1/*" \) -print0 \
    | sort -z | xargs -0 sha256sum)
}
declare -A BEFORE
for ((i = 0; i < SHARDS; i++)); do BEFORE[$i]=$(snapshot $i); done
add_inputs "$ADDED"
reference
# The first task to reach the exec stage with a new document waits there (plugins/sizes.sh) and is
# cancelled; the others wait too until the pause ends, then complete.
: > "$W/pause"
log "array run 3 after appending $ADDED records; the first task to reach the exec stage will be cancelled mid-run"
sub=$(submit) || fail "sbatch failed"
JOB=${sub%%;*}
K=""
for _ in $(seq 600); do
  K=$(cd "$W" && ls paused-* 2>/dev/null | sed 's/paused-//' | sort -n | head -n 1 || true)
  [ -n "$K" ] && break
  sleep 0.1
done
[ -n "$K" ] || fail "no task of job $JOB reached its pipeline's exec stage in 60 s"
log "task ${JOB}_$K is mid-run (inside its exec stage): scancel ${JOB}_$K"
timeout 10 scancel "${JOB}_$K"
for _ in $(seq 300); do [ -z "$(timeout 5 squeue -h -j "${JOB}_$K" -o %i 2>/dev/null)" ] && break; sleep 0.2; done
[ -z "$(timeout 5 squeue -h -j "${JOB}_$K" -o %i 2>/dev/null)" ] || fail "task ${JOB}_$K still there 60 s after scancel"
rm -f "$W/pause"
for _ in $(seq 600); do [ -z "$(timeout 5 squeue -h -j "$JOB" -o %i)" ] && break; sleep 0.2; done
[ -z "$(timeout 5 squeue -h -j "$JOB" -o %i)" ] || fail "array job $JOB still running after 120 s"
show_tasks "$JOB"
state=$(timeout 10 scontrol -o show job "${JOB}_$K" | grep -o 'JobState=[A-Z_]*')
[ "$state" = JobState=CANCELLED ] || fail "task ${JOB}_$K ended as $state, not CANCELLED"
[ "$DONE" = $((SHARDS - 1)) ] || fail "array job $JOB: $DONE tasks completed, expected $((SHARDS - 1))"
others3=$(counts | grep '^shard' | grep -v "^shard $K:" | awk '{s += $4} END {print s}')
log "run 3's three completed tasks processed $others3 of the $ADDED new records"
before=${BEFORE[$K]}
after=$(snapshot "$K")
[ "$(printf '%s\n' "$before" | grep -c "part-${K}of")" -gt 0 ] || fail "shard $K had no part files to watch"
[ "$before" = "$after" ] || { diff <(echo "$before") <(echo "$after") || true; fail "shard $K's outputs changed after its task was cancelled"; }
log "shard $K's $(printf '%s\n' "$before" | wc -l) published files are byte for byte as before the cancelled task"
st=0; status || st=$?
log "glean status after the cancel: exit $st ($(grep -c . "$T/status.txt") lines; shard $K still holds run 2's complete outputs)"
log "array run 4: the same array again"
run_array
log "array job $JOB: $DONE of $SHARDS tasks completed"
[ "$DONE" = "$SHARDS" ] || fail "array job $JOB completed $DONE tasks of $SHARDS"
status || { cat "$T/status.txt"; fail "glean status exited non-zero after array job $JOB"; }
counts | while read -r line; do log "  $line"; done
others=$(counts | grep '^shard' | grep -v "^shard $K:" | awk '{s += $4} END {print s}')
mine=$(counts | grep "^shard $K:" | awk '{print $4}')
[ "$others" = 0 ] || fail "shards other than $K reprocessed $others documents in array run 4"
# Run 3's completed tasks processed their share of the new records; shard K processes the rest now.
if [ "$mine" != $((ADDED - others3)) ]; then
  "$PY" -c 'import json, sys; [print("  shard reject:", r) for r in json.load(open(sys.argv[1]))["rejects"]]' "$OUT/_shards/$K/_run.json"
  fail "shard $K processed $mine documents in array run 4, expected $((ADDED - others3)): a document of the cancelled task was stored as done (see its rejects above)"
fi
rejected=$(counts_rejects)
ref_rejected=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["documents_rejected"])' "$REF/_run.json")
[ "$rejected" = "$ref_rejected" ] || fail "the shards hold $rejected rejects after array run 4, the one-process run $ref_rejected"
log "shard $K completed: it processed its $mine new records, the other shards none"
compare
rc=0
for _ in $(seq 600); do kill -0 "$SPARK" 2>/dev/null || break; sleep 0.2; done
wait "$SPARK" || rc=$?
SPARK=""
while read -r line; do log "  $line"; done <"$T/spark.txt"
[ "$rc" = 0 ] || { grep -v WARN "$T/spark.err" | tail -n 20; fail "Spark: the sharded documents table differs from the one-process run's (exit $rc)"; }
log "PASS: array jobs, glean status, DuckDB and Spark equality, incremental counts and scancel recovery"
