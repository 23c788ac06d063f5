"""What the store says about one document, read back only through ``graph/queries/eval_*.rq``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bilat.evaluate.gold import evidence_spans, fold

_BL = "https://w3id.org/bilat/ontology#"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


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
    return iri[len(_BL) :] if iri.startswith(_BL) else ""


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
    return {
        iri: StoredEntity(iri, tuple(sorted(set(p["l"]))), tuple(sorted(set(p["a"]))), frozenset(p["c"]))
        for iri, p in parts.items()
    }


def document_iris(store, doc_ids: Sequence[str]) -> dict[str, str]:
    """Document id → the IRI of its stored ``bl:Document`` (ids not stored are left out)."""
    from bilat.graph.bind import bind
    from bilat.graph.sparql_text import load_query

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

    from bilat.graph.bind import bind
    from bilat.graph.iris import FACTS_GRAPH
    from bilat.graph.sparql_text import load_query

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
    positions = [
        StoredPosition(p, person, frozenset(s["t"]), frozenset(s["o"]))
        for (p, person), s in sorted(pos.items())
    ]

    evs: dict[str, dict[str, set]] = defaultdict(
        lambda: {"c": set(), "p": set(), "s": set(), "x": set(), "e": set()}
    )
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
    triggers = trigger_spans(store, doc)
    events = [
        StoredEvent(
            iri,
            frozenset(s["c"]),
            frozenset(s["p"]),
            frozenset(s["s"]),
            sorted(s["x"])[0] if s["x"] else None,
            tuple(sorted(s["e"])),
            tuple(sorted(set(evidence_spans(text, s["e"])) | triggers[iri])),
        )
        for iri, s in sorted(evs.items())
    ]

    wanted = set()
    for p in positions:
        wanted |= {p.person, *p.orgs}
    for ev in events:
        wanted |= ev.participants | ev.speakers
    wanted -= set(entities)
    names = {iri: e.names for iri, e in entities.items()}
    if wanted:
        extra = _describe(
            store.select(bind(load_query("eval_names"), entity=[URIRef(i) for i in sorted(wanted)]))
        )
        for iri in wanted:
            names[iri] = extra[iri].names if iri in extra else frozenset()
    return StoredDoc(doc_iri, entities, positions, events, names)


def trigger_spans(store, doc) -> dict[str, set[tuple[int, int]]]:
    """Event IRI → the character spans of its triggers in document ``doc`` (an IRI): from the
    mention nodes (``--mentions full``) or the document's ``bl:eventSpans`` (compact, none)."""
    from bilat.graph.bind import bind
    from bilat.graph.sparql_text import load_query
    from bilat.graph.triples import event_from_key, parse_entity_spans

    out: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for r in store.select(bind(load_query("eval_event_spans"), doc=doc)):
        if r.get("spans") is not None:
            for key, spans in parse_entity_spans(str(r["spans"])).items():
                out[str(event_from_key(key))].update(spans)
        else:
            out[str(r["event"])].add((int(r["start"]), int(r["end"])))
    return out
