"""Glean's Parquet writer against pyarrow's pq.write_table on the same tables, for `make bench`.

usage: python parquet_compare.py GLEAN_BENCH WORK_DIR RUNS TABLE.parquet...

Each TABLE.parquet is a table Glean exported. It is read with pyarrow (not timed) and handed,
row for row and with its schema, to both writers:
- GleanBench (Sources/GleanBench) loads it from a JSON-lines copy, then times RUNS times
  ParquetWriter(path:schema:options:) + write(row:) for every row + close(), zstd at the
  writer's default level;
- this process times RUNS times pq.write_table(table, path, compression="zstd") at pyarrow's
  default level, and again with compression_level equal to Glean's default (3).
Glean's runs come first (one GleanBench process: loading its copy is not timed), pyarrow's
right after, table by table, so that both see the same machine. Prints one JSON
object: {"tables": [{"table", "rows", "glean_seconds", "glean_bytes", "pyarrow_seconds",
"pyarrow_bytes", "pyarrow_l3_seconds", "pyarrow_l3_bytes"}], "pyarrow": version}; every
*_seconds is a list with one time per run.
"""

import json
import os
import subprocess
import sys
import time

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

GLEAN_ZSTD_LEVEL = 3  # ParquetWriterOptions.compressionLevel nil = zstd 3


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


def main():
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    glean_bench, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.makedirs(work, exist_ok=True)
    results = []
    for source in sys.argv[4:]:
        name = os.path.basename(source).removesuffix(".parquet")
        table = pq.read_table(source)
        unsupported = [f.name for f in table.schema if bench_type(f.type) is None]
        if unsupported:
            print("parquet_compare: skipping %s: no writer type for %s" % (source, unsupported), file=sys.stderr)
            continue
        table = table.replace_schema_metadata(None)
        jsonl = os.path.join(work, name + ".jsonl")
        write_jsonl(table, name, jsonl)
        glean_out = os.path.join(work, name + ".glean.parquet")
        py_out = os.path.join(work, name + ".pyarrow.parquet")
        py3_out = os.path.join(work, name + ".pyarrow-l3.parquet")
        rec = {"table": name, "source": source, "rows": table.num_rows, "glean_seconds": [],
               "pyarrow_seconds": [], "pyarrow_l3_seconds": []}
        done = subprocess.run([glean_bench, "parquet", jsonl, glean_out, "--runs", str(runs), "--codec", "zstd"],
                              check=True, capture_output=True, text=True)
        g = json.loads(done.stdout)
        if g["rows"] != table.num_rows:
            raise SystemExit("parquet_compare: GleanBench wrote %d rows of %s, not %d" % (g["rows"], name, table.num_rows))
        rec["glean_seconds"] = g["seconds"]
        rec["glean_bytes"] = g["bytes"]
        for _ in range(runs):
            for key, out, level in (("pyarrow_seconds", py_out, None), ("pyarrow_l3_seconds", py3_out, GLEAN_ZSTD_LEVEL)):
                if os.path.exists(out):
                    os.remove(out)
                start = time.perf_counter()
                pq.write_table(table, out, compression="zstd", compression_level=level)
                rec[key].append(time.perf_counter() - start)
        rec["pyarrow_bytes"] = os.path.getsize(py_out)
        rec["pyarrow_l3_bytes"] = os.path.getsize(py3_out)
        check = pq.read_table(glean_out)
        if check.num_rows != table.num_rows:
            raise SystemExit("parquet_compare: %s read back with %d rows, not %d" % (glean_out, check.num_rows, table.num_rows))
        os.remove(jsonl)
        results.append(rec)
    print(json.dumps({"tables": results, "pyarrow": pa.__version__}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
