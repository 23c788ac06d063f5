#!/usr/bin/env python3
"""Generate kb/officials.ttl: heads of state and government and foreign ministers of the UN
member states, with their tenures and Wikidata ids.

Sources (an extract made by ``--refresh`` from fetched git snapshots, NOT committed: it is found
with ``--source DIR``, ``$BILAT_SOURCES/wikidata-officials`` or ``~/.cache/bilat-sources/
wikidata-officials``; origin, commits and licence in kb/README.md): Wikidata's "position held"
(P39) statements as extracted by the EveryPolitician scrapers (Wikidata is CC0):
* ``heads.csv`` — heads of state and of government in office from 2021 on, with the years their
  terms began and ended (every-politician-scrapers/world-leaders-2021, all versions of
  ``data/wikidata.csv`` merged: 2021–2022 from git, plus a 2026 version);
* ``foreign_ministers.csv`` — foreign ministers in office in 2022, with the day their term
  began (every-politician-scrapers/world, all versions of ``sources/foreign/wikidata.csv``);
* ``cabinets.csv`` — the history of every post of 45 states' governments since the 1990s, in
  days (``html/holders21.csv`` of the repositories of tools/data/wikidata_cabinet_repos.tsv), of
  which the posts of tools/data/cabinet_positions.tsv are generated.

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
* a person every term of whom ended before 2021 is found by the full name only;
* names that are not personal names (a Wikidata id, a comma, " of ", a single word, a surname
  in lowercase) are left out.

Run:  python tools/make_officials.py [--source DIR]           (writes kb/officials.ttl)
      python tools/make_officials.py [--source DIR] --check   (exit 1 if the file is stale)
      python tools/make_officials.py --refresh LEADERS_GIT FOREIGN_GIT [--newer CSV...]
            [--cabinets GIT...] [--source DIR]
            (re-extracts the source into DIR from git clones of the EveryPolitician repositories;
            --newer: later versions of world-leaders-2021's data/wikidata.csv than the clone has)
The output is deterministic; commit it.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
SOURCE = None  # --source: the folder of the extract (tools/sources.py)
COUNTRIES_SOURCE = None  # --countries-source: mledoze/countries, for the UN members
OUT = ROOT / "kb" / "officials.ttl"

import sources  # noqa: E402
from officials_kb import country_map, hand_written  # noqa: E402
from officials_names import (  # noqa: E402
    clean_name,
    common_words,
    other_russian,
    personal_name,
    round_trip,
    to_russian,
)
from officials_render import render  # noqa: E402
from officials_rules import (  # noqa: E402, F401
    FORMER_BEFORE,
    SHORT_TERM_DAYS,
    SURNAME_REASONS,
    cabinet_title,
    cabinet_titles,
    former,
    title_of,
    why_left_out,
)
from officials_source import DATA, refresh, rows  # noqa: E402

from bilat.extract.text import match_key  # noqa: E402
from bilat.graph.kb import slugify  # noqa: E402


def read_snapshot(name: str) -> list[dict]:
    path = sources.locate("wikidata-officials", SOURCE) / name
    if not path.is_file():
        raise sources.SourceMissing(
            f"source wikidata-officials: no {path}: {sources.SOURCES['wikidata-officials'][3]}"
        )
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build() -> tuple[list[dict], dict]:
    table = [(r[0], r[1], r[2] if len(r) > 2 else "") for r in rows(DATA / "official_titles.tsv")]
    cabinet_posts = cabinet_titles(rows(DATA / "cabinet_positions.tsv"))
    countries, members = country_map(COUNTRIES_SOURCE)
    hw = hand_written(OUT)
    common = common_words()
    name_rules = rows(DATA / "official_name_rules.tsv")
    name_order = {r[1] for r in name_rules if r[0] == "name-order"}
    particles = {r[1] for r in name_rules if r[0] == "particle"}
    languages = {r[1]: r[2] for r in name_rules if r[0] == "language"}
    # the groups of given_names_ru.tsv a country's given names are read in: its "given" row, else
    # its language
    given_groups = {r[1]: r[2].split() for r in name_rules if r[0] == "given"}
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
    generated: list[dict] = []  # the rows of the posts generated
    for r, start, end, source in terms:
        country = r["country"] if source.startswith("cabinet:") else countries.get(r["country"])
        if country not in members:
            skipped["not a UN member state"].append(r["name"])
            continue
        if source.startswith("cabinet:"):
            title = cabinet_title(r["position_label"], country, cabinet_posts)
        else:
            title = title_of(r["position_label"], table)
        if title is None:
            skipped["post not generated"].append(f"{r['name']} ({r['position_label']})")
            continue
        if start and end and _before(end, start):
            # a source's slip ("2002-11-14" to "2002-01-06"): no term
            skipped["a term that ends before it begins"].append(f"{r['name']} ({r['position_label']})")
            continue
        generated.append(r)
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
        # a term of a world list (in years) that the same person's term in the state's history
        # (in days) covers is that term: the days stand ("2018"-"2022" and "2018-08-18"-"2022-04-10"
        # read as two terms, the first overlapping the next holder's)
        days = [h for h in holders if h["source"].startswith("cabinet:")]
        holders = [h for h in holders if h in days or not any(same_term(d, h) for d in days)]
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
    for r in generated:
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
        else:
            why = why_left_out(
                en,
                names,
                p,
                name_order=name_order,
                particles=particles,
                common=common,
                given=given,
                bearers=bearers,
                hw=hw,
                lang=languages.get(p["country"]),
            )
        surname_why = why if why in SURNAME_REASONS else None
        if why and not surname_why:
            skipped[why].append(en)
            continue
        ru = to_russian(
            en,
            languages.get(p["country"]),
            given_groups.get(p["country"], languages.get(p["country"], "").split()),
        )
        checked = round_trip(en, ru, languages.get(p["country"]))
        if surname_why and not checked:
            # (found by the full name only, its Russian name must spell back to it: a wrong
            # Russian label would be the canonical one of every Russian mention linked to it)
            skipped["a risky surname and a Russian name not round-trip checked"].append(en)
            continue
        if why is None and former(p["tenures"]):
            surname_why = f"every term ended before {FORMER_BEFORE}"
        tenures = sorted(set(p["tenures"]), key=lambda t: (t[1] or "", t[0][0]))
        records.append(
            {
                "key": key,
                "en": en,
                "ru": ru,
                "checked": checked,
                "ru_alt": other_russian(en, ru, languages.get(p["country"])),
                "alt": sorted({n for n in names[1:] + [" ".join(r.split()) for r in raw]} - {en}),
                "country": p["country"],
                "qid": qid,
                "tenures": tenures,
                "sources": sorted(p["sources"]),
                "surname_why": surname_why,
            }
        )
    # a person found by the full name only whose post another person of the knowledge base
    # holds at the same time is left out: a post of a region read as the state's ("President of
    # the Sakha Republic" as President of Russia), no second holder of one post
    held = post_terms(records)
    kept = []
    for r in records:
        if r.get("surname_why") in SURNAME_REASONS and any(
            overlaps(start, end, s2, e2)
            for (title, _ru), start, end in r["tenures"]
            for k2, s2, e2 in held.get((title, r["country"]), ())
            if k2 != r["key"]
        ):
            skipped["a risky surname and a post another person holds then"].append(r["en"])
            continue
        kept.append(r)
        if r.get("surname_why"):
            skipped[f"found by the full name only ({r['surname_why']})"].append(r["en"])
    records = kept
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


def post_terms(records: list[dict]) -> dict[tuple[str, str], list[tuple[str, str | None, str | None]]]:
    """(title, state) → (person, start, end) of every term of the hand-written people and of
    the generated ``records`` that the surname alone finds."""
    from bilat.graph.kb import load_kb

    out: dict[tuple[str, str], list] = defaultdict(list)
    for e in load_kb([ROOT / "kb" / "people.ttl"]):
        for t in e.tenures:
            if t.org:
                out[(t.title_en, t.org)].append((e.key, t.start, t.end))
    for r in records:
        if not r.get("surname_why"):
            for (title, _ru), start, end in r["tenures"]:
                out[(title, r["country"])].append((r["key"], start, end))
    return out


def same_term(days: dict, years: dict) -> bool:
    """Whether a term in days and a term in years are one person's same term: their years
    overlap.

    >>> t = lambda s, e: {"person": "Q1", "start": s, "end": e}
    >>> same_term(t("2018-08-18", "2022-04-10"), t("2018", "2022"))
    True
    >>> same_term(t("2009-03-31", "2021-06-13"), t("2022", ""))
    False
    """
    if days["person"] != years["person"]:
        return False
    return (days["start"] or "0000")[:4] <= (years["end"] or "9999")[:4] and (years["start"] or "0000")[
        :4
    ] <= (days["end"] or "9999")[:4]


def overlaps(start: str | None, end: str | None, start2: str | None, end2: str | None) -> bool:
    """Whether two terms (ISO dates or years, None open) overlap by more than their edges.

    >>> overlaps("2010-05-31", "2018-05-28", "2012", None), overlaps("2000", "2008", "2008", "2012")
    (True, False)
    >>> overlaps("2021-06-13", "2022-07-01", "2022", None)  # a year's start: maybe after that day
    False
    """
    return _before(start or "0000", end2 or "9999") and _before(start2 or "0000", end or "9999")


def _before(a: str, b: str) -> bool:
    """``a`` strictly before ``b``, compared at the coarser of their precisions (a year says
    nothing of the day: "2022" is not before "2022-07-01", nor after it)."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


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
    sources.source_arg(ap, "wikidata-officials")
    ap.add_argument(
        "--countries-source",
        metavar="PATH",
        default=None,
        help="where mledoze/countries is (as make_states.py)",
    )
    args = ap.parse_args(argv)
    global SOURCE, COUNTRIES_SOURCE
    SOURCE, COUNTRIES_SOURCE = args.source, args.countries_source
    if args.refresh:
        refresh(*args.refresh, newer=args.newer, cabinets=args.cabinets, into=args.source)
    records, skipped = build()
    text = render(records)
    if args.skipped:
        for why, names in sorted(skipped.items()):
            print(f"{why}: {len(names)}: {', '.join(sorted(set(names)))}")
    if args.check:
        return int(sources.is_stale(OUT, text, "tools/make_officials.py"))
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
