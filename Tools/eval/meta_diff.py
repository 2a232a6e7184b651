#!/usr/bin/env python3
"""Lists the pages whose title or publication date a run got wrong, matched the way
../shared/eval/score_meta.py matches them (title: NFKC, case folding, collapsed spaces; date: the first
10 characters). For error analysis on a DEV share only: it refuses a validation page (Tools/eval/split.py),
whose figures must stay unread.

Usage: meta_diff.py --truth CORPUS/ground_truth.jsonl --csv OUT/csv [--only title|date] [--type PAGE_TYPE]
"""
import argparse, csv, json, re, unicodedata
from pathlib import Path

from split import is_validation

csv.field_size_limit(1 << 30)


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s or "")).strip().casefold()


def stem(path):
    name = str(path).replace("\\", "/").split("/")[-1]
    for ext in (".gz", ".html", ".htm", ".txt"):
        if name.endswith(ext):
            name = name[: -len(ext)]
    return name


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--truth", required=True, type=Path)
    ap.add_argument("--csv", required=True, type=Path)
    ap.add_argument("--only", choices=("title", "date"))
    ap.add_argument("--type", help="only pages of this page_type")
    a = ap.parse_args()
    docs = a.csv / "documents.csv" if a.csv.is_dir() else a.csv
    with docs.open(newline="", encoding="utf-8-sig") as f:
        pred = {stem(r["doc_id"]): r for r in csv.DictReader(f)}
    wrong = {"title": 0, "date": 0}
    for line in a.truth.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        g = json.loads(line)
        if is_validation(str(g["id"])):
            continue
        if a.type and g.get("page_type") != a.type:
            continue
        r = pred.get(stem(g["file"]), {})
        for field, got, want, same in (
            ("title", r.get("title"), g.get("title"), lambda x, y: norm(x) == norm(y)),
            ("date", (r.get("published") or "")[:10], (g.get("date") or "")[:10], lambda x, y: x == y),
        ):
            if a.only and a.only != field or not want or same(got, want):
                continue
            wrong[field] += 1
            print(f"{g['id']}\t{g.get('page_type', '')}\t{field}\twant={want!r}\tgot={got!r}\t{g.get('url', '')}")
    print(f"# wrong on the dev share: {wrong}")


if __name__ == "__main__":
    main()
