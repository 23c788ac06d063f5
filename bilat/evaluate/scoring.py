"""Scoring one document: entities, posts, events (sentence-matched) and identity across documents.
Each function takes plain records and returns a :class:`Tally` of counts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from bilat.evaluate.gold import (
    COARSE,
    COLUMNS,
    EVENT_CLASSES,
    LANGS,
    STATUS_CONTEXT,
    UNSCORED,
    GoldDoc,
    GoldEntity,
    GoldEvent,
    GoldRole,
    fold,
    normalize_title,
)
from bilat.evaluate.stored import _BL, StoredDoc, StoredEntity, StoredEvent, StoredPosition, _local


class Tally:
    """Counts ``[numerator, denominator]`` per figure and language."""

    def __init__(self) -> None:
        self.counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: {c: [0, 0] for c in COLUMNS})

    def add(self, name: str, lang: str, num: int, den: int) -> None:
        for col in (lang, "all"):
            cell = self.counts[name][col]
            cell[0] += num
            cell[1] += den

    def merge(self, other: Tally, lang: str) -> None:
        for name, cols in other.counts.items():
            self.add(name, lang, *cols["all"])

    def ratio(self, name: str, col: str) -> float | None:
        num, den = self.counts[name][col] if name in self.counts else (0, 0)
        return num / den if den else None


def _rank(ent: StoredEntity, gold: GoldEntity) -> tuple | None:
    """How well a stored entity matches a gold one (lower is better), None: no match."""
    canon = {k for k in (fold(gold.name_en), fold(gold.name_ru)) if k}
    keys = gold.keys
    labels = {fold(t) for t, _ in ent.labels}
    alts = {fold(t) for t, _ in ent.alt_labels}
    if labels & canon:
        r = 0
    elif labels & keys:
        r = 1
    elif alts & canon:
        r = 2
    elif alts & keys:
        r = 3
    else:
        return None
    return (r, ent.iri)


def candidates(gold: GoldEntity, entities: Iterable[StoredEntity]) -> list[StoredEntity]:
    """The stored entities that find ``gold``, best first."""
    ranked = [(rk, e) for e in entities if (rk := _rank(e, gold)) is not None]
    return [e for _, e in sorted(ranked, key=lambda x: x[0])]


@cache
def subclasses(cls: str) -> frozenset[str]:
    """``cls`` and every class of the vocabulary below it (local names under ``bl:``).

    >>> sorted(subclasses("Organization"))
    ['Company', 'GovernmentBody', 'InternationalOrganization', 'MediaOutlet', 'Organization']
    """
    from rdflib import URIRef
    from rdflib.namespace import RDFS

    below = _ontology().transitive_subjects(RDFS.subClassOf, URIRef(_BL + cls))
    return frozenset({cls} | {_local(str(c)) for c in below if _local(str(c))})


@lru_cache(maxsize=1)
def _ontology():
    from bilat.ontology import load_ontology

    return load_ontology()


def accepted_classes(gold: GoldEntity) -> frozenset[str]:
    """The stored classes right for ``gold``: its type, its ``alt_types`` and their subclasses."""
    return frozenset().union(*(subclasses(c) for c in (gold.type, *gold.alt_types) if c))


@dataclass
class EntityScore:
    tally: Tally
    found: dict[str, str]  # gold name_en → IRI of the found (best) entity


def _name(stored: StoredDoc, iri: str) -> str:
    """A readable name of a stored IRI for error lists: its label, else its local part."""
    e = stored.entities.get(iri)
    if e is not None and e.labels:
        return e.labels[0][0]
    names = sorted(stored.names.get(iri, ()))
    return names[0] if names else iri.rsplit("/", 1)[-1]


def score_entities(gold: GoldDoc, stored: StoredDoc, errors: list | None = None) -> EntityScore:
    """Entity recall, precision, canonical labels and types for one document; with ``errors``
    (a list), what went wrong is appended to it, one dict each."""
    errors = errors if errors is not None else []
    t = Tally()
    lang = gold.lang
    ents = list(stored.entities.values())
    found: dict[str, str] = {}
    for g in gold.entities:
        cands = candidates(g, ents)
        t.add("entities.recall", lang, 1 if cands else 0, 1)
        if not cands:
            errors.append({"kind": "entity.missed", "name": g.name_en, "type": g.type})
            continue
        best = cands[0]
        found[g.name_en] = best.iri
        canon = g.canonical(lang)
        label_ok = bool(canon) and fold(best.label(lang)) == fold(canon)
        t.add("entities.canonical_label", lang, label_ok, 1)
        if not label_ok:
            errors.append({"kind": "entity.label", "name": canon, "label": best.label(lang)})
        ok_fine = accepted_classes(g)
        t.add("entities.type_fine", lang, 1 if best.classes & ok_fine else 0, 1)
        if best.classes and not best.classes & ok_fine:  # a class, not the right one
            errors.append(
                {"kind": "entity.type", "name": g.name_en, "type": g.type, "class": sorted(best.classes)}
            )
        ok_coarse = {COARSE[c] for c in ok_fine if c in COARSE}
        t.add(
            "entities.type_coarse",
            lang,
            1 if {COARSE[c] for c in best.classes if c in COARSE} & ok_coarse else 0,
            1,
        )
    right = wrong = 0
    neutral_gold = gold.implicit + gold.other_names
    for e in ents:
        if any(_rank(e, g) is not None for g in gold.entities):
            right += 1
        elif not any(_rank(e, g) is not None for g in neutral_gold):
            wrong += 1
            errors.append({"kind": "entity.false", "label": _name(stored, e.iri), "class": sorted(e.classes)})
    t.add("entities.precision", lang, right, right + wrong)
    return EntityScore(t, found)


def _matches(stored: StoredDoc, iri: str, gold: GoldEntity) -> bool:
    return bool(stored.names_of(iri) & gold.keys)


def max_matching(edges: Mapping[int, Sequence[int]]) -> dict[int, int]:
    """A maximum one-to-one matching ``{left: right}`` of a bipartite graph given as
    ``left → right nodes in order of preference`` (Kuhn's augmenting paths; preferred edges
    are tried first).

    >>> max_matching({0: [0, 1], 1: [0]})
    {1: 0, 0: 1}
    """
    owner: dict[int, int] = {}

    def augment(u: int, seen: set[int]) -> bool:
        for v in edges.get(u, ()):
            if v in seen:
                continue
            seen.add(v)
            if v not in owner or augment(owner[v], seen):
                owner[v] = u
                return True
        return False

    for u in edges:
        augment(u, set())
    return {u: v for v, u in owner.items()}


def role_matches(role: GoldRole, pos: StoredPosition, gold: GoldDoc, stored: StoredDoc) -> bool:
    """A stored post matches a gold role: holder, title (normalized) and organization."""
    if not _matches(stored, pos.person, gold.entity(role.person)):
        return False
    want = normalize_title(role.position)
    if not any(normalize_title(t) == want for t in pos.titles):
        return False
    if role.of is None:
        return True
    org = gold.entity(role.of)
    return any(_matches(stored, o, org) for o in pos.orgs)


def score_positions(gold: GoldDoc, stored: StoredDoc, errors: list | None = None) -> Tally:
    t = Tally()
    errors = errors if errors is not None else []
    edges = {
        i: [j for j, p in enumerate(stored.positions) if role_matches(r, p, gold, stored)]
        for i, r in enumerate(gold.roles)
    }
    pairs = max_matching(edges)
    t.add("positions.recall", gold.lang, len(pairs), len(gold.roles))
    t.add("positions.precision", gold.lang, len(pairs), len(stored.positions))
    for i, r in enumerate(gold.roles):
        if i not in pairs:
            errors.append({"kind": "position.missed", "person": r.person, "position": r.position, "of": r.of})
    taken = set(pairs.values())
    for j, p in enumerate(stored.positions):
        if j not in taken:
            errors.append(
                {
                    "kind": "position.false",
                    "person": _name(stored, p.person),
                    "position": sorted(p.titles),
                    "of": [_name(stored, o) for o in sorted(p.orgs)],
                }
            )
    return t


def event_match(ev: GoldEvent, st: StoredEvent, gold: GoldDoc, stored: StoredDoc) -> tuple[bool, bool]:
    """``(found, speaker right)`` for a gold event against a stored one."""
    allowed = EVENT_CLASSES[ev.type]
    if allowed is not None and not (st.classes & frozenset().union(*map(subclasses, allowed))):
        return False, False
    speaker_ok = bool(ev.speakers) and any(
        _matches(stored, s, gold.entity(name)) for name in ev.speakers for s in st.speakers
    )
    right = sum(
        1 for name in ev.participants if any(_matches(stored, p, gold.entity(name)) for p in st.participants)
    )
    need = len(ev.participants) if len(ev.participants) < 2 else 2
    found = right >= need or (ev.type == "STATEMENT" and speaker_ok)
    return found, speaker_ok


def spans_overlap(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> bool:
    """Whether a span of ``a`` and a span of ``b`` share a character.

    >>> spans_overlap([(0, 5)], [(4, 9)]), spans_overlap([(0, 5)], [(5, 9)])
    (True, False)
    """
    b = list(b)
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def score_events(gold: GoldDoc, stored: StoredDoc, errors: list | None = None) -> Tally:
    """Event recall and precision for one document, sentence-matched.

    A gold event is found by a stored event reported on its sentence (the stored evidence or
    trigger overlaps the gold ``evidence``/``other_evidence``; a gold event without evidence
    is matched anywhere) with a compatible class and the speaker or two participants right;
    gold and stored events are paired one to one (maximum matching, preferring the right
    speaker and context). Not scored: gold OTHER events and gold events said not to have
    happened; stored events bilat marks negated or hypothetical; stored events left unpaired
    on the sentence of a gold event that is not scored."""
    t = Tally()
    errors = errors if errors is not None else []
    lang = gold.lang
    scored = [
        i for i, ev in enumerate(gold.events) if ev.type != "OTHER" and (ev.status or "") not in UNSCORED
    ]
    neutral_spans = [sp for i, ev in enumerate(gold.events) if i not in scored for sp in ev.spans]
    live = [j for j, st in enumerate(stored.events) if (st.context or "") not in UNSCORED]
    edges: dict[int, list[int]] = {}
    info: dict[tuple[int, int], tuple[bool, bool]] = {}
    for i in scored:
        ev = gold.events[i]
        ranked = []
        for j in live:
            st = stored.events[j]
            if ev.spans and not spans_overlap(ev.spans, st.spans):
                continue
            found, speaker_ok = event_match(ev, st, gold, stored)
            if not found:
                continue
            context_ok = st.context == STATUS_CONTEXT.get(ev.status or "")
            info[(i, j)] = (speaker_ok, context_ok)
            ranked.append(((not speaker_ok, not context_ok, j), j))
        edges[i] = [j for _, j in sorted(ranked)]
    pairs = max_matching(edges)
    for i in scored:
        ev = gold.events[i]
        j = pairs.get(i)
        t.add("events.recall", lang, j is not None, 1)
        t.add(f"events.recall.{ev.type}", lang, j is not None, 1)
        if ev.type == "STATEMENT":
            t.add("events.statement_speaker", lang, j is not None and info[(i, j)][0], 1)
        if j is not None:
            t.add("events.context", lang, info[(i, j)][1], 1)
        else:
            errors.append(
                {
                    "kind": "event.missed",
                    "type": ev.type,
                    "participants": list(ev.participants),
                    "speaker": list(ev.speakers),
                    "evidence": ev.evidence,
                }
            )
    matched = set(pairs.values())
    for j in live:
        st = stored.events[j]
        if j not in matched and spans_overlap(st.spans, neutral_spans):
            continue
        t.add("events.precision", lang, j in matched, 1)
        t.add(f"events.precision.{st.cls}", lang, j in matched, 1)
        if j not in matched:
            errors.append(
                {
                    "kind": "event.false",
                    "class": st.cls,
                    "participants": sorted(_name(stored, p) for p in st.participants),
                    "speaker": sorted(_name(stored, p) for p in st.speakers),
                    "evidence": st.evidence[0] if st.evidence else "",
                }
            )
    return t


def score_identity(found: Mapping[str, Mapping[str, str]], langs: Mapping[str, str]) -> Tally:
    """Identity across documents. ``found``: document id → {gold name_en → found IRI};
    ``langs``: document id → language. Within a language: entities found in at least two
    documents of that language, right when they all gave one IRI; across languages: entities
    found in both languages, right when every document gave the same IRI."""
    t = Tally()
    by_name: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for doc_id, names in found.items():
        for name, iri in names.items():
            by_name[name][langs[doc_id]].append(iri)
    for _name, per_lang in sorted(by_name.items()):
        for lang, iris in per_lang.items():
            if len(iris) >= 2:
                t.add("identity.within_language", lang, len(set(iris)) == 1, 1)
        if all(per_lang.get(lg) for lg in LANGS):
            every = [i for lg in LANGS for i in per_lang[lg]]
            cell = t.counts["identity.across_languages"]["all"]
            cell[0] += len(set(every)) == 1
            cell[1] += 1
    return t
