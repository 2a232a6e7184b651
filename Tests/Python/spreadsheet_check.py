#!/usr/bin/env python3
"""Open a CSV the way an analyst's spreadsheet does and report what each cell became.

Usage: spreadsheet_check.py FILE.csv
LibreOffice (headless) converts the CSV to xlsx with the import filter
CSV:44,34,76,1,,0,true,false — comma, double quote, UTF-8, from line 1, default column types,
"quoted field as text" on, "detect special numbers" off — and openpyxl reads the cells back.
Prints one JSON list per row: [[value, type], ...] with type "str", "int", "float" or "none".
"""
import json, os, shutil, subprocess, sys, tempfile
import openpyxl

def main():
    src = os.path.abspath(sys.argv[1])
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("spreadsheet_check: LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        profile = "file://" + os.path.join(tmp, "profile")
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
                        "--infilter=CSV:44,34,76,1,,0,true,false", "--outdir", tmp, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        out = os.path.join(tmp, os.path.splitext(os.path.basename(src))[0] + ".xlsx")
        sheet = openpyxl.load_workbook(out).active
        for row in sheet.iter_rows(values_only=True):
            cells = []
            for v in row:
                if v is None:
                    cells.append([None, "none"])
                elif isinstance(v, bool):
                    cells.append([v, "bool"])
                elif isinstance(v, int):
                    cells.append([v, "int"])
                elif isinstance(v, float):
                    cells.append([int(v), "int"] if v.is_integer() else [v, "float"])
                else:
                    cells.append([str(v), "str"])
            print(json.dumps(cells, ensure_ascii=False))

if __name__ == "__main__":
    main()
