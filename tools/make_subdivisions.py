#!/usr/bin/env python3
"""Generate kb/subdivisions.ttl: first-level subdivisions of the post-Soviet states, Mongolia, China.

So that a region has one identity across languages: "Kaliningrad region" and "Калининградской
области" are both id:kaliningrad-region, not two places made up from each language's words.

Sources:
* the names: the Unicode CLDR subdivision names in English and Russian (Unicode licence), the rows
  of the states below in tools/data/cldr-subdivisions/ (origin and commits in its ORIGIN.md);
* which ids are first-level, their ISO 3166-2 codes and types: pycountry (ISO 3166-2 data of
  Debian's iso-codes), a dependency of the project;
* our table tools/data/subdivisions_overrides.tsv: English names where CLDR's is not the
  subdivision's name in English news ("Kharkivshchyna", "Buryat"), and rows left out.

The English label follows the knowledge base's convention (kb/places.ttl: "East Kazakhstan
Region", "Altai Krai"): see ``english_names``. Each entry is a bl:Place with bl:country its state;
its ISO 3166-2 code is in the comment above it (bl:isoCode is for countries).

Left out, so that the other entry wins:
* units that are cities or smaller (ISO types City, Capital city, Municipality, District, Rayon…:
  Moscow, Almaty, Bishkek, Baku, the districts of Azerbaijan and Moldova, Latvia's municipalities)
  and the special administrative regions of China (Hong Kong, Macau are countries of countries.ttl);
* ids that are no longer ISO 3166-2 codes (CLDR's en.xml has Kazakhstan's pre-2020 ids;
  "South Kazakhstan" was renamed Turkistan) and ids one of the two CLDR files lacks;
* a subdivision whose key, or English or Russian name (case folded), is already a name of an
  entry of any other knowledge-base file (Kazakhstan's regions, Orenburg Region, Altai Republic,
  Nakhchivan, Crimea are hand-written in places.ttl; Taiwan is a country); an other name that
  another entry has is dropped;
* one-word Russian names that are common nouns in pymorphy3's dictionary;
* "skip" rows of the overrides table.

Run:  python tools/make_subdivisions.py          (writes kb/subdivisions.ttl)
      python tools/make_subdivisions.py --check  (exit 1 if the file is stale)
      python tools/make_subdivisions.py --skipped (lists what was left out and why)
The output is deterministic for a pycountry version; commit it.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tools" / "data"
OUT = ROOT / "kb" / "subdivisions.ttl"
CLDR_TSV = DATA / "cldr-subdivisions" / "subdivisions_en_ru.tsv"
OVERRIDES = DATA / "subdivisions_overrides.tsv"
STATES = "AM AZ BY CN EE GE KG KZ LT LV MD MN RU TJ TM UA UZ".split()
# ISO 3166-2 types that are a city, a part of one or a small unit: the city entry wins, or none
LEFT_OUT_TYPES = {
    "Autonomous city",
    "Capital city",
    "Capital territory",
    "City",
    "District",
    "Districts under republic administration",
    "Municipality",
    "Rayon",
    "Special administrative region",
    "State city",
}

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
import sources  # noqa: E402
from kb_names import common_word_ru, fold, kb_keys_and_names  # noqa: E402

from bilat.extract.text import read_table as rows  # noqa: E402
from bilat.graph.kb import slugify  # noqa: E402


def iso_code(cldr_id: str) -> str:
    """ISO 3166-2 code of a CLDR subdivision id.

    >>> iso_code("rukgd"), iso_code("ua05")
    ('RU-KGD', 'UA-05')
    """
    return f"{cldr_id[:2].upper()}-{cldr_id[2:].upper()}"


def kind(ru: str, iso_type: str) -> str:
    """What the subdivision is, for its English name: from the Russian name's type word, else
    ISO's type ("oblast", "krai", "republic", "autonomous okrug", "autonomous oblast", "velayat",
    "province", "county", "region"…).

    >>> kind("Калининградская область", "Administrative region"), kind("Еврейская автономная область", "")
    ('oblast', 'autonomous oblast')
    >>> kind("Татарстан", "Republic"), kind("Сычуань", "Province")
    ('republic', 'province')
    """
    low = ru.lower()
    if "автономная область" in low:
        return "autonomous oblast"
    if "автономный округ" in low:
        return "autonomous okrug"
    if "автономный район" in low:
        return "autonomous region"
    if low.endswith(" область"):
        return "oblast"
    if low.endswith(" край"):
        return "krai"
    if low.endswith(" велаят"):
        return "velayat"
    if "республика" in low or "republic" in iso_type.lower():
        return "republic"
    return iso_type.lower()


_TYPE_WORDS = re.compile(r"\s+(Oblast|oblast|Province|province|Region|region|Okrug|Autonomous Okrug|Krai)$")


def english_names(base: str, what: str) -> tuple[str, list[str]]:
    """The English label and other names of a subdivision named ``base`` (CLDR's or our table's
    English name) of kind ``what`` (see ``kind``). The rule, as kb/places.ttl writes its regions:

    * oblast (and Turkmenistan's velayat): "X Region", with "X Oblast" ("X Province") as another
      name; a type word CLDR already wrote is dropped first ("Moscow Province" -> "Moscow Region");
    * krai: "X Krai"; autonomous okrug: "X Autonomous Okrug"; autonomous oblast: "X Autonomous
      Region", with "X Autonomous Oblast";
    * republic: the name itself, with "Republic of X" (unless the name says Republic already);
    * county: "X County"; province (China's, Mongolia's aimags): the name itself, with "X Province";
    * region (Georgia's mkhare) and the rest: the name itself.

    >>> english_names("Kaliningrad", "oblast")
    ('Kaliningrad Region', ['Kaliningrad Oblast'])
    >>> english_names("Tashkent Province", "oblast")
    ('Tashkent Region', ['Tashkent Oblast'])
    >>> english_names("Chukotka Okrug", "autonomous okrug")
    ('Chukotka Autonomous Okrug', [])
    >>> english_names("Tatarstan", "republic")
    ('Tatarstan', ['Republic of Tatarstan'])
    >>> english_names("Harju", "county"), english_names("Sichuan", "province")
    (('Harju County', []), ('Sichuan', ['Sichuan Province']))
    """
    stem = _TYPE_WORDS.sub("", base)
    if what == "oblast":
        return f"{stem} Region", [f"{stem} Oblast"]
    if what == "velayat":
        return f"{stem} Region", [f"{stem} Province"]
    if what == "krai":
        return f"{stem} Krai", []
    if what == "autonomous okrug":
        return f"{stem} Autonomous Okrug", []
    if what == "autonomous oblast":
        return f"{stem} Autonomous Region", [f"{stem} Autonomous Oblast"]
    if what == "republic" and "Republic" not in base:
        return base, [f"Republic of {base}"]
    if what == "county":
        return (base if base.endswith(" County") else f"{base} County"), []
    if what == "province":
        return base, [f"{base} Province"]
    return base, []


def _country_keys() -> dict[str, str]:
    import rdflib

    from bilat.ontology.namespace import BL

    g = rdflib.Graph()
    g.parse(ROOT / "kb" / "countries.ttl", format="turtle")
    return {str(code): str(s).rsplit("/", 1)[-1] for s, code in g.subject_objects(BL.isoCode)}


def _iso_types() -> dict[str, str]:
    """ISO 3166-2 code -> type of the first-level subdivisions of STATES, from pycountry."""
    import pycountry

    out = {}
    for cc in STATES:
        for s in pycountry.subdivisions.get(country_code=cc) or ():
            if s.parent_code is None:
                out[s.code] = s.type
    return out


def candidates() -> tuple[list[dict], list[tuple[str, str]]]:
    """Every first-level subdivision with both CLDR names, before the knowledge base is
    consulted; and the (id, reason) of the rows left out."""
    iso = _iso_types()
    countries = _country_keys()
    overrides = {r[0]: r + [""] * (6 - len(r)) for r in rows(OVERRIDES)}
    out, skipped = [], []
    for cldr_id, en, ru in (r + [""] * (3 - len(r)) for r in rows(CLDR_TSV)):
        code = iso_code(cldr_id)
        if code not in iso:
            skipped.append((cldr_id, "not a first-level ISO 3166-2 code"))
            continue
        if iso[code] in LEFT_OUT_TYPES:
            skipped.append((cldr_id, f"ISO type {iso[code]}"))
            continue
        if not en or not ru:
            skipped.append((cldr_id, "one of the CLDR files has no name"))
            continue
        ov = overrides.get(cldr_id)
        if ov and ov[1] == "skip":
            skipped.append((cldr_id, "skip row: " + ov[5]))
            continue
        what = kind(ru, iso[code])
        label, alts = english_names(ov[2] if ov else en, what)
        if ov:
            alts += [a for a in ov[3].split("|") if a]
        out.append(
            {
                "key": slugify(label),
                "id": cldr_id,
                "code": code,
                "type": iso[code],
                "country": countries[code[:2]],
                "en": label,
                "ru": ru,
                "alt_en": list(dict.fromkeys(a for a in alts if a != label)),
                "alt_ru": [a for a in (ov[4].split("|") if ov else []) if a],
            }
        )
    return out, skipped


def build(with_skipped: bool = False):
    """The entries of kb/subdivisions.ttl, sorted by key (and the rows left out, with reasons)."""
    keys, names = kb_keys_and_names({OUT.name})
    recs, skipped = candidates()
    out = []
    for r in recs:
        if r["key"] in keys:
            skipped.append((r["id"], f"key {r['key']} is another entry's"))
        elif fold(r["en"]) in names or fold(r["ru"]) in names:
            skipped.append((r["id"], f"{r['en']} / {r['ru']} is a name of another entry"))
        elif common_noun_ru(r["ru"]):
            skipped.append((r["id"], f"{r['ru']} is a common noun"))
        else:
            r["alt_en"] = [a for a in r["alt_en"] if fold(a) not in names]
            r["alt_ru"] = [a for a in r["alt_ru"] if fold(a) not in names]
            out.append(r)
    out.sort(key=lambda r: r["key"])
    return (out, sorted(skipped)) if with_skipped else out


def common_noun_ru(label: str) -> bool:
    """A one-word Russian name that pymorphy3's dictionary knows as a common noun (not a word it
    only guesses a parse for: "Гагаузия", "Орхон" are names it does not know).

    >>> common_noun_ru("Вена"), common_noun_ru("Гагаузия"), common_noun_ru("Чуйская область")
    (True, False, False)
    """
    return common_word_ru(label) and _morph().word_is_known(label.lower())


def _morph():
    from kb_names import _morph as morph

    return morph()


def lit(text: str, lang: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@' + lang


def render(records: list[dict]) -> str:
    import pycountry

    out = [
        "# GENERATED by tools/make_subdivisions.py from the Unicode CLDR subdivision names",
        "# (tools/data/cldr-subdivisions/, Unicode licence: https://www.unicode.org/license.txt), ISO 3166-2",
        f"# codes and types of pycountry {pycountry.__version__} and tools/data/subdivisions_overrides.tsv.",
        "# Do not edit; edit the inputs.",
        "@prefix bl:   <https://w3id.org/bilat/ontology#> .",
        "@prefix id:   <https://w3id.org/bilat/id/> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "",
    ]
    for r in records:
        alts = [lit(a, "en") for a in r["alt_en"]] + [lit(a, "ru") for a in r["alt_ru"]]
        out += [
            f"# ISO 3166-2 {r['code']} ({r['type']}; CLDR {r['id']})",
            f"id:{r['key']} a bl:Place ;",
            f"  rdfs:label {lit(r['en'], 'en')}, {lit(r['ru'], 'ru')} ;",
        ]
        if alts:
            out.append(f"  skos:altLabel {', '.join(alts)} ;")
        out += [f"  bl:country id:{r['country']} .", ""]
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if kb/subdivisions.ttl is stale")
    ap.add_argument("--skipped", action="store_true", help="list the rows left out and why")
    args = ap.parse_args(argv)
    records, skipped = build(with_skipped=True)
    if args.skipped:
        for cldr_id, why in skipped:
            print(f"{cldr_id}\t{why}")
        return 0
    text = render(records)
    if args.check:
        return int(sources.is_stale(OUT, text, "tools/make_subdivisions.py"))
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(' a bl:')} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
