"""Network views of the store for analysts: the actor network with filters, written as GraphML
(Gephi, Cytoscape, yEd) or GEXF with time intervals (Gephi's timeline plays the relations over
time), and entity lookup by IRI, key or name.

Filters (all optional, combined): ``around`` an entity and ``hops`` (its neighbourhood,
ignoring edge direction), ``start``/``end`` (ISO dates, inclusive: events dated in the range,
by their own date or else their document's), ``classes`` (event classes), ``not_happened``
(``"exclude"`` planned/hypothetical/negated events, the default, or ``"flag"`` them).
"""

from __future__ import annotations

import calendar
import datetime as _dt
from collections.abc import Iterable

import networkx as nx
from rdflib import Literal, URIRef

from bilat.graph import iris
from bilat.graph.bind import bind
from bilat.graph.graphml import normalized_copy, write_graphml
from bilat.graph.property_graph import property_graph
from bilat.graph.sparql_text import load_query


class NotFound(ValueError):
    """No entity by that IRI, key or name."""


def resolve_entity(store, text: str) -> URIRef:
    """An entity IRI from an IRI, an entity key (``russia``, ``sergey-lavrov``) or a name in
    any language (canonical or alternative, case-insensitive)."""
    text = text.strip()
    if text.startswith(("http://", "https://")):
        return URIRef(text)
    candidate = iris.entity(text)
    if store.ask(bind(load_query("entity_exists"), entity=candidate)):
        return candidate
    rows = store.select(bind(load_query("entity_lookup"), name=Literal(text.casefold())))
    if not rows:
        raise NotFound(f"no entity named {text!r} (give an IRI, a key such as 'russia', or a name)")
    return URIRef(str(rows[0]["entity"]))


def network(
    store,
    *,
    around: str | None = None,
    hops: int = 1,
    start: str | None = None,
    end: str | None = None,
    classes: Iterable[str] | None = None,
    not_happened: str = "exclude",
) -> nx.MultiDiGraph:
    """The actor network (see :func:`bilat.graph.export.property_graph`) with the filters."""
    G = property_graph(
        store.union_graph(),
        not_happened=not_happened,
        classes=list(classes) if classes else None,
        start=start,
        end=end,
    )
    if start or end or classes:  # a time window or class filter: keep who takes part in it
        active = {n for u, v, d in G.edges(data=True) if d["kind"] == "event" for n in (u, v)}
        G.remove_edges_from(
            [
                (u, v, k)
                for u, v, k, d in G.edges(keys=True, data=True)
                if d["kind"] != "event" and not (u in active and v in active)
            ]
        )
        G.remove_nodes_from([n for n in list(G) if n not in active])
    if around:
        center = str(resolve_entity(store, around))
        if center not in G:
            raise NotFound(f"{around!r} has no relations in the graph (with these filters)")
        if hops < 0:
            raise ValueError("--hops must be 0 or more")
        G = nx.ego_graph(G, center, radius=hops, undirected=True).copy()
        G.graph["center"] = center
    return G


def _period(date: str) -> tuple[str, str] | None:
    """The first and last day of an ISO date, year-month or year."""
    try:
        if len(date) == 10:
            _dt.date.fromisoformat(date)
            return date, date
        if len(date) == 7:
            y, m = int(date[:4]), int(date[5:])
            return f"{date}-01", f"{date}-{calendar.monthrange(y, m)[1]:02d}"
        if len(date) == 4:
            return f"{date}-01-01", f"{date}-12-31"
    except ValueError:
        return None
    return None


def gexf_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` ready for networkx's GEXF writer: plain scalar attributes, and on every
    dated edge the ``spells`` (time intervals) of its events: a day for a dated event, the
    month or year for a less precise date. Nodes get the union of their edges' spells; a node
    without dated relations has none (it is there all the time)."""
    H = normalized_copy(G)
    node_spells: dict[str, set] = {}
    for u, v, _k, d in H.edges(keys=True, data=True):
        spells = sorted({p for x in str(d.get("dates", "")).split("; ") if x for p in [_period(x)] if p})
        if not spells and d.get("first_date"):  # positions: the tenure
            first = _period(d["first_date"])
            last = _period(d["last_date"]) if d.get("last_date") else None
            if first:
                spells = [(first[0], last[1] if last else None)]
        if spells:
            d["spells"] = spells
            node_spells.setdefault(u, set()).update(spells)
            node_spells.setdefault(v, set()).update(spells)
    for n, spells in node_spells.items():
        if all(e is not None for _s, e in spells):
            H.nodes[n]["spells"] = _merge(spells)
    H.graph.clear()
    return H


def _merge(spells: set) -> list[tuple[str, str]]:
    out: list[list[str]] = []
    for s, e in sorted(spells):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def write_gexf(G: nx.MultiDiGraph, path) -> None:
    """GEXF 1.2 with time intervals, by networkx's writer."""
    nx.write_gexf(gexf_graph(G), path, version="1.2draft")


def write_network(G: nx.MultiDiGraph, fmt: str, path) -> None:
    if fmt == "graphml":
        write_graphml(G, path)
    elif fmt == "gexf":
        write_gexf(G, path)
    else:  # pragma: no cover - the CLI offers only these
        raise ValueError(f"unknown network format {fmt!r}")


__all__ = ["resolve_entity", "network", "gexf_graph", "write_gexf", "write_network", "NotFound"]
