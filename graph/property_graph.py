"""The property-graph projection of the bilat RDF graph (the union of the store's named
graphs): :func:`property_graph` gives a ``networkx.MultiDiGraph`` with one node per entity and
one edge per (source, target, relation).

Node attributes (every node has every one; strings default to ``""``, ints to ``0``):
``label``, one ``label_<code>`` per language bilat reads (``label_en``, ``label_ru``: the
registry of ``extract/languages.py``), ``type``, ``mentions`` (int), ``wikidata``, ``iri``,
``name`` (= ``label``, the column Cytoscape displays). ``label`` is the label of the first
language (in the profiles' rank) that has one, else an untagged one, else any.

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
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from bilat.extract.languages import label_columns, profiles
from bilat.graph.graphml import generation_date, xml_text
from bilat.ontology.namespace import BL, EVENT_CLASSES

__all__ = ["EDGE_ATTRIBUTES", "LABEL_COLUMNS", "NODE_ATTRIBUTES", "WIKIDATA_PREFIXES", "property_graph"]

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


_POSITION_PREDICATES = (BL.holdsPosition, BL.tenure)
_NOT_LINKS = {RDF.type, BL.mentionedIn, *_POSITION_PREDICATES}

_DATE_PREFIX = re.compile(r"^-?\d{4}(?:-\d{2}(?:-\d{2})?)?")

LABEL_COLUMNS = label_columns()  # ("label_en", "label_ru")
NODE_ATTRIBUTES = ("label", *LABEL_COLUMNS, "type", "mentions", "wikidata", "iri", "name")
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
        cleaned = sorted(c for c in (xml_text(x).strip() for x in bucket) if c)
        if cleaned:
            return cleaned[0]
    return ""


def _best_text(values: Iterable[Any]) -> tuple[str, dict[str, str]]:
    """(best, {label column: text}): the first language's (English, else Russian, …), else
    untagged, else any language."""
    values = list(values)
    by_lang = {p.label_column: _pick_literal(values, p.label_tag) for p in profiles().values()}
    best = next((t for t in by_lang.values() if t), "") or _pick_literal(values, None)
    if not best:
        others = sorted(c for c in (xml_text(v).strip() for v in values if isinstance(v, Literal)) if c)
        best = others[0] if others else ""
    return best, by_lang


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


def _cameo_weights(g: Graph) -> dict[str, Any]:
    """CAMEO code -> Goldstein weight: the ``bl:CameoCode`` nodes of ``g`` (the store's
    ontology graph), else of the ontology bilat ships."""
    from bilat.ontology import cameo_weights

    out: dict[str, Any] = dict(cameo_weights())
    for code in g.subjects(RDF.type, BL.CameoCode):
        notation, weight = g.value(code, SKOS.notation), g.value(code, BL.goldsteinWeight)
        if notation is not None and weight is not None:
            out[str(notation)] = weight
    return out


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
    G.graph["generated"] = generation_date()

    entities: set[URIRef] = {s for s in g.subjects(BL.mentionedIn) if isinstance(s, URIRef)}
    node_id = {ent: xml_text(ent) for ent in entities}
    for ent in sorted(entities, key=str):
        label, labels = _best_text(g.objects(ent, RDFS.label))
        if not label:
            label = xml_text(_local_name(ent))
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
            **labels,
            type=_local_name(best[0]) if best else "",
            mentions=len({str(d) for d in g.objects(ent, BL.mentionedIn)}),
            wikidata=xml_text(wikidata[0]) if wikidata else "",
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
            title, _ = _best_text(g.objects(pos, BL.title))
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
                edges.add(node_id[ent], node_id[obj], xml_text(_local_name(pred)), pred, "link")

    # ---- (c) events and (d) statements -------------------------------------------------------
    event_classes = {BL.Event, *EVENT_CLASSES}
    event_classes |= {c for c, sup in supers.items() if BL.Event in sup}
    doc_dates: dict[Any, list[str]] = {}
    from bilat.ontology import event_cameo

    weights = _cameo_weights(g)
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
        # its code, else its mode's (bl:modeCameoCode), else its class's (bl:defaultCameoCode):
        # stated once in the ontology
        modes = [str(m) for m in g.objects(ev, BL.mode)]
        cameo = sorted(str(o) for o in g.objects(ev, BL.cameoCode)) or sorted(
            {c for cls in ev_classes for c in event_cameo(_local_name(cls), (), modes)}
        )
        # its own score, else its code's weight (stated once, on the ontology's bl:CameoCode)
        goldstein = [o for o in g.objects(ev, BL.goldstein)][:1] or [
            weights[c] for c in cameo if c in weights
        ][:1]
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
            predicate=xml_text(rec["predicate"]),
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
