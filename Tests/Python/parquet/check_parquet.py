#!/usr/bin/env python3
"""Read a Parquet file (or a Hive dataset) written by GleanParquet back with pyarrow, DuckDB
and polars, and compare VALUES with an expected JSON spec. Called by the Swift tests.

usage: check_parquet.py file  FILE EXPECTED.json
       check_parquet.py dataset ROOT EXPECTED.json

EXPECTED.json:
  {"rows": N,
   "columns": {"name": [v, ...]},         # dates as int days, timestamps as int micros,
                                           # doubles may be NaN/Infinity tokens
   "generated": {"name": {"kind": "range", "start": 0, "step": 1}     # optional rules for
                 | {"kind": "format", "template": "row-{i}"}          # big tables
                 | {"kind": "cycle", "values": [...]}},
   "row_groups": N, "min_row_groups": N,    # optional
   "created_by": "...", "kv": {"k": "v"},   # optional
   "stats": {"path.in.schema": {"min": x, "max": x, "null_count": n,   # optional, row group 0,
                                "min_exact": b, "max_exact": b}},    # (exact flags via DuckDB)
                                           # min/max compared as the raw bytes decoded per type
   "dictionary": {"path.in.schema": true}, # optional: has_dictionary_page in row group 0
   "encodings": {"path.in.schema": ["PLAIN", ...]},  # optional, row group 0
   "codec": "ZSTD"}                         # optional, every chunk
For a dataset: "partition": ["col", ...] lists partition columns; their values are compared
as text (str(v)), rows as an unordered multiset. "spark": true also reads it with Spark
(pyspark, local mode; needs Java).
Also runs /work/shared/eval/validate_parquet.py on each file when it exists.
Prints OK on success; exits 1 with the reason otherwise.
"""
import contextlib
import io
import json
import math
import os
import runpy
import struct
import sys

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

VALIDATOR = "/work/shared/eval/validate_parquet.py"


def sql_quote(s):
    return s.replace("'", "''")


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def normalize_table(t, keep=()):
    """date -> int days, timestamp -> int micros (except columns in keep)."""
    out = {}
    for name in t.column_names:
        col = t.column(name)
        ty = col.type
        if name in keep:
            pass
        elif pa.types.is_date32(ty):
            col = col.cast(pa.int32())
        elif pa.types.is_timestamp(ty):
            if ty.unit != "us":
                col = col.cast(pa.timestamp("us", tz=ty.tz))
            col = col.cast(pa.int64())
        out[name] = col.to_pylist()
    return out


def same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        if math.isnan(a) and math.isnan(b):
            return True
        return struct.pack("<d", a) == struct.pack("<d", b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, bool) != isinstance(b, bool):
        return False
    if isinstance(a, float) != isinstance(b, float):
        return False
    return a == b


def generate(gen, rows):
    """Expected values described by a rule: range, format with {i}, or cycle."""
    out = {}
    for name, g in gen.items():
        kind = g["kind"]
        if kind == "range":
            out[name] = list(range(g.get("start", 0), g.get("start", 0) + g.get("step", 1) * rows, g.get("step", 1)))
        elif kind == "format":
            out[name] = [g["template"].replace("{i}", str(i)) for i in range(rows)]
        elif kind == "cycle":
            vals = g["values"]
            out[name] = [vals[i % len(vals)] for i in range(rows)]
        else:
            fail(f"unknown generator {kind}")
    return out


def compare_columns(reader, got, expected, rows):
    for name, exp in expected.items():
        if name not in got:
            fail(f"{reader}: column {name} missing (has {list(got)})")
        g = got[name]
        if len(g) != rows:
            fail(f"{reader}: column {name} has {len(g)} values, expected {rows}")
        if len(exp) != rows:
            fail(f"expected column {name} has {len(exp)} values, not {rows}")
        if g == exp and not any(isinstance(v, float) for v in exp[:1000]):
            continue
        for i, (x, y) in enumerate(zip(g, exp)):
            if not same(x, y):
                fail(f"{reader}: column {name} row {i}: got {x!r}, expected {y!r}")


def run_validator(path, rows):
    if not os.path.exists(VALIDATOR):
        return "validator absent, skipped"
    old_argv = sys.argv
    sys.argv = [VALIDATOR, path, "--rows", str(rows)]
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            runpy.run_path(VALIDATOR, run_name="__main__")
    except SystemExit as e:
        if e.code not in (0, None):
            fail(f"validator exit {e.code}:\n{buf.getvalue()}")
    except Exception as e:  # noqa: BLE001
        # DuckDB needs pytz to turn TIMESTAMPTZ into Python objects in fetchall(); that is
        # the environment, not the file (the values were checked above through Arrow).
        if "pytz" in str(e) and "pyarrow OK" in buf.getvalue():
            return "validator: pyarrow OK, stopped at DuckDB fetchall (pytz missing in this python)"
        fail(f"validator: {type(e).__name__}: {e}\n{buf.getvalue()}")
    finally:
        sys.argv = old_argv
    if "ALL OK" not in buf.getvalue():
        fail("validator did not print ALL OK:\n" + buf.getvalue())
    return "validator ALL OK"


def decode_stat(phys, logical, raw):
    """pyarrow already decodes; keep ints for dates/timestamps."""
    if raw is None:
        return None
    if hasattr(raw, "toordinal") and not hasattr(raw, "hour"):  # date
        return raw.toordinal() - 719163
    if hasattr(raw, "timestamp") and hasattr(raw, "hour"):
        import datetime
        epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
        d = raw - epoch
        return (d.days * 86400 + d.seconds) * 1_000_000 + d.microseconds
    return raw


def check_file(path, spec):
    rows = spec["rows"]
    expected = dict(spec.get("columns", {}))
    expected.update(generate(spec.get("generated", {}), rows))
    pf = pq.ParquetFile(path)
    md = pf.metadata
    if md.num_rows != rows:
        fail(f"num_rows {md.num_rows} != {rows}")
    if "row_groups" in spec and md.num_row_groups != spec["row_groups"]:
        fail(f"row groups {md.num_row_groups} != {spec['row_groups']}")
    if "min_row_groups" in spec and md.num_row_groups < spec["min_row_groups"]:
        fail(f"row groups {md.num_row_groups} < {spec['min_row_groups']}")
    if "created_by" in spec and md.created_by != spec["created_by"]:
        fail(f"created_by {md.created_by!r} != {spec['created_by']!r}")
    if "kv" in spec:
        kv = {k.decode(): v.decode() for k, v in (md.metadata or {}).items()}
        if kv != spec["kv"]:
            fail(f"kv {kv} != {spec['kv']}")
    if md.format_version not in ("1.0",):
        fail(f"format version {md.format_version}")
    if md.num_row_groups > 0:
        rg = md.row_group(0)
        cols = {rg.column(j).path_in_schema: rg.column(j) for j in range(rg.num_columns)}
        for p, st in spec.get("stats", {}).items():
            c = cols[p].statistics
            if c is None:
                fail(f"{p}: no statistics")
            if "null_count" in st and c.null_count != st["null_count"]:
                fail(f"{p}: null_count {c.null_count} != {st['null_count']}")
            if "min" in st:
                if st["min"] is None:
                    if c.has_min_max:
                        fail(f"{p}: unexpected min/max {c.min!r}")
                else:
                    mn, mx = decode_stat(c.physical_type, c.logical_type, c.min), decode_stat(c.physical_type, c.logical_type, c.max)
                    if not same(mn, st["min"]) or not same(mx, st["max"]):
                        fail(f"{p}: min/max {mn!r}/{mx!r} != {st['min']!r}/{st['max']!r}")
        exact_specs = {p: st for p, st in spec.get("stats", {}).items() if "min_exact" in st or "max_exact" in st}
        if exact_specs:
            con = duckdb.connect()
            meta = con.sql(
                f"SELECT path_in_schema, min_is_exact, max_is_exact FROM parquet_metadata('{sql_quote(path)}') "
                "WHERE row_group_id = 0").fetchall()
            flags = {r[0].replace(", ", "."): (r[1], r[2]) for r in meta}
            for p, st in exact_specs.items():
                got_min, got_max = flags[p]
                if "min_exact" in st and got_min != st["min_exact"]:
                    fail(f"{p}: min_is_exact {got_min} != {st['min_exact']}")
                if "max_exact" in st and got_max != st["max_exact"]:
                    fail(f"{p}: max_is_exact {got_max} != {st['max_exact']}")
        for p, want in spec.get("dictionary", {}).items():
            if cols[p].has_dictionary_page != want:
                fail(f"{p}: has_dictionary_page {cols[p].has_dictionary_page} != {want}")
        for p, want in spec.get("encodings", {}).items():
            if list(cols[p].encodings) != want:
                fail(f"{p}: encodings {cols[p].encodings} != {want}")
    # Layout: chunks back to back from offset 4, each spanning total_compressed_size, the
    # last one ending where the footer starts; dictionary page before the first data page.
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        fh.seek(size - 8)
        footer_len = struct.unpack("<I", fh.read(4))[0]
    expect_at = 4
    for i in range(md.num_row_groups):
        rg = md.row_group(i)
        total_uncompressed = 0
        for j in range(rg.num_columns):
            c = rg.column(j)
            start = c.dictionary_page_offset if c.has_dictionary_page else c.data_page_offset
            if c.has_dictionary_page and not (c.dictionary_page_offset < c.data_page_offset):
                fail(f"rg{i} col{j}: dictionary page offset {c.dictionary_page_offset} >= data page {c.data_page_offset}")
            if start != expect_at:
                fail(f"rg{i} col{j}: chunk starts at {start}, expected {expect_at}")
            expect_at = start + c.total_compressed_size
            total_uncompressed += c.total_uncompressed_size
        if rg.total_byte_size != total_uncompressed:
            fail(f"rg{i}: total_byte_size {rg.total_byte_size} != {total_uncompressed}")
    if expect_at != size - 8 - footer_len:
        fail(f"last chunk ends at {expect_at}, footer starts at {size - 8 - footer_len}")
    if "codec" in spec:
        for i in range(md.num_row_groups):
            rg = md.row_group(i)
            for j in range(rg.num_columns):
                if rg.column(j).compression != spec["codec"]:
                    fail(f"rg{i} col{j}: codec {rg.column(j).compression} != {spec['codec']}")

    # 1. pyarrow
    compare_columns("pyarrow", normalize_table(pq.read_table(path)), expected, rows)
    # 2. DuckDB (through Arrow, so TIMESTAMPTZ needs no pytz)
    con = duckdb.connect()
    con.execute("SET TimeZone='UTC'")
    t = con.sql(f"SELECT * FROM read_parquet('{sql_quote(path)}')").to_arrow_table()
    if t.num_rows != rows:
        fail(f"duckdb rows {t.num_rows} != {rows}")
    compare_columns("duckdb", normalize_table(t), expected, rows)
    # 3. polars
    t = pl.read_parquet(path).to_arrow()
    if t.num_rows != rows:
        fail(f"polars rows {t.num_rows} != {rows}")
    compare_columns("polars", normalize_table(t), expected, rows)
    return run_validator(path, rows)


def row_key(row):
    return json.dumps(row, sort_keys=True, default=str)


def to_rows(cols, names, partition):
    n = len(cols[names[0]]) if names else 0
    rows = []
    for i in range(n):
        r = []
        for name in names:
            v = cols[name][i]
            if name in partition and v is not None:
                v = v.isoformat() if hasattr(v, "isoformat") else str(v)
                if v in ("True", "False"):
                    v = v.lower()
            r.append(v)
        rows.append(r)
    return sorted(rows, key=row_key)


def check_dataset(root, spec):
    rows = spec["rows"]
    expected = spec["columns"]
    partition = spec.get("partition", [])
    names = list(expected)
    exp_rows = sorted(
        ([None if v is None else (str(v).lower() if isinstance(v, bool) else str(v)) if n in partition else v
          for n, v in zip(names, r)] for r in zip(*[expected[n] for n in names])),
        key=row_key)
    if not os.path.exists(os.path.join(root, "_SUCCESS")):
        fail("_SUCCESS missing")
    for d, _, files in os.walk(root):
        for f in files:
            if f.endswith(".inprogress"):
                fail(f"leftover in-progress file {os.path.join(d, f)}")
    # pyarrow.dataset
    t = ds.dataset(root, format="parquet", partitioning="hive").to_table()
    got = to_rows(normalize_table(t, partition), names, partition)
    if len(got) != rows:
        fail(f"pyarrow.dataset rows {len(got)} != {rows}")
    for a, b in zip(got, exp_rows):
        if not same(a, b):
            fail(f"pyarrow.dataset row {a!r} != {b!r}")
    # DuckDB
    con = duckdb.connect()
    glob = sql_quote(os.path.join(root, "**", "*.parquet"))
    t = con.sql(f"SELECT * FROM read_parquet('{glob}', hive_partitioning=true)").to_arrow_table()
    got = to_rows(normalize_table(t, partition), names, partition)
    if len(got) != rows:
        fail(f"duckdb rows {len(got)} != {rows}")
    for a, b in zip(got, exp_rows):
        if not same(a, b):
            fail(f"duckdb row {a!r} != {b!r}")
    notes = []
    # Spark (local, one core): Hive partition discovery with its own unescaping of the folder
    # names; partition values kept as text, as above.
    if spec.get("spark"):
        got = spark_rows(root, names, partition)
        if len(got) != rows:
            fail(f"spark rows {len(got)} != {rows}")
        for a, b in zip(got, exp_rows):
            if not same(a, b):
                fail(f"spark row {a!r} != {b!r}")
        notes.append("spark " + SPARK_VERSION[0])
    for d, _, files in os.walk(root):
        for f in files:
            if f.endswith(".parquet"):
                p = os.path.join(d, f)
                n = pq.ParquetFile(p).metadata.num_rows
                notes.append(run_validator(p, n))
    return "; ".join(sorted(set(notes)))


SPARK_VERSION = [""]


def spark_rows(root, names, partition):
    """The dataset as read by Spark, rows in the form to_rows gives (dates as days, timestamps
    as UTC microseconds)."""
    import datetime
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[1]").appName("glean-check")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    SPARK_VERSION[0] = spark.version
    epoch = datetime.date(1970, 1, 1)
    utc_epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)

    def plain(v):
        if isinstance(v, datetime.datetime):
            v = v if v.tzinfo else v.replace(tzinfo=datetime.timezone.utc)
            return (v - utc_epoch) // datetime.timedelta(microseconds=1)
        if isinstance(v, datetime.date):
            return (v - epoch).days
        if isinstance(v, list):
            return [plain(x) for x in v]
        return v

    try:
        df = spark.read.parquet(root)
        missing = [n for n in names if n not in df.columns]
        if missing:
            fail(f"spark: no column {missing}")
        cols = {n: [] for n in names}
        for r in df.collect():
            for n in names:
                cols[n].append(r[n] if n in partition else plain(r[n]))
    finally:
        spark.stop()
    return to_rows(cols, names, partition)


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("file", "dataset"):
        fail(__doc__)
    with open(sys.argv[3]) as fh:
        spec = json.load(fh)
    if sys.argv[1] == "file":
        note = check_file(sys.argv[2], spec)
    else:
        note = check_dataset(sys.argv[2], spec)
    print("OK (" + note + ")")


if __name__ == "__main__":
    main()
