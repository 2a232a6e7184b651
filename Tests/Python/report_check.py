#!/usr/bin/env python3
"""Loads a run folder's report.html in a real browser (Debian's chromium, headless) and checks it.

Usage: report_check.py OUT SCREENSHOT.png

- the page loads with no console message at all (no error, no warning, no log);
- every document of the browser has as many highlighted spans (<mark> elements) as the run's CSV
  tables have fact rows for it (fact tables: those with doc_id and offset/length or first_offset),
  read here with Python's csv module, independently of Glean's reader;
- a screenshot of the page is written to SCREENSHOT.png.
Prints one line per document (doc_id, fact rows, marks) and exits 1 on any mismatch.
"""
import collections
import csv
import glob
import html.parser
import os
import subprocess
import sys
import tempfile

csv.field_size_limit(1 << 30)


def chromium(args, profile):
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-extensions", "--disable-background-networking", "--disable-sync",
           "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"] + args
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


class Marks(html.parser.HTMLParser):
    """Counts <mark> elements inside each <article class="doc">."""

    def __init__(self):
        super().__init__()
        self.doc = None
        self.depth = 0
        self.marks = {}
        self.rows = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article" and "doc" in (a.get("class") or "").split():
            self.doc = a["data-doc-id"]
            self.depth = 1
            self.marks[self.doc] = 0
            self.rows[self.doc] = int(a["data-fact-rows"])
        elif self.doc is not None:
            if tag == "article":
                self.depth += 1
            if tag == "mark":
                self.marks[self.doc] += 1

    def handle_endtag(self, tag):
        if self.doc is not None and tag == "article":
            self.depth -= 1
            if self.depth == 0:
                self.doc = None


def fact_rows(out):
    rows = collections.Counter()
    for path in sorted(glob.glob(os.path.join(out, "csv", "*.csv")) + glob.glob(os.path.join(out, "csv", "*", "*.csv"))):
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            cols = set(reader.fieldnames or [])
            if "doc_id" not in cols or not ({"offset", "length"} <= cols or "first_offset" in cols):
                continue
            for row in reader:
                rows[row["doc_id"]] += 1
    return rows


def main():
    out, shot = sys.argv[1], sys.argv[2]
    page = "file://" + os.path.abspath(os.path.join(out, "report.html"))
    with tempfile.TemporaryDirectory() as profile:
        dom = chromium(["--dump-dom", page], profile)
        if dom.returncode != 0:
            print("chromium failed:", dom.stderr[-2000:], file=sys.stderr)
            return 1
        console = [line for line in dom.stderr.splitlines() if ":CONSOLE" in line]
        failed = False
        if console:
            print("console messages:\n" + "\n".join(console), file=sys.stderr)
            failed = True
        os.makedirs(os.path.dirname(os.path.abspath(shot)), exist_ok=True)
        taken = chromium(["--hide-scrollbars", "--window-size=1280,2000", "--screenshot=" + os.path.abspath(shot), page], profile)
        if taken.returncode != 0 or not os.path.exists(shot):
            print("screenshot failed:", taken.stderr[-2000:], file=sys.stderr)
            failed = True
    parser = Marks()
    parser.feed(dom.stdout)
    expected = fact_rows(out)
    if not parser.marks:
        print("no document in the page's browser", file=sys.stderr)
        failed = True
    for doc in sorted(parser.marks):
        marks, rows = parser.marks[doc], expected.get(doc, 0)
        print(f"{doc}\t{rows}\t{marks}")
        if marks != rows or parser.rows[doc] != rows:
            print(f"{doc}: {rows} fact rows in the tables, {parser.rows[doc]} in the page, {marks} marks", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
