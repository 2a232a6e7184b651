#!/usr/bin/env python3
"""Compare a table's CSV with its Parquet file value by value.

Usage: compare_csv_parquet.py TABLE.csv TABLE.parquet
Prints 'same N rows' and exits 0, or prints the first difference and exits 1.
The CSV is read with Python's csv module (utf-8-sig); Parquet with pyarrow, and the
values compared after rendering both the way Glean writes CSV (plain decimals, ' | ' lists,
ISO dates, empty for null, a leading apostrophe on neutralised text cells).
"""
import csv, datetime, sys
from decimal import Decimal
import pyarrow.parquet as pq

csv.field_size_limit(1 << 30)

def plain(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        if v == int(v) and abs(v) < 1e15:
            return str(int(v))
        text = format(Decimal(repr(v)), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(v, list):
        return " | ".join(neutral(x) for x in v)
    if isinstance(v, datetime.datetime):
        s = v.strftime("%Y-%m-%dT%H:%M:%S")
        if v.microsecond:
            s += ".%06d" % v.microsecond
        return s + "Z"
    if isinstance(v, datetime.date):
        return v.isoformat()
    return str(v)

def neutral(s):
    return "'" + s if s and s[0] in "=+-@\t\r" else s

def main():
    with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    table = pq.read_table(sys.argv[2])
    if table.column_names != header:
        print("columns differ:", table.column_names, header)
        return 1
    if table.num_rows != len(body):
        print("row counts differ:", table.num_rows, len(body))
        return 1
    cols = [table.column(i).to_pylist() for i in range(table.num_columns)]
    for r, row in enumerate(body):
        for c, name in enumerate(header):
            got = cols[c][r]
            want = row[c]
            rendered = plain(got)
            if isinstance(got, str) and want.startswith("'") and neutral(got) == want:
                continue
            if rendered != want:
                print(f"row {r} column {name}: parquet {got!r} vs csv {want!r}")
                return 1
    print(f"same {len(body)} rows")
    return 0

if __name__ == "__main__":
    sys.exit(main())
