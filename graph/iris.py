"""Every IRI bilat mints, in one place.

>>> str(entity("sergey-lavrov"))
'https://w3id.org/bilat/id/sergey-lavrov'
>>> str(document("news/2021 11.txt"))
'https://w3id.org/bilat/doc/news/2021%2011.txt'
>>> str(doc_graph("a"))
'https://w3id.org/bilat/graph/doc/a'
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import quote, unquote

from rdflib import URIRef

from bilat.ontology.namespace import DOC, GRAPH, ID  # noqa: F401 - GRAPH is used by graph.store

ONTOLOGY_GRAPH = URIRef(GRAPH + "ontology")
ENTITIES_GRAPH = URIRef(GRAPH + "entities")
DYADS_GRAPH = URIRef(GRAPH + "dyads")
FACTS_GRAPH = URIRef(GRAPH + "facts")  # posts and events several documents may report
WRITING_GRAPH = URIRef(GRAPH + "writing")  # documents whose writing in pieces is under way
DOC_GRAPH_PREFIX = str(GRAPH) + "doc/"


def _q(text: str) -> str:
    return quote(text, safe="/-_.~")


@lru_cache(maxsize=1 << 14)
def entity(key: str) -> URIRef:
    """An entity, by its stable key (knowledge-base key or derived spelling key); remembered
    (a document names each of its entities many times, and quoting a key costs 3 µs)."""
    return URIRef(ID + _q(key))


@lru_cache(maxsize=1 << 14)
def key_of(iri: str) -> str | None:
    """The key of an entity IRI, or None for another IRI; remembered (the writer asks it of
    every entity of every document)."""
    return unquote(iri[len(ID) :]) if iri.startswith(str(ID)) else None


def document(doc_id: str) -> URIRef:
    return URIRef(DOC + _q(doc_id))


def doc_graph(doc_id: str) -> URIRef:
    """The named graph holding one document's facts."""
    return URIRef(DOC_GRAPH_PREFIX + _q(doc_id))


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def position(person: str, title_en: str, org: str | None) -> URIRef:
    """A post: the same person, title and organization give the same IRI in every document."""
    return URIRef(ID + "position/" + _digest(person, title_en, org or ""))


def event(cls: str, *identity: object) -> URIRef:
    """An event, from its class and what identifies it (participants, date, or its document
    and offset when nothing else does)."""
    return URIRef(ID + "event/" + _digest(cls, *identity))


def mention(doc_id: str, start: int, end: int) -> URIRef:
    return URIRef(f"{document(doc_id)}#char={start},{end}")


def entity_mentions(doc_id: str, key: str) -> URIRef:
    """Every mention of one entity in one document (``--mentions compact``)."""
    return URIRef(f"{document(doc_id)}#entity={_q(key)}")


def argument(event_iri: str, key: str, start: int, end: int) -> URIRef:
    return URIRef(f"{event_iri}#arg-{_digest(key, start, end)}")


def dyad(a: str, b: str) -> URIRef:
    """The pair of two countries, in either order."""
    a, b = sorted((a, b))
    return URIRef(ID + "dyad/" + _q(a) + "--" + _q(b))


def dyad_count(dyad_iri: str, month: str, cls: str) -> URIRef:
    return URIRef(f"{dyad_iri}/{month}/{cls}")
