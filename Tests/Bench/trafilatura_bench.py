"""Trafilatura on the bench's HTML pages, for the Glean/trafilatura ratio of `make bench`.

usage: python trafilatura_bench.py FILELIST

FILELIST holds one .html.gz (or .html) path per line. One run, in this fresh process (so no
cache warmed by an earlier run helps): each page is read from disk, decompressed, and given to
trafilatura.bare_extraction with metadata extraction on (with_metadata=True, every other option
at its default), all of it timed. Prints one JSON object:
{"pages", "bytes" (uncompressed HTML), "seconds" (wall), "cpu_seconds", "failed", "with_title",
"with_date", "trafilatura"}.
"""

import gzip
import json
import sys
import time
import warnings


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        paths = [line.strip() for line in f if line.strip()]

    import logging

    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    import trafilatura  # imported before the clock starts: start-up is not per page

    total_bytes = failed = with_title = with_date = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for path in paths:
        with open(path, "rb") as f:
            raw = f.read()
        html = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
        total_bytes += len(html)
        try:
            doc = trafilatura.bare_extraction(html, with_metadata=True)
        except Exception:  # a page trafilatura cannot read counts as failed, not as a crash
            doc = None
        if doc is None:
            failed += 1
            continue
        if getattr(doc, "title", None):
            with_title += 1
        if getattr(doc, "date", None):
            with_date += 1
    wall = time.perf_counter() - wall0
    cpu = time.process_time() - cpu0
    print(json.dumps({
        "pages": len(paths), "bytes": total_bytes, "seconds": wall, "cpu_seconds": cpu,
        "failed": failed, "with_title": with_title, "with_date": with_date,
        "trafilatura": trafilatura.__version__,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
