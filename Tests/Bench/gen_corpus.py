"""Generates the text corpus of `make bench`: N documents built from Samples/*.txt.

usage: python gen_corpus.py SAMPLES_DIR OUT_DIR [--count N] [--first M] [--seed S]

Document i is sample (i mod 5) with its numbers, names and dates varied, so no two documents
are alike (checked by hash; a rare repeat is drawn again):
- full dates (14/06/2024, 09/20/2024, "February 22, 2024", "31 octobre 2024", the Arabic
  month names) move by one random number of days per document, in their own format; a weekday
  written before a numeric date is recomputed; bare years move by the same number of years;
- clock times are drawn afresh;
- Vietnamese personal names (a family name followed by one to three given names) are replaced,
  consistently within a document, by drawn names of as many words;
- every other digit run is redrawn with as many digits, so "3 156", "94,72 %" and "32.1%" keep
  their shape (an ordinal's suffix follows its new number: 17th, 52nd).
The first M documents (default 10,000) go to OUT_DIR/a/, the rest to OUT_DIR/b/, in folders of
1,000, so a manifest can take the first M (a/**) or all (**). OUT_DIR/.complete records the
parameters; an existing complete corpus with the same parameters is left as it is.
Deterministic: the same parameters give the same bytes.
"""

import argparse
import datetime as dt
import glob
import hashlib
import json
import os
import random
import re
import shutil
import sys

VERSION = 1

FAMILY = ("Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Lam To Dinh "
          "Trinh Cao Luong Mai Ha Truong Doan Ta Dao Chu Lu Tong Quach Vuong Giang Thai Kieu Hua "
          "Nong Lai Trieu").split()
GIVEN = ("Xuan Phong Thi Phuong Thanh Tien Thieu Duy Ngoc Minh Huyen Truong Son Quang Quoc Hong "
         "Cong Tung Van Huu Duc Anh Binh Chien Dung Giang Hai Hieu Hoa Hung Khanh Khoa Kien Lan "
         "Linh Long Mai Nam Nga Nhung Phuc Quynh Tam Thao Thu Trang Tuan Vinh Yen Bao Cuong Dat "
         "Hanh Loan Manh Nghia Nhan Quyet Sang Tai Thang Toan Trung Viet").split()
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
             "أكتوبر", "نوفمبر", "ديسمبر"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
BASE = dt.date(2024, 6, 14)

PATTERN = re.compile(
    r"(?P<wd>(?:%s)),(?P<wdsp>\s+)(?P<wa>\d{1,2})/(?P<wb>\d{1,2})/(?P<wy>\d{4})\b" % "|".join(WEEKDAYS)
    + r"|\b(?P<na>\d{1,2})/(?P<nb>\d{1,2})/(?P<ny>\d{4})\b"
    + r"|\b(?P<em>%s) (?P<ed>\d{1,2})\b(?:, (?P<ey>\d{4})\b)?" % "|".join(EN_MONTHS)
    + r"|\b(?P<fd>\d{1,2})(?P<fer>er)? (?P<fm>%s)\b(?: (?P<fy>\d{4})\b)?" % "|".join(FR_MONTHS)
    + r"|\b(?P<ad>\d{1,2}) (?P<am>%s)(?: (?P<ay>\d{4})\b)?" % "|".join(AR_MONTHS)
    + r"|\b(?P<th>\d{1,2}):(?P<tm>\d{2})\b"
    + r"|\b(?P<year>19[5-9]\d|20[0-4]\d)\b"
    + r"|\b(?P<name>(?:%s)(?: [A-Z][a-z]+){1,3})\b" % "|".join(FAMILY)
    + r"|(?P<digits>\d+)(?:(?P<ord>st|nd|rd|th)\b)?"
)


def compile_template(text):
    """Splits a sample into literal text and slots (kind, match groups)."""
    parts = []
    pos = 0
    for m in PATTERN.finditer(text):
        if m.start() > pos:
            parts.append(text[pos:m.start()])
        kind = next(k for k in ("wd", "na", "em", "fd", "ad", "th", "year", "name", "digits")
                    if m.group(k) is not None)
        parts.append((kind, m.groupdict(), m.group(0)))
        pos = m.end()
    parts.append(text[pos:])
    return parts


def numeric_date(a, b, y):
    """(date, day-first) for a/b/yyyy: day first unless only month-first is valid."""
    a, b, y = int(a), int(b), int(y)
    for day_first in ((True, False) if a > 12 or b <= 12 else (False, True)):
        d, mo = (a, b) if day_first else (b, a)
        try:
            return dt.date(y, mo, d), day_first
        except ValueError:
            continue
    return None, True


def fmt_numeric(date, day_first, like_a, like_b):
    first, second = (date.day, date.month) if day_first else (date.month, date.day)
    fa = "%02d" % first if len(like_a) == 2 else str(first)
    fb = "%02d" % second if len(like_b) == 2 else str(second)
    return "%s/%s/%04d" % (fa, fb, date.year)


def shifted(day, month, year, shift):
    try:
        return dt.date(year, month, day) + dt.timedelta(days=shift)
    except ValueError:
        return dt.date(year, month, 1) + dt.timedelta(days=shift)


def render(parts, rng, shift):
    """One document from a template: dates moved by `shift` days, everything else drawn."""
    year_shift = (BASE + dt.timedelta(days=shift)).year - BASE.year
    names = {}
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        kind, g, original = part
        if kind in ("wd", "na"):
            p = "w" if kind == "wd" else "n"
            date, day_first = numeric_date(g[p + "a"], g[p + "b"], g[p + "y"])
            if date is None:
                out.append(original)
                continue
            new = date + dt.timedelta(days=shift)
            text = fmt_numeric(new, day_first, g[p + "a"], g[p + "b"])
            if kind == "wd":
                text = "%s,%s%s" % (WEEKDAYS[new.weekday()], g["wdsp"], text)
            out.append(text)
        elif kind == "em":
            year = int(g["ey"]) if g["ey"] else BASE.year
            new = shifted(int(g["ed"]), EN_MONTHS.index(g["em"]) + 1, year, shift)
            out.append("%s %d" % (EN_MONTHS[new.month - 1], new.day) + (", %d" % new.year if g["ey"] else ""))
        elif kind == "fd":
            year = int(g["fy"]) if g["fy"] else BASE.year
            new = shifted(int(g["fd"]), FR_MONTHS.index(g["fm"]) + 1, year, shift)
            day = "1er" if new.day == 1 else str(new.day)
            out.append("%s %s" % (day, FR_MONTHS[new.month - 1]) + (" %d" % new.year if g["fy"] else ""))
        elif kind == "ad":
            year = int(g["ay"]) if g["ay"] else BASE.year
            new = shifted(int(g["ad"]), AR_MONTHS.index(g["am"]) + 1, year, shift)
            out.append("%d %s" % (new.day, AR_MONTHS[new.month - 1]) + (" %d" % new.year if g["ay"] else ""))
        elif kind == "th":
            out.append("%02d:%02d" % (rng.randrange(24), rng.randrange(60)) if len(g["th"]) == 2
                       else "%d:%02d" % (rng.randrange(1, 10), rng.randrange(60)))
        elif kind == "year":
            out.append(str(int(g["year"]) + year_shift))
        elif kind == "name":
            if original not in names:
                words = original.count(" ") + 1
                names[original] = " ".join([rng.choice(FAMILY)] + [rng.choice(GIVEN) for _ in range(words - 1)])
            out.append(names[original])
        else:
            digits = g["digits"]
            if len(digits) == 1:
                new = str(rng.randrange(10) if digits != "0" else 0)
            else:
                lead = str(rng.randrange(1, 10)) if digits[0] != "0" else "0"
                new = lead + "".join(str(rng.randrange(10)) for _ in range(len(digits) - 1))
            if g["ord"]:
                n = int(new)
                new += "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
            out.append(new)
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("samples")
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--first", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if args.count < 1 or args.first < 0:
        ap.error("--count must be positive and --first not negative")

    paths = sorted(glob.glob(os.path.join(args.samples, "*.txt")))
    if not paths:
        print("gen_corpus: no *.txt in %s" % args.samples, file=sys.stderr)
        return 2
    samples_hash = hashlib.sha256()
    templates = []
    for path in paths:
        with open(path, "rb") as f:
            raw = f.read()
        samples_hash.update(raw)
        templates.append(compile_template(raw.decode("utf-8")))
    params = {"version": VERSION, "count": args.count, "first": args.first, "seed": args.seed,
              "samples_sha256": samples_hash.hexdigest()}

    marker = os.path.join(args.out, ".complete")
    if os.path.exists(marker):
        with open(marker, encoding="utf-8") as f:
            if json.load(f).get("params") == params:
                print("gen_corpus: %s is up to date (%d documents)" % (args.out, args.count))
                return 0
    if os.path.exists(args.out):
        shutil.rmtree(args.out)

    rng = random.Random(args.seed)
    seen = set()
    total_bytes = 0
    for i in range(args.count):
        parts = templates[i % len(templates)]
        for _ in range(100):
            text = render(parts, rng, rng.randrange(-2000, 2001))
            data = text.encode("utf-8")
            digest = hashlib.blake2b(data, digest_size=16).digest()
            if digest not in seen:
                break
        else:
            print("gen_corpus: could not draw a new variant of document %d" % i, file=sys.stderr)
            return 1
        seen.add(digest)
        part = "a" if i < args.first else "b"
        folder = os.path.join(args.out, part, "%03d" % (i // 1000))
        if i % 1000 == 0 or i == args.first:
            os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "%06d.txt" % i), "wb") as f:
            f.write(data)
        total_bytes += len(data)
    with open(marker, "w", encoding="utf-8") as f:
        json.dump({"params": params, "bytes": total_bytes, "unique": len(seen)}, f)
    print("gen_corpus: wrote %d unique documents, %.1f MB, to %s" % (args.count, total_bytes / 1e6, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
