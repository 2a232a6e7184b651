#!/usr/bin/env python3
"""make bench: every page of a list as a response record of one .warc.gz (one gzip member per
record, as Common Crawl writes them), written by warcio.

Usage: make_warc.py PAGES.txt OUT.warc.gz   (PAGES.txt: one .html.gz path per line)
"""
import gzip, io, os, sys
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

def main():
    pages = [p for p in open(sys.argv[1]).read().split("\n") if p]
    with open(sys.argv[2] + ".tmp", "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i, path in enumerate(pages):
            body = gzip.open(path, "rb").read()
            corpus = os.path.basename(os.path.dirname(os.path.dirname(path)))
            stem = os.path.basename(path).split(".")[0]
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            record = writer.create_warc_record("https://%s.bench.example/%s" % (corpus, stem), "response", payload=io.BytesIO(body),
                                               http_headers=http, warc_headers_dict={
                                                   "WARC-Date": "2024-06-01T00:00:00Z",
                                                   "WARC-Record-ID": "<urn:uuid:00000000-0000-4000-8000-%012d>" % i})
            writer.write_record(record)
    os.replace(sys.argv[2] + ".tmp", sys.argv[2])
    print("make_warc: %d records in %s (%d bytes)" % (len(pages), sys.argv[2], os.path.getsize(sys.argv[2])))

if __name__ == "__main__":
    main()
