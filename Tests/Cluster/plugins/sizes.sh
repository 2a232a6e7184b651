#!/bin/sh
# An exec plugin: one row per document, the size in bytes of the JSON line it receives.
# It is also the cluster test's way to catch a Slurm array task mid-run: while a file named
# pause exists in the manifest's folder, the plugin writes paused-<SLURM_ARRAY_TASK_ID> and
# waits (at most 20 s), so the test can scancel that task at a known point of its run.
bytes=$(wc -c | tr -d ' ')
if [ -e pause ]; then
  : > "paused-${SLURM_ARRAY_TASK_ID:-none}"
  i=0
  while [ -e pause ] && [ "$i" -lt 200 ]; do sleep 0.1; i=$((i + 1)); done
fi
printf '{"input_bytes": %s}\n' "$bytes"
