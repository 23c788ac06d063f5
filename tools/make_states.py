#!/usr/bin/env python3
"""Generate kb/states.ttl: the government bodies every UN member state has, in English and Russian.

Sources, merged:
* the UN member states: ``unMember`` of mledoze/countries (ODbL 1.0; fetched, not committed:
  ``--source``, see tools/sources.py and kb/README.md), corrected by
  tools/data/states_overrides.tsv (the Holy See is an observer);
* the states' names: kb/countries.ttl (English label and adjective, Russian label), itself
  generated from pycountry by tools/make_countries.py;
* the kinds of bodies and their name patterns: tools/data/state_bodies.tsv;
* the Russian genitive of each state's name: pymorphy3's dictionary (OpenCorpora), word by word,
  overridden by tools/data/ru_genitive.tsv where it is wrong;
* the Russian adjective of a state agreed with a body's noun («японское правительство», «чешское
  минобороны»): the state's Russian adjective in kb/countries.ttl, put in the gender the pattern
  names by pymorphy3 (``{adj_ru:neut}``).

Bodies the hand-written files already describe (same key, or listed as "skip" in the overrides)
are left out, so the hand-written entry wins.

Run:  python tools/make_states.py [--source PATH]          (writes kb/states.ttl)
      python tools/make_states.py [--source PATH] --check  (exit 1 if the file is stale)
The output is deterministic; commit it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import rdflib
from rdflib.namespace import RDFS, SKOS

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tools" / "data"
OUT = ROOT / "kb" / "states.ttl"
SOURCE = None  # --source: where mledoze/countries is (tools/sources.py)

sys.path.insert(0, str(ROOT / "tools"))
import sources  # noqa: E402

from bilat.extract.nlp import morph_analyzer  # noqa: E402
from bilat.graph.kb import slugify  # noqa: E402
from bilat.ontology.namespace import BL  # noqa: E402


def rows(path: Path) -> list[list[str]]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            out.append(raw.split("\t"))
    return out


def un_members(overrides, data: list[dict] | None = None) -> list[str]:
    """ISO codes of the UN member states (``data``: mledoze's records, read from the source if None)."""
    if data is None:
        data = sources.mledoze_countries(SOURCE)
    excluded = {r[0] for r in overrides if r[1] == "not-member"}
    return sorted(sources.un_members(data, excluded))


def country_names() -> dict[str, dict]:
    """ISO code → key, English label, Russian label, English adjectives and Russian ones (the full
    masculine forms, not the first parts of compounds such as «армяно»), from kb/countries.ttl."""
    g = rdflib.Graph()
    g.parse(ROOT / "kb" / "countries.ttl", format="turtle")
    out = {}
    for subj, code in g.subject_objects(BL.isoCode):
        labels = {o.language: str(o) for o in g.objects(subj, RDFS.label)}
        adjs = sorted(str(o) for o in g.objects(subj, BL.adjective) if o.language == "en")
        adjs_ru = sorted(
            a
            for o in g.objects(subj, BL.adjective)
            if o.language == "ru" and (a := str(o)).endswith(RU_ADJ_ENDS)
        )
        # one-word other Russian names ("Молдавия" beside "Молдова"): bodies are named with them too
        ru_alts = sorted(
            str(o) for o in g.objects(subj, SKOS.altLabel) if o.language == "ru" and " " not in str(o)
        )
        out[str(code)] = {
            "key": str(subj).rsplit("/", 1)[-1],
            "en": labels["en"],
            "ru": labels["ru"],
            "ru_alts": ru_alts,
            "adj": adjs,
            "adj_ru": adjs_ru,
        }
    return out


RU_ADJ_ENDS = ("ий", "ый", "ой")  # a full Russian adjective in the masculine nominative


def agreed(adjective: str, gender: str) -> str | None:
    """A Russian adjective (masculine nominative) in the nominative singular of ``gender``
    ("masc", "femn", "neut"), or None when pymorphy3 does not know it as an adjective.

    >>> agreed("японский", "neut"), agreed("чешский", "femn"), agreed("японский", "masc")
    ('японское', 'чешская', 'японский')
    """
    for p in morph_analyzer().parse(adjective):
        if p.tag.POS == "ADJF" and {"masc", "sing", "nomn"} <= set(p.tag.grammemes):
            form = p.inflect({gender, "sing", "nomn"})
            return form.word if form is not None else None
    return None


def genitive(name: str, table: dict[str, str]) -> str:
    """The Russian genitive of a state's name, word by word ("Южная Корея" → "Южной Кореи")."""
    if name in table:
        return table[name]
    out = []
    for word in name.split(" "):
        out.append("-".join(_gen_word(part) for part in word.split("-")))
    return " ".join(out)


def _gen_word(word: str) -> str:
    if not word or word.isupper() or word in ("и",) or not any(c.isalpha() for c in word):
        return word
    parses = [p for p in morph_analyzer().parse(word) if {"nomn"} <= set(p.tag.grammemes) or "Fixd" in p.tag]
    parses.sort(key=lambda p: ("Geox" not in p.tag, p.tag.POS not in ("NOUN", "ADJF"), -p.score))
    if not parses:
        return word
    p = parses[0]
    if "Fixd" in p.tag:
        return word
    number = "plur" if "plur" in p.tag else "sing"
    form = p.inflect({"gent", number})
    if form is None:
        return word
    text = form.word
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


RU_ADJ = re.compile(r"\{adj_ru:(masc|femn|neut)\}")  # the Russian adjective, in a gender


def build() -> list[dict]:
    overrides = rows(DATA / "states_overrides.tsv")
    articles = {r[0] for r in overrides if r[1] == "article"}
    skips = {(r[0], r[2]) for r in overrides if r[1] == "skip"}
    # other names a state's body goes by that no pattern makes ("Foreign Office")
    aliases = {(r[0], r[2], r[3]): r[4].split("|") for r in overrides if r[1] == "alias"}
    gen_table = {r[0]: r[1] for r in rows(DATA / "ru_genitive.tsv")}
    kinds = rows(DATA / "state_bodies.tsv")
    names = country_names()
    members = un_members(overrides)
    adj_count = Counter(a for c in members for a in names[c]["adj"])
    adj_ru_count = Counter(a for c in members for a in names[c]["adj_ru"])
    existing = _hand_written_keys()
    records = []
    for code in members:
        n = names[code]
        # "The Bahamas" is "the Bahamas" inside a body's name ("Government of the Bahamas")
        bare = n["en"][4:] if n["en"].startswith("The ") else n["en"]
        en = ("the " if code in articles or bare != n["en"] else "") + bare
        gen = genitive(n["ru"], gen_table)
        alt_gens = [g for g in (genitive(a, gen_table) for a in n["ru_alts"]) if g != gen]
        adjs = [a for a in n["adj"] if adj_count[a] == 1 and a[:1].isupper()]
        adjs_ru = [a for a in n["adj_ru"] if adj_ru_count[a] == 1]
        for kind, cls, label_en, label_ru, alts_en, alts_ru, abbr_ru in ((k + [""] * 7)[:7] for k in kinds):
            if (code, kind) in skips:
                continue

            def fill(pattern: str, en=en, gen=gen, adjs=adjs, adjs_ru=adjs_ru) -> list[str]:
                if "{adj}" in pattern:
                    return [pattern.replace("{adj}", a).format(en=en, gen=gen) for a in adjs]
                if m := RU_ADJ.search(pattern):
                    forms = [f for a in adjs_ru if (f := agreed(a, m.group(1)))]
                    return [pattern.replace(m.group(0), f).format(en=en, gen=gen) for f in forms]
                return [pattern.format(en=en, gen=gen)]

            def fill_all(pattern: str, alt_gens=alt_gens) -> list[str]:
                """``fill`` with the genitive of the state's label, then of its other names."""
                out = fill(pattern)
                if "{gen}" in pattern:
                    out += [t for g in alt_gens for t in fill(pattern, gen=g) if t not in out]
                return out

            en_label = fill(label_en)[0]
            en_label = en_label[:1].upper() + en_label[1:]
            key = slugify(en_label)
            if key in existing:
                continue
            ru_label = fill(label_ru)[0]
            alt = {"en": [], "ru": []}
            for lang, patterns in (("en", alts_en), ("ru", alts_ru)):
                for p in filter(None, patterns.split("|")):
                    for text in fill_all(p):
                        if text not in alt[lang] and text not in (en_label, ru_label):
                            alt[lang].append(text)
            for lang in ("en", "ru"):
                for text in aliases.get((code, kind, lang), ()):
                    if text not in alt[lang] and text not in (en_label, ru_label):
                        alt[lang].append(text)
            abbr = [t for p in filter(None, abbr_ru.split("|")) for t in fill_all(p)]
            records.append(
                {
                    "key": key,
                    "cls": cls,
                    "en": en_label,
                    "ru": ru_label,
                    "alt": alt,
                    "abbr": abbr,
                    "country": n["key"],
                    "code": code,
                    "kind": kind,
                }
            )
    return sorted(records, key=lambda r: r["key"])


def _hand_written_keys() -> set[str]:
    keys = set()
    for path in sorted((ROOT / "kb").glob("*.ttl")):
        if path.name == OUT.name:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("id:"):
                keys.add(line.split()[0][3:])
    return keys


def lit(text: str, lang: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@' + lang


# The ODbL notice of the files derived from mledoze/countries and their Turtle prefixes: the
# header of states.ttl and legislatures.ttl after their own first lines.
MLEDOZE_HEAD = [
    "# Contains information from mledoze/countries (commit 5e9f370), made available under the ODC",
    "# Open Database License (ODbL) 1.0: https://opendatacommons.org/licenses/odbl/1-0/ (kb/README.md).",
    "@prefix bl:   <https://w3id.org/bilat/ontology#> .",
    "@prefix id:   <https://w3id.org/bilat/id/> .",
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
    "",
]


def render(records: list[dict]) -> str:
    out = [
        "# GENERATED by tools/make_states.py from tools/data/ (mledoze/countries, state_bodies.tsv,",
        "# states_overrides.tsv, ru_genitive.tsv) and kb/countries.ttl. Do not edit; edit the inputs.",
        *MLEDOZE_HEAD,
    ]
    for r in records:
        lines = [
            f"id:{r['key']} a bl:{r['cls']} ;",
            f"  rdfs:label {lit(r['en'], 'en')}, {lit(r['ru'], 'ru')} ;",
        ]
        alts = [lit(t, "en") for t in r["alt"]["en"]] + [lit(t, "ru") for t in r["alt"]["ru"]]
        if alts:
            lines.append("  skos:altLabel " + ", ".join(alts) + " ;")
        if r["abbr"]:
            lines.append("  bl:abbreviation " + ", ".join(lit(t, "ru") for t in r["abbr"]) + " ;")
        lines.append(f"  bl:country id:{r['country']} .")
        out += lines + [""]
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if kb/states.ttl is stale")
    sources.source_arg(ap, "mledoze-countries")
    args = ap.parse_args(argv)
    global SOURCE
    SOURCE = args.source
    text = render(build())
    if args.check:
        return int(sources.is_stale(OUT, text, "tools/make_states.py"))
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(' a bl:')} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
