#!/usr/bin/env python3
"""Read back a workbook Glean wrote, with real readers.

Usage:
  xlsx_check.py cells FILE.xlsx
      openpyxl: per sheet one JSON line {"sheet", "freeze", "filter", "bold_header"}, then one JSON
      list per row: [[value, type], ...] with type str, int, float, bool, datetime or none.
  xlsx_check.py libreoffice FILE.xlsx
      LibreOffice (headless) converts every sheet to CSV; prints per sheet {"sheet": name} and its
      rows as JSON lists of strings, then {"formulas": N}: the cells openpyxl reads as formulas.
  xlsx_check.py parquet FILE.xlsx PARQUET_DIR
      Compares every sheet, cell by cell, with PARQUET_DIR/<sheet>.parquet read by pyarrow: prints
      "ok <table> <rows>" per sheet, or each difference and exits 1.
"""
import csv, datetime, glob, json, os, shutil, subprocess, sys, tempfile
import openpyxl

def typed(v):
    if v is None: return [None, "none"]
    if isinstance(v, bool): return [v, "bool"]
    if isinstance(v, int): return [v, "int"]
    if isinstance(v, float): return [v, "float"]
    if isinstance(v, datetime.datetime): return [v.isoformat(), "datetime"]
    return [str(v), "str"]

def cells(path):
    wb = openpyxl.load_workbook(path)
    for ws in wb:
        bold = all(c.font.b for c in ws[1]) if ws.max_row >= 1 else None
        print(json.dumps({"sheet": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "bold_header": bold}, ensure_ascii=False))
        for row in ws.iter_rows(values_only=True):
            print(json.dumps([typed(v) for v in row], ensure_ascii=False))

def libreoffice(path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("xlsx_check: LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        profile = "file://" + os.path.join(tmp, "profile")
        # Sheet -1: every sheet to its own file <name>-<sheet>.csv (LibreOffice 7.2 and later).
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                        "--outdir", tmp, os.path.abspath(path)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        wb = openpyxl.load_workbook(path)
        stem = os.path.splitext(os.path.basename(path))[0]
        for ws in wb:
            out = os.path.join(tmp, f"{stem}-{ws.title}.csv")
            print(json.dumps({"sheet": ws.title}, ensure_ascii=False))
            with open(out, newline="", encoding="utf-8") as f:
                for row in csv.reader(f):
                    print(json.dumps(row, ensure_ascii=False))
        formulas = sum(1 for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f")
        print(json.dumps({"formulas": formulas}))

def expected(v):
    """What a Parquet value becomes in the workbook, as openpyxl reads it."""
    if v is None or v == "": return None
    if isinstance(v, list): return " | ".join(v) or None
    if isinstance(v, str): return v.replace("\r\n", "\n").replace("\r", "\n")
    if isinstance(v, datetime.datetime): return v.replace(tzinfo=None)
    if isinstance(v, datetime.date): return datetime.datetime(v.year, v.month, v.day)
    return v

def same(want, got):
    if isinstance(want, float) and isinstance(got, (int, float)) and not isinstance(got, bool):
        return abs(want - got) <= 1e-15 * max(1.0, abs(want))
    if isinstance(want, datetime.datetime) and isinstance(got, datetime.datetime):
        return abs((want - got).total_seconds()) < 0.001
    if isinstance(want, str) and isinstance(got, str) and len(want) > 32767:
        return got.startswith(want[:1000]) and "[…cut:" in got
    return type(want) is type(got) and want == got

def parquet(path, folder):
    import pyarrow.parquet as pq
    wb = openpyxl.load_workbook(path, read_only=True)
    bad = 0
    for ws in wb.worksheets:
        table = pq.read_table(os.path.join(folder, ws.title + ".parquet"))
        rows = list(ws.iter_rows(values_only=True))
        header, body = list(rows[0]), rows[1:]
        if header != table.column_names:
            print(f"{ws.title}: header {header} != {table.column_names}"); bad += 1; continue
        if len(body) != table.num_rows:
            print(f"{ws.title}: {len(body)} rows, Parquet {table.num_rows}"); bad += 1; continue
        columns = {name: table.column(name).to_pylist() for name in table.column_names}
        before = bad
        for r, row in enumerate(body):
            for c, name in enumerate(header):
                want, got = expected(columns[name][r]), row[c] if c < len(row) else None
                if not same(want, got):
                    bad += 1
                    if bad <= 20: print(f"{ws.title} row {r + 2} {name}: Parquet {want!r}, workbook {got!r}")
        if bad == before: print(f"ok {ws.title} {len(body)}")
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    mode = sys.argv[1]
    {"cells": lambda: cells(sys.argv[2]), "libreoffice": lambda: libreoffice(sys.argv[2]),
     "parquet": lambda: parquet(sys.argv[2], sys.argv[3])}[mode]()
