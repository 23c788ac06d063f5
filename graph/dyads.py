"""The dyad: a node per pair of countries with its event counts per class and month and the mean
cooperation–conflict score, so that "how did Russia–Kazakhstan relations evolve in 2022?" is
one SPARQL query::

    SELECT ?month ?class ?n ?score WHERE {
      ?d a bl:Dyad ; bl:member id:russia, id:kazakhstan ; bl:dyadCount ?c .
      ?c bl:month ?month ; bl:eventClass ?class ; bl:eventCount ?n .
      OPTIONAL { ?c bl:meanGoldstein ?score } FILTER(STRSTARTS(STR(?month), "2022")) }

Only events that happened count (planned, hypothetical and negated ones carry bl:context);
statements are not interactions and are left out.

The graph follows the store incrementally: each document write records, in the same
transaction, the document and the dyad count nodes its stored version counted in
(``<dyads graph> dcterms:requires …``, see :func:`pending_update`); :func:`update_dyads`
(after every ingest) recomputes only those cells, their events re-read with a query bound to
them, and clears the record. A writer killed before that leaves the record, so the next ingest
refreshes what it missed, without reading the whole store. :func:`refresh_dyads` recomputes
everything (the reference the incremental refresh must equal).
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from bilat.graph import iris
from bilat.graph.sparql import bind, load_query
from bilat.graph.store import Store, graph_ntriples, replace_graph_update
from bilat.graph.triples import Triples
from bilat.ontology.namespace import BL


def _per_event(rows) -> list[dict]:
    """Rows of ``dyad_events.rq`` (one per event and country) as one record per event."""
    per_event: dict = defaultdict(lambda: {"countries": set(), "month": None, "class": None, "score": None})
    for r in rows:
        ev = per_event[r["ev"]]
        ev["countries"].add(str(r["country"]))
        ev["month"] = min(filter(None, (ev["month"], str(r["month"]))))  # one month per event
        ev["class"] = ev["class"] or r["class"]
        if r.get("goldstein") is not None and ev["score"] is None:
            ev["score"] = Decimal(str(r["goldstein"]))
    return list(per_event.values())


def _counts(rows) -> dict:
    """(country a, country b, month, class) -> [events, scores], a < b."""
    counts: dict = defaultdict(lambda: [0, []])
    for ev in _per_event(rows):
        for a, b in combinations(sorted(ev["countries"]), 2):
            cell = counts[(a, b, ev["month"], ev["class"])]
            cell[0] += 1
            if ev["score"] is not None:
                cell[1].append(ev["score"])
    return counts


def _dyad_iri(a: str, b: str) -> URIRef:
    return iris.dyad(iris.key_of(a) or a, iris.key_of(b) or b)


def cell_iri(a: str, b: str, month: str, cls) -> URIRef:
    """The bl:DyadCount node of one cell."""
    return iris.dyad_count(_dyad_iri(a, b), month, str(cls).rsplit("#", 1)[-1])


def _cell_triples(counts: dict) -> Triples:
    g = Triples()
    for (a, b, month, cls), (n, scores) in sorted(counts.items()):
        d = _dyad_iri(a, b)
        g.add((d, RDF.type, BL.Dyad))
        g.add((d, BL.member, URIRef(a)))
        g.add((d, BL.member, URIRef(b)))
        c = cell_iri(a, b, month, cls)
        # (a cell states no class: bl:dyadCount's range says it is a bl:DyadCount, and a quad
        # less per cell is a sixth of the dyads graph)
        g.add((d, BL.dyadCount, c))
        g.add((c, BL.month, Literal(month, datatype=XSD.gYearMonth)))
        g.add((c, BL.eventClass, cls))
        g.add((c, BL.eventCount, Literal(n)))
        if scores:
            mean = (sum(scores) / len(scores)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            g.add((c, BL.meanGoldstein, Literal(mean)))
    return g


def dyad_graph(rows) -> Triples:
    """The dyads graph from rows of ``dyad_events.rq`` (one per event and country), as a set
    of triples (an rdflib Graph's indexes would cost more than the rest of the refresh)."""
    return _cell_triples(_counts(rows))


def _event_rows(store: Store, events) -> list[dict]:
    """Rows of ``dyad_events.rq`` for the given events only."""
    events = sorted(set(events))
    out: list[dict] = []
    for i in range(0, len(events), _BATCH):
        out += store.select(bind(load_query("dyad_events"), ev=events[i : i + _BATCH]))
    return out


_BATCH = 500
# days per request: each typed literal's "^^" counts as two operators of the query's group for
# the nesting check (sparql_text.MAX_CHAIN, 1,000), so fewer than 500 of them
_DAYS_BATCH = 310


def document_cells(store: Store, events) -> set[URIRef]:
    """The dyad count nodes the given events count in, as the store holds them now."""
    return {cell_iri(*key) for key in _counts(_event_rows(store, events))}


def pending_update(cells, doc) -> str:
    """SPARQL Update that records a document write for the next refresh: the document, and the
    cells its stored version counted in (``cells``, taken before the write). Written in the
    same request as the document, so that no killed writer can lose it."""
    objs = " , ".join(n.n3() for n in sorted({doc, *cells}))
    g = iris.DYADS_GRAPH.n3()
    return f"INSERT DATA {{ GRAPH {g} {{ {g} {DCTERMS.requires.n3()} {objs} }} }}"


def _pending(store: Store) -> tuple[list, bool]:
    rows = store.select(load_query("dyads_version"))
    return [r["x"] for r in rows if r["p"] == DCTERMS.requires], any(
        r["p"] == DCTERMS.hasVersion for r in rows
    )


def dyads_current(store: Store) -> bool:
    """Did the dyads graph count every document stored (nothing pending)?"""
    pending, old_version = _pending(store)
    return not pending and not old_version


def update_dyads(store: Store) -> int:
    """Recompute the cells touched by the documents written since the last refresh (the
    recorded cells, and those the documents' events count in now); returns the number of
    cells rewritten. A store whose dyads carry a whole-store version (written before the
    incremental refresh) is refreshed whole once."""
    pending, old_version = _pending(store)
    if old_version:
        refresh_dyads(store)
        return -1
    if not pending:
        return 0
    pending = sorted(set(pending))
    cells: set = set()  # (a, b, month, class)
    for i in range(0, len(pending), _BATCH):
        for r in store.select(bind(load_query("dyad_cells"), c=pending[i : i + _BATCH])):
            cells.add((str(r["a"]), str(r["b"]), str(r["month"]), r["class"]))
    docs = [x for x in pending if str(x).startswith(str(iris.DOC))]
    events: set = set()
    for i in range(0, len(docs), _BATCH):
        events |= {
            r["ev"] for r in store.select(bind(load_query("dyad_document_events"), doc=docs[i : i + _BATCH]))
        }
    event_rows = _event_rows(store, events)
    cells |= set(_counts(event_rows))
    # every event that may count in these cells (looked up by the days of their months, all
    # months' days in a few requests), then the counts of these cells alone; the rows of the
    # documents' own events are read once (an event's rows do not depend on the request)
    days = [day for month in sorted({month for _, _, month, _ in cells}) for day in _days(month)]
    candidates: set = set()
    for i in range(0, len(days), _DAYS_BATCH):
        for name in ("dyad_cell_events", "dyad_cell_document_events"):
            chunk = days[i : i + _DAYS_BATCH]
            candidates |= {r["ev"] for r in store.select(bind(load_query(name), day=chunk))}
    rows = [r for r in event_rows if r["ev"] in candidates] + _event_rows(store, candidates - events)
    counts = {k: v for k, v in _counts(rows).items() if k in cells}
    g = iris.DYADS_GRAPH.n3()
    nodes = " ".join(cell_iri(*k).n3() for k in sorted(cells))
    dyads = " ".join(n.n3() for n in sorted({_dyad_iri(a, b) for a, b, _, _ in cells}))
    body = graph_ntriples(_cell_triples(counts))
    done = " , ".join(x.n3() for x in pending)
    store.update(f"""DELETE {{ GRAPH {g} {{ ?c ?p ?o }} }}
          WHERE {{ GRAPH {g} {{ VALUES ?c {{ {nodes} }} ?c ?p ?o }} }} ;
        DELETE {{ GRAPH {g} {{ ?d {BL.dyadCount.n3()} ?c }} }}
          WHERE {{ GRAPH {g} {{ VALUES ?c {{ {nodes} }} ?d {BL.dyadCount.n3()} ?c }} }} ;
        INSERT DATA {{ GRAPH {g} {{
{body}
        }} }} ;
        DELETE {{ GRAPH {g} {{ ?d ?p ?o }} }} WHERE {{ GRAPH {g} {{ VALUES ?d {{ {dyads} }} ?d ?p ?o
          FILTER NOT EXISTS {{ ?d {BL.dyadCount.n3()} ?c }} }} }} ;
        DELETE DATA {{ GRAPH {g} {{ {g} {DCTERMS.requires.n3()} {done} }} }}""")
    return len(cells)


def _days(month: str) -> list[Literal]:
    """The date literals of a month ("YYYY-MM"): its days as xsd:date, itself as xsd:gYearMonth."""
    try:
        last = calendar.monthrange(int(month[:4]), int(month[5:7]))[1]
    except ValueError:  # not a month of the calendar: no day of its
        last = 0
    days = [Literal(f"{month}-{d:02d}", datatype=XSD.date) for d in range(1, last + 1)]
    return days + [Literal(month, datatype=XSD.gYearMonth)]


def refresh_dyads(store: Store) -> int:
    """Recompute the whole dyads graph from every event stored (and forget what was pending);
    returns its number of triples."""
    g = dyad_graph(store.select(load_query("dyad_events")))
    store.update(replace_graph_update(iris.DYADS_GRAPH, g))
    return len(g)
