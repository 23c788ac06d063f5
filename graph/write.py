"""Writing one document into the store, idempotently, and repairing what an interrupted
write left.

The document's named graph is replaced, and the shared descriptions of every entity it
mentions now or mentioned before are recomputed, in one SPARQL Update request (one
transaction). An entity no other document mentions any more loses its description.

A document of more than :func:`chunk_triples` triples (a very long text) is written in several
requests of that many triples, so that the requests stay bounded: the first replaces the old
version and holds the Document node (then what names the entities, posts and events it
reports), the last adds the content hash. Readers may see such a document half written; a
writer killed in between leaves a Document without its hash, which the next ingest reports
(:func:`incomplete_documents`), extracts again when it is in the input, and whose leftovers
:func:`repair` removes. The first request also records the document in a small graph of
writes under way (:data:`iris.WRITING_GRAPH`), which the last one clears: finding the
incomplete documents reads that record, not every Document of the store.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable

from rdflib import Literal
from rdflib.namespace import DCTERMS, RDF, SKOS

from bilat.extract.records import Extraction, KBEntry
from bilat.graph import iris, nt
from bilat.graph.store import Store, replace_graph_text, triple_nt
from bilat.graph.triples import (
    DEFAULT_MENTIONS,
    document_hash,
    document_lines,
    entity_description,
    form_key,
    hash_line,
    per_entry,
)
from bilat.ontology.namespace import BL

CHUNK_TRIPLES = 50_000


def chunk_triples() -> int:
    """Triples per write request: ``$BILAT_WRITE_CHUNK`` or :data:`CHUNK_TRIPLES`."""
    try:
        return max(1, int(os.environ.get("BILAT_WRITE_CHUNK") or CHUNK_TRIPLES))
    except ValueError:
        return CHUNK_TRIPLES


_EVENT_PREFIX = str(iris.ID) + "event/"
_SHARED_PREFIXES = (str(iris.ID) + "position/", _EVENT_PREFIX)


def stored_hash(store: Store, doc_id: str) -> str | None:
    """The content hash of the stored version of a document, or None (a document new to the
    store, whose graph the store does not list: no query)."""
    g = iris.doc_graph(doc_id)
    if not store.may_hold_graph(g):
        return None
    rows = store.select(
        f"SELECT ?h WHERE {{ GRAPH {g.n3()} {{ {iris.document(doc_id).n3()} {BL.contentHash.n3()} ?h }} }}"
    )
    return str(rows[0]["h"]) if rows else None


def is_unchanged(store: Store, doc, version: str = "") -> bool:
    """Is this document stored as it is (same text, metadata and extraction version)? (A
    document new to the store is not: its text is not hashed.)"""
    stored = stored_hash(store, doc.id)
    return stored is not None and stored == document_hash(doc, version)


def _values(nodes) -> str:
    return " ".join(n.n3() for n in sorted(nodes))


_FIRST = (nt.iri(BL.mentionedIn), nt.iri(BL.extractedFrom))  # what a document reports: written early
_NODE_FIRST = (nt.iri(RDF.type), nt.iri(DCTERMS.identifier))  # the Document node: these first


def _pieces(doc_g: set[str], facts: set[str], d, version: str, size: int) -> list[tuple[set, set]]:
    """The triples (N-Triples lines) of document ``d`` but its content hash in pieces of at
    most ``size`` triples, as (document's graph, shared facts): the Document node first, then
    what names the entities, posts and events it reports, the rest after; the content hash
    ends the last piece."""
    if len(doc_g) + len(facts) <= size:
        return [(doc_g, facts)]
    doc, hashed = nt.iri(iris.document(d.id)), hash_line(d, version)
    doc_g = set(doc_g)
    doc_g.discard(hashed)
    node = [t for t in doc_g if nt.subject_of(t) == doc]
    node.sort(key=lambda t: (nt.predicate_of(t) != _NODE_FIRST[0], nt.predicate_of(t) != _NODE_FIRST[1]))
    reports = [t for t in doc_g if nt.subject_of(t) != doc and nt.predicate_of(t) in _FIRST]
    seen = set(node) | set(reports)
    ordered = [(False, t) for t in node] + [(False, t) for t in reports]
    ordered += [(False, t) for t in doc_g if t not in seen]
    ordered += [(True, t) for t in facts]
    out: list[tuple[set, set]] = []
    for i in range(0, len(ordered), size):
        g: set[str] = set()
        f: set[str] = set()
        for shared, t in ordered[i : i + size]:
            (f if shared else g).add(t)
        out.append((g, f))
    if not out:
        out.append((set(), set()))
    out[-1][0].add(hashed)
    return out


def write_extraction(
    store: Store,
    ex: Extraction,
    kb: dict[str, KBEntry],
    *,
    publisher: str | None = None,
    version: str = "",
    mentions: str = DEFAULT_MENTIONS,
    chunk: int | None = None,
) -> int:
    """Replace the document's facts with ``ex``; returns the number of triples written. A
    document of more than ``chunk`` (:func:`chunk_triples`) triples is written in several
    requests, its content hash last."""
    doc_id = ex.document.id
    g_iri = iris.doc_graph(doc_id)
    doc_g, facts, new_forms = document_lines(
        ex, publisher=publisher, version=version, mentions=mentions, kb=kb
    )
    written = len(doc_g) + len(facts)
    pieces = _pieces(doc_g, facts, ex.document, version, chunk or chunk_triples())
    del doc_g, facts
    doc_g, facts = pieces.pop(0)

    # what the stored version of this document reported: entities, and posts/events it shared
    # (a document new to the store reported nothing: no query, and no graph to drop)
    stored = store.may_hold_graph(g_iri)
    old_nodes, old_reported, old_forms = set(), set(), set()
    for r in (
        ()
        if not stored
        else store.select(f"""SELECT DISTINCT ?n ?p WHERE {{ GRAPH {g_iri.n3()} {{
            {{ ?n ?p ?d . VALUES ?p {{ {BL.mentionedIn.n3()} {BL.extractedFrom.n3()} }} }}
            UNION {{ ?d ?p ?n . VALUES ?p {{ {BL.publisher.n3()} {BL.surfaceForms.n3()} }} }} }} }}""")
    ):
        if r["p"] == BL.surfaceForms:
            old_forms.update(str(r["n"]).split())
        elif r["p"] in (BL.mentionedIn, BL.publisher):
            old_nodes.add(r["n"])
        elif str(r["n"]).startswith(_SHARED_PREFIXES):
            old_reported.add(r["n"])

    new_nodes = {iris.entity(e.key) for e in ex.entities}
    if publisher:
        new_nodes.add(iris.entity(publisher))
    # knowledge-base entities the document's events name without its mentioning them (the body
    # a press service speaks for: "пресс-служба президента" → the presidential administration)
    # are described too, not mentioned
    unmentioned = sorted(
        {k for ev in ex.events for k in (*ev.participants, *ev.speaker) if k in kb}
        - {e.key for e in ex.entities}
        - {publisher}
    )
    affected = old_nodes | new_nodes | {iris.entity(k) for k in unmentioned}
    # names other documents propose for the entities not in the knowledge base (a handful of
    # distinct labels each, whatever the size of the store) ...
    proposed: dict = defaultdict(Counter)
    classes: dict = defaultdict(Counter)  # ... and the classes they give them
    unknown = {n for n in affected if iris.key_of(str(n)) not in kb}
    if unknown:
        for r in store.select(f"""SELECT ?e ?p ?l (COUNT(?g) AS ?n) WHERE {{
                VALUES ?e {{ {_values(unknown)} }}
                VALUES ?p {{ {BL.proposedLabel.n3()} {BL.proposedClass.n3()} }}
                GRAPH ?g {{ ?e ?p ?l }} FILTER(?g != {g_iri.n3()}) }}
                GROUP BY ?e ?p ?l"""):
            (classes if r["p"] == BL.proposedClass else proposed)[r["e"]][r["l"]] += int(r["n"])
    # ... and which entities this document stops mentioning are still mentioned elsewhere
    dropped = old_nodes - new_nodes
    elsewhere: set = set()
    if dropped:
        elsewhere = {
            r["e"]
            for r in store.select(f"""SELECT DISTINCT ?e WHERE {{
            VALUES ?e {{ {_values(dropped)} }}
            GRAPH ?g {{ {{ ?e {BL.mentionedIn.n3()} ?d }} UNION {{ ?d {BL.publisher.n3()} ?e }} }}
            FILTER(?g != {g_iri.n3()}) }}""")
        }

    descriptions: set[str] = set()  # N-Triples lines
    if publisher and publisher in kb:
        descriptions |= _kb_lines(kb[publisher])
    for e in ex.entities:
        node = iris.entity(e.key)
        if e.key in kb:
            descriptions |= _kb_lines(kb[e.key])
            continue
        counts = proposed[node]
        for lg, text in e.labels:
            counts[Literal(text, lang=lg)] += 1
        classes[node][BL[e.cls]] += 1
        descriptions |= _lines(
            entity_description(e, labels=_choose_labels(counts), cls=_choose_class(classes[node]))
        )
    for key in unmentioned:
        descriptions |= _kb_lines(kb[key])
    # entities still mentioned elsewhere but no longer here keep their description, recomputed
    for node in dropped & elsewhere:
        key = iris.key_of(str(node))
        if key in kb:
            descriptions |= _kb_lines(kb[key])
        else:
            cls = _choose_class(classes[node])
            if cls is None:  # stored before documents proposed classes
                stale = store.select(
                    f"SELECT ?c WHERE {{ GRAPH {iris.ENTITIES_GRAPH.n3()} {{ {node.n3()} a ?c }} }}"
                )
                cls = str(stale[0]["c"]).rsplit("#", 1)[-1] if stale else "Actor"
            from bilat.extract.records import Entity

            descriptions |= _lines(
                entity_description(Entity(key, cls), labels=_choose_labels(proposed[node]))
            )

    ent = iris.ENTITIES_GRAPH.n3()
    parts = [replace_graph_text(g_iri, _body(doc_g), empty=not stored)]
    # the descriptions as they should be, against what the store holds for these entities:
    # only the difference is written (most documents mention entities already described
    # alike, whose rewriting would cost more quads than the document's own graph)
    stale, missing = _description_changes(store, affected, descriptions)
    if stale:
        parts.append(f"DELETE DATA {{ GRAPH {ent} {{\n{stale}\n}} }}")
    if missing:
        parts.append(f"INSERT DATA {{ GRAPH {ent} {{\n{missing}\n}} }}")
    fct = iris.FACTS_GRAPH.n3()
    parts += _insert(fct, facts)
    if pieces:  # more requests follow: the write is under way until the last one
        parts.append(f"INSERT DATA {{ GRAPH {_WRITING} {{ {_writing(doc_id)} }} }}")
    # what the first request leaves in the entities graph (the store remembers it: the next
    # documents mention these entities again); the requests after it do not write there
    described = _by_subject(affected, descriptions)
    for doc_g, facts in pieces:  # a long document: the rest in requests of bounded size
        store.update(" ;\n".join(parts), described=described)
        described = {}
        parts = _insert(g_iri.n3(), doc_g) + _insert(fct, facts)
    if unused := _unused_forms(store, g_iri, old_nodes, old_forms - new_forms):
        parts.append(f"DELETE DATA {{ GRAPH {fct} {{\n{unused}\n}} }}")
    if old_reported:
        # posts and events no document reports any more leave the shared facts
        gone = f"""VALUES ?n {{ {_values(old_reported)} }}
            FILTER NOT EXISTS {{ GRAPH ?g {{ ?n {BL.extractedFrom.n3()} ?d }} }}"""
        parts.append(f"DELETE {{ GRAPH {fct} {{ ?n ?p ?o }} }} WHERE {{ GRAPH {fct} {{ ?n ?p ?o }} {gone} }}")
        parts.append(f"DELETE {{ GRAPH {fct} {{ ?s ?p ?n }} }} WHERE {{ GRAPH {fct} {{ ?s ?p ?n }} {gone} }}")
    # the document is whole (also after an earlier write of it that was interrupted)
    parts.append(f"DELETE DATA {{ GRAPH {_WRITING} {{ {_writing(doc_id)} }} }}")
    store.update(" ;\n".join(parts), described=described)
    return written


def _by_subject(nodes, lines: set[str]) -> dict[str, frozenset[str]] | None:
    """The N-Triples ``lines`` by subject, for each of ``nodes`` (IRIs; none for a node without
    lines): what a write of the lines leaves in the entities graph for those subjects, once
    every subject of theirs was read (None, nothing known, if a line is about another one).

    >>> from rdflib import URIRef
    >>> _by_subject([URIRef("urn:a"), URIRef("urn:b")], {"<urn:a> <urn:p> <urn:x> ."})
    {'<urn:a>': frozenset({'<urn:a> <urn:p> <urn:x> .'}), '<urn:b>': frozenset()}
    >>> _by_subject([URIRef("urn:a")], {"<urn:c> <urn:p> <urn:x> ."}) is None
    True
    """
    out: dict[str, list[str]] = {f"<{n}>": [] for n in nodes}
    for line in lines:
        got = out.get(nt.subject_of(line))
        if got is None:
            return None
        got.append(line)
    return {subject: frozenset(got) for subject, got in out.items()}


_WRITING = iris.WRITING_GRAPH.n3()


def _unused_forms(store: Store, g_iri, nodes: set, gone: set[str]) -> str:
    """The surface forms (N-Triples, facts graph) that the stored version of a document used,
    its new version does not (``gone``: their keys, :func:`form_key`), and no other document
    uses: each document's ``bl:surfaceForms`` names the forms it uses. Only a changed document
    that stopped using a form costs these two queries."""
    if not gone or not nodes:
        return ""
    forms = {}
    for r in store.select(f"""SELECT ?e ?f WHERE {{ VALUES ?e {{ {_values(nodes)} }}
            GRAPH {iris.FACTS_GRAPH.n3()} {{ ?e {SKOS.altLabel.n3()} ?f }} }}"""):
        key = form_key(iris.key_of(str(r["e"])), getattr(r["f"], "language", None), str(r["f"]))
        if key in gone:
            forms[(r["e"], key)] = r["f"]
    if not forms:
        return ""
    # one ASK per form: it stops at the first other document that uses it (a common form such
    # as "России" is found at once; one query over all the forms read every document that
    # mentions the entity, a cost growing with the store)
    mentioned, listed, this = BL.mentionedIn.n3(), BL.surfaceForms.n3(), g_iri.n3()
    used = {
        (e, k)
        for e, k in forms
        if store.ask(f"""ASK {{ {e.n3()} {mentioned} ?d . GRAPH ?g {{ ?d {listed} ?s }}
            FILTER(?g != {this} && CONTAINS(CONCAT(" ", STR(?s), " "), {Literal(" " + k + " ").n3()})) }}""")
    }
    return "\n".join(sorted(_line(e, SKOS.altLabel, f) for (e, k), f in forms.items() if (e, k) not in used))


def _writing(doc_id: str) -> str:
    """The triple recording that the writing of a document in pieces is under way."""
    return f"{_WRITING} {DCTERMS.hasPart.n3()} {iris.document(doc_id).n3()} ."


_XSD_STRING = "^^<http://www.w3.org/2001/XMLSchema#string>"
_TYPED_END = _XSD_STRING + " ."


def _line(s, p, o) -> str:
    """A triple as an N-Triples line, a plain literal and an xsd:string one alike (RDF 1.1)."""
    return _plain(triple_nt(s, p, o))


def _lines(triples) -> set[str]:
    """Triples as N-Triples lines (:func:`_line`)."""
    return {_line(*t) for t in triples}


@per_entry
def _kb_lines(e: KBEntry) -> frozenset[str]:
    """The N-Triples lines of a knowledge-base entry's description, remembered (most entities a
    document mentions are the knowledge base's, described alike in every document)."""
    return frozenset(_lines(entity_description(e)))


def diff_lines(stored: list[str], wanted: set[str]) -> tuple[str, str]:
    """N-Triples of the triples to delete (``stored`` lines, not wanted) and to insert
    (``wanted`` lines, :func:`_line`, not stored), each in a stable order. A line written
    otherwise than rdflib writes it (another escaping) is deleted and inserted again: the same
    state.

    >>> from rdflib import Literal, URIRef
    >>> a, p = URIRef("http://a"), URIRef("http://p")
    >>> xsd_string = "<http://www.w3.org/2001/XMLSchema#string>"
    >>> stored = ['<http://a> <http://p> "x" .', f'<http://a> <http://p> "y"^^{xsd_string} .']
    >>> diff_lines(stored, _lines([(a, p, Literal("y")), (a, p, Literal("z"))]))
    ('<http://a> <http://p> "x" .', '<http://a> <http://p> "z" .')
    """
    have = {_plain(x) for x in stored}
    return "\n".join(sorted(have - wanted)), "\n".join(sorted(wanted - have))


def _plain(line: str) -> str:
    return line[: -len(_TYPED_END)] + " ." if line.endswith(_TYPED_END) else line


def _description_changes(store: Store, nodes: set, descriptions: set[str]) -> tuple[str, str]:
    """What to delete from and insert into the entities graph so that it describes ``nodes``
    as ``descriptions`` (N-Triples lines, :func:`_line`) says (N-Triples)."""
    return diff_lines(store.subject_lines(nodes, iris.ENTITIES_GRAPH), descriptions)


def _body(lines: set[str]) -> str:
    """N-Triples lines in a stable order (an INSERT DATA block's)."""
    return "\n".join(sorted(lines))


def _insert(graph: str, lines: set[str]) -> list[str]:
    body = _body(lines)
    return [f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}"] if body else []


def incomplete_documents(store: Store) -> list[str]:
    """Ids of the stored documents whose writing was interrupted (no content hash). Only a
    write in several requests can be interrupted half way, and each records itself until its
    last request (:data:`iris.WRITING_GRAPH`): the check reads those records, whatever the
    number of documents stored."""
    rows = store.select(f"""SELECT DISTINCT ?id WHERE {{
        GRAPH {_WRITING} {{ {_WRITING} {DCTERMS.hasPart.n3()} ?d }}
        GRAPH ?g {{ ?d a {BL.Document.n3()} ; {DCTERMS.identifier.n3()} ?id }}
        FILTER NOT EXISTS {{ GRAPH ?g {{ ?d {BL.contentHash.n3()} ?h }} }} }} ORDER BY ?id""")
    return [str(r["id"]) for r in rows]


def repair(store: Store, documents: Iterable[str] = ()) -> None:
    """Remove what interrupted writes may have left: descriptions and surface forms of entities
    no document mentions or publishes, shared posts and events no document reports, and the
    surface forms of the entities ``documents`` (ids of documents whose write was interrupted,
    since written again) mention that no document's ``bl:surfaceForms`` names any more (an
    interrupted rewrite replaced the document's graph, and with it the keys its old forms
    would have been dropped by)."""
    if forms := _orphan_forms(store, documents):
        store.update(f"DELETE DATA {{ GRAPH {iris.FACTS_GRAPH.n3()} {{\n{forms}\n}} }}")
    ent, fct = iris.ENTITIES_GRAPH.n3(), iris.FACTS_GRAPH.n3()
    unmentioned = f"""FILTER NOT EXISTS {{ GRAPH ?g {{ ?s {BL.mentionedIn.n3()} ?d }} }}
        FILTER NOT EXISTS {{ GRAPH ?g2 {{ ?d2 {BL.publisher.n3()} ?s }} }}"""
    shared = " || ".join(f'STRSTARTS(STR(?n), "{prefix}")' for prefix in _SHARED_PREFIXES)
    unreported = f"""FILTER(isIRI(?n) && ({shared}))
        FILTER NOT EXISTS {{ GRAPH ?g {{ ?n {BL.extractedFrom.n3()} ?d }} }}"""
    store.update(f"""DELETE {{ GRAPH {ent} {{ ?s ?p ?o }} }}
        WHERE {{ GRAPH {ent} {{ ?s ?p ?o }} {unmentioned} }} ;
        DELETE {{ GRAPH {fct} {{ ?s {SKOS.altLabel.n3()} ?o }} }}
        WHERE {{ GRAPH {fct} {{ ?s {SKOS.altLabel.n3()} ?o }} {unmentioned} }} ;
        DELETE {{ GRAPH {fct} {{ ?n ?p ?o }} }} WHERE {{ GRAPH {fct} {{ ?n ?p ?o }} {unreported} }} ;
        DELETE {{ GRAPH {fct} {{ ?s ?p ?n }} }} WHERE {{ GRAPH {fct} {{ ?s ?p ?n }} {unreported} }}""")


def _orphan_forms(store: Store, documents: Iterable[str]) -> str:
    """The surface forms (N-Triples, facts graph) of the entities ``documents`` mention that
    no document mentioning the entity names among its ``bl:surfaceForms``."""
    ids = " ".join(Literal(d).n3() for d in sorted(set(documents)))
    if not ids:
        return ""
    nodes = {
        r["e"]
        for r in store.select(f"""SELECT DISTINCT ?e WHERE {{ VALUES ?id {{ {ids} }}
            GRAPH ?g {{ ?d {DCTERMS.identifier.n3()} ?id . ?e {BL.mentionedIn.n3()} ?d }} }}""")
    }
    if not nodes:
        return ""
    used: dict = defaultdict(set)
    for r in store.select(f"""SELECT ?e ?s WHERE {{ VALUES ?e {{ {_values(nodes)} }}
            GRAPH ?g {{ ?e {BL.mentionedIn.n3()} ?d . ?d {BL.surfaceForms.n3()} ?s }} }}"""):
        used[r["e"]].update(str(r["s"]).split())
    lines = []
    for r in store.select(f"""SELECT ?e ?f WHERE {{ VALUES ?e {{ {_values(nodes)} }}
            GRAPH {iris.FACTS_GRAPH.n3()} {{ ?e {SKOS.altLabel.n3()} ?f }} }}"""):
        key = form_key(iris.key_of(str(r["e"])), getattr(r["f"], "language", None), str(r["f"]))
        if key not in used[r["e"]]:
            lines.append(_line(r["e"], SKOS.altLabel, r["f"]))
    return "\n".join(sorted(lines))


def _choose_class(counts: Counter) -> str | None:
    """The class the documents give an entity most often, a tie to the first in alphabetical
    order ("MediaOutlet" before "Organization"): the same whatever the order of ingestion.

    >>> from rdflib import URIRef
    >>> b = "https://w3id.org/bilat/ontology#"
    >>> _choose_class(Counter({URIRef(b + "Organization"): 1, URIRef(b + "MediaOutlet"): 1}))
    'MediaOutlet'
    >>> _choose_class(Counter()) is None
    True
    """
    ranked = sorted((-n, str(c).rsplit("#", 1)[-1]) for c, n in counts.items() if n > 0)
    return ranked[0][1] if ranked else None


def _choose_labels(counts: Counter) -> dict[str, str]:
    """One label per language: the most frequent proposal, then the fullest, then the first
    in alphabetical order (deterministic whatever the order of ingestion)."""
    by_lang: dict[str, list] = defaultdict(list)
    for lit, n in counts.items():
        by_lang[lit.language or ""].append((-n, -len(str(lit).split()), str(lit)))
    return {lg: sorted(c)[0][2] for lg, c in by_lang.items() if lg}
