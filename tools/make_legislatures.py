#!/usr/bin/env python3
"""Generate kb/legislatures.ttl: the chambers of parliament of the UN member states, in English and Russian.

Sources, merged:
* the chambers: ``countries.json`` of everypolitician/everypolitician-data (the EveryPolitician
  index, commit d8a4682f of 2016-07, as everypolitician/viewer-sinatra keeps it for its tests;
  fetched, not committed: ``--source``, see tools/sources.py and kb/README.md). It names, per
  country (ISO code), the chambers EveryPolitician had data on: mostly the lower or only house;
* the UN member states and their names: as tools/make_states.py has them (mledoze/countries,
  ODbL 1.0, and kb/countries.ttl), with the Russian genitive of make_states;
* the English and Russian names: tools/data/legislature_names.tsv (a chamber's name in the
  source → one English name and a Russian pattern: "National Assembly" → "Национальное собрание
  {gen}") and tools/data/legislature_overrides.tsv (chambers with names of their own, unicameral
  chambers also named as the state's parliament, chambers left out with the reason, and chambers
  the index lacks: the parliaments and upper houses of Belarus, Uzbekistan and Tajikistan, with
  the Wikidata posts of their speakers as evidence).

A chamber whose name neither table gives is left out: no Russian name is made up. Chambers the
hand-written files already describe (same key, or a label that is already a name of another
entry) are left out, so the hand-written entry wins; another name already taken is dropped.
No bare generic name ("Senate", "Parliament") is ever an alias: every name carries the state.

Run:  python tools/make_legislatures.py [--source PATH] [--countries-source PATH]
      python tools/make_legislatures.py ... --check    (exit 1 if the file is stale)
      python tools/make_legislatures.py ... --skipped  (list the chambers left out, and why)
The output is deterministic; commit it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tools" / "data"
OUT = ROOT / "kb" / "legislatures.ttl"
NAMES = DATA / "legislature_names.tsv"
OVERRIDES = DATA / "legislature_overrides.tsv"
SOURCE = None  # --source: where EveryPolitician's countries.json is (tools/sources.py)
# names of these files are not the hand-written KB: generated ones (this file and officials.ttl,
# whose people never share a name with a chamber) are not read for the "hand-written wins" rule
NOT_HAND_WRITTEN = {"legislatures.ttl", "officials.ttl"}
# generic names whose chamber is the whole parliament: "{adj} parliament" names it too
WHOLE_PARLIAMENT = {"Parliament", "National Parliament"}

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
import make_states  # noqa: E402
import sources  # noqa: E402

from bilat.graph.kb import slugify  # noqa: E402


def norm(text: str) -> str:
    """The comparison form of a name (as tests/test_kb.py compares aliases)."""
    return " ".join(text.casefold().replace("ё", "е").split())


def chambers(data: list[dict], members: set[str]) -> list[tuple[str, str]]:
    """(ISO code, chamber name) of the UN member states in EveryPolitician's countries.json.

    >>> chambers([{"code": "AM", "legislatures": [{"name": "National Assembly"}]},
    ...           {"code": "GE-AB", "legislatures": [{"name": "People's Assembly"}]}], {"AM"})
    [('AM', 'National Assembly')]
    """
    out = []
    for country in data:
        if country.get("code") in members:
            for leg in country.get("legislatures", []):
                out.append((country["code"], leg["name"].strip()))
    return sorted(set(out))


def fill(pattern: str, state: dict) -> list[str]:
    """A name pattern for one state: {en}, {gen}; {adj} ({adj_ru}) gives one name per English
    (Russian) adjective, none when the state has no adjective of its own."""
    for field, values in (("{adj_ru}", "adjs_ru"), ("{adj}", "adjs")):
        if field in pattern:
            return [pattern.replace(field, a).format(**state) for a in state[values]]
    return [pattern.format(**state)]


def names_of(code: str, name: str, state: dict, generic: dict, overrides: dict) -> dict | str:
    """The names of one chamber, or the reason it is left out."""
    row = overrides.get((code, name))
    if row and row[0] == "skip":
        return row[1] if len(row) > 1 else "skipped"
    if row and row[0] in ("name", "add"):
        en_p, ru_p, alts_en, alts_ru = (row[1:] + ["", "", "", ""])[:4]
        en, ru = fill(en_p, state)[0], fill(ru_p, state)[0]
        alt_en = [t for p in filter(None, alts_en.split("|")) for t in fill(p, state)]
        alt_ru = [t for p in filter(None, alts_ru.split("|")) for t in fill(p, state)]
        return {"en": en, "ru": ru, "alt_en": alt_en, "alt_ru": alt_ru}
    if name not in generic:
        return "no English and Russian name in the tables"
    english, ru_p = generic[name]
    en = f"{english} of {state['the_en']}"
    alt_en = [f"{a} {english}" for a in state["adjs"]]
    alt_ru = []
    if english in WHOLE_PARLIAMENT:
        # the whole parliament: "Ghanaian parliament", "Ghana's parliament", "ганский парламент"
        alt_en += [f"{a} parliament" for a in state["adjs"]]
        if not state["en"].endswith("s"):
            alt_en.append(f"{state['en']}'s parliament")
        alt_ru += [f"{a} парламент" for a in state["adjs_ru"]]
    return {"en": en, "ru": fill(ru_p, state)[0], "alt_en": alt_en, "alt_ru": alt_ru}


def _taken_names() -> tuple[set[str], set[str]]:
    """Keys and normalized names of the hand-written (and other generated) KB files."""
    import rdflib
    from rdflib.namespace import RDFS, SKOS

    from bilat.ontology.namespace import BL

    keys, names = set(), set()
    for path in sorted((ROOT / "kb").glob("*.ttl")):
        if path.name in NOT_HAND_WRITTEN:
            continue
        g = rdflib.Graph().parse(path, format="turtle")
        for pred in (RDFS.label, SKOS.altLabel, BL.abbreviation):
            for subj, obj in g.subject_objects(pred):
                names.add(norm(str(obj)))
                keys.add(str(subj).rsplit("/", 1)[-1])
    return keys, names


def states() -> dict[str, dict]:
    """ISO code → the state's names for the patterns (make_states' UN members and names)."""
    overrides = make_states.rows(DATA / "states_overrides.tsv")
    articles = {r[0] for r in overrides if r[1] == "article"}
    gen_table = {r[0]: r[1] for r in make_states.rows(DATA / "ru_genitive.tsv")}
    names = make_states.country_names()
    members = make_states.un_members(overrides)
    ru_adjs = _ru_adjectives()
    adj_count = Counter(a for c in members for a in names[c]["adj"])
    ru_count = Counter(a for c in members for a in ru_adjs.get(names[c]["key"], ()))
    out = {}
    for code in members:
        n = names[code]
        out[code] = {
            "key": n["key"],
            "en": n["en"],
            "the_en": _with_article(n["en"], code in articles),
            "gen": make_states.genitive(n["ru"], gen_table),
            "adjs": [a for a in n["adj"] if adj_count[a] == 1 and a[:1].isupper()],
            "adjs_ru": [a for a in ru_adjs.get(n["key"], ()) if ru_count[a] == 1],
        }
    return out


def _with_article(name: str, article: bool) -> str:
    """A state's short name after "of": "the Philippines", "the Bahamas" (not "the The Bahamas").

    >>> _with_article("The Bahamas", True), _with_article("Philippines", True), _with_article("Chad", False)
    ('the Bahamas', 'the Philippines', 'Chad')
    """
    if name.startswith("The "):
        return "the " + name[4:]
    return ("the " if article else "") + name


def _ru_adjectives() -> dict[str, list[str]]:
    """Country key → its Russian adjectives (lemmas, not the first parts of compounds)."""
    import rdflib

    from bilat.ontology.namespace import BL

    g = rdflib.Graph().parse(ROOT / "kb" / "countries.ttl", format="turtle")
    out: dict[str, list[str]] = {}
    for subj, obj in g.subject_objects(BL.adjective):
        if obj.language == "ru" and str(obj).endswith(("ий", "ый", "ой")):
            out.setdefault(str(subj).rsplit("/", 1)[-1], []).append(str(obj))
    return {k: sorted(v) for k, v in out.items()}


def build(data: list[dict] | None = None, state_names: dict | None = None, taken=None) -> tuple[list, list]:
    """(records, skipped): the chambers to write, and (code, name, reason) of those left out."""
    if data is None:
        data = sources.everypolitician_countries(SOURCE)
    if state_names is None:
        state_names = states()
    keys, names = taken if taken is not None else _taken_names()
    generic = {r[0]: (r[1], r[2]) for r in make_states.rows(NAMES)}
    overrides = {(r[0], r[1]): r[2:] for r in make_states.rows(OVERRIDES)}
    added = [
        (code, name) for (code, name), row in overrides.items() if row[0] == "add" and code in state_names
    ]
    records, skipped, seen = [], [], set()
    for code, name in chambers(data, set(state_names)) + sorted(added):
        state = state_names[code]
        got = names_of(code, name, state, generic, overrides)
        if isinstance(got, str):
            skipped.append((code, name, got))
            continue
        key = slugify(got["en"])
        if key in keys or norm(got["en"]) in names or norm(got["ru"]) in names or key in seen:
            skipped.append((code, name, "the hand-written KB has it"))
            continue
        own = {norm(got["en"]), norm(got["ru"])}
        alt = {"en": [], "ru": []}
        for lang in ("en", "ru"):
            for text in got["alt_" + lang]:
                if norm(text) not in names and norm(text) not in own:
                    own.add(norm(text))
                    alt[lang].append(text)
        seen.add(key)
        records.append(
            {
                "key": key,
                "en": got["en"],
                "ru": got["ru"],
                "alt": alt,
                "country": state["key"],
                "code": code,
                "source_name": name,
                "source": "our table" if (code, name) in added else "EveryPolitician",
            }
        )
    return sorted(records, key=lambda r: r["key"]), skipped


def render(records: list[dict]) -> str:
    lit = make_states.lit
    out = [
        "# GENERATED by tools/make_legislatures.py from EveryPolitician's countries.json (everypolitician/",
        "# everypolitician-data, commit d8a4682f, 2016-07: the chambers named there), tools/data/",
        "# legislature_names.tsv and legislature_overrides.tsv, and the UN member states and their names",
        "# as tools/make_states.py has them; entries marked (our table) are rows of",
        "# legislature_overrides.tsv. Do not edit; edit the inputs (kb/README.md).",
        *make_states.MLEDOZE_HEAD,
    ]
    for r in records:
        lines = [
            f"# {r['code']}: {r['source_name']} ({r.get('source', 'EveryPolitician')})",
            f"id:{r['key']} a bl:GovernmentBody ;",
            f"  rdfs:label {lit(r['en'], 'en')}, {lit(r['ru'], 'ru')} ;",
        ]
        alts = [lit(t, "en") for t in r["alt"]["en"]] + [lit(t, "ru") for t in r["alt"]["ru"]]
        if alts:
            lines.append("  skos:altLabel " + ", ".join(alts) + " ;")
        lines.append(f"  bl:country id:{r['country']} .")
        out += lines + [""]
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if kb/legislatures.ttl is stale")
    ap.add_argument("--skipped", action="store_true", help="list the chambers left out, and why")
    sources.source_arg(ap, "everypolitician-countries")
    ap.add_argument("--countries-source", metavar="PATH", default=None, help="where mledoze/countries is")
    args = ap.parse_args(argv)
    global SOURCE
    SOURCE = args.source
    make_states.SOURCE = args.countries_source
    records, skipped = build()
    if args.skipped:
        for code, name, why in skipped:
            print(f"{code}\t{name}\t{why}")
        return 0
    text = render(records)
    if args.check:
        return int(sources.is_stale(OUT, text, "tools/make_legislatures.py"))
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(records)} entries, {len(skipped)} chambers left out)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
