#!/usr/bin/env python3
"""Lists, per document, the facts a run missed and the facts it added against gold, matched the way
../shared/eval/score_facts.py matches them (normalised names; (kind, value, denominator) metrics; iso
dates; (type, number) references). For error analysis on a DEV share only: never point it at a
validation share or a held-out set (news-fresh, news-fresh2), whose figures must stay unread.

Usage: facts_diff.py --csv OUT/csv --gold GOLD_DIR [--only people,titles,metrics,dates,references]
("titles": the gold offices of people the run found that none of its titles holds, matched as the scorer's titles recall)
"""
import argparse, csv, json, re, unicodedata
from collections import Counter
from pathlib import Path

csv.field_size_limit(1 << 30)


def norm(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", s).strip().casefold()


def num(x):
    return None if x is None or str(x).strip() == "" else round(float(x), 4)


def key(doc_id):
    return str(doc_id).replace("\\", "/").rstrip("/").split("/")[-1]


def rows(path):
    with path.open(newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", required=True, type=Path)
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--only", default="people,metrics,dates,references")
    a = ap.parse_args()
    only = set(a.only.split(","))
    gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(a.gold.glob("*.json"))}
    t = {k: rows(a.csv / f"{k}.csv") for k in ("people", "metrics", "dates", "references")}
    nn = lambda s: re.sub(r"\s+", "", s or "").upper()
    kind = lambda k: {"change_in_rank": "rank"}.get(k, k)
    pred = {
        "people": lambda r: norm(r["name"]),
        "metrics": lambda r: (kind(r["kind"]), num(r["value"]), num(r.get("denominator"))),
        "dates": lambda r: r["iso"].strip(),
        "references": lambda r: (r["type"].strip().lower(), nn(r.get("number"))),
    }
    want = {
        "people": lambda g: sorted({norm(p["name"]) for p in g["people"]}),
        "metrics": lambda g: [(kind(m["kind"]), num(m["value"]), num(m.get("denominator"))) for m in g["metrics"]],
        "dates": lambda g: [x["iso"] for x in g["dates"]],
        "references": lambda g: [(x["type"], nn(x.get("number"))) for x in g["references"]],
    }
    context = {"metrics": lambda r: r.get("evidence") or r.get("text") or "", "dates": lambda r: r.get("text") or r.get("evidence") or ""}
    for d, g in gold.items():
        out = []
        for table in ("people", "metrics", "dates", "references"):
            if table not in only:
                continue
            mine = [r for r in t[table] if key(r["doc_id"]) == d]
            got = [pred[table](r) for r in mine]
            if table == "people":
                got = sorted(set(got))
            if table == "dates":  # a year the text leaves implicit is judged on month and day alone
                for x in g["dates"]:
                    if x.get("year_inferred") and len(x["iso"]) == 10:
                        for i, iso in enumerate(got):
                            if len(iso) == 10 and iso[4:] == x["iso"][4:] and iso != x["iso"]:
                                got[i] = x["iso"]
                                break
            pc, gc = Counter(got), Counter(want[table](g))
            if table == "people" and "titles" in only:
                have = {}
                for r in mine:
                    have.setdefault(norm(r["name"]), []).extend(norm(x) for x in re.split(r"\s*\|\s*", r.get("titles") or "") if x.strip())
                for person in g["people"]:
                    hs = have.get(norm(person["name"]))
                    for title in person.get("titles", []):
                        if hs is not None and not any(norm(title) in h or h in norm(title) for h in hs if h):
                            out.append(f"  titles     MISSED {person['name']}: «{title}»   (run: {' | '.join(hs) or '-'})")
            golds = {"people": g["people"], "metrics": g["metrics"], "dates": g["dates"], "references": g["references"]}[table]
            for item, n in (gc - pc).items():
                ev = next((x.get("text", "") for x in golds if table != "people" and want[table]({table: [x], "people": []}) == [item]), "")
                out.append(f"  {table:10} MISSED {item}" + (f" x{n}" if n > 1 else "") + (f"   «{ev[:120]}»" if ev else ""))
            for item, n in (pc - gc).items():
                ev = next((context.get(table, lambda r: "")(r) for r in mine if pred[table](r) == item), "")
                out.append(f"  {table:10} EXTRA  {item}" + (f" x{n}" if n > 1 else "") + (f"   «{ev[:120]}»" if ev else ""))
        if out:
            print(f"== {d} ({g.get('language')})")
            print("\n".join(out))


if __name__ == "__main__":
    main()
