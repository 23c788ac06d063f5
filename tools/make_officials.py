#!/usr/bin/env python3
"""Generate kb/officials.ttl: heads of state and government and foreign ministers of the UN
member states, with their tenures and Wikidata ids.

Sources (snapshots in tools/data/wikidata-officials/, origin, dates and licence in its
SOURCE.md): Wikidata's "position held" (P39) statements as extracted by the EveryPolitician
scrapers (Wikidata is CC0):
* ``heads.csv`` — heads of state and of government in office from 2021 on, with the years their
  terms began and ended (every-politician-scrapers/world-leaders-2021, all versions of
  ``data/wikidata.csv`` merged: 2021–2022 from git, plus a 2026 version);
* ``foreign_ministers.csv`` — foreign ministers in office in 2022, with the day their term
  began (every-politician-scrapers/world, all versions of ``sources/foreign/wikidata.csv``).

Other inputs: the posts a position label stands for (tools/data/official_titles.tsv), the
Russian spelling of names (tools/data/translit_en_ru.tsv: the sources have no Russian names), the
UN members and country names (as tools/make_states.py: mledoze/countries and kb/countries.ttl,
whose owl:sameAs gives each country's Wikidata id).

Rules (kb/README.md, "officials.ttl"):
* a term without an end ends the day (or year) the next holder of the same post began, when a
  later holder is known;
* a person the hand-written files already have (same key, same Wikidata id, or same English
  name) is left out: the hand-written entry wins;
* a person is left out when a bare surname of theirs would link wrongly: the last word of the
  English name has fewer than 4 letters, is a word of another entry's one-word name ("Jordan",
  "Chad"), is the surname of a hand-written person, or is a common English word (spaCy's
  English stop words and title words of extract/data/en/title_words.tsv);
* names that are not personal names (a Wikidata id, a comma, " of ", a single word, a surname
  in lowercase) are left out.

Run:  python tools/make_officials.py           (writes kb/officials.ttl)
      python tools/make_officials.py --check   (exit 1 if the file is stale)
      python tools/make_officials.py --refresh LEADERS_GIT FOREIGN_GIT [--newer CSV...]
            (re-extracts the snapshot from git clones of the two EveryPolitician repositories;
            --newer: later versions of world-leaders-2021's data/wikidata.csv than the clone has)
The output is deterministic; commit it.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
DATA = ROOT / "tools" / "data"
SNAP = DATA / "wikidata-officials"
OUT = ROOT / "kb" / "officials.ttl"

from bilat.extract.text import match_key  # noqa: E402
from bilat.graph.kb import slugify  # noqa: E402
from bilat.ontology.namespace import BL  # noqa: E402

HEADS_COLUMNS = ["country", "position", "position_label", "person", "name", "start", "end"]
FM_COLUMNS = ["country", "position", "position_label", "person", "name", "start"]
CABINET_COLUMNS = ["country", "position_label", "person", "name", "start", "end", "repository", "enwiki"]
# folded before transliteration (Slavic, Turkish, Azerbaijani letters as Russian writes them)
FOLD = {
    "č": "ch",
    "ć": "ch",
    "š": "sh",
    "ž": "zh",
    "đ": "dj",
    "ř": "rzh",
    "ç": "ch",
    "ş": "sh",
    "ğ": "",
    "ı": "y",
    "ö": "yo",
    "ü": "yu",
    "ə": "a",
    "ñ": "n",
    "ø": "yo",
    "æ": "e",
}
MIN_SURNAME = 4
SHORT_TERM_DAYS = 90


def _short_term(start: str | None, end: str | None) -> bool:
    """Both ends known to the day and less than SHORT_TERM_DAYS apart."""
    import datetime as dt

    if not start or not end or len(start) != 10 or len(end) != 10:
        return False
    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days < SHORT_TERM_DAYS


def rows(path: Path) -> list[list[str]]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            out.append(raw.split("\t"))
    return out


# --------------------------------------------------------------------------- snapshot
def _git_versions(git_dir: str, path: str) -> list[str]:
    """Every committed version of ``path``, oldest first."""
    commits = subprocess.run(
        ["git", "--git-dir", git_dir, "log", "--reverse", "--format=%H", "--", path],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    out = []
    for c in commits:
        res = subprocess.run(
            ["git", "--git-dir", git_dir, "show", f"{c}:{path}"], capture_output=True, text=True
        )
        if res.returncode == 0:
            out.append(res.stdout)
    return out


def refresh(leaders_git: str, foreign_git: str, newer: list[str] = (), cabinets: list[str] = ()) -> None:
    """Merge every version of the two source files (the newest version of a row wins);
    ``newer``: files holding later versions of the leaders' file than the clone has."""
    heads: dict[tuple, list[str]] = {}
    versions = _git_versions(leaders_git, "data/wikidata.csv")
    versions += [Path(p).read_text(encoding="utf-8") for p in newer]
    for text in versions:
        for r in csv.DictReader(io.StringIO(text)):
            if "countryid" not in r:  # the first version named its columns otherwise
                continue
            row = [
                r["countryid"],
                r["position"],
                r["positionLabel"],
                r["officeholder"],
                r["officeholderLabel"],
                r["start_year"],
                r["end_year"],
            ]
            heads[(r["position"], r["officeholder"], r["start_year"])] = row
    fms: dict[tuple, list[str]] = {}
    for text in _git_versions(foreign_git, "sources/foreign/wikidata.csv"):
        for r in csv.DictReader(io.StringIO(text)):
            name = r.get("name") or r.get("personLabel") or ""
            if not r["person"]:
                continue
            row = [r["country"], r["position"], r["positionLabel"], r["person"], name, r["start"]]
            fms[(r["position"], r["person"], r["start"])] = row
    # per-country histories: html/holders21.csv of the repositories in wikidata_cabinet_repos.tsv
    country_of_repo = {r[0]: r[1] for r in rows(DATA / "wikidata_cabinet_repos.tsv")}
    cab: dict[tuple, list[str]] = {}
    for git_dir in cabinets:
        repo = next(
            (r for r in country_of_repo if f"+{r}" in git_dir or git_dir.rstrip("/").endswith(r)), None
        )
        if repo is None:
            raise SystemExit(f"{git_dir}: not a repository of wikidata_cabinet_repos.tsv")
        res = subprocess.run(
            ["git", "--git-dir", git_dir, "show", "HEAD:html/holders21.csv"],
            check=True,
            capture_output=True,
            text=True,
        )
        for r in csv.DictReader(io.StringIO(res.stdout)):
            enwiki = re.sub(r" \(.*\)$", "", r.get("enwiki") or "")  # "Bakhodir Kurbanov (general)"
            row = [
                country_of_repo[repo],
                r["position"],
                r["personID"],
                r["person"],
                r["start"],
                r["end"],
                repo,
                enwiki,
            ]
            cab[(row[0], r["position"], r["personID"], r["start"])] = row
    SNAP.mkdir(parents=True, exist_ok=True)
    outputs = [("heads.csv", HEADS_COLUMNS, heads), ("foreign_ministers.csv", FM_COLUMNS, fms)]
    if cabinets:
        outputs.append(("cabinets.csv", CABINET_COLUMNS, cab))
    for name, cols, data in outputs:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        for key in sorted(data):
            w.writerow(data[key])
        (SNAP / name).write_text(buf.getvalue(), encoding="utf-8")


def read_snapshot(name: str) -> list[dict]:
    with (SNAP / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --------------------------------------------------------------------------- names
def _rules() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(r[0]), r[1]) for r in rows(DATA / "translit_en_ru.tsv")]


_RULES: list | None = None


def to_russian(name: str) -> str:
    """A Russian spelling of a romanized personal name (rules in tools/data/translit_en_ru.tsv).

    >>> to_russian("Jeyhun Bayramov"), to_russian("Shavkat Mirziyoyev"), to_russian("Ararat Mirzoyan")
    ('Джейхун Байрамов', 'Шавкат Мирзиёев', 'Арарат Мирзоян')
    """
    global _RULES
    if _RULES is None:
        _RULES = _rules()
    words = []
    for word in name.split():
        parts = []
        for part in word.split("-"):
            low = "".join(FOLD.get(c, c) for c in part.lower())
            low = unicodedata.normalize("NFKD", low)
            initial = len(low) == 2 and low.endswith(".")
            low = "".join(c for c in low if c.isascii() and c.isalpha())
            out, i = [], 0
            while i < len(low):
                for rx, rep in _RULES:
                    m = rx.match(low, i)
                    if m and m.end() > i:
                        out.append(rep)
                        i = m.end()
                        break
                else:
                    i += 1
            text = "".join(out)[:1] if initial else "".join(out)  # "S." → "С."
            parts.append(text[:1].upper() + text[1:] + ("." if initial else ""))
        words.append("-".join(parts))
    return " ".join(words)


def round_trip(en: str, ru: str) -> bool:
    """The Russian spelling has the English name's spelling key (extract.text.match_key), so
    the linker takes the two for the same spelling."""
    return match_key(ru) == match_key(en)


def personal_name(name: str) -> bool:
    if not name or re.fullmatch(r"Q\d+", name) or "," in name or " of " in name:
        return False
    last = re.sub(r"^[a-z]{1,3}-", "", name.split()[-1])  # "al-Assad", "el-Sisi"
    if len(name.split()) < 2 or not last[:1].isupper():  # "Nayib buke": a broken label
        return False
    return all(ch.isalpha() or ch in " -'’." for ch in name)


_PATRONYMIC = re.compile(r"(ovich|evich|ovych|ich|ovna|evna|ivna|ogly|oglu|kyzy|qizi|uly|ovitch)$", re.I)


def clean_name(name: str) -> str:
    """Honorifics dropped; a patronymic between the given name and the surname dropped
    ("Abdulla Nigmatovich Aripov" → "Abdulla Aripov": news name people so)."""
    name = re.sub(r"^(Dr|Sheikh|Archbishop|Sir)\.? ", "", name.strip())
    words = name.split()
    if len(words) == 3 and _PATRONYMIC.search(words[1]):
        words = [words[0], words[2]]
    return " ".join(words)


# --------------------------------------------------------------------------- the KB around
def country_map() -> tuple[dict[str, str], set[str]]:
    """Wikidata id → country key (kb/countries.ttl), and the keys of UN member states."""
    spec_path = ROOT / "tools" / "make_states.py"
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_states", spec_path)
    states = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(states)
    names = states.country_names()
    members = {names[c]["key"] for c in states.un_members(states.rows(DATA / "states_overrides.tsv"))}
    g = rdflib.Graph()
    g.parse(ROOT / "kb" / "countries.ttl", format="turtle")
    out = {}
    for subj, same in g.subject_objects(OWL.sameAs):
        out[str(same).rsplit("/", 1)[-1]] = str(subj).rsplit("/", 1)[-1]
    out.update({r[0]: r[1] for r in rows(DATA / "wikidata_countries.tsv")})
    return out, members


def hand_written() -> dict:
    """What the other knowledge-base files hold: keys, Wikidata ids, English person names,
    surnames of persons, and one-word names of other entries."""
    g = rdflib.Graph()
    for path in sorted((ROOT / "kb").glob("*.ttl")):
        if path.name != OUT.name:
            g.parse(path, format="turtle")
    keys, wikidata, person_names, surnames, words = set(), set(), set(), set(), set()
    person_key: dict[str, str] = {}  # folded name of a person → key
    person_info: dict[str, tuple] = {}  # key → (country key, has a Wikidata id)
    persons = set(g.subjects(RDF.type, BL.Person))
    for subj in set(g.subjects(RDF.type, None)):
        if not isinstance(subj, rdflib.URIRef):
            continue
        keys.add(str(subj).rsplit("/", 1)[-1])
        for same in g.objects(subj, OWL.sameAs):
            wikidata.add(str(same).rsplit("/", 1)[-1])
        names = [
            o for p in (RDFS.label, SKOS.altLabel, BL.abbreviation, BL.adjective) for o in g.objects(subj, p)
        ]
        key = str(subj).rsplit("/", 1)[-1]
        if subj in persons:
            country = next((str(o).rsplit("/", 1)[-1] for o in g.objects(subj, BL.country)), None)
            person_info[key] = (country, any(True for _ in g.objects(subj, OWL.sameAs)))
        for lit in names:
            text = str(lit)
            if subj in persons:
                person_names.add(text.casefold())
                person_key.setdefault(text.casefold(), key)
                if len(text.split()) >= 2:
                    surnames.add(match_key(text.split()[-1]))
            elif len(text.split()) == 1:
                words.add(match_key(text))
    return {
        "keys": keys,
        "wikidata": wikidata,
        "names": person_names,
        "surnames": surnames,
        "words": words,
        "person_key": person_key,
        "person_info": person_info,
    }


def common_words() -> set[str]:
    """English words and names of other things: spaCy's stop words, the WordNet lemma index
    shipped with the pinned English model (nouns, verbs, adjectives, adverbs, with many proper
    nouns: "Long", "Sabah", "Johnson"; read as a table, the model is not loaded), and the
    extractor's title words."""
    import importlib

    from spacy.lang.en.stop_words import STOP_WORDS
    from spacy.lookups import Lookups

    from bilat.extract.nlp import EN_MODEL

    out = {w.casefold() for w in STOP_WORDS}
    package = Path(importlib.import_module(EN_MODEL).__file__).parent
    index = Lookups().from_disk(next(package.glob("*/lemmatizer/lookups"))).get_table("lemma_index")
    for pos in index.keys():
        out.update(w.casefold() for w in index[pos])
    for r in rows(ROOT / "extract" / "data" / "en" / "title_words.tsv"):
        out.update(w.casefold() for w in r[0].split())
    return out


_MORPH = None


def russian_word(word: str) -> bool:
    """The Russian spelling of a surname is, in the nominative singular, a common noun, a given
    name or a place in pymorphy3's dictionary ("Мета", "Рама", "Петро"), not a surname."""
    global _MORPH
    if _MORPH is None:
        import pymorphy3

        _MORPH = pymorphy3.MorphAnalyzer()
    low = word.lower()
    if not _MORPH.word_is_known(low):  # the analyzer's guesses for unknown words do not count
        return False
    for p in _MORPH.parse(low):
        tags = set(p.tag.grammemes)
        if p.word == low and p.tag.POS == "NOUN" and {"nomn", "sing"} <= tags and "Surn" not in tags:
            return True
    return False


# --------------------------------------------------------------------------- build
def title_of(label: str, table) -> tuple[str, str] | None:
    low = label.lower()
    for rx, en, ru in table:
        if re.search(rx, low):
            return None if en == "-" else (en, ru)
    return None


def build() -> tuple[list[dict], dict]:
    table = [(r[0], r[1], r[2] if len(r) > 2 else "") for r in rows(DATA / "official_titles.tsv")]
    countries, members = country_map()
    hw = hand_written()
    common = common_words()
    name_rules = rows(DATA / "official_name_rules.tsv")
    name_order = {r[1] for r in name_rules if r[0] == "name-order"}
    particles = {r[1] for r in name_rules if r[0] == "particle"}
    skipped: dict[str, list[str]] = defaultdict(list)

    # terms: (person qid, name, country key, title en, title ru, start, end, source)
    terms = []
    for r in read_snapshot("heads.csv"):
        terms.append((r, r["start"], r["end"], "heads"))
    for r in read_snapshot("foreign_ministers.csv"):
        terms.append((r, r["start"], "", "foreign"))
    for r in read_snapshot("cabinets.csv"):
        terms.append((r, r["start"], r["end"], "cabinet:" + r["repository"]))
    posts: dict[tuple, list] = defaultdict(list)
    for r, start, end, source in terms:
        country = r["country"] if source.startswith("cabinet:") else countries.get(r["country"])
        if country not in members:
            skipped["not a UN member state"].append(r["name"])
            continue
        title = title_of(r["position_label"], table)
        if title is None:
            skipped["post not generated"].append(f"{r['name']} ({r['position_label']})")
            continue
        posts[(country, title)].append(
            {
                "person": r["person"],
                "name": r["name"],
                "enwiki": r.get("enwiki") or "",
                "start": start,
                "end": end,
                "source": source,
            }
        )
    # a term without an end ends when the next holder of the post began
    people: dict[str, dict] = {}
    for (country, title), holders in posts.items():
        holders.sort(key=lambda h: (h["start"] or "", h["person"]))
        merged: list[dict] = []
        for h in holders:  # the same term seen with different precision: keep one
            if merged and merged[-1]["person"] == h["person"] and (merged[-1]["start"][:4] == h["start"][:4]):
                if len(h["start"]) > len(merged[-1]["start"]):
                    merged[-1]["start"] = h["start"]
                merged[-1]["end"] = merged[-1]["end"] or h["end"]
                continue
            merged.append(dict(h))
        for i, h in enumerate(merged):
            if not h["end"]:
                later = [n for n in merged[i + 1 :] if n["person"] != h["person"] and n["start"] > h["start"]]
                if later:
                    h["end"] = later[0]["start"]
            p = people.setdefault(
                h["person"],
                {"qid": h["person"], "names": set(), "country": country, "tenures": [], "sources": set()},
            )
            p["names"].add(h["name"].strip())
            if h.get("enwiki"):
                p.setdefault("enwiki", set()).add(h["enwiki"].strip())
            p["sources"].add(h["source"])
            p["tenures"].append((title, h["start"] or None, h["end"] or None))

    # given names: the first word of every person's name, in the sources and the knowledge base
    given = {match_key(n.split()[0]) for p in people.values() for n in p["names"] if n.split()}
    given |= {match_key(n.split()[0]) for n in hw["names"] if len(n.split()) >= 2}
    # surname → the people of the sources (any post, any country) who bear it
    bearers: dict[str, set[str]] = defaultdict(set)
    for r, _start, _end, _source in terms:
        words = clean_name(r["name"]).split()
        if len(words) >= 2 and r["person"]:
            bearers[match_key(words[-1])].add(r["person"])
    records, links = [], []
    for qid in sorted(people):
        p = people[qid]
        raw = sorted(n for n in p["names"] if personal_name(clean_name(n)))
        names = sorted({clean_name(n) for n in raw})
        # the English Wikipedia title, where the source gives it, is the name English news use
        enwiki = sorted(n for n in p.get("enwiki", ()) if personal_name(n))
        if enwiki:
            names = [enwiki[0]] + [n for n in names if n != enwiki[0]]
            raw = raw + enwiki
        if not names:
            skipped["not a personal name"].append(qid + " " + "/".join(sorted(p["names"])))
            continue
        en = names[0]
        key = slugify(en)
        surname = en.split()[-1]
        why = None
        if (
            qid in hw["wikidata"]
            or key in hw["keys"]
            or any(n.casefold() in hw["names"] for n in [en, *names])
        ):
            why = "already in the hand-written knowledge base"
            # the hand-written person named so, of the same country, without a Wikidata id, gets it
            known = {hw["person_key"].get(n.casefold()) for n in [en, *names]} - {None}
            if key in hw["person_info"]:
                known.add(key)
            if len(known) == 1 and qid not in hw["wikidata"]:
                (hw_key,) = known
                country, has_id = hw["person_info"][hw_key]
                if country == p["country"] and not has_id:
                    links.append(
                        {"key": hw_key, "qid": qid, "sources": sorted(p["sources"]), "link_only": True}
                    )
        elif all(_short_term(t[1], t[2]) for t in p["tenures"]):
            why = f"every term shorter than {SHORT_TERM_DAYS} days (acting, caretaker)"
        elif p["country"] in name_order:
            why = "name order (official_name_rules.tsv)"
        elif len(en.split()) > 2 and en.split()[-2].lower() in particles:
            why = "surname after a particle (official_name_rules.tsv)"
        elif sum(c.isalpha() for c in surname) < MIN_SURNAME:
            why = f"surname shorter than {MIN_SURNAME} letters"
        elif surname.casefold() in common:
            why = "surname is a common English word"
        elif match_key(surname) in given:
            why = "surname is a given name"
        elif any(len(bearers.get(match_key(n.split()[-1]), ())) > 1 for n in [en, *names]):
            why = "surname two people of the sources bear"
        elif russian_word(to_russian(surname)):
            why = "Russian spelling of the surname is a common noun, given name or place"
        elif match_key(surname) in hw["words"]:
            why = "surname is another entry's one-word name"
        elif match_key(surname) in hw["surnames"]:
            why = "surname of a hand-written person"
        if why:
            skipped[why].append(en)
            continue
        ru = to_russian(en)
        tenures = sorted(set(p["tenures"]), key=lambda t: (t[1] or "", t[0][0]))
        records.append(
            {
                "key": key,
                "en": en,
                "ru": ru,
                "checked": round_trip(en, ru),
                "alt": sorted({n for n in names[1:] + [" ".join(r.split()) for r in raw]} - {en}),
                "country": p["country"],
                "qid": qid,
                "tenures": tenures,
                "sources": sorted(p["sources"]),
            }
        )
    # two generated people with one key: neither (no way to tell them apart here)
    by_key = defaultdict(list)
    for r in records:
        by_key[r["key"]].append(r)
    out = []
    for _key, rs in sorted(by_key.items()):
        if len(rs) > 1:
            skipped["two people with one name"].extend(r["en"] for r in rs)
            continue
        out.append(rs[0])
    return out + sorted(links, key=lambda r: r["key"]), skipped


# --------------------------------------------------------------------------- render
def lit(text: str, lang: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@' + lang


def date_lit(value: str) -> str:
    kind = {10: "date", 7: "gYearMonth", 4: "gYear"}[len(value)]
    return f'"{value}"^^xsd:{kind}'


SOURCE_NOTE = {
    "heads": "Wikidata P39 via every-politician-scrapers/world-leaders-2021",
    "foreign": "Wikidata P39 via every-politician-scrapers/world (sources/foreign)",
}


def source_note(source: str) -> str:
    if source.startswith("cabinet:"):
        return f"Wikidata P39 via every-politician-scrapers/{source[8:]} (html/holders21.csv)"
    return SOURCE_NOTE[source]


def render(records: list[dict]) -> str:
    out = [
        "# GENERATED by tools/make_officials.py from tools/data/wikidata-officials/ (Wikidata P39",
        "# statements, CC0, via the EveryPolitician scrapers; see its SOURCE.md), official_titles.tsv",
        "# and translit_en_ru.tsv. Do not edit; edit the inputs (or hand-write the person in",
        "# people.ttl: a hand-written person is not generated). Russian labels are TRANSLITERATED",
        "# (no Russian name in the source): entries marked 'round-trip checked' spell back to the",
        "# English name (same extract.text.match_key); the others need review.",
        "@prefix bl:   <https://w3id.org/bilat/ontology#> .",
        "@prefix id:   <https://w3id.org/bilat/id/> .",
        "@prefix wd:   <http://www.wikidata.org/entity/> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix owl:  <http://www.w3.org/2002/07/owl#> .",
        "@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .",
        "@prefix dct:  <http://purl.org/dc/terms/> .",
        "",
    ]
    people = [r for r in records if not r.get("link_only")]
    links = [r for r in records if r.get("link_only")]
    for r in people:
        check = "ru: round-trip checked" if r["checked"] else "ru: transliterated, NOT round-trip checked"
        out.append(f"# {check}")
        lines = [f"id:{r['key']} a bl:Person ;", f"  rdfs:label {lit(r['en'], 'en')}, {lit(r['ru'], 'ru')} ;"]
        if r["alt"]:
            lines.append("  skos:altLabel " + ", ".join(lit(t, "en") for t in r["alt"]) + " ;")
        lines.append(f"  bl:country id:{r['country']} ;")
        ten = []
        for (title_en, title_ru), start, end in r["tenures"]:
            t = f"[ a bl:Position ; bl:title {lit(title_en, 'en')}, {lit(title_ru, 'ru')} ;\n"
            t += f"              bl:ofOrganization id:{r['country']}"
            if start:
                t += f" ; bl:startDate {date_lit(start)}"
            if end:
                t += f" ; bl:endDate {date_lit(end)}"
            ten.append(t + " ]")
        lines.append("  bl:tenure " + " ,\n            ".join(ten) + " ;")
        lines.append("  dct:source " + ", ".join(lit(source_note(s), "en") for s in r["sources"]) + " ;")
        lines.append(f"  owl:sameAs wd:{r['qid']} .")
        out += lines + [""]
    if links:
        out += [
            "# Wikidata ids of hand-written people (kb/people.ttl) that the source names so, with a post in",
            "# the same country; the hand-written entry keeps everything else.",
            "",
        ]
        for r in links:
            src = ", ".join(lit(source_note(s), "en") for s in r["sources"])
            out += [f"id:{r['key']} owl:sameAs wd:{r['qid']} ;", f"  dct:source {src} .", ""]
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if kb/officials.ttl is stale")
    ap.add_argument(
        "--refresh", nargs=2, metavar=("LEADERS_GIT", "FOREIGN_GIT"), help="re-extract the snapshot"
    )
    ap.add_argument(
        "--newer",
        nargs="*",
        default=[],
        metavar="CSV",
        help="with --refresh: later versions of data/wikidata.csv",
    )
    ap.add_argument(
        "--cabinets", nargs="*", default=[], metavar="GIT", help="with --refresh: per-country repositories"
    )
    ap.add_argument("--skipped", action="store_true", help="list who was left out, and why")
    args = ap.parse_args(argv)
    if args.refresh:
        refresh(*args.refresh, newer=args.newer, cabinets=args.cabinets)
    records, skipped = build()
    text = render(records)
    if args.skipped:
        for why, names in sorted(skipped.items()):
            print(f"{why}: {len(names)}: {', '.join(sorted(set(names)))}")
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run tools/make_officials.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    people = [r for r in records if not r.get("link_only")]
    checked = sum(r["checked"] for r in people)
    print(
        f"wrote {OUT} ({len(people)} people, {checked} Russian labels round-trip checked; "
        f"Wikidata ids for {len(records) - len(people)} hand-written people)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
