#!/usr/bin/env python3
"""The fixed dev / validation split of every corpus we score against.

A page or article belongs to the validation share when the first 8 hex digits of SHA-256(id), read as a number,
are 0 modulo 5: a fixed fifth that no edit of ours can move. We score the validation share but never read its
pages one by one (no --pages on it, no looking at its texts); a gain that does not show there is not a gain.

Usage:
  split.py truth CORPUS/ground_truth.jsonl OUT_DIR   writes OUT_DIR/dev.jsonl and OUT_DIR/val.jsonl
  split.py gold GOLD_DIR OUT_DIR                     writes OUT_DIR/dev/ and OUT_DIR/val/ (links to the gold files)
  split.py is-val ID                                 prints 'val' or 'dev'
"""
import hashlib, json, os, sys
from pathlib import Path


def is_validation(doc_id: str) -> bool:
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 5 == 0


def split_truth(truth: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    dev = (out / "dev.jsonl").open("w", encoding="utf-8")
    val = (out / "val.jsonl").open("w", encoding="utf-8")
    n = [0, 0]
    for line in truth.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        v = is_validation(str(json.loads(line)["id"]))
        (val if v else dev).write(line + "\n")
        n[v] += 1
    dev.close(); val.close()
    print(f"split {truth}: {n[0]} dev, {n[1]} validation -> {out}")


def split_gold(gold: Path, out: Path) -> None:
    n = [0, 0]
    for part in ("dev", "val"):
        d = out / part
        d.mkdir(parents=True, exist_ok=True)
        for old in d.glob("*.json"):
            old.unlink()
    for f in sorted(gold.glob("*.json")):
        v = is_validation(f.stem)
        os.symlink(f.resolve(), out / ("val" if v else "dev") / f.name)
        n[v] += 1
    print(f"split {gold}: {n[0]} dev, {n[1]} validation -> {out}")


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "truth":
        split_truth(Path(sys.argv[2]), Path(sys.argv[3]))
    elif len(sys.argv) == 4 and sys.argv[1] == "gold":
        split_gold(Path(sys.argv[2]), Path(sys.argv[3]))
    elif len(sys.argv) == 3 and sys.argv[1] == "is-val":
        print("val" if is_validation(sys.argv[2]) else "dev")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
