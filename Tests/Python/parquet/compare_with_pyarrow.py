#!/usr/bin/env python3
"""Size and speed of a GleanParquet file against pyarrow writing the same values.

usage: compare_with_pyarrow.py FILE CODEC [LEVEL]
Reads FILE with pyarrow, writes the same table with pq.write_table(compression=CODEC) three
times (best time kept), and prints both sizes, their ratio (ours / pyarrow) and pyarrow's
wall and CPU time, then per-column compressed sizes.
"""
import os
import sys
import time

import pyarrow.parquet as pq

path, codec = sys.argv[1], sys.argv[2]
level = int(sys.argv[3]) if len(sys.argv) > 3 else None
t = pq.read_table(path)
out = path + ".pyarrow.parquet"
best = bestcpu = 1e9
for _ in range(3):
    s, c = time.perf_counter(), time.process_time()
    pq.write_table(t, out, compression=codec, compression_level=level)
    best = min(best, time.perf_counter() - s)
    bestcpu = min(bestcpu, time.process_time() - c)
a, b = os.path.getsize(path), os.path.getsize(out)
print(f"codec={codec} level={level} rows={t.num_rows} swift_bytes={a} pyarrow_bytes={b} ratio={a / b:.3f} "
      f"pyarrow_wall_s={best:.3f} pyarrow_cpu_s={bestcpu:.3f} pyarrow_rows_per_cpu_s={int(t.num_rows / bestcpu)}")
ours, theirs = pq.ParquetFile(path).metadata, pq.ParquetFile(out).metadata
for j in range(t.num_columns):
    ca, cb = ours.row_group(0).column(j), theirs.row_group(0).column(j)
    print(f"  {ca.path_in_schema}: ours {ca.total_compressed_size} pyarrow {cb.total_compressed_size}")
