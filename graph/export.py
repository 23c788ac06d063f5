"""Exports of the store, one family of formats each:

- a network (``graphml``, ``gexf``): the property graph of :mod:`bilat.graph.property_graph`,
  filtered by :mod:`bilat.graph.views`, written by :mod:`bilat.graph.graphml` (GraphML for
  Gephi, Cytoscape, yEd) or networkx (GEXF);
- a table of events (``events-csv``, ``events-parquet``): :mod:`bilat.graph.table`;
- RDF (``turtle``, ``nquads``, ``trig``, ``jsonld``, ``xml`` and what else rdflib writes).

:func:`export_store` writes one of them; :func:`export_graphml` turns any RDF graph into GraphML.
The names of the projection and of GraphML (``property_graph``, ``write_graphml``,
``NODE_ATTRIBUTES``, ``EDGE_ATTRIBUTES``) are also importable from here.
"""

from __future__ import annotations

import os
from typing import Any

from rdflib import Graph

from bilat.graph.graphml import write_graphml
from bilat.graph.property_graph import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, property_graph

__all__ = [
    "EDGE_ATTRIBUTES",
    "NETWORK_FORMATS",
    "NODE_ATTRIBUTES",
    "TABLE_FORMATS",
    "bind_prefixes",
    "export_graphml",
    "export_store",
    "property_graph",
    "write_graphml",
]

NETWORK_FORMATS = ("graphml", "gexf")
TABLE_FORMATS = ("events-csv", "events-parquet")


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


def export_store(store, fmt: str, path: str, filters: dict | None = None) -> str:
    """Write the store to ``path`` in ``fmt``; returns a one-line description. ``filters``
    (network formats only) go to :func:`bilat.graph.views.network`."""
    if filters and fmt not in NETWORK_FORMATS:
        raise ValueError(
            f"--around, --hops, --from, --to, --classes and --not-happened apply "
            f"to graphml and gexf, not {fmt}"
        )
    if fmt in NETWORK_FORMATS:
        from bilat.graph.views import network, write_network

        G = network(store, **(filters or {}))
        write_network(G, fmt, path)
        return f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges → {path}"
    if fmt in TABLE_FORMATS:
        from bilat.graph.table import event_rows, write_csv, write_parquet

        rows = event_rows(store)
        (write_csv if fmt == "events-csv" else write_parquet)(rows, path)
        return f"{len(rows)} events → {path}"
    _export_rdf(store, fmt, path)
    return f"{fmt} → {path}"


def _export_rdf(store, fmt: str, path: str) -> None:
    if fmt in ("turtle", "nquads", "trig") and hasattr(store, "ox"):
        import pyoxigraph

        rdf_fmt = {
            "turtle": pyoxigraph.RdfFormat.TURTLE,
            "nquads": pyoxigraph.RdfFormat.N_QUADS,
            "trig": pyoxigraph.RdfFormat.TRIG,
        }[fmt]
        with open(path, "wb") as f:
            if fmt == "turtle":
                # Turtle has no graphs: the union of every graph, each triple once
                g = store.union_graph()
                bind_prefixes(g)
                f.write(g.serialize(format="turtle").encode("utf-8"))
            else:
                store.ox.dump(f, rdf_fmt)
        return
    if fmt == "jsonld":
        g = store.union_graph()
        bind_prefixes(g)
        data = g.serialize(format="json-ld", auto_compact=True)
    elif fmt == "turtle":
        g = store.union_graph()
        bind_prefixes(g)
        data = g.serialize(format="turtle")
    else:
        data = store.dataset().serialize(format=fmt)
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)


def bind_prefixes(g: Graph) -> None:
    """The project's prefixes (``bl:``, ``id:``, ``wd:``, ``skos:``, ``dcterms:``, ``owl:``)
    on ``g``, for readable Turtle and JSON-LD."""
    from rdflib.namespace import DCTERMS, OWL, SKOS

    from bilat.ontology.namespace import BL, ID, WD

    g.bind("bl", BL._NS)
    g.bind("id", ID)
    g.bind("wd", WD)
    g.bind("skos", SKOS)
    g.bind("dcterms", DCTERMS)
    g.bind("owl", OWL)
