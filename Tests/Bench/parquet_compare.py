"""Glean's Parquet writer against pyarrow's pq.write_table on the same tables, for `make bench`.

usage: python parquet_compare.py GLEAN_BENCH WORK_DIR RUNS TABLE.parquet... [--codec C] [--no-level3]

Each TABLE.parquet is a table Glean exported. It is read with pyarrow (not timed) and handed,
row for row and with its schema, to both writers, with the same codec C (zstd, snappy, gzip or
none; default zstd) at the same level:
- GleanBench (Sources/GleanBench) loads it from a JSON-lines copy into one ParquetRowBatch
  (columns laid out like Arrow arrays; not timed), then times RUNS times
  ParquetWriter(path:schema:options:) + write(batch:) + close() (the batch API the pipeline's
  ParquetTableWriter feeds from its cells);
- this process times RUNS times pq.write_table(table, path, compression=C) on the Arrow table
  already in memory, at pyarrow's default level (what pyarrow users get).
Both run at pyarrow's default level: zstd 1 (Arrow C++'s default, and Glean's:
ParquetWriterOptions.compressionLevel nil = zstd 1, so GleanBench runs at its own default);
gzip 9 (Arrow's default; Glean's own default is 6, so GleanBench gets --level 9); snappy and
none have no level.
For zstd, both writers are timed again at level 3 (Glean with --level 3, pyarrow with
compression_level=3): the *_l3 figures (skip them with --no-level3).
Glean's runs come first (one GleanBench process: loading its copy is not timed), pyarrow's
right after, table by table, so that both see the same machine. Every *_seconds is a list of
wall times, one per run; every *_cpu_seconds the process CPU times (user + system, all threads)
of the same runs, steadier when other work shares the machine. Prints one JSON object:
{"codec", "level", "tables": [{"table", "source", "rows", "glean_seconds", "glean_cpu_seconds",
"glean_bytes", "pyarrow_seconds", "pyarrow_cpu_seconds", "pyarrow_bytes", and for zstd
"glean_l3_seconds", "glean_l3_cpu_seconds", "glean_l3_bytes", "pyarrow_l3_seconds",
"pyarrow_l3_cpu_seconds", "pyarrow_l3_bytes"}], "pyarrow": version}.
"""

import json
import os
import subprocess
import sys
import time

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

# pyarrow's default level per codec (checked: the same bytes as passing it explicitly), and
# GleanParquet's (ParquetWriterOptions.compressionLevel nil).
DEFAULT_LEVEL = {"zstd": 1, "gzip": 9, "snappy": None, "none": None}
GLEAN_DEFAULT_LEVEL = {"zstd": 1, "gzip": 6, "snappy": None, "none": None}
# The second zstd level timed on both sides.
LEVEL3 = 3


def bench_type(t):
    """The GleanBench type name for a pyarrow type, or None when the writer has no such type."""
    if pa.types.is_dictionary(t):
        return bench_type(t.value_type)
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "string"
    if pa.types.is_int32(t) or pa.types.is_int16(t) or pa.types.is_int8(t):
        return "int32"
    if pa.types.is_integer(t):
        return "int64"
    if pa.types.is_floating(t):
        return "double"
    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_date32(t):
        return "date"
    if pa.types.is_timestamp(t):
        return "timestamp"
    if (pa.types.is_list(t) or pa.types.is_large_list(t)) and (
            pa.types.is_string(t.value_type) or pa.types.is_large_string(t.value_type)):
        return "string_list"
    return None


def to_plain(column, kind):
    """The column as Python values GleanBench reads: days and microseconds as integers."""
    if pa.types.is_dictionary(column.type):
        column = column.dictionary_decode() if hasattr(column, "dictionary_decode") else pc.cast(column, column.type.value_type)
    if kind == "date":
        column = pc.cast(column, pa.int32())
    elif kind == "timestamp":
        column = pc.cast(pc.cast(column, pa.timestamp("us", tz=column.type.tz)), pa.int64())
    return column.to_pylist()


def write_jsonl(table, name, path):
    kinds = [bench_type(f.type) for f in table.schema]
    header = {"name": name, "columns": [
        {"name": f.name, "type": k, "nullable": f.nullable} for f, k in zip(table.schema, kinds)]}
    columns = [to_plain(table.column(i).combine_chunks(), k) for i, k in enumerate(kinds)]
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(header, ensure_ascii=False) + "\n")
        for row in zip(*columns):
            f.write(json.dumps(list(row), ensure_ascii=False) + "\n")


def run_glean(glean_bench, jsonl, out, runs, codec, level):
    cmd = [glean_bench, "parquet", jsonl, out, "--runs", str(runs), "--codec", codec]
    if level is not None:
        cmd += ["--level", str(level)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def run_pyarrow(table, out, runs, codec, level):
    """Wall and CPU seconds of `runs` calls of pq.write_table, and the file size."""
    wall, cpu = [], []
    for _ in range(runs):
        if os.path.exists(out):
            os.remove(out)
        c0, w0 = time.process_time(), time.perf_counter()
        pq.write_table(table, out, compression=codec, compression_level=level)
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return wall, cpu, os.path.getsize(out)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    codec, level3 = "zstd", True
    argv = sys.argv[1:]
    if "--codec" in argv:
        i = argv.index("--codec")
        if i + 1 >= len(argv):
            print(__doc__, file=sys.stderr)
            return 2
        codec = argv[i + 1]
        args.remove(codec)
    if "--no-level3" in argv:
        level3 = False
    if len(args) < 4 or codec not in DEFAULT_LEVEL:
        print(__doc__, file=sys.stderr)
        return 2
    glean_bench, work, runs = args[0], args[1], int(args[2])
    os.makedirs(work, exist_ok=True)
    results = []
    used = set()
    for source in args[3:]:
        name = os.path.basename(source).removesuffix(".parquet")
        # Work files get a unique stem: two runs may both export a table of the same name.
        stem, k = name, 2
        while stem in used:
            stem, k = "%s-%d" % (name, k), k + 1
        used.add(stem)
        table = pq.read_table(source)
        unsupported = [f.name for f in table.schema if bench_type(f.type) is None]
        if unsupported:
            print("parquet_compare: skipping %s: no writer type for %s" % (source, unsupported), file=sys.stderr)
            continue
        table = table.replace_schema_metadata(None)
        jsonl = os.path.join(work, stem + ".jsonl")
        write_jsonl(table, name, jsonl)
        glean_out = os.path.join(work, stem + ".glean.parquet")
        py_out = os.path.join(work, stem + ".pyarrow.parquet")
        rec = {"table": name, "source": source, "rows": table.num_rows}
        # Glean at pyarrow's default level; no --level when that is Glean's default too (the
        # pipeline's setting).
        level = None if DEFAULT_LEVEL[codec] == GLEAN_DEFAULT_LEVEL[codec] else DEFAULT_LEVEL[codec]
        g = run_glean(glean_bench, jsonl, glean_out, runs, codec, level)
        if g["rows"] != table.num_rows:
            raise SystemExit("parquet_compare: GleanBench wrote %d rows of %s, not %d" % (g["rows"], name, table.num_rows))
        rec.update(glean_seconds=g["seconds"], glean_cpu_seconds=g["cpu_seconds"], glean_bytes=g["bytes"])
        wall, cpu, size = run_pyarrow(table, py_out, runs, codec, DEFAULT_LEVEL[codec])
        rec.update(pyarrow_seconds=wall, pyarrow_cpu_seconds=cpu, pyarrow_bytes=size)
        check = pq.read_table(glean_out)
        if check.num_rows != table.num_rows:
            raise SystemExit("parquet_compare: %s read back with %d rows, not %d" % (glean_out, check.num_rows, table.num_rows))
        if codec == "zstd" and level3:
            g3_out = os.path.join(work, stem + ".glean-l3.parquet")
            p3_out = os.path.join(work, stem + ".pyarrow-l3.parquet")
            g = run_glean(glean_bench, jsonl, g3_out, runs, codec, LEVEL3)
            rec.update(glean_l3_seconds=g["seconds"], glean_l3_cpu_seconds=g["cpu_seconds"], glean_l3_bytes=g["bytes"])
            wall, cpu, size = run_pyarrow(table, p3_out, runs, codec, LEVEL3)
            rec.update(pyarrow_l3_seconds=wall, pyarrow_l3_cpu_seconds=cpu, pyarrow_l3_bytes=size)
        os.remove(jsonl)
        results.append(rec)
    print(json.dumps({"codec": codec, "level": DEFAULT_LEVEL[codec], "tables": results, "pyarrow": pa.__version__}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
