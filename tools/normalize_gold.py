#!/usr/bin/env python3
"""Give one real-world entity one canonical name across gold files.

usage: .venv/bin/python tools/normalize_gold.py [--write] FOLDER...

Annotators working apart spell the same entity differently ("Shanghai Cooperation
Organisation" / "…Organization", "Объединённых" / "Объединенных", "Kremlin" / "Presidential
Administration of Russia"), which breaks the rule of the gold format that one real-world entity
has one ``name_en`` everywhere (and the cross-file test of ``tests/test_corpus.py``). Entities
of all files are grouped when they share a ``name_en`` or a ``name_ru`` (case- and
ё-insensitive); a group with several spellings takes, in this order: the spelling of the files
of the first FOLDER given that has one (the reference set), the knowledge base's labels when one
entry has either name as its label, else the spelling most files use. Types: the one most files
use. References (roles, events, ``dyad``) follow the new ``name_en``; mentions (surface strings
of the text) are kept. A speaker missing from its event's participants is added to them. Without
``--write`` it only prints what it would change.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path


def fold(s: str | None) -> str:
    return " ".join((s or "").casefold().replace("ё", "е").split())


def _entities(doc: dict) -> list[dict]:
    return list(doc.get("entities") or []) + list(doc.get("implicit_entities") or [])


def groups(docs: dict[Path, dict]) -> list[list[tuple[Path, dict]]]:
    """Entities that share a name_en or a folded name_ru, across files (union-find)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    members: dict[str, list[tuple[Path, dict]]] = defaultdict(list)
    for path, doc in docs.items():
        for e in _entities(doc):
            if not e.get("name_en"):
                continue
            a = "en:" + e["name_en"]
            if e.get("name_ru"):
                parent[find(a)] = find("ru:" + fold(e["name_ru"]))
            members[a].append((path, e))
    out: dict[str, list] = defaultdict(list)
    for a, ms in members.items():
        out[find(a)].extend(ms)
    return list(out.values())


def kb_labels() -> dict[str, tuple[str, str]]:
    """Folded label (en or ru) → (English label, Russian label) of the knowledge base."""
    try:
        from bilat.graph.kb import load_kb
    except ImportError:
        return {}
    out = {}
    for e in load_kb():
        en, ru = e.label("en"), e.label("ru")
        if en and ru:
            out.setdefault(fold(en), (en, ru))
            out.setdefault(fold(ru), (en, ru))
    return out


def choose(members: list[tuple[Path, dict]], reference: Path, kb: dict) -> tuple[str, str | None, str]:
    spellings = Counter((e["name_en"], e.get("name_ru")) for _, e in members)
    ref = Counter((e["name_en"], e.get("name_ru")) for p, e in members if p.parent == reference)
    types = Counter(e.get("type") for _, e in members if e.get("type"))
    typ = types.most_common(1)[0][0] if types else None
    if ref:
        en, ru = ref.most_common(1)[0][0]
        return en, ru, typ
    for en, ru in spellings:
        hit = kb.get(fold(en)) or kb.get(fold(ru))
        if hit and (
            fold(hit[0]) in {fold(s[0]) for s in spellings} or fold(hit[1]) in {fold(s[1]) for s in spellings}
        ):
            return hit[0], hit[1], typ
    (en, ru), _ = max(spellings.items(), key=lambda kv: (kv[1], len(kv[0][0])))
    return en, ru, typ


def rename_refs(doc: dict, old: str, new: str) -> None:
    for r in doc.get("roles") or []:
        for k in ("person", "of"):
            if r.get(k) == old:
                r[k] = new
    for ev in doc.get("events") or []:
        for k in ("participants", "speaker"):
            v = ev.get(k)
            if isinstance(v, list):
                ev[k] = list(dict.fromkeys(new if x == old else x for x in v))
            elif v == old:
                ev[k] = new
        for k in ("place", "project"):
            if ev.get(k) == old:
                ev[k] = new
    if isinstance(doc.get("dyad"), list):
        doc["dyad"] = [new if x == old else x for x in doc["dyad"]]


def speakers_take_part(doc: dict) -> bool:
    """A speaker is a participant of its event (the gold format's rule); True when changed."""
    changed = False
    for ev in doc.get("events") or []:
        sp = ev.get("speaker")
        parts = ev.get("participants") if isinstance(ev.get("participants"), list) else []
        for s in [sp] if isinstance(sp, str) else (sp or []):
            if s not in parts:
                parts.append(s)
                changed = True
        ev["participants"] = parts
    return changed


def merge_duplicates(doc: dict) -> None:
    """Two entities of one file that now share a name_en become one (mentions united)."""
    for key in ("entities", "implicit_entities"):
        seen: dict[str, dict] = {}
        kept = []
        for e in doc.get(key) or []:
            if e["name_en"] in seen:
                into = seen[e["name_en"]]
                for k in ("mentions", "adjectival_mentions", "descriptive_mentions"):
                    if e.get(k):
                        into[k] = list(dict.fromkeys((into.get(k) or []) + e[k]))
                continue
            seen[e["name_en"]] = e
            kept.append(e)
        if key in doc:
            doc[key] = kept


def main(argv: list[str]) -> int:
    write = "--write" in argv
    folders = [Path(a) for a in argv if a != "--write"]
    if not folders:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    docs = {p: json.loads(p.read_text(encoding="utf-8")) for f in folders for p in sorted(f.glob("*.json"))}
    kb = kb_labels()
    changed: set[Path] = set()
    for members in groups(docs):
        variants = {(e["name_en"], e.get("name_ru"), e.get("type")) for _, e in members}
        if len(variants) < 2:
            continue
        en, ru, typ = choose(members, folders[0], kb)
        print(f"{sorted(variants)} → {(en, ru, typ)}")
        for path, e in members:
            if (e["name_en"], e.get("name_ru"), e.get("type")) == (en, ru, typ):
                continue
            old = e["name_en"]
            e["name_en"], e["name_ru"] = en, ru
            if typ and e.get("type"):
                e["type"] = typ
            if old != en:
                rename_refs(docs[path], old, en)
            changed.add(path)
    for path, doc in docs.items():
        if speakers_take_part(doc):
            print(f"{path}: speakers added to participants")
            changed.add(path)
    for path in sorted(changed):
        merge_duplicates(docs[path])
        if write:
            path.write_text(json.dumps(docs[path], ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(changed)} file(s) {'rewritten' if write else 'would change'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
