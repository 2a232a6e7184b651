#!/usr/bin/env python3
"""trafilatura's main text, title and date over a corpus, written as a documents.csv that our scorers read,
so the README's quality table sets Glean beside trafilatura on exactly the same pages and the same shares.

Usage: trafilatura_baseline.py CORPUS_DIR OUT_DIR
CORPUS_DIR holds html/<id>.html.gz; OUT_DIR/csv/documents.csv gets doc_id, title, published, text.
Runs in .venv-bench (Tests/Bench/requirements.txt pins trafilatura 2.3.1): `make eval-trafilatura`.
"""
import csv, gzip, logging, sys, warnings
from pathlib import Path


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    corpus, out = Path(sys.argv[1]), Path(sys.argv[2]) / "csv"
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    import trafilatura

    out.mkdir(parents=True, exist_ok=True)
    with (out / "documents.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["doc_id", "title", "published", "text"])
        for path in sorted((corpus / "html").glob("*.html*")):
            raw = path.read_bytes()
            html = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
            doc_id = path.name.split(".")[0]
            try:
                d = trafilatura.bare_extraction(html, with_metadata=True)
            except Exception:  # a page trafilatura cannot read scores as empty, as in the benchmark
                d = None
            if d is None:
                w.writerow([doc_id, "", "", ""])
                continue
            get = (lambda k: d.get(k)) if isinstance(d, dict) else (lambda k: getattr(d, k, None))
            w.writerow([doc_id, get("title") or "", get("date") or "", get("text") or ""])
    return 0


if __name__ == "__main__":
    sys.exit(main())
