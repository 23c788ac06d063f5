"""Records to RDF: one document's ``Extraction`` becomes the triples of its named graph and the
shared facts it reports, and the descriptions (class, canonical labels, Wikidata link, knowledge-base names) of the
entities it mentions, which the store keeps once in the shared entities graph.
"""
from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from bilat.extract.records import Entity, Event, Extraction, KBEntry
from bilat.extract.text import strip_invisible
from bilat.graph import iris
from bilat.ontology.namespace import BL, WD

_DATE_TYPES = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}


Triple = tuple  # (subject, predicate, object) rdflib terms


def _mention(doc_id: str, start: int, end: int, anchor: str, refers_to: URIRef) -> Iterator[Triple]:
    """A span of the document's text naming ``refers_to``."""
    mn = iris.mention(doc_id, start, end)
    yield mn, RDF.type, BL.Mention
    yield mn, BL.refersTo, refers_to
    yield mn, BL.extractedFrom, iris.document(doc_id)
    yield mn, BL.startOffset, Literal(start)
    yield mn, BL.endOffset, Literal(end)
    yield mn, BL.anchor, Literal(anchor)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_hash(d, version: str = "") -> str:
    """What decides whether a stored document is up to date: its text and metadata, and the
    version of what extracts it (knowledge base, data files, code)."""
    return content_hash(json.dumps([d.text, d.title, d.date, d.url, d.lang, d.source, version],
                                   ensure_ascii=False))


def date_literal(value: str) -> Literal | None:
    """"2021-11-09" → xsd:date, "2021-11" → xsd:gYearMonth, "2021" → xsd:gYear."""
    dt = _DATE_TYPES.get(len(value or ""))
    return Literal(value, datatype=dt) if dt else None


def _names(pairs):
    """(language, name) pairs without invisible characters (bidirectional controls, zero-width
    spaces) and without the names that were nothing else."""
    for lg, text in pairs:
        text = strip_invisible(text).strip()
        if text:
            yield lg, text


def _lit(text: str, lang: str | None) -> Literal:
    return Literal(text, lang=lang) if lang else Literal(text)


def document_graphs(ex: Extraction, *, publisher: str | None = None, version: str = ""
                    ) -> tuple[Graph, Graph]:
    """The triples of one document's named graph, and the shared facts it reports: what
    several documents may say identically of one node — posts (holder, title, organization)
    and events reported by several documents (class, date, participants). The store keeps the
    facts once, while each document's graph keeps its provenance (``bl:extractedFrom``,
    ``bl:evidence``, offsets). :func:`document_triples` gives the same triples as a stream."""
    g, facts = Graph(), Graph()
    for shared, triple in document_triples(ex, publisher=publisher):
        (facts if shared else g).add(triple)
    g.add(hash_triple(ex.document, version))
    return g, facts


def hash_triple(d, version: str = "") -> Triple:
    """The document's content hash: the last triple written, so that a document whose
    writing was interrupted is known by its missing hash (and extracted again)."""
    return iris.document(d.id), BL.contentHash, Literal(document_hash(d, version))


def document_triples(ex: Extraction, *, publisher: str | None = None
                     ) -> Iterator[tuple[bool, Triple]]:
    """The triples of :func:`document_graphs` but the content hash, one at a time, as
    (shared fact?, triple): the Document node and what names the entities and posts and
    events it reports come first, the mentions and the rest after (a document of any size
    is written in bounded memory)."""
    d = ex.document
    doc = iris.document(d.id)
    lang = d.lang or "en"
    yield False, (doc, RDF.type, BL.Document)
    yield False, (doc, DCTERMS.identifier, Literal(d.id))
    yield False, (doc, DCTERMS.language, Literal(lang))
    if d.title:
        yield False, (doc, DCTERMS.title, _lit(d.title, lang))
    if d.date and date_literal(d.date) is not None:
        yield False, (doc, DCTERMS.date, date_literal(d.date))
    if d.url:
        yield False, (doc, DCTERMS.source, Literal(d.url, datatype=XSD.anyURI))
    if publisher:
        yield False, (doc, BL.publisher, iris.entity(publisher))

    for e in ex.entities:
        node = iris.entity(e.key)
        yield False, (node, BL.mentionedIn, doc)
        for lg, text in _names(e.alt_labels):
            yield False, (node, SKOS.altLabel, _lit(text, lg))
        if not e.in_kb:
            for lg, text in _names(e.labels):
                yield False, (node, BL.proposedLabel, _lit(text, lg))
        for m in e.mentions:
            for t in _mention(d.id, m.start, m.end, m.text, node):
                yield False, t

    for p in ex.positions:
        if p.org is None:
            continue  # a post belongs to a country or body; without one it says too little
        pos = iris.position(p.person, p.title_en, p.org)
        yield True, (iris.entity(p.person), BL.holdsPosition, pos)
        yield True, (pos, RDF.type, BL.Position)
        yield True, (pos, BL.title, Literal(p.title_en, lang="en"))
        yield True, (pos, BL.ofOrganization, iris.entity(p.org))
        yield False, (pos, BL.extractedFrom, doc)
        if p.title_src and p.lang != "en":  # the source-language title belongs to this report
            yield False, (pos, BL.title, Literal(p.title_src, lang=p.lang))
        yield False, (pos, BL.evidence, _lit(p.evidence, p.lang))
        if p.date and date_literal(p.date) is not None:
            yield False, (pos, BL.date, date_literal(p.date))
        if p.status:
            yield False, (pos, BL.status, Literal(p.status))
        if p.conflict:
            yield False, (pos, BL.conflict, Literal(p.conflict))

    for ev in ex.events:
        # what identifies an event reported by several documents is stated once, in the facts
        yield from _event(is_merged(ev), ev, d.id, doc, lang)


def is_merged(ev: Event) -> bool:
    return ev.cls != "Statement" and bool(ev.date) and bool(ev.participants or ev.source)


def event_iri(ev: Event, doc_id: str) -> URIRef:
    """One event, many reports: a dated event with its participants is the same node in every
    document that reports it; statements and undated events stay apart."""
    if is_merged(ev):
        return iris.event(ev.cls, ev.mode or "", ev.date, ev.context or "", *sorted(set(ev.participants)))
    return iris.event(ev.cls, doc_id, ev.start, ev.end)


def _event(merged: bool, ev: Event, doc_id: str, doc: URIRef, lang: str) -> Iterator[tuple[bool, Triple]]:
    """Provenance of the report into the document's graph; what identifies the event into the
    shared facts when ``merged`` (else into the document's graph too)."""
    node = event_iri(ev, doc_id)
    yield False, (node, BL.extractedFrom, doc)  # first: what the document reports
    yield merged, (node, RDF.type, BL[ev.cls])
    for key in ev.participants:
        yield merged, (node, BL.participant, iris.entity(key))
    if ev.date and date_literal(ev.date) is not None:
        yield merged, (node, BL.date, date_literal(ev.date))
        if ev.date_precision:
            yield merged, (node, BL.datePrecision, Literal(ev.date_precision))
    if ev.context:
        yield merged, (node, BL.context, Literal(ev.context))
    yield False, (node, BL.evidence, _lit(ev.evidence, lang))
    yield False, (node, BL.trigger, Literal(ev.trigger))
    # the trigger is a mention of the event in this document (a merged event has several)
    for t in _mention(doc_id, ev.start, ev.end, ev.trigger, node):
        yield False, t
    for key in ev.implicit:
        yield False, (node, BL.implicitParticipant, iris.entity(key))
        if key not in ev.participants:
            yield False, (node, BL.participant, iris.entity(key))
    for prop, keys in ((BL.source, ev.source), (BL.target, ev.target), (BL.speaker, ev.speaker),
                       (BL.about, ev.about)):
        for key in keys:
            yield False, (node, prop, iris.entity(key))
            if prop != BL.about and key not in ev.participants:
                yield False, (node, BL.participant, iris.entity(key))
    if ev.quote:
        yield False, (node, BL.quote, _lit(ev.quote, lang))
    if ev.mode:
        yield False, (node, BL.mode, Literal(ev.mode))
    if ev.place:
        yield False, (node, BL.place, iris.entity(ev.place))
    if ev.cameo:
        yield False, (node, BL.cameoCode, Literal(ev.cameo))
    if ev.goldstein is not None:
        yield False, (node, BL.goldstein, Literal(Decimal(str(ev.goldstein))))
    for key, start, end in ev.arguments:
        arg = iris.argument(node, key, start, end)
        yield False, (node, BL.argument, arg)
        yield False, (arg, RDF.type, BL.Argument)
        yield False, (arg, BL.argumentEntity, iris.entity(key))
        yield False, (arg, BL.startOffset, Literal(start))
        yield False, (arg, BL.endOffset, Literal(end))


def entity_description(e: Entity | KBEntry, labels: dict[str, str] | None = None) -> Graph:
    """What the shared entities graph says of one entity: its class, one rdfs:label per
    language, its Wikidata link and, for knowledge-base entries, their names."""
    g = Graph()
    node = iris.entity(e.key)
    g.add((node, RDF.type, BL[e.cls]))
    chosen = dict(labels) if labels is not None else dict(e.labels)
    for lg, text in sorted(_names(chosen.items())):
        g.add((node, RDFS.label, Literal(text, lang=lg)))
    if e.wikidata:
        g.add((node, OWL.sameAs, WD[e.wikidata]))
    if isinstance(e, KBEntry):
        for a in e.aliases:
            if a.kind in ("alt", "abbr", "former"):
                for lg, text in _names([(a.lang, a.text)]):
                    g.add((node, SKOS.altLabel, Literal(text, lang=lg)))
        if e.country:
            g.add((node, BL.country, iris.entity(e.country)))
    return g
