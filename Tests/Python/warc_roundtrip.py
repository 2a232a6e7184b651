#!/usr/bin/env python3
"""Builds WARCs with warcio from dev pages, and checks Glean's reading of them against warcio's.

Usage:
  warc_roundtrip.py build CORPUS OUT N   N dev pages of CORPUS (wcxb layout: ground_truth.jsonl, html/ID.html.gz):
                                         OUT/pages/ID.html.gz (copies), OUT/warc/crawl.warc.gz (warcio, one gzip
                                         member per record), OUT/warc/plain.warc (uncompressed), OUT/bad/*.warc*
                                         (truncated, wrong Content-Length, a gzip member that does not inflate, not a
                                         WARC), OUT/expected.json (what warcio reads, and the bad records' offsets)
  warc_roundtrip.py check OUT RUN PAGES  compares RUN/csv/documents.csv (fetch.warc over OUT/warc) with warcio's
                                         reading: URIs, dates, places; each record fetched back by its place has
                                         warcio's payload digest; each page's text equals PAGES/csv/documents.csv's
                                         (fetch.files over OUT/pages) byte for byte. Prints 'ok N' or the differences.
  warc_roundtrip.py rejects OUT BAD      checks BAD/csv/rejects.csv names each bad part of OUT/bad (file and offset)
                                         and nothing else. Prints 'ok N' or the differences.
Only dev pages are used (Tools/eval/split.py's rule), never a validation page.
"""
import csv, datetime, gzip, hashlib, io, json, os, shutil, sys

import brotli
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

csv.field_size_limit(1 << 30)


def is_validation(doc_id: str) -> bool:
    # The same rule as Tools/eval/split.py (not imported: this script runs from the test venv).
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 5 == 0


def dev_pages(corpus: Path, n: int):
    pages = []
    for line in (corpus / "ground_truth.jsonl").read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        row = json.loads(line)
        if is_validation(str(row["id"])) or not row.get("url"):
            continue
        pages.append((str(row["id"]), row["url"]))
        if len(pages) == n:
            break
    return pages


def write_crawl(path: Path, pages, corpus: Path, gz: bool):
    """warcinfo, then per page a request and a response; a 404 and an image among them."""
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz, warc_version="WARC/1.1")
        w.write_record(w.create_warcinfo_record(path.name, {"software": "warcio test"}))
        for i, (pid, url) in enumerate(pages):
            body = gzip.decompress((corpus / "html" / f"{pid}.html.gz").read_bytes())
            date = f"2025-10-0{i % 9 + 1}T12:34:5{i % 10}Z"
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example")], protocol="HTTP/1.1", is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req,
                                                warc_headers_dict={"WARC-Date": date}))
            headers = [("Content-Type", "text/html")]
            payload = body
            if i % 3 == 1:
                headers.append(("Content-Encoding", "gzip"))
                payload = gzip.compress(body, mtime=0)
            elif i % 3 == 0 and i > 0:
                headers.append(("Content-Encoding", "br"))
                payload = brotli.compress(body)
            if i % 3 == 2:
                headers.append(("Transfer-Encoding", "chunked"))
                chunks = [payload[k:k + 4000] for k in range(0, len(payload), 4000)]
                payload = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http,
                                                warc_headers_dict={"WARC-Date": date}))
        http = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://example.com/missing", "response", payload=io.BytesIO(b"gone"), http_headers=http))
        http = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://example.com/logo.png", "response", payload=io.BytesIO(b"\x89PNG...."), http_headers=http))


def read_warc(path: Path):
    """warcio's reading: every response record with its place, date and payload digest."""
    out = []
    with open(path, "rb") as f:
        it = ArchiveIterator(f, check_digests=True)
        for record in it:
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            date = record.rec_headers.get_header("WARC-Date")
            digest = record.rec_headers.get_header("WARC-Payload-Digest")
            status = record.http_headers.get_statuscode()
            ctype = record.http_headers.get_header("Content-Type")
            record.content_stream().read()
            out.append({"uri": uri, "date": date, "digest": digest, "status": status, "type": ctype,
                        "offset": it.get_record_offset(), "length": it.get_record_length()})
    return out


def build(corpus: Path, out: Path, n: int):
    if out.exists():
        shutil.rmtree(out)
    (out / "pages").mkdir(parents=True)
    (out / "warc").mkdir()
    (out / "bad").mkdir()
    pages = dev_pages(corpus, n)
    for pid, _ in pages:
        shutil.copy(corpus / "html" / f"{pid}.html.gz", out / "pages" / f"{pid}.html.gz")
    write_crawl(out / "warc" / "crawl.warc.gz", pages, corpus, gz=True)
    write_crawl(out / "warc" / "plain.warc", pages[:2], corpus, gz=False)

    # The bad archives: each bad part, and the records around it still read.
    good = (out / "warc" / "crawl.warc.gz").read_bytes()
    records = read_members(out / "warc" / "crawl.warc.gz")
    bad = {}
    # A gzip member that does not inflate: the second page's response, its deflate data scrambled.
    victim = [r for r in records if r["type"] == "response"][1]
    data = bytearray(good)
    for k in range(victim["offset"] + 20, victim["offset"] + 60):
        data[k] ^= 0x5A
    (out / "bad" / "corrupt.warc.gz").write_bytes(bytes(data))
    bad["bad/corrupt.warc.gz"] = [victim["offset"]]
    # Truncated: the file cut in the middle of the last record.
    last = records[-1]
    (out / "bad" / "truncated.warc.gz").write_bytes(good[: last["offset"] + last["length"] // 2])
    bad["bad/truncated.warc.gz"] = [last["offset"]]
    # A wrong Content-Length in an uncompressed WARC: the first response says 7 bytes more than it has.
    plain = (out / "warc" / "plain.warc").read_bytes()
    first = [r for r in read_warc(out / "warc" / "plain.warc")][0]
    head_end = plain.index(b"\r\n\r\n", first["offset"])
    head = plain[first["offset"]:head_end].decode()
    length = int([l for l in head.split("\r\n") if l.lower().startswith("content-length:")][0].split(":")[1])
    head2 = head.replace(f"Content-Length: {length}", f"Content-Length: {length + 7}")
    (out / "bad" / "wronglength.warc").write_bytes(plain[: first["offset"]] + head2.encode() + plain[head_end:])
    bad["bad/wronglength.warc"] = [first["offset"]]
    # Not a WARC at all: a page.
    shutil.copy(corpus / "html" / f"{pages[0][0]}.html.gz", out / "bad" / "page.warc.gz")
    bad["bad/page.warc.gz"] = [0]

    expected = {"pages": [{"id": pid, "url": url} for pid, url in pages],
                "crawl": read_warc(out / "warc" / "crawl.warc.gz"),
                "plain": read_warc(out / "warc" / "plain.warc"),
                "bad": bad}
    (out / "expected.json").write_text(json.dumps(expected, indent=1))
    print(f"built {len(pages)} pages")


def read_members(path: Path):
    out = []
    with open(path, "rb") as f:
        it = ArchiveIterator(f)
        for record in it:
            record.content_stream().read()
            out.append({"type": record.rec_type, "offset": it.get_record_offset(), "length": it.get_record_length()})
    return out


def iso(micros_text: str) -> str:
    # Glean writes timestamps as ISO 8601 UTC; warcio's WARC-Date is YYYY-MM-DDThh:mm:ssZ.
    t = datetime.datetime.fromisoformat(micros_text.replace("Z", "+00:00"))
    return t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def rejects(out: Path, run: Path):
    expected = json.loads((out / "expected.json").read_text())
    want = sorted((file, offset) for file, offsets in expected["bad"].items() for offset in offsets)
    rows = list(csv.DictReader(open(run / "csv" / "rejects.csv", encoding="utf-8-sig", newline="")))
    got = sorted((row["source"], int(row["doc_id"].rsplit("@", 1)[1])) for row in rows)
    problems = [f"reject {g} not expected" for g in got if g not in want] + [f"no reject for {w}" for w in want if w not in got]
    for row in rows:
        if f"{row['source']} at offset {row['doc_id'].rsplit('@', 1)[1]}:" not in row["reason"]:
            problems.append(f"the reason does not name file and offset: {row['reason']}")
    for p in problems:
        print(p)
    if not problems:
        print(f"ok {len(rows)}")


def check(out: Path, run: Path, pages: Path):
    expected = json.loads((out / "expected.json").read_text())
    rows = list(csv.DictReader(open(run / "csv" / "documents.csv", encoding="utf-8-sig", newline="")))
    problems = []
    want = []
    for name in ("crawl", "plain"):
        file = f"warc/{name}.warc.gz" if name == "crawl" else f"warc/{name}.warc"
        for r in expected[name]:
            if r["status"] == "200" and (r["type"] or "").startswith("text/html"):
                want.append((file, r))
    got = {(row["warc_file"], int(row["warc_offset"])): row for row in rows}
    if len(rows) != len(want):
        problems.append(f"{len(rows)} documents, warcio finds {len(want)}")
    for file, r in want:
        row = got.get((file, r["offset"]))
        if row is None:
            problems.append(f"no document for {file} at {r['offset']} ({r['uri']})")
            continue
        if row["fetched_url"] != r["uri"]:
            problems.append(f"{file}@{r['offset']}: fetched_url {row['fetched_url']!r}, warcio {r['uri']!r}")
        if iso(row["fetched_at"]) != r["date"]:
            problems.append(f"{file}@{r['offset']}: fetched_at {row['fetched_at']!r}, warcio {r['date']!r}")
        # warcio does not count an uncompressed record's closing CRLF CRLF; Glean does (the whole record).
        if int(row["warc_length"]) != r["length"] + (4 if file.endswith(".warc") else 0):
            problems.append(f"{file}@{r['offset']}: warc_length {row['warc_length']}, warcio {r['length']}")
        # The record fetched back by its place alone (what dd would cut out) is the same record.
        with open(out / file, "rb") as f:
            f.seek(int(row["warc_offset"]))
            piece = f.read(int(row["warc_length"]))
        back = [x for x in ArchiveIterator(io.BytesIO(piece), check_digests=True)]
        if len(back) != 1 or back[0].rec_headers.get_header("WARC-Payload-Digest") != r["digest"]:
            problems.append(f"{file}@{r['offset']}: the record cut out by warc_offset/warc_length is not warcio's")
    # Main text from the WARC equals main text from the same page as .html.gz.
    page_rows = {row["doc_id"]: row for row in csv.DictReader(open(pages / "csv" / "documents.csv", encoding="utf-8-sig", newline=""))}
    by_url = {p["url"]: p["id"] for p in expected["pages"]}
    for row in rows:
        pid = by_url.get(row["fetched_url"])
        if pid is None or pid not in page_rows:
            problems.append(f"no page for {row['fetched_url']}")
        elif row["text"] != page_rows[pid]["text"]:
            problems.append(f"{pid}: the text from the WARC differs from the text of {pid}.html.gz")
        elif not row["text"].strip():
            problems.append(f"{pid}: empty text")
    for p in problems:
        print(p)
    if not problems:
        print(f"ok {len(want)}")


if __name__ == "__main__":
    if sys.argv[1] == "build":
        build(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
    elif sys.argv[1] == "check":
        check(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
    elif sys.argv[1] == "rejects":
        rejects(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.exit(__doc__)
