"""The dyads: a pair of countries' events that happened, per month and class, with the mean
cooperation–conflict score, so that "how did Russia–Kazakhstan relations evolve in 2022?" is
one question::

    bilat query --saved dyad_by_month --param a=Russia --param b=Kazakhstan

Counted from the events themselves when asked (``graph/queries/dyad_months.rq`` for every
pair, the saved question ``dyad_by_month`` for one), not stored: counts kept in the store were
about 44–50 quads (7.7–8.3 KB compressed) per article of the bench corpus, and every write
had to record, and every ingest to recount, the cells its events touched. Only events that
happened count (planned, hypothetical and negated ones carry bl:context); statements are not
interactions and are left out. An event counts in a pair when it has a participant in each
country (itself, or a city or body of its: ``bl:country``), in the month of its ``bl:date``,
else of its document's ``dcterms:date``; its score is its own ``bl:goldstein``, else its CAMEO
code's weight, and a cell's mean is that of its scored events.

Stores written before kept the counts in the dyads graph (``bl:Dyad`` nodes with
``bl:dyadCount``s): :func:`drop_stored_dyads` removes it at their next ingest.
"""

from __future__ import annotations

from bilat.graph import iris
from bilat.graph.sparql import load_query
from bilat.graph.store import Store


def dyad_months(store: Store) -> list[dict]:
    """Every pair of countries' events that happened per month and class: rows ``a``, ``b``
    (IRIs, ``a`` < ``b``), ``month`` ("YYYY-MM"), ``class`` (its local name), ``events``, and
    ``mean_goldstein`` where some of its events have a score."""
    return store.select(load_query("dyad_months"))


def drop_stored_dyads(store: Store) -> None:
    """Remove the dyads graph a store written before kept (the counts are now asked of the
    events; nothing reads it)."""
    g = iris.DYADS_GRAPH.n3()
    if store.ask(f"ASK {{ GRAPH {g} {{ ?s ?p ?o }} }}"):
        store.update(f"DROP SILENT GRAPH {g}")
