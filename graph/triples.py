"""Records to RDF: one document's ``Extraction`` becomes the triples of its named graph and the
shared facts it reports, and the descriptions (class, canonical labels, Wikidata link, knowledge-base names) of the
entities it mentions, which the store keeps once in the shared entities graph.
"""
from __future__ import annotations

import hashlib
import json
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from bilat.extract.records import Entity, Event, Extraction, KBEntry
from bilat.graph import iris
from bilat.ontology.namespace import BL, WD

_DATE_TYPES = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}


def _mention(g: Graph, doc_id: str, start: int, end: int, anchor: str, refers_to: URIRef) -> None:
    """A span of the document's text naming ``refers_to``."""
    mn = iris.mention(doc_id, start, end)
    g.add((mn, RDF.type, BL.Mention))
    g.add((mn, BL.refersTo, refers_to))
    g.add((mn, BL.extractedFrom, iris.document(doc_id)))
    g.add((mn, BL.startOffset, Literal(start)))
    g.add((mn, BL.endOffset, Literal(end)))
    g.add((mn, BL.anchor, Literal(anchor)))


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


def _lit(text: str, lang: str | None) -> Literal:
    return Literal(text, lang=lang) if lang else Literal(text)


def document_graphs(ex: Extraction, *, publisher: str | None = None, version: str = ""
                    ) -> tuple[Graph, Graph]:
    """The triples of one document's named graph, and the shared facts it reports: what
    several documents may say identically of one node — posts (holder, title, organization)
    and events reported by several documents (class, date, participants). The store keeps the
    facts once, while each document's graph keeps its provenance (``bl:extractedFrom``,
    ``bl:evidence``, offsets)."""
    d = ex.document
    g = Graph()
    doc = iris.document(d.id)
    lang = d.lang or "en"
    g.add((doc, RDF.type, BL.Document))
    g.add((doc, DCTERMS.identifier, Literal(d.id)))
    g.add((doc, BL.contentHash, Literal(document_hash(d, version))))
    g.add((doc, DCTERMS.language, Literal(lang)))
    if d.title:
        g.add((doc, DCTERMS.title, _lit(d.title, lang)))
    if d.date and date_literal(d.date) is not None:
        g.add((doc, DCTERMS.date, date_literal(d.date)))
    if d.url:
        g.add((doc, DCTERMS.source, Literal(d.url, datatype=XSD.anyURI)))
    if publisher:
        g.add((doc, BL.publisher, iris.entity(publisher)))

    for e in ex.entities:
        node = iris.entity(e.key)
        g.add((node, BL.mentionedIn, doc))
        for lg, text in e.alt_labels:
            g.add((node, SKOS.altLabel, _lit(text, lg)))
        if not e.in_kb:
            for lg, text in e.labels:
                g.add((node, BL.proposedLabel, _lit(text, lg)))
        for m in e.mentions:
            _mention(g, d.id, m.start, m.end, m.text, node)

    facts = Graph()
    for p in ex.positions:
        if p.org is None:
            continue  # a post belongs to a country or body; without one it says too little
        pos = iris.position(p.person, p.title_en, p.org)
        facts.add((iris.entity(p.person), BL.holdsPosition, pos))
        facts.add((pos, RDF.type, BL.Position))
        facts.add((pos, BL.title, Literal(p.title_en, lang="en")))
        facts.add((pos, BL.ofOrganization, iris.entity(p.org)))
        g.add((pos, BL.extractedFrom, doc))
        if p.title_src and p.lang != "en":  # the source-language title belongs to this report
            g.add((pos, BL.title, Literal(p.title_src, lang=p.lang)))
        g.add((pos, BL.evidence, _lit(p.evidence, p.lang)))
        if p.date and date_literal(p.date) is not None:
            g.add((pos, BL.date, date_literal(p.date)))
        if p.status:
            g.add((pos, BL.status, Literal(p.status)))
        if p.conflict:
            g.add((pos, BL.conflict, Literal(p.conflict)))

    for ev in ex.events:
        # what identifies an event reported by several documents is stated once, in the facts
        _event(g, facts if is_merged(ev) else g, ev, d.id, doc, lang, d.date)
    return g, facts


def is_merged(ev: Event) -> bool:
    return ev.cls != "Statement" and bool(ev.date) and bool(ev.participants or ev.source)


def event_iri(ev: Event, doc_id: str) -> URIRef:
    """One event, many reports: a dated event with its participants is the same node in every
    document that reports it; statements and undated events stay apart."""
    if is_merged(ev):
        return iris.event(ev.cls, ev.mode or "", ev.date, ev.context or "", *sorted(set(ev.participants)))
    return iris.event(ev.cls, doc_id, ev.start, ev.end)


def _inherited_date(ev: Event, doc_date: str | None) -> Literal | None:
    """The document's date for an event without a date of its own: the day it was reported
    (for a planned or hypothetical event, the day it was announced)."""
    if (ev.date and date_literal(ev.date) is not None) or not doc_date:
        return None
    return date_literal(doc_date)


def _event(g: Graph, shared: Graph, ev: Event, doc_id: str, doc: URIRef, lang: str,
           doc_date: str | None = None) -> None:
    """Provenance of the report into ``g``; what identifies the event into ``shared``."""
    node = event_iri(ev, doc_id)
    shared.add((node, RDF.type, BL[ev.cls]))
    for key in ev.participants:
        shared.add((node, BL.participant, iris.entity(key)))
    if ev.date and date_literal(ev.date) is not None:
        shared.add((node, BL.date, date_literal(ev.date)))
        if ev.date_precision:
            shared.add((node, BL.datePrecision, Literal(ev.date_precision)))
    if ev.context:
        shared.add((node, BL.context, Literal(ev.context)))
    if d_date := _inherited_date(ev, doc_date):
        # an event the text gives no date of happened (or was reported) when its document
        # appeared: it inherits the document's date, and bl:datePrecision says so
        g.add((node, BL.date, d_date))
        g.add((node, BL.datePrecision, Literal("document")))
    g.add((node, BL.extractedFrom, doc))
    g.add((node, BL.evidence, _lit(ev.evidence, lang)))
    g.add((node, BL.trigger, Literal(ev.trigger)))
    # the trigger is a mention of the event in this document (a merged event has several)
    _mention(g, doc_id, ev.start, ev.end, ev.trigger, node)
    for key in ev.implicit:
        g.add((node, BL.implicitParticipant, iris.entity(key)))
        if key not in ev.participants:
            g.add((node, BL.participant, iris.entity(key)))
    for prop, keys in ((BL.source, ev.source), (BL.target, ev.target), (BL.speaker, ev.speaker),
                       (BL.about, ev.about)):
        for key in keys:
            g.add((node, prop, iris.entity(key)))
            if prop != BL.about and key not in ev.participants:
                g.add((node, BL.participant, iris.entity(key)))
    if ev.quote:
        g.add((node, BL.quote, _lit(ev.quote, lang)))
    if ev.mode:
        g.add((node, BL.mode, Literal(ev.mode)))
    if ev.place:
        g.add((node, BL.place, iris.entity(ev.place)))
    if ev.cameo:
        g.add((node, BL.cameoCode, Literal(ev.cameo)))
    if ev.goldstein is not None:
        g.add((node, BL.goldstein, Literal(Decimal(str(ev.goldstein)))))
    for key, start, end in ev.arguments:
        arg = iris.argument(node, key, start, end)
        g.add((node, BL.argument, arg))
        g.add((arg, RDF.type, BL.Argument))
        g.add((arg, BL.argumentEntity, iris.entity(key)))
        g.add((arg, BL.startOffset, Literal(start)))
        g.add((arg, BL.endOffset, Literal(end)))


def entity_description(e: Entity | KBEntry, labels: dict[str, str] | None = None) -> Graph:
    """What the shared entities graph says of one entity: its class, one rdfs:label per
    language, its Wikidata link and, for knowledge-base entries, their names."""
    g = Graph()
    node = iris.entity(e.key)
    g.add((node, RDF.type, BL[e.cls]))
    chosen = dict(labels) if labels is not None else dict(e.labels)
    for lg, text in sorted(chosen.items()):
        g.add((node, RDFS.label, Literal(text, lang=lg)))
    if e.wikidata:
        g.add((node, OWL.sameAs, WD[e.wikidata]))
    if isinstance(e, KBEntry):
        for a in e.aliases:
            if a.kind in ("alt", "abbr", "former"):
                g.add((node, SKOS.altLabel, Literal(a.text, lang=a.lang)))
        if e.country:
            g.add((node, BL.country, iris.entity(e.country)))
    return g
