"""``bilat eval GOLD_DIR``: measure what users get out of the store against annotated articles.

Every gold file of ``GOLD_DIR`` (format: ``eval/GOLD_FORMAT.md``) is ingested through
:func:`bilat.app.ingest` into a fresh temporary store; the results are then read back only
through the SPARQL queries ``graph/queries/eval_*.rq`` over the public vocabulary, never
through the extractor's Python objects. The figures, per language (``en``, ``ru``) and overall
(``all``, micro-averaged over documents):

``entities.precision / recall / f1``
    A gold entity is *found* in a document when an entity bilat says is mentioned there
    (``bl:mentionedIn``) has an ``rdfs:label`` or ``skos:altLabel`` equal, case- and
    ``ё``-insensitively, to its canonical name (``name_en`` or ``name_ru``) or one of its
    ``mentions``. Precision: bilat's entities of the document that match a gold entity, over
    those that match one or match nothing; entities matching only ``implicit_entities`` or
    ``other_names`` are left out (neither right nor wrong).
``entities.canonical_label``
    Found entities whose ``rdfs:label`` in the document's language is the gold canonical name
    of that language (same case/``ё`` folding).
``entities.type_coarse / type_fine``
    Found entities with the right coarse class (person / organization / place / project) and
    the right class (``type`` or one of ``alt_types``, or a subclass of one of them).
``identity.within_language / across_languages``
    Gold entities (by ``name_en``) found in several documents of one language (or in documents
    of both languages) whose documents all gave the same IRI. The *found entity* of a document
    is its best-matching bilat entity (label before alternative label, canonical name before
    mention, then IRI order).
``positions.precision / recall / f1``
    A gold role is found when a post (``bl:holdsPosition``) extracted from the document, held
    by an entity matching the gold person, has an English ``bl:title`` equal to the gold
    position after :func:`normalize_title` and a ``bl:ofOrganization`` matching the gold
    ``of`` entity. Only posts that the document itself states (its own named graph has the
    post's ``bl:extractedFrom`` and evidence) count. Precision: stored posts of the document
    matching a gold role.
``events.recall / precision / f1``, ``events.recall.TYPE``, ``events.precision.Class``
    Sentence-matched: a gold event is found only by an event extracted from the document
    whose sentence in this document (its ``bl:evidence`` located in the text, or its trigger's
    offsets) overlaps the gold ``evidence`` (or an ``other_evidence``) span, of a compatible
    class (:data:`EVENT_CLASSES`; a subclass counts), with, for a STATEMENT, a ``bl:speaker``
    matching a gold speaker, or otherwise at least two gold participants among its
    ``bl:participant`` (all of them when the gold has fewer than two). Gold and stored events
    are paired one to one (maximum matching). Neither right nor wrong: gold OTHER events and
    stored events left unpaired on their sentences; events bilat marks ``negated`` or
    ``hypothetical``. Precision per stored class: stored events paired with a gold event.
``events.statement_speaker``
    Gold STATEMENTs found with a stored event whose speaker is right.
``events.context``
    Found events whose ``bl:context`` is what the gold ``status`` says ("planned" →
    "planned", "negated" → "negated", otherwise none); a wrong context does not undo the match.

A per-dyad table gives the main figures for each pair of countries (the gold ``dyad``, else
the two countries the article names most) and for all pairs but the first case together.

Also the number of documents and the ingest speed (words per second, the models loaded
before timing). With ``--baseline FILE`` (the same JSON shape, holding the figures that must
not drop) the exit status is 1 when any figure is below the baseline by more than
:data:`TOLERANCE`.
"""
from __future__ import annotations

import json
import math
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

LANGS = ("en", "ru")
COLUMNS = LANGS + ("all",)
TOLERANCE = 0.005

_BL = "https://w3id.org/bilat/ontology#"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

#: Gold event type → the stored classes (local names under bl:) that can match it; None: any.
EVENT_CLASSES: dict[str, frozenset[str] | None] = {
    "MEET": frozenset({"Consult"}),
    "VISIT": frozenset({"Consult"}),
    "STATEMENT": frozenset({"Statement"}),
    "AGREE": frozenset({"Agree"}),
    "COOPERATE": frozenset({"Cooperate"}),
    # the gold ACCUSE (criticism, protest, summoning an ambassador, sanctions) spans PLOVER's
    # conflictual classes, which the vocabulary keeps apart
    "ACCUSE": frozenset({"Accuse", "Protest", "Reject", "Threaten", "Sanction"}),
    "SUPPORT": frozenset({"Support", "Aid"}),
    "ANNIVERSARY": frozenset({"Anniversary"}),
    "OTHER": None,  # not scored: a stored event on its sentence is neither right nor wrong
}

#: Stored ``bl:context`` values of events that bilat itself says did not happen: such events
#: count neither way. Gold events of these statuses (and OTHER) are not scored either.
UNSCORED = frozenset({"negated", "hypothetical"})

#: Entity class → coarse class.
COARSE: dict[str, str] = {
    "Person": "person",
    "Organization": "organization", "GovernmentBody": "organization",
    "InternationalOrganization": "organization", "MediaOutlet": "organization",
    "Company": "organization",
    "Country": "place", "City": "place", "Place": "place",
    "Project": "project",
}

#: Gold event status → the bl:context a stored event should carry (None: happened).
STATUS_CONTEXT = {"planned": "planned", "negated": "negated", "hypothetical": "hypothetical"}

#: Titles that mean the same post, after :func:`normalize_title`'s folding (left → right).
def _title_table(kind: str) -> dict[str, str]:
    from bilat.extract.text import read_table

    return {r[1]: r[2] for r in read_table(Path(__file__).parent / "data" / "title_synonyms.tsv") if r[0] == kind}


#: whole titles and their normal form; "X minister" → "minister of Y" (bilat/data/title_synonyms.tsv)
TITLE_SYNONYMS: dict[str, str] = _title_table("synonym")
_MINISTER_FIELDS: dict[str, str] = _title_table("minister")
_TITLE_PREFIXES = ("acting ", "former ", "the ")


# =========================================================================== text folding

def fold(text: str | None) -> str:
    """The matching form of a name: NFC, case-folded, ``ё`` → ``е``, spaces collapsed.

    >>> fold("  Сергей  ЛАВРОВ ") == fold("сергей лавров")
    True
    >>> fold("Алёна") == fold("Алена")
    True
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return " ".join(text.split())


def normalize_title(title: str | None) -> str:
    """A post's title in a comparable form: folded, punctuation to spaces, "acting"/"former"
    and "the" dropped, "Ambassador to X" → "ambassador", "X minister" → "minister of X", then
    :data:`TITLE_SYNONYMS`.

    >>> normalize_title("Foreign Minister") == normalize_title("Minister of Foreign Affairs")
    True
    >>> normalize_title("Ambassador to Kazakhstan")
    'ambassador'
    >>> normalize_title("Deputy Foreign Minister")
    'deputy minister of foreign affairs'
    """
    t = fold(title)
    t = re.sub(r"[^\w\s]", " ", t)
    t = " ".join(t.split())
    changed = True
    while changed:
        changed = False
        for p in _TITLE_PREFIXES:
            if t.startswith(p):
                t, changed = t[len(p):], True
    t = re.sub(r"^(ambassador|envoy)( extraordinary and plenipotentiary)? (to|in) .*$", "ambassador", t)
    m = re.match(r"^((?:first )?(?:deputy )?)(.+) minister$", t)
    if m and m.group(2) in _MINISTER_FIELDS:
        t = f"{m.group(1)}minister of {_MINISTER_FIELDS[m.group(2)]}"
    rest = t
    prefix = ""
    m = re.match(r"^((?:first )?(?:deputy )?)(.*)$", t)
    if m:
        prefix, rest = m.group(1), m.group(2)
    rest = TITLE_SYNONYMS.get(rest, rest)
    return prefix + rest


# =========================================================================== gold files

class GoldError(Exception):
    """A gold folder or file that cannot be used; the message is one line naming it."""


@dataclass(frozen=True)
class GoldEntity:
    name_en: str
    name_ru: str | None
    type: str | None
    mentions: tuple[str, ...] = ()
    alt_types: tuple[str, ...] = ()
    adjectival: tuple[str, ...] = ()

    @property
    def keys(self) -> frozenset[str]:
        """The folded names that find this entity: canonical names and mentions."""
        return frozenset(k for k in map(fold, (self.name_en, self.name_ru, *self.mentions)) if k)

    def canonical(self, lang: str) -> str | None:
        return self.name_ru if lang == "ru" else self.name_en


@dataclass(frozen=True)
class GoldRole:
    person: str
    position: str
    of: str | None


@dataclass(frozen=True)
class GoldEvent:
    type: str
    participants: tuple[str, ...]
    speakers: tuple[str, ...] = ()
    status: str | None = None
    evidence: str = ""
    #: where the event is reported: character spans of ``evidence`` and ``other_evidence``
    spans: tuple[tuple[int, int], ...] = ()


@dataclass
class GoldDoc:
    id: str
    lang: str
    text: str
    entities: list[GoldEntity]
    roles: list[GoldRole] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    implicit: list[GoldEntity] = field(default_factory=list)
    other_names: list[GoldEntity] = field(default_factory=list)
    date: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    path: str | None = None
    #: the pair of countries the article is about (``name_en`` values), see :func:`dyad_of`
    dyad: tuple[str, ...] = ()

    def entity(self, name_en: str) -> GoldEntity:
        """The gold (or implicit) entity named ``name_en``; a bare name when there is none."""
        for e in self.entities:
            if e.name_en == name_en:
                return e
        for e in self.implicit:
            if e.name_en == name_en:
                return e
        return GoldEntity(name_en, None, None)


def _str_or_none(obj: Mapping, key: str, where: str) -> str | None:
    v = obj.get(key)
    if v is not None and not isinstance(v, str):
        raise GoldError(f"{where}: '{key}' must be a string or null")
    return v


def _strings(v: Any, where: str) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,)
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise GoldError(f"{where}: expected a list of strings")
    return tuple(v)


def _entity(obj: Any, where: str, *, typed: bool = True) -> GoldEntity:
    if not isinstance(obj, dict) or not isinstance(obj.get("name_en"), str) or not obj["name_en"]:
        raise GoldError(f"{where}: an entity needs a non-empty 'name_en'")
    etype = obj.get("type")
    if typed and not isinstance(etype, str):
        raise GoldError(f"{where}: entity {obj['name_en']!r} has no 'type'")
    return GoldEntity(
        name_en=obj["name_en"],
        name_ru=_str_or_none(obj, "name_ru", where),
        type=etype if isinstance(etype, str) else None,
        mentions=_strings(obj.get("mentions"), f"{where}: {obj['name_en']!r} mentions"),
        alt_types=_strings(obj.get("alt_types"), f"{where}: {obj['name_en']!r} alt_types"),
        adjectival=_strings(obj.get("adjectival_mentions"),
                            f"{where}: {obj['name_en']!r} adjectival_mentions"),
    )


def evidence_spans(text: str, evidence: Iterable[str | None]) -> tuple[tuple[int, int], ...]:
    """Every ``(start, end)`` at which one of the ``evidence`` strings occurs in ``text``.

    >>> evidence_spans("He said so. He said so.", ["said so", None, "absent"])
    ((3, 10), (15, 22))
    """
    spans = []
    for ev in evidence:
        if not isinstance(ev, str) or not ev:
            continue
        start = text.find(ev)
        while start >= 0:
            spans.append((start, start + len(ev)))
            start = text.find(ev, start + 1)
    return tuple(sorted(set(spans)))


def parse_gold(data: Any, where: str) -> GoldDoc:
    """A gold document from its parsed JSON; :class:`GoldError` naming ``where`` if malformed."""
    if not isinstance(data, dict):
        raise GoldError(f"{where}: not a gold file (the top level must be a JSON object)")
    missing = [k for k in ("id", "lang", "text", "entities", "roles", "events") if k not in data]
    if missing:
        raise GoldError(f"{where}: not a gold file (missing {', '.join(missing)})")
    if not isinstance(data["id"], str) or not data["id"]:
        raise GoldError(f"{where}: 'id' must be a non-empty string")
    if data["lang"] not in LANGS:
        raise GoldError(f"{where}: 'lang' must be \"en\" or \"ru\", not {data['lang']!r}")
    if not isinstance(data["text"], str) or not data["text"].strip():
        raise GoldError(f"{where}: 'text' must be a non-empty string")
    for key in ("entities", "roles", "events"):
        if not isinstance(data[key], list):
            raise GoldError(f"{where}: '{key}' must be a list")
    for key in ("implicit_entities", "other_names"):
        if key in data and not isinstance(data[key], (list, type(None))):
            raise GoldError(f"{where}: '{key}' must be a list")
    date = _str_or_none(data, "date", where)
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise GoldError(f"{where}: 'date' must be YYYY-MM-DD or null, not {date!r}")
    roles = []
    for i, r in enumerate(data["roles"]):
        w = f"{where}: roles[{i}]"
        if not isinstance(r, dict) or not isinstance(r.get("person"), str) \
                or not isinstance(r.get("position"), str):
            raise GoldError(f"{w}: a role needs 'person' and 'position' strings")
        roles.append(GoldRole(r["person"], r["position"], _str_or_none(r, "of", w)))
    events = []
    for i, ev in enumerate(data["events"]):
        w = f"{where}: events[{i}]"
        if not isinstance(ev, dict) or ev.get("type") not in EVENT_CLASSES:
            raise GoldError(f"{w}: 'type' must be one of {', '.join(EVENT_CLASSES)}")
        status = _str_or_none(ev, "status", w)
        events.append(GoldEvent(
            type=ev["type"],
            participants=tuple(dict.fromkeys(_strings(ev.get("participants"), f"{w} participants"))),
            speakers=_strings(ev.get("speaker"), f"{w} speaker"),
            status=status,
            evidence=ev.get("evidence") if isinstance(ev.get("evidence"), str) else "",
            spans=evidence_spans(data["text"], (ev.get("evidence"),
                                                *_strings(ev.get("other_evidence"), f"{w} other_evidence")))))
    return GoldDoc(
        id=data["id"], lang=data["lang"], text=data["text"],
        entities=[_entity(e, f"{where}: entities[{i}]") for i, e in enumerate(data["entities"])],
        roles=list(dict.fromkeys(roles)), events=events,
        implicit=[_entity(e, f"{where}: implicit_entities[{i}]", typed=False)
                  for i, e in enumerate(data.get("implicit_entities") or [])],
        other_names=[_entity(e, f"{where}: other_names[{i}]", typed=False)
                     for i, e in enumerate(data.get("other_names") or [])],
        date=date, title=_str_or_none(data, "title", where), url=_str_or_none(data, "url", where),
        outlet=_str_or_none(data, "outlet", where), path=where,
        dyad=_strings(data.get("dyad"), f"{where}: dyad"))


def read_gold_dir(gold_dir: str | Path, *, skip: Iterable[str | Path] = ()) -> list[GoldDoc]:
    """Every ``*.json`` of ``gold_dir`` (not recursive, sorted), except the paths in ``skip``."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise GoldError(f"{gold_dir}: no such folder" if not folder.exists()
                        else f"{gold_dir}: not a folder")
    skipped = set()
    for s in skip:
        try:
            skipped.add(Path(s).resolve())
        except OSError:
            pass
    try:
        paths = sorted(p for p in folder.glob("*.json") if p.is_file() and p.resolve() not in skipped)
    except OSError as e:
        raise GoldError(f"{gold_dir}: cannot read the folder: {e.strerror or e}") from e
    if not paths:
        raise GoldError(f"{gold_dir}: no gold files (*.json) in this folder")
    docs: list[GoldDoc] = []
    seen: dict[str, str] = {}
    for p in paths:
        try:
            data = json.loads(p.read_text(encoding="utf-8-sig"))
        except OSError as e:
            raise GoldError(f"{p}: cannot read: {e.strerror or e}") from e
        except UnicodeDecodeError as e:
            raise GoldError(f"{p}: not UTF-8 text ({e.reason} at byte {e.start})") from e
        except ValueError as e:
            raise GoldError(f"{p}: invalid JSON: {e}") from e
        doc = parse_gold(data, str(p))
        if doc.id in seen:
            raise GoldError(f"{p}: document id {doc.id!r} is also the id of {seen[doc.id]}")
        seen[doc.id] = str(p)
        docs.append(doc)
    return docs


# =========================================================================== stored facts

@dataclass(frozen=True)
class StoredEntity:
    """An entity as the store describes it: names (``(text, lang)``) and classes (local names)."""

    iri: str
    labels: tuple[tuple[str, str], ...] = ()
    alt_labels: tuple[tuple[str, str], ...] = ()
    classes: frozenset[str] = frozenset()

    @property
    def names(self) -> frozenset[str]:
        return frozenset(fold(t) for t, _ in self.labels + self.alt_labels if fold(t))

    def label(self, lang: str) -> str | None:
        for t, lg in sorted(self.labels):
            if lg.split("-")[0].lower() == lang:
                return t
        return None


@dataclass(frozen=True)
class StoredPosition:
    iri: str
    person: str
    titles: frozenset[str] = frozenset()  # English titles
    orgs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StoredEvent:
    iri: str
    classes: frozenset[str]
    participants: frozenset[str] = frozenset()
    speakers: frozenset[str] = frozenset()
    context: str | None = None
    evidence: tuple[str, ...] = ()
    #: where this document reports it: its evidence sentences found in the text and its
    #: trigger's offsets
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def cls(self) -> str:
        """The most specific class (for per-class precision)."""
        specific = sorted(self.classes - {"Event"})
        return specific[0] if specific else "Event"


@dataclass
class StoredDoc:
    """What the store says about one document; ``names`` describes every IRI that the
    entities, positions and events mention (for matching arguments to gold entities)."""

    iri: str | None
    entities: dict[str, StoredEntity] = field(default_factory=dict)
    positions: list[StoredPosition] = field(default_factory=list)
    events: list[StoredEvent] = field(default_factory=list)
    names: dict[str, frozenset[str]] = field(default_factory=dict)

    def names_of(self, iri: str) -> frozenset[str]:
        if iri in self.names:
            return self.names[iri]
        e = self.entities.get(iri)
        return e.names if e else frozenset()


def _local(iri: str) -> str:
    return iri[len(_BL):] if iri.startswith(_BL) else ""


def _describe(rows: Iterable[Mapping]) -> dict[str, StoredEntity]:
    parts: dict[str, dict[str, list]] = defaultdict(lambda: {"l": [], "a": [], "c": []})
    for r in rows:
        iri, prop, value = str(r["entity"]), str(r["property"]), r["value"]
        lang = getattr(value, "language", None) or ""
        if prop == _RDFS_LABEL:
            parts[iri]["l"].append((str(value), lang))
        elif prop == _SKOS_ALT:
            parts[iri]["a"].append((str(value), lang))
        elif prop == _RDF_TYPE and _local(str(value)):
            parts[iri]["c"].append(_local(str(value)))
    return {iri: StoredEntity(iri, tuple(sorted(set(p["l"]))), tuple(sorted(set(p["a"]))),
                              frozenset(p["c"]))
            for iri, p in parts.items()}


def document_iris(store, doc_ids: Sequence[str]) -> dict[str, str]:
    """Document id → the IRI of its stored ``bl:Document`` (ids not stored are left out)."""
    from bilat.graph.sparql import bind, load_query

    if not doc_ids:
        return {}
    rows = store.select(bind(load_query("eval_documents"), id=list(doc_ids)))
    out: dict[str, str] = {}
    for r in rows:
        out.setdefault(str(r["id"]), str(r["doc"]))
    return out


def read_stored(store, doc_iri: str | None, text: str = "") -> StoredDoc:
    """Everything the evaluation looks at for one document, through ``eval_*.rq``; ``text``
    (the document's text) places each event's evidence sentences."""
    from rdflib import URIRef

    from bilat.graph.iris import FACTS_GRAPH
    from bilat.graph.sparql import bind, load_query

    if doc_iri is None:
        return StoredDoc(None)
    doc = URIRef(doc_iri)
    entities = _describe(store.select(bind(load_query("eval_entities"), doc=doc)))

    pos: dict[tuple[str, str], dict[str, set]] = defaultdict(lambda: {"t": set(), "o": set()})
    for r in store.select(bind(load_query("eval_positions"), doc=doc)):
        slot = pos[(str(r["position"]), str(r["person"]))]
        if r.get("title") is not None:
            slot["t"].add(str(r["title"]))
        if r.get("org") is not None:
            slot["o"].add(str(r["org"]))
    positions = [StoredPosition(p, person, frozenset(s["t"]), frozenset(s["o"]))
                 for (p, person), s in sorted(pos.items())]

    evs: dict[str, dict[str, set]] = defaultdict(lambda: {"c": set(), "p": set(), "s": set(),
                                                          "x": set(), "e": set()})
    for r in store.select(bind(load_query("eval_events"), doc=doc, facts=FACTS_GRAPH)):
        slot = evs[str(r["event"])]
        if _local(str(r["class"])):
            slot["c"].add(_local(str(r["class"])))
        prop, value = _local(str(r.get("property", ""))), r.get("value")
        if value is None:
            continue
        if prop == "participant":
            slot["p"].add(str(value))
        elif prop == "speaker":
            slot["s"].add(str(value))
            slot["p"].add(str(value))
        elif prop == "context":
            slot["x"].add(str(value))
        elif prop == "evidence":
            slot["e"].add(str(value))
    triggers: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for r in store.select(bind(load_query("eval_event_spans"), doc=doc)):
        triggers[str(r["event"])].add((int(r["start"]), int(r["end"])))
    events = [StoredEvent(iri, frozenset(s["c"]), frozenset(s["p"]), frozenset(s["s"]),
                          sorted(s["x"])[0] if s["x"] else None, tuple(sorted(s["e"])),
                          tuple(sorted(set(evidence_spans(text, s["e"])) | triggers[iri])))
              for iri, s in sorted(evs.items())]

    wanted = set()
    for p in positions:
        wanted |= {p.person, *p.orgs}
    for ev in events:
        wanted |= ev.participants | ev.speakers
    wanted -= set(entities)
    names = {iri: e.names for iri, e in entities.items()}
    if wanted:
        extra = _describe(store.select(bind(load_query("eval_names"),
                                            entity=[URIRef(i) for i in sorted(wanted)])))
        for iri in wanted:
            names[iri] = extra[iri].names if iri in extra else frozenset()
    return StoredDoc(doc_iri, entities, positions, events, names)


# =========================================================================== scoring

class Tally:
    """Counts ``[numerator, denominator]`` per figure and language."""

    def __init__(self) -> None:
        self.counts: dict[str, dict[str, list[int]]] = defaultdict(
            lambda: {c: [0, 0] for c in COLUMNS})

    def add(self, name: str, lang: str, num: int, den: int) -> None:
        for col in (lang, "all"):
            cell = self.counts[name][col]
            cell[0] += num
            cell[1] += den

    def merge(self, other: "Tally", lang: str) -> None:
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


@lru_cache(maxsize=None)
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
        ok_coarse = {COARSE[c] for c in ok_fine if c in COARSE}
        t.add("entities.type_coarse", lang,
              1 if {COARSE[c] for c in best.classes if c in COARSE} & ok_coarse else 0, 1)
    right = wrong = 0
    neutral_gold = gold.implicit + gold.other_names
    for e in ents:
        if any(_rank(e, g) is not None for g in gold.entities):
            right += 1
        elif not any(_rank(e, g) is not None for g in neutral_gold):
            wrong += 1
            errors.append({"kind": "entity.false", "label": _name(stored, e.iri),
                           "class": sorted(e.classes)})
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
    edges = {i: [j for j, p in enumerate(stored.positions) if role_matches(r, p, gold, stored)]
             for i, r in enumerate(gold.roles)}
    pairs = max_matching(edges)
    t.add("positions.recall", gold.lang, len(pairs), len(gold.roles))
    t.add("positions.precision", gold.lang, len(pairs), len(stored.positions))
    for i, r in enumerate(gold.roles):
        if i not in pairs:
            errors.append({"kind": "position.missed", "person": r.person, "position": r.position,
                           "of": r.of})
    taken = set(pairs.values())
    for j, p in enumerate(stored.positions):
        if j not in taken:
            errors.append({"kind": "position.false", "person": _name(stored, p.person),
                           "position": sorted(p.titles), "of": [_name(stored, o) for o in sorted(p.orgs)]})
    return t


def event_match(ev: GoldEvent, st: StoredEvent, gold: GoldDoc, stored: StoredDoc
                ) -> tuple[bool, bool]:
    """``(found, speaker right)`` for a gold event against a stored one."""
    allowed = EVENT_CLASSES[ev.type]
    if allowed is not None and not (st.classes & frozenset().union(*map(subclasses, allowed))):
        return False, False
    speaker_ok = bool(ev.speakers) and any(
        _matches(stored, s, gold.entity(name)) for name in ev.speakers for s in st.speakers)
    right = sum(1 for name in ev.participants
                if any(_matches(stored, p, gold.entity(name)) for p in st.participants))
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
    scored = [i for i, ev in enumerate(gold.events)
              if ev.type != "OTHER" and (ev.status or "") not in UNSCORED]
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
            errors.append({"kind": "event.missed", "type": ev.type, "participants": list(ev.participants),
                           "speaker": list(ev.speakers), "evidence": ev.evidence})
    matched = set(pairs.values())
    for j in live:
        st = stored.events[j]
        if j not in matched and spans_overlap(st.spans, neutral_spans):
            continue
        t.add("events.precision", lang, j in matched, 1)
        t.add(f"events.precision.{st.cls}", lang, j in matched, 1)
        if j not in matched:
            errors.append({"kind": "event.false", "class": st.cls,
                           "participants": sorted(_name(stored, p) for p in st.participants),
                           "speaker": sorted(_name(stored, p) for p in st.speakers),
                           "evidence": st.evidence[0] if st.evidence else ""})
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
    for name, per_lang in sorted(by_name.items()):
        for lang, iris in per_lang.items():
            if len(iris) >= 2:
                t.add("identity.within_language", lang, len(set(iris)) == 1, 1)
        if all(per_lang.get(lg) for lg in LANGS):
            every = [i for lg in LANGS for i in per_lang[lg]]
            cell = t.counts["identity.across_languages"]["all"]
            cell[0] += len(set(every)) == 1
            cell[1] += 1
    return t


# =========================================================================== the run

#: Figures, in table order; per-type event figures follow in sorted order.
FIGURES = (
    "entities.precision", "entities.recall", "entities.f1", "entities.canonical_label",
    "entities.type_coarse", "entities.type_fine",
    "identity.within_language", "identity.across_languages",
    "positions.precision", "positions.recall", "positions.f1",
    "events.precision", "events.recall", "events.f1", "events.statement_speaker",
    "events.context",
)
#: The figures a baseline written by :func:`baseline_from` holds (the per-type event figures
#: rest on a handful of events each and are left out).
BASELINE_FIGURES = FIGURES


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def figures_from(tally: Tally) -> tuple[dict[str, dict[str, float | None]], dict[str, dict[str, list[int]]]]:
    """Ratios (with F1 from precision and recall) and the counts behind them."""
    figs: dict[str, dict[str, float | None]] = {}
    counts: dict[str, dict[str, list[int]]] = {}
    extra = sorted(n for n in tally.counts if n not in FIGURES)
    for name in list(FIGURES) + extra:
        if name.endswith(".f1"):
            stem = name[: -len(".f1")]
            figs[name] = {c: _f1(tally.ratio(stem + ".precision", c), tally.ratio(stem + ".recall", c))
                          for c in COLUMNS}
        else:
            figs[name] = {c: tally.ratio(name, c) for c in COLUMNS}
            if name in tally.counts:
                counts[name] = {c: list(tally.counts[name][c]) for c in COLUMNS}
        figs[name] = {c: (round(v, 4) if v is not None else None) for c, v in figs[name].items()}
    return figs, counts


#: The project's first pair; the per-dyad table adds a row for all the other pairs together.
HOME_DYAD = "Kazakhstan – Russia"
OTHER_DYADS = "(all pairs but Kazakhstan – Russia)"
#: The figures of the per-dyad table.
DYAD_FIGURES = ("entities.precision", "entities.recall", "entities.f1", "entities.canonical_label",
                "positions.precision", "positions.recall", "events.precision", "events.recall",
                "events.statement_speaker")


def dyad_of(gold: GoldDoc) -> tuple[str, ...]:
    """The pair of countries a gold article is about: its ``dyad`` when given, else the two
    countries it names most often (names and adjectives counted in the text)."""
    if len(gold.dyad) == 2:
        return gold.dyad
    counts = []
    for e in gold.entities:
        if e.type == "Country":
            n = sum(gold.text.count(m) for m in set(e.mentions + e.adjectival) if m)
            counts.append((-n, e.name_en))
    return tuple(name for _, name in sorted(counts)[:2])


def dyad_key(dyad: Sequence[str]) -> str:
    """A dyad's name in the report: its countries in alphabetical order.

    >>> dyad_key(["Russia", "Kazakhstan"])
    'Kazakhstan – Russia'
    """
    return " – ".join(sorted(dyad)) if dyad else "(no pair)"


def _warm_up(langs: Iterable[str]) -> float:
    """Load the extractor and each language's models before the ingest is timed."""
    from bilat.app import extractor
    from bilat.extract.records import Document

    t0 = time.perf_counter()
    ex = extractor()
    sample = {"en": "Sergey Lavrov met Kazakhstan's foreign minister in Astana on Tuesday.",
              "ru": "Сергей Лавров встретился с главой МИД Казахстана в Астане во вторник."}
    for lang in langs:
        ex(Document(id=f"bilat-eval-warm-up-{lang}", text=sample[lang], lang=lang))
    return time.perf_counter() - t0


def evaluate(gold_dir: str | Path, *, skip: Iterable[str | Path] = (),
             on_problem=None) -> dict[str, Any]:
    """Run the whole evaluation on ``gold_dir``; returns the report (the ``--json`` content).
    Raises :class:`GoldError` for a missing folder or a malformed gold file."""
    from bilat.app import ingest
    from bilat.extract.records import Document
    from bilat.graph.store import open_store

    golds = read_gold_dir(gold_dir, skip=skip)
    problems: list[str] = []

    def report_problem(msg: str) -> None:
        problems.append(msg)
        if on_problem is not None:
            on_problem(msg)

    langs_present = [lg for lg in LANGS if any(g.lang == lg for g in golds)]
    warm = _warm_up(langs_present)
    speed: dict[str, dict[str, float | int | None]] = {}
    tally = Tally()
    by_dyad: dict[str, Tally] = defaultdict(Tally)
    dyad_docs: Counter[str] = Counter()
    found: dict[str, dict[str, str]] = {}
    errors: dict[str, list] = {}
    with tempfile.TemporaryDirectory(prefix="bilat-eval-") as tmp:
        store = open_store(str(Path(tmp) / "store"), create=True)
        try:
            total_words, total_seconds, total_docs = 0, 0.0, 0
            for lang in langs_present:
                docs = [Document(id=g.id, text=g.text, lang=g.lang, title=g.title, date=g.date,
                                 url=g.url, source=g.outlet, path=g.path)
                        for g in golds if g.lang == lang]
                s = ingest([], store=store, documents=docs, on_problem=report_problem)
                speed[lang] = {"documents": s.documents, "words": s.words,
                               "seconds": round(s.seconds, 3),
                               "words_per_second": round(s.words / s.seconds, 1) if s.seconds else None}
                total_words += s.words
                total_seconds += s.seconds
                total_docs += s.documents
            speed["all"] = {"documents": total_docs, "words": total_words,
                            "seconds": round(total_seconds, 3),
                            "words_per_second": round(total_words / total_seconds, 1) if total_seconds else None}
            iris = document_iris(store, [g.id for g in golds])
            for g in golds:
                stored = read_stored(store, iris.get(g.id), g.text)
                if stored.iri is None:
                    report_problem(f"{g.path}: document {g.id!r} is not in the store")
                errs: list = []
                ent = score_entities(g, stored, errs)
                found[g.id] = ent.found
                errors[g.id] = errs
                for part in (ent.tally, score_positions(g, stored, errs), score_events(g, stored, errs)):
                    tally.merge(part, g.lang)
                    dyad = dyad_key(dyad_of(g))
                    by_dyad[dyad].merge(part, g.lang)
                    if dyad != HOME_DYAD:
                        by_dyad[OTHER_DYADS].merge(part, g.lang)
                dyad_docs[dyad] += 1
                dyad_docs[OTHER_DYADS] += dyad != HOME_DYAD
        finally:
            store.close()
            del store
    ident = score_identity(found, {g.id: g.lang for g in golds})
    for name, cols in ident.counts.items():
        for col in COLUMNS:
            tally.counts[name][col][0] += cols[col][0]
            tally.counts[name][col][1] += cols[col][1]
    figs, counts = figures_from(tally)
    figs["identity.across_languages"]["en"] = figs["identity.across_languages"]["ru"] = None
    counts.get("identity.across_languages", {}).pop("en", None)
    counts.get("identity.across_languages", {}).pop("ru", None)
    n_docs = {lg: sum(1 for g in golds if g.lang == lg) for lg in LANGS}
    n_docs["all"] = len(golds)
    speed["warmup_seconds"] = round(warm, 3)
    dyads = {}
    for key in sorted(dyad_docs, key=lambda k: (k == OTHER_DYADS, -dyad_docs[k], k)):
        if dyad_docs[key]:
            d_figs, d_counts = figures_from(by_dyad[key])
            dyads[key] = {"documents": dyad_docs[key],
                          "figures": {n: d_figs[n]["all"] for n in DYAD_FIGURES},
                          "counts": {n: d_counts[n]["all"] for n in DYAD_FIGURES if n in d_counts}}
    return {"gold_dir": str(gold_dir), "documents": n_docs, "ingest": speed,
            "figures": figs, "counts": counts, "dyads": dyads, "problems": problems,
            "errors": errors}


# =========================================================================== output

def _cell(report: Mapping, name: str, col: str) -> str:
    v = report["figures"].get(name, {}).get(col)
    if v is None:
        return "-"
    num_den = report.get("counts", {}).get(name, {}).get(col)
    return f"{v:.3f} ({num_den[0]}/{num_den[1]})" if num_den else f"{v:.3f}"


def format_report(report: Mapping) -> str:
    """The figures as a text table: rows = figures, columns = en, ru, all."""
    rows = [(name, *(_cell(report, name, c) for c in COLUMNS)) for name in report["figures"]]
    rows.append(("documents", *(str(report["documents"].get(c, 0)) for c in COLUMNS)))
    ing = report.get("ingest", {})
    rows.append(("ingest words/s", *(
        (f"{ing[c]['words_per_second']:.0f}" if ing.get(c, {}).get("words_per_second") else "-")
        for c in COLUMNS)))
    head = ("figure", *COLUMNS)
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    line = lambda r: "  ".join(  # noqa: E731
        (r[i].ljust(widths[i]) if i == 0 else r[i].rjust(widths[i])) for i in range(len(r))).rstrip()
    out = [line(head), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    return "\n".join(out) + "\n" + format_dyads(report)


def format_dyads(report: Mapping) -> str:
    """The per-dyad table: rows = pairs of countries (most documents first), columns = figures."""
    dyads = report.get("dyads") or {}
    if not dyads:
        return ""
    short = {n: n.replace("entities.", "ent.").replace("positions.", "pos.")
             .replace("events.", "ev.").replace("precision", "P").replace("recall", "R")
             .replace("canonical_label", "label").replace("statement_speaker", "speaker")
             for n in DYAD_FIGURES}
    head = ("dyad", "docs", *(short[n] for n in DYAD_FIGURES))
    rows = []
    for key, d in dyads.items():
        cells = [key, str(d["documents"])]
        for n in DYAD_FIGURES:
            v = d["figures"].get(n)
            cells.append("-" if v is None else f"{v:.2f}")
        rows.append(tuple(cells))
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    line = lambda r: "  ".join(  # noqa: E731
        (r[i].ljust(widths[i]) if i == 0 else r[i].rjust(widths[i])) for i in range(len(r))).rstrip()
    return "\n".join(["", line(head), "  ".join("-" * w for w in widths), *map(line, rows)]) + "\n"


def compare(report: Mapping, baseline: Mapping, *, tolerance: float = TOLERANCE) -> list[str]:
    """The figures of ``baseline["figures"]`` that ``report`` falls below by more than
    ``tolerance``, one line each (a figure the report no longer measures counts as a drop
    when its baseline is above the tolerance)."""
    drops = []
    base_figs = baseline.get("figures", {}) if isinstance(baseline, Mapping) else {}
    for name, cols in sorted(base_figs.items()):
        if not isinstance(cols, Mapping):
            continue
        for col, base in cols.items():
            if not isinstance(base, (int, float)) or isinstance(base, bool):
                continue
            now = report.get("figures", {}).get(name, {}).get(col)
            if now is None:
                if base > tolerance:
                    drops.append(f"{name} [{col}]: not measured any more (baseline {base:.3f})")
            elif now < base - tolerance:
                drops.append(f"{name} [{col}]: {now:.3f} < baseline {base:.3f}")
    return drops


def _floor2(v: float) -> float:
    return math.floor(v * 100 + 1e-9) / 100


def baseline_from(report: Mapping, names: Iterable[str] = BASELINE_FIGURES) -> dict[str, Any]:
    """A baseline holding ``names`` from ``report``, rounded down to two decimals."""
    figs = {}
    for name in names:
        cols = {c: _floor2(v) for c, v in report["figures"].get(name, {}).items() if v is not None}
        if cols:
            figs[name] = cols
    return {"figures": figs}


def read_baseline(path: str | Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as e:
        raise GoldError(f"{path}: cannot read the baseline: {e.strerror or e}") from e
    except ValueError as e:
        raise GoldError(f"{path}: invalid JSON: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("figures"), dict):
        raise GoldError(f"{path}: not a baseline (expected {{\"figures\": {{...}}}})")
    return data


def main(args) -> int:
    """The ``bilat eval`` command: ``args.gold_dir``, ``args.json``, ``args.baseline``."""
    out_json = getattr(args, "json", None)
    out_errors = getattr(args, "errors", None)
    baseline_path = getattr(args, "baseline", None)
    try:
        baseline = read_baseline(baseline_path) if baseline_path else None
        report = evaluate(args.gold_dir, skip=[p for p in (out_json, baseline_path, out_errors) if p],
                          on_problem=lambda m: print(f"bilat eval: {m}", file=sys.stderr))
    except GoldError as e:
        print(str(e).splitlines()[0], file=sys.stderr)
        return 2
    sys.stdout.write(format_report(report))
    errors = report.pop("errors", {})
    for path, content in ((out_json, report), (out_errors, errors)):
        if not path:
            continue
        try:
            Path(path).write_text(json.dumps(content, ensure_ascii=False, indent=2) + "\n",
                                  encoding="utf-8")
        except OSError as e:
            print(f"{path}: cannot write: {e.strerror or e}", file=sys.stderr)
            return 2
    if baseline is not None:
        drops = compare(report, baseline)
        if drops:
            print(f"bilat eval: {len(drops)} figure(s) below the baseline {baseline_path}:",
                  file=sys.stderr)
            for d in drops:
                print(f"  {d}", file=sys.stderr)
            return 1
        print(f"bilat eval: no figure below the baseline {baseline_path}")
    return 0


def _script(argv: Sequence[str] | None = None) -> int:
    """``python -m bilat.evaluate GOLD_DIR --write-baseline FILE``: run and (re)write a baseline."""
    import argparse

    p = argparse.ArgumentParser(prog="python -m bilat.evaluate")
    p.add_argument("gold_dir")
    p.add_argument("--write-baseline", metavar="FILE", required=True)
    a = p.parse_args(argv)
    try:
        report = evaluate(a.gold_dir, skip=[a.write_baseline])
    except GoldError as e:
        print(str(e).splitlines()[0], file=sys.stderr)
        return 2
    sys.stdout.write(format_report(report))
    Path(a.write_baseline).write_text(
        json.dumps(baseline_from(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"baseline → {a.write_baseline}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(_script())
