#!/usr/bin/env python3
"""A Glean exec plugin: the most frequent content words of each document.

Glean writes one document per run of this script as a JSON line on stdin:
  {"doc_id": ..., "source": ..., "format": ..., "text": ..., "metadata": {...}}
and reads records back, one JSON object per line on stdout, each becoming a row of the
table the manifest's `exec` stage declares (here: keyword, count, share). Anything on stderr
goes into the reject reason if the script fails; a non-zero exit rejects the document.
"""
import json
import re
import sys
from collections import Counter

TOP = 5
MIN_LENGTH = 4
STOP = {
    "that", "with", "this", "from", "have", "were", "their", "which", "been", "they", "will",
    "would", "there", "about", "also", "into", "more", "than", "other", "after", "said",
    "pour", "dans", "avec", "sont", "plus", "cette", "leur", "être",
}


def main() -> int:
    line = sys.stdin.readline()
    if not line.strip():
        print("no document on stdin", file=sys.stderr)
        return 2
    doc = json.loads(line)
    words = [w.lower() for w in re.findall(r"\w+", doc.get("text") or "") if not w.isdigit()]
    words = [w for w in words if len(w) >= MIN_LENGTH and w not in STOP]
    if not words:
        return 0  # no records: the document simply has no row in the table
    counts = Counter(words)
    # Sort by count, then alphabetically, so the output does not depend on hash order.
    for word, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]:
        record = {"keyword": word, "count": count, "share": round(count / len(words), 4)}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
