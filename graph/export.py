"""Property-graph projection of the bilat RDF graph, and GraphML for Gephi, Cytoscape and yEd.

Three public functions, one per concept:

- :func:`property_graph` projects an RDF graph (the union of the store's named graphs) onto a
  ``networkx.MultiDiGraph``: one node per entity, one edge per (source, target, relation).
- :func:`write_graphml` writes any networkx graph as GraphML that Gephi, Cytoscape, yEd,
  igraph and networkx all read back with readable labels and typed attributes.
- :func:`export_graphml` does both and returns the number of nodes and edges written.

Node attributes (every node has every one; strings default to ``""``, ints to ``0``):
``label``, ``label_en``, ``label_ru``, ``type``, ``mentions`` (int), ``wikidata``, ``iri``,
``name`` (= ``label``, the column Cytoscape displays).

Edge attributes: ``label``, ``interaction`` (= ``label``, for Cytoscape), ``predicate`` (IRI of
the RDF predicate or event class), ``kind`` (``"position"``, ``"link"`` or ``"event"``),
``weight`` (int >= 1: distinct supporting documents), ``first_date``, ``last_date`` (ISO dates
or ``""``), and for events: ``event_class`` (local name), ``context`` (``""`` for events that
happened, else ``planned``/``hypothetical``/``negated``), ``dates`` (every date, ``; ``-joined),
``goldstein`` (mean score; ``0.0`` with ``has_goldstein`` false when none), ``cameo`` (codes,
``; ``-joined), ``documents`` (= ``weight``), ``events`` (how many events the edge stands for),
``directed`` (true when the events name ``bl:source``/``bl:target``; false when they only name
participants, stored then in IRI order, which means nothing). The MultiDiGraph key of an edge
is its ``label`` (``label|context`` for events that did not happen).

This module uses rdflib and networkx only (never spaCy).
"""

from __future__ import annotations

import datetime as _dt
import json
import numbers
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from bilat.ontology.namespace import BL  # noqa: E402 - the vocabulary's one definition

__all__ = ["property_graph", "write_graphml", "export_graphml"]

WIKIDATA_PREFIXES = ("http://www.wikidata.org/entity/", "https://www.wikidata.org/entity/")

# Most specific first: the tie-break between an entity's classes, and the whole ranking when
# the graph carries no rdfs:subClassOf triples between bl: classes.
_CLASS_ORDER = (
    "Person",
    "GovernmentBody",
    "InternationalOrganization",
    "MediaOutlet",
    "Company",
    "Country",
    "City",
    "Project",
    "Organization",
    "Place",
    "Actor",
    "Position",
    "Document",
    "Event",
)
_UNKNOWN_CLASS_RANK = _CLASS_ORDER.index("Organization") - 0.5  # extensions: specific, not generic

EVENT_CLASSES = (
    "Statement",
    "Consult",
    "Agree",
    "Cooperate",
    "Support",
    "Aid",
    "Request",
    "Accuse",
    "Reject",
    "Threaten",
    "Protest",
    "Sanction",
    "Anniversary",
)

_POSITION_PREDICATES = (BL.holdsPosition, BL.tenure)
_NOT_LINKS = {RDF.type, BL.mentionedIn, *_POSITION_PREDICATES}

# XML 1.0 Char production, inverted: control characters other than TAB/LF/CR, lone surrogates,
# U+FFFE and U+FFFF.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DATE_PREFIX = re.compile(r"^-?\d{4}(?:-\d{2}(?:-\d{2})?)?")
_NMTOKEN_BAD = re.compile(r"[^\w.\-:]")

NODE_ATTRIBUTES = ("label", "label_en", "label_ru", "type", "mentions", "wikidata", "iri", "name")
EDGE_ATTRIBUTES = (
    "label",
    "interaction",
    "predicate",
    "kind",
    "weight",
    "first_date",
    "last_date",
    "event_class",
    "context",
    "dates",
    "goldstein",
    "has_goldstein",
    "cameo",
    "documents",
    "events",
    "directed",
)


# --------------------------------------------------------------------------------------------
# helpers


def _clean(text: Any) -> str:
    """A plain ``str`` without XML-invalid characters; ``\\r\\n`` becomes ``\\n``."""
    text = str(text)
    if text.isascii() and text.isprintable():  # fast path: nothing to remove
        return text
    return _XML_INVALID.sub("", text).replace("\r\n", "\n")


def _local_name(iri: str) -> str:
    iri = str(iri)
    for sep in ("#", "/", ":"):
        _head, found, tail = iri.rstrip("/#").rpartition(sep)
        if found and tail:
            return tail
    return iri


def _union_graph(g: Graph) -> Graph:
    """A graph whose triples() sees every named graph (set semantics)."""
    if isinstance(g, Dataset) and not getattr(g, "default_union", False):
        union = Graph()
        for s, p, o, _ctx in g.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return g


def _pick_literal(values: Iterable[Any], lang: str | None) -> str:
    """The literal in language ``lang`` (``None`` = untagged), deterministic, else ``""``."""
    exact, regional = [], []
    for v in values:
        if not isinstance(v, Literal):
            continue
        tag = (v.language or "").lower()
        if lang is None:
            if not tag:
                exact.append(str(v))
        elif tag == lang:
            exact.append(str(v))
        elif tag.split("-")[0] == lang:
            regional.append(str(v))
    for bucket in (exact, regional):
        cleaned = sorted(c for c in (_clean(x).strip() for x in bucket) if c)
        if cleaned:
            return cleaned[0]
    return ""


def _best_text(values: Iterable[Any]) -> tuple[str, str, str]:
    """(best, english, russian): English, else Russian, else untagged, else any language."""
    values = list(values)
    en = _pick_literal(values, "en")
    ru = _pick_literal(values, "ru")
    best = en or ru or _pick_literal(values, None)
    if not best:
        others = sorted(c for c in (_clean(v).strip() for v in values if isinstance(v, Literal)) if c)
        best = others[0] if others else ""
    return best, en, ru


def _iso_date(value: Any) -> str:
    """ISO date (``YYYY-MM-DD``, or a shorter year/month) of a literal, or ``""``."""
    if isinstance(value, Literal):
        py = value.toPython()
        if isinstance(py, _dt.datetime):
            return py.date().isoformat()
        if isinstance(py, _dt.date):
            return py.isoformat()
        value = str(value)
    m = _DATE_PREFIX.match(str(value).strip())
    return m.group(0) if m else ""


def _superclasses(g: Graph) -> dict[URIRef, set[URIRef]]:
    """Transitive rdfs:subClassOf closure, for bl: classes only."""
    direct: dict[URIRef, set[URIRef]] = defaultdict(set)
    for sub, sup in g.subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef) and sub != sup:
            if str(sub).startswith(str(BL)) and str(sup).startswith(str(BL)):
                direct[sub].add(sup)
    closure: dict[URIRef, set[URIRef]] = {}
    for cls in list(direct):
        seen: set[URIRef] = set()
        stack = list(direct[cls])
        while stack:
            sup = stack.pop()
            if sup not in seen:
                seen.add(sup)
                stack.extend(direct.get(sup, ()))
        seen.discard(cls)
        closure[cls] = seen
    return closure


def _class_rank(cls: URIRef) -> tuple[float, str]:
    name = _local_name(cls)
    rank = _CLASS_ORDER.index(name) if name in _CLASS_ORDER else _UNKNOWN_CLASS_RANK
    return (rank, name)


def _most_specific(classes: set[URIRef], supers: Mapping[URIRef, set[URIRef]]) -> list[URIRef]:
    """Classes that are not a superclass of another one of ``classes``, best first."""
    ancestors = set()
    for cls in classes:
        ancestors |= supers.get(cls, set()) - {cls}
    specific = [c for c in classes if c not in ancestors] or list(classes)
    return sorted(specific, key=_class_rank)


class _Edges:
    """Aggregates evidence per (u, v, label) edge."""

    def __init__(self) -> None:
        self.data: dict[tuple[str, str, str], dict[str, Any]] = {}

    def add(
        self,
        u: str,
        v: str,
        label: str,
        predicate,
        kind: str,
        docs=(),
        dates=(),
        ends=None,
        event=None,
        context: str = "",
        directed: bool = True,
        goldstein=(),
        cameo=(),
    ) -> None:
        """``dates``: when the relation was seen; ``ends``: its end dates, where it has a span
        of its own (positions: start and end of the tenure); ``event``: the event node the
        edge stands for (events are counted, their scores averaged once each)."""
        if u == v or not label:
            return
        key = label if not context else f"{label}|{context}"
        rec = self.data.setdefault(
            (u, v, key),
            {
                "predicate": str(predicate),
                "kind": kind,
                "docs": set(),
                "dates": set(),
                "ends": None,
                "events": {},
                "context": context,
                "directed": directed,
                "cameo": set(),
                "label": label,
            },
        )
        rec["docs"].update(str(d) for d in docs)
        rec["dates"].update(d for d in dates if d)
        rec["cameo"].update(str(c) for c in cameo if c)
        rec["directed"] = rec["directed"] and directed
        if event is not None:
            rec["events"][str(event)] = [float(x) for x in goldstein]
        if ends is not None:
            rec["ends"] = (rec["ends"] or set()) | {d for d in ends if d}

    def first_last(self, rec: dict[str, Any]) -> tuple[str, str]:
        dates = sorted(rec["dates"])
        first = dates[0] if dates else ""
        if rec["ends"] is not None:
            ends = sorted(rec["ends"])
            return first, ends[-1] if ends else ""
        return first, dates[-1] if dates else ""


# --------------------------------------------------------------------------------------------
# public API


def property_graph(
    g: Graph,
    *,
    not_happened: str = "exclude",
    classes: Iterable[str] | None = None,
    start: str | None = None,
    end: str | None = None,
) -> nx.MultiDiGraph:
    """Project the bilat RDF graph onto a property graph of entities and their relations.

    Options for events: ``not_happened`` — ``"exclude"`` (default) leaves out planned,
    hypothetical and negated events (``bl:context``), ``"flag"`` keeps them as edges of their
    own with the ``context`` attribute set; ``classes`` — only these event classes (local
    names); ``start``/``end`` — only events dated (own date, else the document's) within
    these ISO dates, inclusive (an undated event is left out when either is given).

    ``g`` is read with set semantics (an :class:`rdflib.Dataset` is read as the union of all
    its graphs). Nodes are entities, i.e. subjects with ``bl:mentionedIn``; the node id is the
    entity IRI. Edges, keyed by their ``label``:

    - positions, ``?p bl:holdsPosition ?pos . ?pos bl:title ?t ; bl:ofOrganization ?org``:
      ``p -> org`` labelled with the English title (``first_date``/``last_date``: the
      tenure's ``bl:startDate``/``bl:endDate``, ``""`` when open or unknown);
    - entity-to-entity RDF links (e.g. ``bl:country``): labelled with the predicate's local name;
    - events: ``bl:source -> bl:target`` where both are given (``directed`` true), else one
      edge per pair of ``bl:participant`` values (``directed`` false: stored in IRI order),
      labelled with the event class local name;
      for events with a ``bl:speaker``, ``speaker -> each other participant`` labelled
      ``Statement`` (the participant pairs then skip the speaker, who is linked directionally).

    Edges are aggregated per (source, target, label): ``weight`` is the number of distinct
    supporting documents (``bl:extractedFrom`` of the events; facts without any document
    count as one), ``first_date``/``last_date`` the earliest and latest ``bl:date`` (the
    document's ``dcterms:date`` when the event has none). Self-loops and edges to non-entities
    are dropped.

    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''
    ... @prefix bl: <https://w3id.org/bilat/ontology#> .
    ... @prefix id: <https://w3id.org/bilat/id/> .
    ... @prefix doc: <https://w3id.org/bilat/doc/> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... id:russia a bl:Country ; rdfs:label "Russia"@en, "Россия"@ru ; bl:mentionedIn doc:a, doc:b .
    ... id:kazakhstan a bl:Country ; rdfs:label "Казахстан"@ru ; bl:mentionedIn doc:a .
    ... [] a bl:Cooperate ; bl:participant id:russia, id:kazakhstan ; bl:extractedFrom doc:a ;
    ...    bl:date "2024-05-01"^^<http://www.w3.org/2001/XMLSchema#date> .
    ... ''')
    >>> G = property_graph(g)
    >>> G.number_of_nodes(), G.number_of_edges()
    (2, 1)
    >>> G.nodes["https://w3id.org/bilat/id/kazakhstan"]["label"]
    'Казахстан'
    >>> G.nodes["https://w3id.org/bilat/id/russia"]["mentions"]
    2
    >>> u, v, key, data = next(iter(G.edges(keys=True, data=True)))
    >>> u.rsplit("/", 1)[1], v.rsplit("/", 1)[1], key, data["weight"], data["first_date"]
    ('kazakhstan', 'russia', 'Cooperate', 1, '2024-05-01')
    """
    g = _union_graph(g)
    supers = _superclasses(g)

    # ---- nodes ------------------------------------------------------------------------------
    G = nx.MultiDiGraph()
    G.graph["description"] = (
        "bilat knowledge graph of bilateral relations: nodes are entities (people, countries, "
        "organizations, places, projects), edges are positions, direct links and events; "
        "edge weight = number of supporting documents"
    )
    G.graph["generated"] = _generation_date()

    entities: set[URIRef] = {s for s in g.subjects(BL.mentionedIn) if isinstance(s, URIRef)}
    node_id = {ent: _clean(ent) for ent in entities}
    for ent in sorted(entities, key=str):
        label, label_en, label_ru = _best_text(g.objects(ent, RDFS.label))
        if not label:
            label = _clean(_local_name(ent))
        types = {t for t in g.objects(ent, RDF.type) if isinstance(t, URIRef) and str(t).startswith(str(BL))}
        best = _most_specific(types, supers) if types else []
        wikidata = sorted(
            str(o)
            for o in g.objects(ent, OWL.sameAs)
            if isinstance(o, URIRef) and str(o).startswith(WIKIDATA_PREFIXES)
        )
        iri = node_id[ent]
        G.add_node(
            iri,
            label=label,
            label_en=label_en,
            label_ru=label_ru,
            type=_local_name(best[0]) if best else "",
            mentions=len({str(d) for d in g.objects(ent, BL.mentionedIn)}),
            wikidata=_clean(wikidata[0]) if wikidata else "",
            iri=iri,
            name=label,
        )
    nodes = entities
    edges = _Edges()

    # ---- (a) positions -----------------------------------------------------------------------
    for pred in _POSITION_PREDICATES:
        for person, pos in g.subject_objects(pred):
            if person not in nodes:
                continue
            title, _en, _ru = _best_text(g.objects(pos, BL.title))
            docs = set(g.objects(pos, BL.extractedFrom)) | set(g.objects(pos, BL.mentionedIn))
            starts = [_iso_date(d) for d in g.objects(pos, BL.startDate)]
            ends = [_iso_date(d) for d in g.objects(pos, BL.endDate)]
            for org in g.objects(pos, BL.ofOrganization):
                if org in nodes:
                    edges.add(
                        node_id[person],
                        node_id[org],
                        title or _local_name(pred),
                        pred,
                        "position",
                        docs=docs,
                        dates=starts,
                        ends=ends,
                    )

    # ---- (b) direct entity-to-entity links ---------------------------------------------------
    for ent in nodes:
        for pred, obj in g.predicate_objects(ent):
            if obj in nodes and pred not in _NOT_LINKS and isinstance(pred, URIRef):
                edges.add(node_id[ent], node_id[obj], _clean(_local_name(pred)), pred, "link")

    # ---- (c) events and (d) statements -------------------------------------------------------
    event_classes = {BL.Event, *(BL[name] for name in EVENT_CLASSES)}
    event_classes |= {c for c, sup in supers.items() if BL.Event in sup}
    doc_dates: dict[Any, list[str]] = {}
    events = {ev for cls in event_classes for ev in g.subjects(RDF.type, cls)}
    if not_happened not in ("exclude", "flag"):
        raise ValueError(f"not_happened must be 'exclude' or 'flag', not {not_happened!r}")
    wanted = {str(c) for c in classes} if classes else None
    for ev in sorted(events, key=str):
        ev_classes = {c for c in g.objects(ev, RDF.type) if c in event_classes}
        event_supers = {c: supers.get(c, set()) | ({BL.Event} - {c}) for c in ev_classes}
        specific = _most_specific(ev_classes, event_supers)
        if wanted is not None:
            specific = [c for c in specific if _local_name(c) in wanted]
            if not specific:
                continue
        context = ";".join(sorted(str(c) for c in g.objects(ev, BL.context)))
        if context and not_happened == "exclude":
            continue
        docs = set(g.objects(ev, BL.extractedFrom))
        dates = {_iso_date(d) for d in g.objects(ev, BL.date)} - {""}
        if not dates:
            for d in docs:
                if d not in doc_dates:
                    doc_dates[d] = [_iso_date(x) for x in g.objects(d, DCTERMS.date)]
                dates.update(doc_dates[d])
        if start or end:
            if not dates or not any(_in_range(d, start, end) for d in dates):
                continue
        goldstein = [o for o in g.objects(ev, BL.goldstein)][:1]
        cameo = sorted(str(o) for o in g.objects(ev, BL.cameoCode))
        extra = {"event": ev, "context": context, "goldstein": goldstein, "cameo": cameo}
        sources = [s for s in g.objects(ev, BL.source) if s in nodes]
        targets = [t for t in g.objects(ev, BL.target) if t in nodes]
        speakers = sorted({s for s in g.objects(ev, BL.speaker) if s in nodes}, key=str)
        participants = sorted({p for p in g.objects(ev, BL.participant) if p in nodes}, key=str)
        directed = bool(sources and targets)
        if directed:
            pairs = [(s, t) for s in sources for t in targets]
        else:
            others = [p for p in participants if p not in speakers]
            pairs = [(a, b) for i, a in enumerate(others) for b in others[i + 1 :]]
        for cls in specific:
            for u, v in pairs:
                edges.add(
                    node_id[u],
                    node_id[v],
                    _local_name(cls),
                    cls,
                    "event",
                    docs=docs,
                    dates=dates,
                    directed=directed,
                    **extra,
                )
        for speaker in speakers:
            for p in participants:
                edges.add(
                    node_id[speaker],
                    node_id[p],
                    "Statement",
                    BL.Statement,
                    "event",
                    docs=docs,
                    dates=dates,
                    **extra,
                )

    for (u, v, key), rec in sorted(edges.data.items()):
        first_date, last_date = edges.first_last(rec)
        label = rec["label"]
        scores = [x for xs in rec["events"].values() for x in xs[:1]]
        weight = len(rec["docs"]) or 1  # a fact with no document still counts once
        G.add_edge(
            u,
            v,
            key=key,
            label=label,
            interaction=label,
            predicate=_clean(rec["predicate"]),
            kind=rec["kind"],
            weight=weight,
            first_date=first_date,
            last_date=last_date,
            event_class=label if rec["kind"] == "event" else "",
            context=rec["context"],
            dates="; ".join(sorted(rec["dates"])),
            goldstein=round(sum(scores) / len(scores), 2) if scores else 0.0,
            has_goldstein=bool(scores),
            cameo="; ".join(sorted(rec["cameo"])),
            documents=weight,
            events=len(rec["events"]),
            directed=rec["directed"],
        )
    return G


def _in_range(date: str, start: str | None, end: str | None) -> bool:
    """Whether an ISO date (or year / year-month) falls within [start, end] (ISO dates)."""
    lo = date + "-01-01"[len(date) - 4 :] if len(date) < 10 else date  # first day of the period
    hi = date + ("-12-31" if len(date) == 4 else "-31" if len(date) == 7 else "")
    return (not start or hi >= start) and (not end or lo <= end)


def write_graphml(G: nx.Graph, path: str | os.PathLike | Any) -> None:
    """Write ``G`` as GraphML readable by Gephi, Cytoscape, yEd, igraph and networkx.

    ``path`` is a file name or a binary file object. Compared with plain
    ``networkx.write_graphml(G, path, named_key_ids=True, infer_numeric_types=True)``:

    - every string (attribute values, attribute names, node ids) loses XML-invalid characters
      (control characters other than TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF);
    - values are plain ``str``/``int``/``float``/``bool``: ``None`` becomes the type's default,
      dates become ISO strings, lists and sets ``"; "``-joined strings, mappings JSON;
      each attribute name gets one type across all nodes and edges (mixed -> string,
      int+float -> float) and is present on every node (or edge) that has the attribute kind;
    - key ids are the attribute names (``<key id="label" ...>``), kept unique: an edge
      attribute whose name is also a node attribute gets ``edge_<name>`` as its id
      (Gephi, Cytoscape, igraph and networkx go by ``attr.name``);
    - edges of multigraphs get unique ids (``e0``, ``e1``, ...): Gephi drops edges whose id
      repeats, so the MultiDiGraph keys (the labels) are not used as ids;
    - graph-level attributes go into the graph's ``<desc>`` (Gephi reports graph-level keys
      as errors).

    >>> import io, networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("n1", label="bell\\x07 ok", mentions=2)
    >>> G.add_node("n2", label="two", mentions=None)
    >>> _ = G.add_edge("n1", "n2", key="x", label="x", weight=1)
    >>> buf = io.BytesIO()
    >>> write_graphml(G, buf)
    >>> H = nx.read_graphml(io.BytesIO(buf.getvalue()), force_multigraph=True)
    >>> H.nodes["n1"]["label"], H.nodes["n2"]["mentions"], list(H.edges(keys=True))
    ('bell ok', 0, [('n1', 'n2', 'e0')])
    """
    H = _normalized_copy(G)
    writer = _NamedKeyWriter(infer_numeric_types=True, named_key_ids=True)
    writer.add_graph_element(H)
    desc = "; ".join(f"{k}: {v}" for k, v in _normalized_graph_attrs(G).items())
    if desc:
        graph_element = writer.xml.find("graph")
        if graph_element is not None:
            element = writer.myElement("desc")
            element.text = desc
            graph_element.insert(0, element)
    if hasattr(path, "write"):
        writer.dump(path)
    else:
        with open(Path(path), "wb") as fh:
            writer.dump(fh)


def export_graphml(g: Graph, path: str | os.PathLike | Any) -> tuple[int, int]:
    """Write the property graph of ``g`` (see :func:`property_graph`) as GraphML to ``path``.

    Returns ``(number of nodes, number of edges)``.

    >>> import io
    >>> from rdflib import Graph, Namespace, URIRef
    >>> BL = Namespace("https://w3id.org/bilat/ontology#")
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://w3id.org/bilat/id/russia"), BL.mentionedIn,
    ...            URIRef("https://w3id.org/bilat/doc/a")))
    >>> export_graphml(g, io.BytesIO())
    (1, 0)
    """
    G = property_graph(g)
    write_graphml(G, path)
    return G.number_of_nodes(), G.number_of_edges()


# --------------------------------------------------------------------------------------------
# GraphML internals


def _generation_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC).date().isoformat()
    return _dt.datetime.now(_dt.UTC).date().isoformat()


class _NamedKeyWriter(GraphMLWriter):
    """networkx's writer with key ids = attribute names, unique across node/edge/graph."""

    def get_key(self, name, attr_type, scope, default):
        keys_key = (name, attr_type, scope)
        if keys_key in self.keys:
            return self.keys[keys_key]
        taken = set(self.keys.values())
        base = _NMTOKEN_BAD.sub("_", name) or "key"
        new_id = base if base not in taken else f"{scope}_{base}"
        n = 2
        while new_id in taken:
            new_id = f"{scope}_{base}_{n}"
            n += 1
        self.keys[keys_key] = new_id
        key_element = self.myElement(
            "key", **{"id": new_id, "for": scope, "attr.name": name, "attr.type": attr_type}
        )
        if default is not None:
            default_element = self.myElement("default")
            default_element.text = str(default)
            key_element.append(default_element)
        # append (networkx inserts at 0): keys keep the attributes' order, node keys first;
        # the <graph> element is appended after all keys are known.
        self.xml.append(key_element)
        return new_id


_DEFAULTS = {bool: False, int: 0, float: 0.0, str: ""}


def _convert(value: Any) -> Any:
    """A GraphML-ready scalar (bool/int/float/str) or None."""
    kind = type(value)
    if kind is str:
        return _clean(value)
    if value is None or kind is int or kind is bool or kind is float:
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return _clean(bytes(value).decode("utf-8", "replace"))
    if isinstance(value, str):  # also URIRef and Literal
        return _clean(value)
    if isinstance(value, Mapping):
        return _clean(json.dumps(value, ensure_ascii=False, default=str, sort_keys=True))
    if isinstance(value, (set, frozenset)):
        return "; ".join(sorted(str(_convert(v)) for v in value if v is not None))
    if isinstance(value, Iterable):
        return "; ".join(str(_convert(v)) for v in value if v is not None)
    return _clean(value)


def _unify(types: set[type]) -> type:
    if not types:
        return str
    if types == {bool}:
        return bool
    if types <= {bool, int}:
        return int
    if types <= {bool, int, float}:
        return float
    return str


def _cast(value: Any, target: type) -> Any:
    if value is None:
        return _DEFAULTS[target]
    if target is str:
        if isinstance(value, bool):
            return "true" if value else "false"
        return value if isinstance(value, str) else str(value)
    return target(value)


def _normalized_graph_attrs(G: nx.Graph) -> dict[str, str]:
    out = {}
    for k, v in G.graph.items():
        if k in ("node_default", "edge_default") or v is None:
            continue
        out[_clean(k)] = str(_convert(v))
    return out


def _normalized_copy(G: nx.Graph) -> nx.Graph:
    """Copy of G with clean ids, scalar values, one type per attribute name, unique edge keys."""
    nodes = [(_clean(n), {_clean(k): _convert(v) for k, v in d.items()}) for n, d in G.nodes(data=True)]
    if G.is_multigraph():
        raw_edges = G.edges(keys=True, data=True)
    else:
        raw_edges = ((u, v, None, d) for u, v, d in G.edges(data=True))
    edges = [
        (_clean(u), _clean(v), k, {_clean(a): _convert(x) for a, x in d.items()}) for u, v, k, d in raw_edges
    ]

    seen_types: dict[str, set[type]] = defaultdict(set)
    node_names: dict[str, None] = {}  # ordered sets: first-seen order
    edge_names: dict[str, None] = {}
    for _n, d in nodes:
        node_names.update(dict.fromkeys(d))
        for k, v in d.items():
            if v is not None:
                seen_types[k].add(type(v))
    for *_uvk, d in edges:
        edge_names.update(dict.fromkeys(d))
        for k, v in d.items():
            if v is not None:
                seen_types[k].add(type(v))
    target = {name: _unify(types) for name, types in seen_types.items()}
    for name in [*node_names, *edge_names]:
        target.setdefault(name, str)

    H = (
        nx.MultiDiGraph()
        if G.is_multigraph() and G.is_directed()
        else (nx.MultiGraph() if G.is_multigraph() else (nx.DiGraph() if G.is_directed() else nx.Graph()))
    )
    for n, d in nodes:
        H.add_node(n, **{k: _cast(d.get(k), target[k]) for k in node_names})
    for i, (u, v, _k, d) in enumerate(edges):
        attrs = {k: _cast(d.get(k), target[k]) for k in edge_names}
        if H.is_multigraph():
            H.add_edge(u, v, key=f"e{i}", **attrs)
        else:
            H.add_edge(u, v, **attrs)
    return H
