#!/usr/bin/env python3
"""Mechanical checks of gold annotation files (``../shared/eval/GOLD_FORMAT.md``).

usage: python3 tools/check_gold.py FILE.json...

Prints one line per problem (``FILE: what``) and exits 1 when there is any; prints nothing and
exits 0 otherwise. It needs nothing but the standard library, so annotators run it anywhere.
What it checks is what a reviewer should not have to: every mention, adjectival and descriptive
mention occurs in the text; every evidence is an exact span of the text; roles and events name
entities the file declares (or implicit entities); types, statuses and dates are of the format.
Whether the annotation is *right* is still the reviewer's job.
"""

import json
import re
import sys

TYPES = {
    "Person",
    "Country",
    "City",
    "GovernmentBody",
    "Organization",
    "InternationalOrganization",
    "MediaOutlet",
    "Project",
    "Place",
    "Company",
}
EVENT_TYPES = {
    "MEET",
    "VISIT",
    "STATEMENT",
    "AGREE",
    "COOPERATE",
    "ACCUSE",
    "SUPPORT",
    "ANNIVERSARY",
    "OTHER",
}
STATUSES = {None, "planned", "ongoing"}
EVENT_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def strings(v):
    if v is None:
        return []
    return [v] if isinstance(v, str) else list(v)


def check(path):
    try:
        d = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"unreadable: {e}"]
    out = []
    for k in ("id", "lang", "url", "outlet", "date", "title", "text", "entities", "roles", "events"):
        if k not in d:
            out.append(f"missing key {k!r}")
    if out:
        return out
    text = d["text"]
    if d["lang"] not in ("en", "ru"):
        out.append(f"lang {d['lang']!r}")
    if d["date"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["date"]):
        out.append(f"date {d['date']!r} is not YYYY-MM-DD or null")
    if not d.get("url"):
        out.append("no url")
    if not d.get("outlet"):
        out.append("no outlet")
    if text != text.strip() or "\r" in text or "\t" in text or "  " in text:
        out.append("text has surrounding whitespace, tabs, CR or double spaces")
    if d.get("title") and not text.startswith(d["title"]) and d.get("headline_in_text", True):
        out.append('title is not the start of the text (set "headline_in_text": false if the page had none)')
    names = {}
    for i, e in enumerate(d["entities"]):
        w = f"entities[{i}] {e.get('name_en')!r}"
        if not e.get("name_en"):
            out.append(f"{w}: no name_en")
            continue
        if e["name_en"] in names:
            out.append(f"{w}: name_en declared twice")
        names[e["name_en"]] = e
        if e.get("type") not in TYPES:
            out.append(f"{w}: type {e.get('type')!r}")
        if not e.get("name_ru"):
            out.append(f"{w}: no name_ru")
        if not e.get("mentions") and not e.get("adjectival_mentions"):
            out.append(f"{w}: neither mentions nor adjectival_mentions")
        for key in ("mentions", "adjectival_mentions", "descriptive_mentions"):
            for m in strings(e.get(key)):
                if m not in text:
                    out.append(f"{w}: {key[:-1]} {m!r} is not in the text")
    for i, o in enumerate(d.get("other_names") or []):
        if not isinstance(o, dict) or not o.get("name_en"):
            out.append(f"other_names[{i}]: an object with a name_en, not {o!r}")  # as the evaluator wants
    if any(not isinstance(o, dict) for o in d.get("other_names") or []):
        return out
    implicit = {e.get("name_en") for e in d.get("implicit_entities") or []}
    known = set(names) | implicit
    for i, r in enumerate(d["roles"]):
        w = f"roles[{i}]"
        if r.get("person") not in names:
            out.append(f"{w}: person {r.get('person')!r} is not an entity")
        elif names[r["person"]].get("type") != "Person":
            out.append(f"{w}: person {r.get('person')!r} is not a Person")
        if r.get("of") is not None and r.get("of") not in known:
            out.append(f"{w}: of {r.get('of')!r} is not an entity")
        if not r.get("position"):
            out.append(f"{w}: no position")
        for ev in [r.get("evidence"), *strings(r.get("other_evidence"))]:
            if not ev or ev not in text:
                out.append(f"{w}: evidence {ev!r} is not a span of the text")
    for i, ev in enumerate(d["events"]):
        w = f"events[{i}] {ev.get('type')}"
        if ev.get("type") not in EVENT_TYPES:
            out.append(f"{w}: type")
        for p in strings(ev.get("participants")) + strings(ev.get("speaker")):
            if p not in known:
                out.append(f"{w}: {p!r} is not an entity")
        for k in ("place", "project"):
            if (
                ev.get(k) is not None
                and ev[k] not in known
                and ev[k] not in {o.get("name_en") for o in d.get("other_names") or []}
            ):
                out.append(f"{w}: {k} {ev[k]!r} is not an entity")
        if ev.get("type") == "STATEMENT" and not ev.get("speaker"):
            out.append(f"{w}: a STATEMENT needs a speaker")
        if ev.get("status") not in STATUSES:
            out.append(f"{w}: status {ev.get('status')!r}")
        if ev.get("date") is not None and not EVENT_DATE.fullmatch(ev["date"]):
            out.append(f"{w}: date {ev['date']!r}")
        if not ev.get("evidence") or ev["evidence"] not in text:
            out.append(f"{w}: evidence {ev.get('evidence')!r} is not a span of the text")
    return out


def main(argv):
    bad = 0
    for f in argv:
        for line in check(f):
            print(f"{f}: {line}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
