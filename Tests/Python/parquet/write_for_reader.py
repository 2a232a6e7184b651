"""Writes Parquet files with pyarrow for GleanParquet's reader tests (ReaderTests.swift).

Usage: write_for_reader.py OUT_DIR CODEC

Writes OUT_DIR/v{1,2}-{dict,plain}.parquet: the same 50 rows (the formulas are mirrored in
ReaderTests.swift's pyarrowRows), in row groups of 17 rows and small pages, with data page
version 1.0 or 2.0 and dictionary encoding on or off, compressed with CODEC.
"""
import sys

import pyarrow as pa
import pyarrow.parquet as pq

WORDS = ["alpha", "δέλτα", "日本語", "", "emoji 🎉", "quote \" and \n"]


def rows(n):
    cols = {k: [] for k in ["s", "i32", "i64", "f32", "d", "b", "dt", "ts_us", "ts_ms", "ts_ns", "tags", "i8"]}
    for i in range(n):
        cols["s"].append(None if i % 7 == 3 else WORDS[i % len(WORDS)])
        cols["i32"].append(None if i % 5 == 1 else i * 1000 - 7)
        cols["i64"].append(i * -123456789)
        cols["f32"].append(None if i % 6 == 0 else i / 4)
        cols["d"].append(None if i % 9 == 2 else i / 8 - 2)
        cols["b"].append(None if i % 4 == 2 else i % 3 == 0)
        cols["dt"].append(None if i % 6 == 5 else i * 37 - 1000)
        cols["ts_us"].append(None if i % 8 == 7 else i * 86400123457 - 5)
        cols["ts_ms"].append(i * 1000003 - 20)
        cols["ts_ns"].append(i * 1000000007 - 3000)
        cols["tags"].append([None, [], ["x", None, "y%d" % i], ["z"], [None]][i % 5])
        cols["i8"].append(i % 100 - 50)
    return pa.table({
        "s": pa.array(cols["s"], pa.string()),
        "i32": pa.array(cols["i32"], pa.int32()),
        "i64": pa.array(cols["i64"], pa.int64()),
        "f32": pa.array(cols["f32"], pa.float32()),
        "d": pa.array(cols["d"], pa.float64()),
        "b": pa.array(cols["b"], pa.bool_()),
        "dt": pa.array(cols["dt"], pa.int32()).cast(pa.date32()),
        "ts_us": pa.array(cols["ts_us"], pa.int64()).cast(pa.timestamp("us", tz="UTC")),
        "ts_ms": pa.array(cols["ts_ms"], pa.int64()).cast(pa.timestamp("ms")),
        "ts_ns": pa.array(cols["ts_ns"], pa.int64()).cast(pa.timestamp("ns")),
        "tags": pa.array(cols["tags"], pa.list_(pa.string())),
        "i8": pa.array(cols["i8"], pa.int8()),
    })


def main():
    out, codec = sys.argv[1], sys.argv[2]
    table = rows(50)
    for version in ("1", "2"):
        for dictionary in (True, False):
            name = "%s/v%s-%s.parquet" % (out, version, "dict" if dictionary else "plain")
            pq.write_table(table, name, compression=codec, use_dictionary=dictionary,
                           data_page_version=version + ".0", row_group_size=17, data_page_size=64)
    print("OK")


if __name__ == "__main__":
    main()
