#!/usr/bin/env python3
"""Parse a metrics file Glean wrote with the Prometheus client's own parser.

Usage: metrics_check.py FILE.prom
Prints one line per sample, sorted: name{label=value,...} value (timestamps and seconds as "t").
A file the parser rejects exits 1 with its message.
"""
import sys
from prometheus_client.parser import text_string_to_metric_families

TIMES = ("_timestamp_seconds", "_duration_seconds", "_cpu_seconds", "glean_stage_seconds")

def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    lines = []
    for family in text_string_to_metric_families(text):
        if family.type != "gauge":
            sys.exit(f"{family.name}: type {family.type}, expected gauge")
        for s in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(s.labels.items()))
            value = "t" if s.name.endswith(TIMES) else repr(s.value)
            lines.append(f"{s.name}{{{labels}}} {value}")
    print("\n".join(sorted(lines)))

if __name__ == "__main__":
    main()
