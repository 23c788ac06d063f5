"""Records to RDF: one document's ``Extraction`` becomes the triples of its named graph and the
shared facts it reports, and the descriptions (class, canonical labels, Wikidata link, knowledge-base
names) of the
entities it mentions, which the store keeps once in the shared entities graph.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache, wraps
from typing import NamedTuple

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import OWL as _OWL
from rdflib.namespace import RDF as _RDF
from rdflib.namespace import RDFS as _RDFS
from rdflib.namespace import SKOS as _SKOS
from rdflib.namespace import XSD as _XSD

from bilat.extract.languages import PIVOT
from bilat.extract.records import Entity, Event, Extraction, KBEntry
from bilat.extract.text import strip_invisible
from bilat.graph import iris, nt
from bilat.ontology import cameo_weights, implied_cameo
from bilat.ontology.namespace import BL as _BL
from bilat.ontology.namespace import WD

BL, DCTERMS, OWL, RDF, RDFS, SKOS, XSD = map(nt.Terms, (_BL, _DCTERMS, _OWL, _RDF, _RDFS, _SKOS, _XSD))

_DATE_TYPES = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}


class Triples(set):
    """A set of (subject, predicate, object) rdflib terms: what the writer turns into one
    SPARQL Update. ``add`` and ``len`` as on an rdflib ``Graph``, without its indexes (which
    cost a third of the write time and are never queried here).

    >>> t = Triples(); t.add((RDF.type, RDF.type, RDF.Property))
    >>> t += Triples([(RDF.type, RDF.type, RDF.Property)])
    >>> len(t)
    1
    """

    def __iadd__(self, other):
        self |= other
        return self


#: How much mention detail a document's graph keeps (``bilat ingest --mentions``):
#: ``full`` one node per mention and per event argument (type, entity, document, offsets,
#: text), each event's trigger a mention node; ``compact`` (the default) every entity's spans
#: in one literal on the document (``bl:entitySpans``) and every event's trigger offsets in
#: another (``bl:eventSpans``) — an event's arguments are its participants, source, target…,
#: named where the document's ``bl:entitySpans`` say; ``none`` only the triggers' offsets
#: (``bl:eventSpans``). A quad costs 130-300 bytes in Oxigraph (six indexes), so the compact
#: forms fold what would be a node of three or four quads (or a quad per event) into one, or
#: leave out what other triples already say.
MENTION_MODES = ("full", "compact", "none")
DEFAULT_MENTIONS = "compact"


def format_spans(spans) -> str:
    """Character spans as one literal, in text order: ``"0-6 40-46"``.

    >>> format_spans([(40, 46), (0, 6), (0, 6)])
    '0-6 40-46'
    """
    return " ".join(f"{s}-{e}" for s, e in sorted(set(spans)))


def parse_spans(text: str) -> list[tuple[int, int]]:
    """The inverse of :func:`format_spans`.

    >>> parse_spans("0-6 40-46")
    [(0, 6), (40, 46)]
    """
    out = []
    for part in text.split():
        s, _, e = part.partition("-")
        out.append((int(s), int(e)))
    return out


def format_entity_spans(spans) -> str:
    """Every entity's spans in one document as one literal: entity key, then its spans, entities
    separated by semicolons, in the order of their first span (keys hold no spaces):
    ``"russia 0-6 40-46; kazakhstan 11-21"``.

    >>> format_entity_spans([("kazakhstan", [(11, 21)]), ("russia", [(40, 46), (0, 6)])])
    'russia 0-6 40-46; kazakhstan 11-21'
    """
    rows = sorted((sorted(set(sp)), key) for key, sp in spans if sp)
    return "; ".join(f"{key} {format_spans(sp)}" for sp, key in rows)


def parse_entity_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """The inverse of :func:`format_entity_spans`: entity key → spans.

    >>> parse_entity_spans("russia 0-6 40-46; kazakhstan 11-21")
    {'russia': [(0, 6), (40, 46)], 'kazakhstan': [(11, 21)]}
    """
    out: dict[str, list[tuple[int, int]]] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        key, _, spans = part.partition(" ")
        out[key] = parse_spans(spans)
    return out


def format_event_triggers(words) -> str:
    """(event key, words) pairs of one document as one literal: event key, then the words,
    separated by semicolons, in key order (a semicolon inside the words becomes a comma):
    ``"3f2a9c0d1e2b4a5c kazakhstan; 3f2a9c0d1e2b4a5c russia"``, the document's
    ``bl:eventImplicitParticipants`` (earlier versions wrote every trigger's words so, in
    ``bl:eventTriggers``: ``"3f2a9c0d1e2b4a5c held talks; 9b1c0e7f2a3d4b5e said"``).

    >>> format_event_triggers([("b2", "said"), ("a1", "held  talks"), ("a1", "held talks")])
    'a1 held talks; b2 said'
    """
    rows = sorted({(key, " ".join(text.replace(";", ",").split())) for key, text in words})
    return "; ".join(f"{key} {text}" for key, text in rows if text)


def parse_event_triggers(text: str) -> dict[str, list[str]]:
    """The inverse of :func:`format_event_triggers`: event key → its triggers' words (or, read
    from ``bl:eventImplicitParticipants``, the keys of its implicit participants: the same
    form, ``"3f2a9c0d1e2b4a5c kazakhstan; 3f2a9c0d1e2b4a5c russia"``).

    >>> parse_event_triggers("a1 held talks; b2 said")
    {'a1': ['held talks'], 'b2': ['said']}
    """
    out: dict[str, list[str]] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        key, _, words = part.partition(" ")
        out.setdefault(key, []).append(words)
    return out


def form_key(key: str, lang: str | None, text: str) -> str:
    """The short key of a surface form (entity key, language, words) in a document's
    ``bl:surfaceForms``: 8 hexadecimal digits of its SHA-256, space-separated in the literal
    (a form is stated once in the store, as an ``skos:altLabel`` in the facts graph; the keys
    say which documents use it: the writer drops a form that no document's keys name).

    >>> form_key("russia", "ru", "России")
    'e1e35e95'
    """
    return hashlib.sha256(f"{key}\t{lang or ''}\t{text}".encode()).hexdigest()[:8]


_PRECISION_BY_LENGTH = {10: "day", 7: "month", 4: "year"}


def stated_precision(date: str, precision: str | None) -> str:
    """The bl:datePrecision an event states for a date of its own: the extractor's, else what
    the literal's form says ("2021-11-09" a day, "2021-11" a month, "2021" a year), so that an
    event with a bl:date and no bl:datePrecision is always one dated by its document.

    >>> stated_precision("2021-11", None), stated_precision("2021-11-09", "day")
    ('month', 'day')
    """
    return precision or _PRECISION_BY_LENGTH.get(len(date), "day")


def event_key(node) -> str:
    """The key of an event IRI in a document's ``bl:eventSpans``: the IRI after
    ``https://w3id.org/bilat/id/event/``.

    >>> node = iris.event("Consult", "doc", 0, 5)
    >>> event_key(node) == str(node).rsplit("/", 1)[1] and event_from_key(event_key(node)) == node
    True
    """
    return str(node)[len(_EVENT_IRI) :]


def event_from_key(key: str) -> URIRef:
    """The inverse of :func:`event_key`."""
    return URIRef(_EVENT_IRI + key)


_EVENT_IRI = str(iris.ID) + "event/"


def _mention(
    g: set[str], doc_id: str, start: int, end: int, anchor: str, refers_to: str, full: bool = True
) -> None:
    """A span of the document's text naming ``refers_to`` (``full``: with its class, document
    and text; else its offsets alone — the graph names the document, the text has the words)."""
    mn = nt.iri(iris.mention(doc_id, start, end))
    g.add(nt.line(mn, P.refersTo, refers_to))
    g.add(nt.line(mn, P.startOffset, nt.integer(start)))
    g.add(nt.line(mn, P.endOffset, nt.integer(end)))
    if full:
        g.add(nt.line(mn, P_RDF.type, P.Mention))
        g.add(nt.line(mn, P.extractedFrom, nt.iri(iris.document(doc_id))))
        g.add(nt.line(mn, P.anchor, nt.text(anchor)))


def hash_line(d, version: str = "") -> str:
    """The document's content hash (N-Triples): the last triple written, so that a document
    whose writing was interrupted is known by its missing hash (and extracted again)."""
    return nt.line(nt.iri(iris.document(d.id)), P.contentHash, nt.text(document_hash(d, version)))


def _names(pairs):
    """(language, name) pairs without invisible characters (bidirectional controls, zero-width
    spaces) and without the names that were nothing else."""
    for lg, text in pairs:
        text = strip_invisible(text).strip()
        if text:
            yield lg, text


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_hash(d, version: str = "") -> str:
    """What decides whether a stored document is up to date: its text and metadata, and the
    version of what extracts it (knowledge base, data files, code)."""
    return content_hash(
        json.dumps([d.text, d.title, d.date, d.url, d.lang, d.source, version], ensure_ascii=False)
    )


@lru_cache(maxsize=8192)
def date_literal(value: str) -> Literal | None:
    """ "2021-11-09" → xsd:date, "2021-11" → xsd:gYearMonth, "2021" → xsd:gYear (cached: a
    typed literal parses its value, 10 µs, and a document states a few dates many times)."""
    dt = _DATE_TYPES.get(len(value or ""))
    return Literal(value, datatype=dt) if dt else None


@lru_cache(maxsize=1 << 14)
def _lit(text: str, lang: str | None = None) -> Literal:
    """A literal in ``lang`` if any, for the names of an entity's description, remembered: a
    literal costs 5-10 µs to make.

    >>> _lit("x", "ru") == Literal("x", lang="ru") and _lit("x") == Literal("x") and _lit("x") is _lit("x")
    True
    """
    return Literal(text, lang=lang) if lang else Literal(text)


@lru_cache(maxsize=8192)
def _date_nt(value: str) -> str | None:
    """:func:`date_literal` in N-Triples (None for no date)."""
    lit = date_literal(value)
    return None if lit is None else lit.n3()


@lru_cache(maxsize=1 << 14)
def _entity_nt(key: str) -> str:
    """An entity's IRI in N-Triples, remembered (a document names each entity many times)."""
    return nt.iri(iris.entity(key))


# the terms of the vocabularies as N-Triples
P, P_DCTERMS, P_RDF, P_SKOS = (nt.Terms(ns, make=nt.iri) for ns in (_BL, _DCTERMS, _RDF, _SKOS))


class DocumentLines(NamedTuple):
    """One document's triples as N-Triples lines: its named graph, the shared facts it reports,
    and the keys of the surface forms it uses (its ``bl:surfaceForms``, :func:`form_key`)."""

    graph: set[str]
    facts: set[str]
    forms: frozenset[str]


def document_graphs(
    ex: Extraction,
    *,
    publisher: str | None = None,
    version: str = "",
    mentions: str = DEFAULT_MENTIONS,
    kb: Mapping[str, KBEntry] | None = None,
) -> tuple[Triples, Triples]:
    """The triples of :func:`document_lines` as rdflib terms: the document's named graph and
    the shared facts it reports (for readers and tests; the writer takes the lines)."""
    lines = document_lines(ex, publisher=publisher, version=version, mentions=mentions, kb=kb)
    return _parsed(lines.graph), _parsed(lines.facts)


def _parsed(lines) -> Triples:
    g = Graph()
    g.parse(data="\n".join(lines), format="turtle")  # (Turtle: a text with a line break is """…""")
    return Triples(g)


def document_lines(
    ex: Extraction,
    *,
    publisher: str | None = None,
    version: str = "",
    mentions: str = DEFAULT_MENTIONS,
    kb: Mapping[str, KBEntry] | None = None,
) -> DocumentLines:
    """The triples of one document's named graph, and the shared facts it reports: what
    several documents may say identically of one node — posts (holder, title, organization)
    and events reported by several documents (class, date, participants). The store keeps the
    facts once, while each document's graph keeps its provenance (``bl:extractedFrom``,
    ``bl:evidence``, offsets). A surface form that is one of a knowledge-base entity's names
    (in ``kb``: an ``rdfs:label`` or ``skos:altLabel`` that the entities graph holds) is not
    stated again in the document's graph: the same triple in two graphs would show twice in a
    query, and a canonical name is no other name.

    The triples are N-Triples lines built as strings (:mod:`bilat.graph.nt`), as rdflib would
    write them: the writer's text, without rdflib terms in between."""
    d = ex.document
    g: set[str] = set()
    line = nt.line
    doc = nt.iri(iris.document(d.id))
    lang = d.lang or "en"
    g.add(line(doc, P_RDF.type, P.Document))
    g.add(line(doc, P_DCTERMS.identifier, nt.text(d.id)))
    g.add(hash_line(d, version))
    g.add(line(doc, P_DCTERMS.language, nt.text(lang)))
    if d.title:
        g.add(line(doc, P_DCTERMS.title, nt.text(d.title, lang)))
    if d.date and _date_nt(d.date) is not None:
        g.add(line(doc, P_DCTERMS.date, _date_nt(d.date)))
    if d.url:
        g.add(line(doc, P_DCTERMS.source, Literal(d.url, datatype=XSD.anyURI).n3()))
    if publisher:
        g.add(line(doc, P.publisher, _entity_nt(publisher)))

    entity_spans = []
    facts: set[str] = set()
    forms = set()
    for e in ex.entities:
        node = _entity_nt(e.key)
        g.add(line(node, P.mentionedIn, doc))
        own = kb_names(kb[e.key]) if kb is not None and e.key in kb else frozenset()
        for lg, text in _names(e.alt_labels):
            if (lg, text) not in own:
                # a surface form is stated once in the store (the facts graph), however many
                # documents use it ("России" in every Russian article about Russia); the
                # document records which forms it uses (bl:surfaceForms), so that the writer
                # removes a form when no document uses it any more
                facts.add(line(node, P_SKOS.altLabel, nt.text(text, lg)))
                forms.add(form_key(e.key, lg, text))
        if not e.in_kb:
            for lg, text in _names(e.labels):
                g.add(line(node, P.proposedLabel, nt.text(text, lg)))
            g.add(line(node, P.proposedClass, P[e.cls]))
        if mentions == "full":
            for m in e.mentions:
                _mention(g, d.id, m.start, m.end, m.text, node)
        elif mentions == "compact" and e.mentions:
            entity_spans.append((e.key, [(m.start, m.end) for m in e.mentions]))
    if entity_spans:
        g.add(line(doc, P.entitySpans, nt.text(format_entity_spans(entity_spans))))
    if forms:
        g.add(line(doc, P.surfaceForms, nt.text(" ".join(sorted(forms)))))

    for p in ex.positions:
        if p.org is None:
            continue  # a post belongs to a country or body; without one it says too little
        pos = nt.iri(iris.position(p.person, p.title_en, p.org))
        facts.add(line(_entity_nt(p.person), P.holdsPosition, pos))
        facts.add(line(pos, P_RDF.type, P.Position))
        facts.add(line(pos, P.title, nt.text(p.title_en, "en")))
        facts.add(line(pos, P.ofOrganization, _entity_nt(p.org)))
        g.add(line(pos, P.extractedFrom, doc))
        if p.title_src and p.lang != PIVOT:  # the source-language title belongs to this report
            g.add(line(pos, P.title, nt.text(p.title_src, p.lang)))
        g.add(line(pos, P.evidence, nt.text(p.evidence, p.lang)))
        if p.date and p.date != d.date and _date_nt(p.date) is not None:
            # the day a post was reported is its document's dcterms:date (bl:extractedFrom),
            # stated there once: a post states a bl:date only when it is another one
            g.add(line(pos, P.date, _date_nt(p.date)))
        if p.status:
            g.add(line(pos, P.status, nt.text(p.status)))
        if p.conflict:
            g.add(line(pos, P.conflict, nt.text(p.conflict)))

    triggers: dict[str, list[tuple[int, int]]] = {}
    implicit: list[tuple[str, str]] = []
    for ev in ex.events:
        # what identifies an event reported by several documents is stated once, in the facts
        node = _event(g, facts if is_merged(ev) else g, ev, d.id, doc, lang, d.date, mentions, d.text)
        if mentions != "full":
            triggers.setdefault(event_key(node), []).extend([(ev.start, ev.end), *ev.told_again])
            implicit += [(event_key(node), key) for key in ev.implicit]
    if triggers:
        # where each event is told in this document: its trigger and the words that tell it
        # again (Event.told_again), one literal, as for the entities (instead of a quad per
        # event); the words are the text there, as an entity's mentions are (--mentions full
        # states the trigger's: bl:trigger)
        g.add(line(doc, P.eventSpans, nt.text(format_entity_spans(triggers.items()))))
    if implicit:
        # which participants of each event the document infers from its pair of states
        # rather than names (each is a bl:participant of the event all the same)
        g.add(line(doc, P.eventImplicitParticipants, nt.text(format_event_triggers(implicit))))
    return DocumentLines(g, facts, frozenset(forms))


def is_merged(ev: Event) -> bool:
    return ev.cls != "Statement" and bool(ev.date) and bool(ev.participants or ev.source)


def event_iri(ev: Event, doc_id: str) -> URIRef:
    """One event, many reports: a dated event with its participants is the same node in every
    document that reports it; statements and undated events stay apart."""
    if is_merged(ev):
        return iris.event(ev.cls, ev.mode or "", ev.date, ev.context or "", *sorted(set(ev.participants)))
    return iris.event(ev.cls, doc_id, ev.start, ev.end)


def _inherited_date(ev: Event, doc_date: str | None) -> str | None:
    """The document's date (N-Triples) for an event without a date of its own: the day it was
    reported (for a planned or hypothetical event, the day it was announced)."""
    if (ev.date and _date_nt(ev.date) is not None) or not doc_date:
        return None
    return _date_nt(doc_date)


def _event(
    g: set[str],
    shared: set[str],
    ev: Event,
    doc_id: str,
    doc: str,
    lang: str,
    doc_date: str | None = None,
    mentions: str = DEFAULT_MENTIONS,
    text: str = "",
) -> URIRef:
    """Provenance of the report into ``g``; what identifies the event into ``shared`` (N-Triples
    lines; ``doc``: the document's IRI in N-Triples). Returns the event's node. ``text``: the
    document's text (the words of the mentions that tell the event again)."""
    iri = event_iri(ev, doc_id)
    node = nt.iri(iri)
    line = nt.line
    shared.add(line(node, P_RDF.type, P[ev.cls]))
    for key in ev.participants:
        shared.add(line(node, P.participant, _entity_nt(key)))
    if ev.date and _date_nt(ev.date) is not None:
        shared.add(line(node, P.date, _date_nt(ev.date)))
        # a date the text gives states its precision (day, month, year); an inherited one
        # states none: bl:Event's bl:defaultDatePrecision "document" (the ontology's, once)
        shared.add(line(node, P.datePrecision, nt.text(stated_precision(ev.date, ev.date_precision))))
    if ev.context:
        shared.add(line(node, P.context, nt.text(ev.context)))
    if d_date := _inherited_date(ev, doc_date):
        # an event the text gives no date of happened (or was reported) when its document
        # appeared: it inherits the document's date, and stating no bl:datePrecision says so
        # (the ontology's bl:defaultDatePrecision "document"; one quad less per such event)
        g.add(line(node, P.date, d_date))
    g.add(line(node, P.extractedFrom, doc))
    g.add(line(node, P.evidence, nt.text(ev.evidence, lang)))
    # the trigger is a mention of the event in this document (a merged event has several), and
    # so is each span that tells it again (Event.told_again): a node with its offsets and words
    # (full), or its offsets in the document's bl:eventSpans (one literal per document; the
    # words are the text at those offsets)
    if mentions == "full":
        g.add(line(node, P.trigger, nt.text(ev.trigger)))
        _mention(g, doc_id, ev.start, ev.end, ev.trigger, node)
        for start, end in ev.told_again:  # the words that tell it again: more mentions of it
            _mention(g, doc_id, start, end, text[start:end], node)
    for key in ev.implicit:
        if mentions == "full":  # else in the document's bl:eventImplicitParticipants
            g.add(line(node, P.implicitParticipant, _entity_nt(key)))
        if key not in ev.participants:
            g.add(line(node, P.participant, _entity_nt(key)))
    for prop, keys in (
        (P.source, ev.source),
        (P.target, ev.target),
        (P.speaker, ev.speaker),
        (P.about, ev.about),
    ):
        for key in keys:
            g.add(line(node, prop, _entity_nt(key)))
            if prop != P.about and key not in ev.participants:
                g.add(line(node, P.participant, _entity_nt(key)))
    if ev.quote:
        g.add(line(node, P.quote, nt.text(ev.quote, lang)))
    if ev.mode:
        # part of what identifies a merged event (its IRI hashes it): stated once, with its class
        shared.add(line(node, P.mode, nt.text(ev.mode)))
    if ev.place:
        g.add(line(node, P.place, _entity_nt(ev.place)))
    if ev.cameo and ev.cameo != implied_cameo(ev.cls, ev.mode):
        # an event's code is its mode's (bl:modeCameoCode: a visit's "042"), else its class's
        # bl:defaultCameoCode (the ontology's, stated once) unless it states another
        g.add(line(node, P.cameoCode, nt.text(ev.cameo)))
    if ev.goldstein is not None and Decimal(str(ev.goldstein)) != cameo_weights().get(ev.cameo or ""):
        # the score of an event is its code's weight (the ontology's bl:CameoCode, stated
        # once); an event states its own only where it differs, or has no code
        g.add(line(node, P.goldstein, Literal(Decimal(str(ev.goldstein))).n3()))
    for key, start, end in ev.arguments if mentions == "full" else ():
        arg = nt.iri(iris.argument(iri, key, start, end))
        g.add(line(node, P.argument, arg))
        g.add(line(arg, P_RDF.type, P.Argument))
        g.add(line(arg, P.argumentEntity, _entity_nt(key)))
        g.add(line(arg, P.startOffset, nt.integer(start)))
        g.add(line(arg, P.endOffset, nt.integer(end)))
    return iri


def entity_description(
    e: Entity | KBEntry, labels: dict[str, str] | None = None, cls: str | None = None
) -> Triples:
    """What the shared entities graph says of one entity: its class (``cls`` when given: the
    class the documents chose), one rdfs:label per language, its Wikidata link and, for
    knowledge-base entries, their names."""
    if isinstance(e, KBEntry) and labels is None:
        return Triples(_kb_description(e))
    return _description(e, labels, cls)


def per_entry(fn):
    """``fn(entry)`` of a knowledge-base entry, remembered under the entry's key for that very
    entry (a knowledge base read again brings new entries: computed again for them). An
    ``lru_cache`` hashed the frozen entry at every look-up, field by field and alias by alias
    (some 2 µs, about 140 times a document).

    >>> calls = []
    >>> names = per_entry(lambda e: calls.append(e.key) or e.labels)
    >>> e = KBEntry("russia", "Country", labels=(("en", "Russia"),))
    >>> names(e) == names(e) == (("en", "Russia"),), calls
    (True, ['russia'])
    >>> names(KBEntry("russia", "Country")), calls  # another entry of that key
    ((), ['russia', 'russia'])
    """
    memo: dict[str, tuple[KBEntry, object]] = {}

    @wraps(fn)
    def remembered(e: KBEntry):
        got = memo.get(e.key)
        if got is None or got[0] is not e:
            got = memo[e.key] = (e, fn(e))
        return got[1]

    return remembered


@per_entry
def kb_names(e: KBEntry) -> frozenset[tuple[str | None, str]]:
    """(language, text) of every name the entities graph gives a knowledge-base entry: its
    ``rdfs:label`` s and ``skos:altLabel`` s. A surface form that is one of them is not stated
    again in a document's graph (most surface forms are the canonical name itself)."""
    return frozenset(
        (o.language, str(o)) for _, p, o in _kb_description(e) if p in (RDFS.label, SKOS.altLabel)
    )


@per_entry
def _kb_description(e: KBEntry) -> frozenset:
    return frozenset(_description(e, None))


def _description(e: Entity | KBEntry, labels: dict[str, str] | None, cls: str | None = None) -> Triples:
    g = Triples()
    node = iris.entity(e.key)
    g.add((node, RDF.type, BL[cls or e.cls]))
    chosen = dict(labels) if labels is not None else dict(e.labels)
    for lg, text in sorted(_names(chosen.items())):
        g.add((node, RDFS.label, _lit(text, lg)))
    if e.wikidata:
        g.add((node, OWL.sameAs, WD[e.wikidata]))
    if isinstance(e, KBEntry):
        for a in e.aliases:
            if a.kind in ("alt", "abbr", "former"):
                for lg, text in _names([(a.lang, a.text)]):
                    g.add((node, SKOS.altLabel, _lit(text, lg)))
        if e.country:
            g.add((node, BL.country, iris.entity(e.country)))
    return g
