#!/usr/bin/env python3
"""Generate kb/countries.ttl: every ISO 3166-1 country, named in English, Russian and Kazakh.

Sources, merged:
* pycountry's ISO 3166-1 data (English short, common and official names) and its bundled
  gettext translations ("iso3166-1" domain) for Russian and Kazakh;
* kb/country_names.tsv, hand-written: canonical names where pycountry's are not the ones news
  use ("Russia", not "Russian Federation"; "США"), abbreviations, adjectives, former names,
  verified Wikidata ids, and two codes outside ISO 3166-1 (SU, XK);
* the English demonyms of mledoze/countries (ODbL 1.0), extracted by tools/make_demonyms.py into
  tools/data/mledoze-demonyms/demonyms_en.tsv: an adjective the table does not give ("Bolivian"),
  unless it is another country's name or adjective.

Run from anywhere:  python tools/make_countries.py        (writes kb/countries.ttl)
                    python tools/make_countries.py --check (exit 1 if the file is stale)
The output is deterministic; commit it.
"""

from __future__ import annotations

import argparse
import gettext
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
TSV = ROOT / "kb" / "country_names.tsv"
OUT = ROOT / "kb" / "countries.ttl"
DEMONYMS = ROOT / "tools" / "data" / "mledoze-demonyms" / "demonyms_en.tsv"

from bilat.graph.kb import slugify  # noqa: E402 - one rule for every key

sys.path.insert(0, str(ROOT / "tools"))
import sources  # noqa: E402

FIELDS = {"label", "alt", "abbr", "adj", "former", "wikidata", "class", "skip"}
CLASSES = {"Country", "Place"}
_STRESS = "\u0301"


def clean(text: str) -> str:
    return " ".join(text.replace(_STRESS, "").replace("’", "'").split())


def read_table(path: Path = TSV) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """{ISO code: {field: [(lang, value), ...]}} in file order."""
    table: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) != 4:
            raise SystemExit(f"{path}:{number}: expected 4 tab-separated columns, got {len(parts)}")
        code, field, lang, value = (p.strip() for p in parts)
        if field not in FIELDS:
            raise SystemExit(f"{path}:{number}: unknown field {field!r}")
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise SystemExit(f"{path}:{number}: bad country code {code!r}")
        table[code][field].append((lang, value))
    return table


class Names:
    """Ordered, de-duplicated names per kind and language."""

    def __init__(self) -> None:
        self.items: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))

    def add(self, kind: str, lang: str, text: str | None) -> None:
        if not text:
            return
        text = clean(text)
        if text and text not in self.items[kind][lang]:
            self.items[kind][lang].append(text)

    def has(self, lang: str, text: str) -> bool:
        return any(text in by_lang.get(lang, ()) for by_lang in self.items.values())


def _translator(lang: str):
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
    except OSError:  # no catalogue for this language
        return lambda s: s


def _inverted(name: str) -> bool:
    """pycountry's "Korea, Republic of" style: a comma-inverted sort name, not a real one."""
    return bool(
        re.search(
            r", (the |The |Republic|Democratic|Islamic|Federated|Plurinational|"
            r"United|Bolivarian|Province|State|British|U\.S\.)",
            name,
        )
    ) or name.endswith(", Republic of")


def _is_cyrillic(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all("CYRILLIC" in unicodedata.name(ch, "") for ch in letters)


def read_demonyms(path: Path = DEMONYMS) -> dict[str, list[str]]:
    """{ISO code: [English demonym, ...]} of tools/make_demonyms.py's table (none without it)."""
    out: dict[str, list[str]] = defaultdict(list)
    if path.is_file():
        for raw in path.read_text(encoding="utf-8").splitlines():
            if raw.strip() and not raw.startswith("#"):
                code, name = raw.split("\t")
                out[code.strip()].append(clean(name))
    return out


def without_inner_article(name: str) -> str:
    """An English name with the article after "of" left out.

    >>> without_inner_article("Democratic Republic of the Congo")
    'Democratic Republic of Congo'
    >>> without_inner_article("Kingdom of the Netherlands"), without_inner_article("Mali")
    ('Kingdom of Netherlands', 'Mali')
    """
    return re.sub(r"\bof the ", "of ", name)


def build(table=None, demonyms=None) -> list[dict]:
    table = read_table() if table is None else table
    demonyms = read_demonyms() if demonyms is None else demonyms
    added: set[tuple[str, str]] = set()  # (code, demonym) taken from mledoze's
    ru, kk = _translator("ru"), _translator("kk")
    records = []
    codes = {c.alpha_2: c for c in pycountry.countries}
    for code in sorted(set(codes) | set(table)):
        country = codes.get(code)
        hand = table.get(code, {})
        hand_labels = dict(hand.get("label", ()))
        names = Names()
        iso_names: list[str] = []
        if country is not None:
            for attr in ("common_name", "name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    value = re.sub(r"^the ", "", value)
                    if not _inverted(value) and value not in iso_names:
                        iso_names.append(value)
        label_en = hand_labels.get("en") or (iso_names[0] if iso_names else None)
        if not label_en:
            raise SystemExit(f"{code}: no usable English name; add a label to {TSV.name}")
        # Russian / Kazakh labels: hand table, else the translation of the ISO short name.
        label_ru = hand_labels.get("ru")
        label_kk = hand_labels.get("kk")
        if country is not None:
            sources = [getattr(country, "common_name", None), country.name]
            for src in filter(None, sources):
                tr_ru, tr_kk = clean(ru(src)), clean(kk(src))
                if not label_ru and tr_ru != src and _is_cyrillic(tr_ru) and ", " not in tr_ru:
                    label_ru = tr_ru
                if not label_kk and tr_kk != src and _is_cyrillic(tr_kk) and ", " not in tr_kk:
                    label_kk = tr_kk
        if not label_ru:
            raise SystemExit(f"{code}: no Russian name; add a label to {TSV.name}")
        names.add("label", "en", label_en)
        names.add("label", "ru", label_ru)
        names.add("label", "kk", label_kk)
        # other names: ISO names, their translations, then the hand table
        for value in iso_names:
            if value != label_en:
                names.add("alt", "en", value)
        if country is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if not value:
                    continue
                # Russian only: pycountry's Kazakh catalogue mistranslates some official names
                for lang, tr in (("ru", ru),):
                    text = clean(tr(value))
                    if text != clean(value) and _is_cyrillic(text) and not _inverted(value):
                        if not names.has(lang, text):
                            names.add("alt", lang, text)
        for lang, value in hand.get("alt", ()):
            names.add("alt", lang, value)
        # English names "… of the …" also without that article, as news print them
        # ("Democratic Republic of Congo", "Republic of Congo")
        for kind in ("label", "alt"):
            for text in list(names.items[kind].get("en", ())):
                plain = without_inner_article(text)
                if plain != text and not names.has("en", plain):
                    names.add("alt", "en", plain)
        # Russian spellings with ё also without it, as news print them
        for kind in ("label", "alt"):
            for text in list(names.items[kind].get("ru", ())):
                plain = text.replace("ё", "е").replace("Ё", "Е")
                if plain != text and not names.has("ru", plain):
                    names.add("alt", "ru", plain)
        for lang, value in hand.get("abbr", ()):
            names.add("abbr", lang, value)
        for lang, value in hand.get("adj", ()):
            names.add("adj", lang, value)
        # mledoze's English demonym where the table gives none of that spelling ("Bolivian")
        for value in demonyms.get(code, ()):
            if not names.has("en", value):
                names.add("adj", "en", value)
                added.add((code, value))
        # names the table says to drop (wrong translations)
        for lang, value in hand.get("skip", ()):
            for kind in names.items:
                names.items[kind][lang] = [t for t in names.items[kind].get(lang, []) if t != value]
        # an alt equal to a label in the same language is noise
        for lang, alts in names.items["alt"].items():
            labels = names.items["label"].get(lang, [])
            names.items["alt"][lang] = [a for a in alts if a not in labels]
        former = []
        for lang, value in hand.get("former", ()):
            parts = (value.split("|") + ["", ""])[:3]
            former.append((lang, clean(parts[0]), parts[1].strip() or None, parts[2].strip() or None))
        wikidata = [v for _, v in hand.get("wikidata", ())]
        classes = [v for _, v in hand.get("class", ())] or ["Country"]
        if len(wikidata) > 1 or len(classes) > 1 or classes[0] not in CLASSES:
            raise SystemExit(f"{code}: at most one wikidata id and one class (Country/Place)")
        records.append(
            {
                "code": code,
                "key": slugify(label_en),
                "cls": classes[0],
                "names": names.items,
                "former": former,
                "wikidata": wikidata[0] if wikidata else None,
            }
        )
    # a demonym that is another country's name or adjective is neither's ("French" of Réunion)
    owners: dict[str, set[str]] = defaultdict(set)
    for r in records:
        for by_lang in r["names"].values():
            for text in by_lang.get("en", ()):
                owners[text].add(r["code"])
    for r in records:
        adj = r["names"].get("adj", {})
        if "en" in adj:
            adj["en"] = [t for t in adj["en"] if (r["code"], t) not in added or owners[t] == {r["code"]}]
    keys = [r["key"] for r in records]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise SystemExit(f"duplicate keys: {dupes}")
    return sorted(records, key=lambda r: r["key"])


def lit(text: str, lang: str | None = None) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{body}"@{lang}' if lang else f'"{body}"'


def _date(value: str) -> str:
    dtype = {4: "gYear", 7: "gYearMonth", 10: "date"}.get(len(value))
    if dtype is None or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise SystemExit(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    return f'"{value}"^^xsd:{dtype}'


LANGS = ("en", "ru", "kk")
PROPS = (
    ("label", "rdfs:label"),
    ("alt", "skos:altLabel"),
    ("abbr", "bl:abbreviation"),
    ("adj", "bl:adjective"),
)


def render(records=None) -> str:
    records = build() if records is None else records
    out = [
        "# GENERATED by tools/make_countries.py from pycountry (ISO 3166-1),",
        "# kb/country_names.tsv and the English demonyms of mledoze/countries (ODbL 1.0, made available",
        "# under the Open Database License by mledoze/countries and its contributors:",
        "# tools/data/mledoze-demonyms/). Do not edit by hand: edit the table and re-run the script.",
        "@prefix bl:   <https://w3id.org/bilat/ontology#> .",
        "@prefix id:   <https://w3id.org/bilat/id/> .",
        "@prefix wd:   <http://www.wikidata.org/entity/> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix owl:  <http://www.w3.org/2002/07/owl#> .",
        "@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .",
        "",
    ]
    for rec in records:
        lines = [f"id:{rec['key']} a bl:{rec['cls']}"]
        for kind, prop in PROPS:
            by_lang = rec["names"].get(kind, {})
            values = [
                lit(t, lang)
                for lang in LANGS + tuple(sorted(set(by_lang) - set(LANGS)))
                for t in by_lang.get(lang, ())
            ]
            if values:
                lines.append(f"  {prop} " + ", ".join(values))
        lines.append(f"  bl:isoCode {lit(rec['code'])}")
        groups: dict[tuple, list[str]] = defaultdict(list)
        for lang, text, start, end in rec["former"]:
            groups[(start, end)].append(lit(text, lang))
        for (start, end), labels in groups.items():
            parts = ["rdfs:label " + ", ".join(labels)]
            if start:
                parts.append(f"bl:validFrom {_date(start)}")
            if end:
                parts.append(f"bl:validTo {_date(end)}")
            lines.append("  bl:formerName [ " + " ; ".join(parts) + " ]")
        if rec["wikidata"]:
            lines.append(f"  owl:sameAs wd:{rec['wikidata']}")
        out.append(" ;\n".join(lines) + " .")
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if kb/countries.ttl is stale")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        return int(sources.is_stale(args.output, text, "tools/make_countries.py"))
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({text.count(' a bl:')} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
