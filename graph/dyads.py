"""The dyad: a node per pair of countries with its event counts per class and month and the mean
cooperation–conflict score, so that "how did Russia–Kazakhstan relations evolve in 2022?" is
one SPARQL query::

    SELECT ?month ?class ?n ?score WHERE {
      ?d a bl:Dyad ; bl:member id:russia, id:kazakhstan ; bl:dyadCount ?c .
      ?c bl:month ?month ; bl:eventClass ?class ; bl:eventCount ?n .
      OPTIONAL { ?c bl:meanGoldstein ?score } FILTER(STRSTARTS(STR(?month), "2022")) }

Only events that happened count (planned, hypothetical and negated ones carry bl:context);
statements are not interactions and are left out. The graph is recomputed from the store, and
records which documents it was computed from (``dcterms:hasVersion``: a digest of their content
hashes), so that every ingest can tell stale dyads (a writer killed before it refreshed them)
and refresh them.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from bilat.graph import iris
from bilat.graph.sparql import load_query
from bilat.graph.store import Store, replace_graph_update
from bilat.graph.triples import Triples
from bilat.ontology.namespace import BL


def dyad_graph(rows) -> Triples:
    """The dyads graph from rows of ``dyad_events.rq`` (one per event and country), as a set
    of triples (an rdflib Graph's indexes would cost more than the rest of the refresh)."""
    per_event: dict = defaultdict(lambda: {"countries": set(), "month": None, "class": None, "score": None})
    for r in rows:
        ev = per_event[r["ev"]]
        ev["countries"].add(str(r["country"]))
        ev["month"] = min(filter(None, (ev["month"], str(r["month"]))))  # one month per event
        ev["class"] = ev["class"] or r["class"]
        if r.get("goldstein") is not None and ev["score"] is None:
            ev["score"] = Decimal(str(r["goldstein"]))
    counts: dict = defaultdict(lambda: [0, []])
    for ev in per_event.values():
        for a, b in combinations(sorted(ev["countries"]), 2):
            cell = counts[(a, b, ev["month"], ev["class"])]
            cell[0] += 1
            if ev["score"] is not None:
                cell[1].append(ev["score"])
    g = Triples()
    for (a, b, month, cls), (n, scores) in sorted(counts.items()):
        d = iris.dyad(iris.key_of(a) or a, iris.key_of(b) or b)
        g.add((d, RDF.type, BL.Dyad))
        g.add((d, BL.member, URIRef(a)))
        g.add((d, BL.member, URIRef(b)))
        c = iris.dyad_count(d, month, str(cls).rsplit("#", 1)[-1])
        g.add((d, BL.dyadCount, c))
        g.add((c, RDF.type, BL.DyadCount))
        g.add((c, BL.month, Literal(month, datatype=XSD.gYearMonth)))
        g.add((c, BL.eventClass, cls))
        g.add((c, BL.eventCount, Literal(n)))
        if scores:
            mean = (sum(scores) / len(scores)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            g.add((c, BL.meanGoldstein, Literal(mean)))
    return g


def documents_digest(store: Store) -> str:
    """A digest of the content hashes of the documents stored whole."""
    rows = store.select(load_query("content_hashes"))
    h = hashlib.sha256()
    for value in sorted(str(r["h"]) for r in rows):
        h.update(value.encode("ascii", "replace") + b"\n")
    return h.hexdigest()[:32]


def dyads_current(store: Store) -> bool:
    """Were the dyads computed from the documents now stored?"""
    rows = store.select(load_query("dyads_version"))
    return bool(rows) and str(rows[0]["v"]) == documents_digest(store)


def refresh_dyads(store: Store) -> int:
    """Recompute the dyads graph; returns its number of triples."""
    digest = documents_digest(store)
    g = dyad_graph(store.select(load_query("dyad_events")))
    g.add((iris.DYADS_GRAPH, DCTERMS.hasVersion, Literal(digest)))
    store.update(replace_graph_update(iris.DYADS_GRAPH, g))
    return len(g)
