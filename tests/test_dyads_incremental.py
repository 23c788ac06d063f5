"""The incremental refresh of the dyads graph (issue 12): after any sequence of writes,
re-writes, replacements and writers killed before their refresh, ``update_dyads`` leaves the
dyads graph a full recompute (``refresh_dyads``) gives, on a local and a remote store."""

import pytest

from bilat.extract.records import Document, Entity, Event, Extraction, Mention
from bilat.graph import iris
from bilat.graph.dyads import dyads_current, refresh_dyads, update_dyads
from bilat.graph.kb import entries_by_key
from bilat.graph.write import write_extraction

COUNTRIES = {"russia": "Russia", "kazakhstan": "Kazakhstan", "china": "China"}
TEXT = "Russia and Kazakhstan and China met. " * 6


def country(key: str) -> Entity:
    name = COUNTRIES[key]
    return Entity(key, "Country", (("en", name),), (), (Mention(0, len(name), name, "GPE"),), in_kb=True)


def event(i: int, cls: str, members: tuple, date=None, goldstein=None, context=None) -> Event:
    start = 37 * i
    return Event(
        cls,
        "met",
        start + 32,
        start + 35,
        TEXT[start : start + 36],
        start,
        start + 36,
        participants=members,
        date=date,
        date_precision="day" if date else None,
        goldstein=goldstein,
        context=context,
    )


RK, RC, RKC = ("russia", "kazakhstan"), ("russia", "china"), ("russia", "kazakhstan", "china")
# documents by (id, version): their date and events
DOCS = {
    ("a", 1): ("2022-10-14", [event(0, "Agree", RK, "2022-10-14", 8.0), event(1, "Consult", RK)]),
    ("a", 2): ("2022-11-02", [event(0, "Consult", RKC, None, 1.0), event(1, "Agree", RC, "2022-10-01")]),
    ("a", 3): ("2022-11-02", []),  # replaced by a text without events
    ("b", 1): ("2022-10-20", [event(0, "Agree", RK, "2022-10-14", 4.0), event(2, "Sanction", RC)]),
    ("b", 2): ("2022-10-20", [event(0, "Agree", RK, "2022-10-14", 4.0, context="planned")]),
    ("c", 1): ("2023-01-05", [event(3, "Consult", RKC, "2023-01-05", 1.0), event(4, "Aid", RC)]),
}


def extraction(doc_id: str, version: int) -> Extraction:
    date, events = DOCS[(doc_id, version)]
    members = sorted({k for e in events for k in e.participants}) or ["russia"]
    doc = Document(doc_id, TEXT, "en", date=date)
    return Extraction(doc, tuple(country(k) for k in members), (), tuple(events))


# a step: ("write", id, version) then the refresh; ("killed", id, version): written, and the
# writer killed before its refresh
SEQUENCES = {
    "one document": [("write", "a", 1)],
    "two documents": [("write", "a", 1), ("write", "b", 1)],
    "re-ingest unchanged": [("write", "a", 1), ("write", "a", 1)],
    "replaced document": [("write", "a", 1), ("write", "b", 1), ("write", "a", 2)],
    "replaced by no events": [("write", "a", 1), ("write", "b", 1), ("write", "a", 3)],
    "event becomes planned": [("write", "b", 1), ("write", "a", 1), ("write", "b", 2)],
    "killed writer": [("write", "a", 1), ("killed", "b", 1), ("write", "c", 1)],
    "killed, then replaced": [("write", "a", 1), ("killed", "a", 2), ("killed", "b", 1), ("write", "a", 3)],
    "killed last": [("write", "a", 1), ("write", "b", 1), ("killed", "a", 2)],
    "many": [("write", "a", 1), ("write", "b", 1), ("write", "c", 1), ("write", "a", 2), ("write", "b", 2)],
}


def dyad_nquads(store) -> list[str]:
    g = iris.DYADS_GRAPH.n3()
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
    return sorted(f"{r['s'].n3()} {r['p'].n3()} {r['o'].n3()} {g} ." for r in rows)


@pytest.mark.parametrize("name", sorted(SEQUENCES))
def test_incremental_dyads_equal_a_full_recompute(store, name):
    kb = entries_by_key()
    for step, doc_id, version in SEQUENCES[name]:
        write_extraction(store, extraction(doc_id, version), kb)
        assert not dyads_current(store)  # recorded with the write itself
        if step == "write":
            update_dyads(store)
            assert dyads_current(store)
    update_dyads(store)  # the next ingest: what the killed writer missed is counted
    assert dyads_current(store)
    incremental = dyad_nquads(store)
    refresh_dyads(store)
    assert incremental == dyad_nquads(store)
    assert dyads_current(store)


def test_an_update_reads_only_the_cells_touched(store):
    """A new document in another month and pair: the cells already counted are not rewritten."""
    kb = entries_by_key()
    write_extraction(store, extraction("a", 1), kb)
    update_dyads(store)
    assert update_dyads(store) == 0  # nothing pending: nothing read
    write_extraction(store, extraction("c", 1), kb)
    touched = update_dyads(store)
    assert touched == 4  # c's cells: 2023-01 Consult x 3 pairs, Aid for Russia-China


def test_a_store_with_a_whole_store_version_is_refreshed_once(store):
    from rdflib import Literal
    from rdflib.namespace import DCTERMS

    kb = entries_by_key()
    write_extraction(store, extraction("a", 1), kb)
    update_dyads(store)
    g = iris.DYADS_GRAPH.n3()
    store.update(f"INSERT DATA {{ GRAPH {g} {{ {g} {DCTERMS.hasVersion.n3()} {Literal('x').n3()} }} }}")
    assert not dyads_current(store)
    update_dyads(store)
    assert dyads_current(store)


class _Fixed:
    """An extractor pool that returns the extractions given (no models)."""

    workers = 1

    def __init__(self, extractions):
        self.by_id = {ex.document.id: ex for ex in extractions}

    def map(self, docs):
        for doc in docs:
            yield doc, ("ok", self.by_id[doc.id], None)

    def close(self) -> None:
        pass


def test_a_long_ingest_refreshes_the_dyads_as_it_goes(store, monkeypatch):
    """Every DYADS_EVERY documents written the dyads follow (what a refresh holds stays bounded
    on a huge input), and the graph is the full recompute's at the end."""
    from bilat import app
    from bilat.graph import dyads

    exs = [extraction("a", 1), extraction("b", 1), extraction("c", 1)]
    refreshes: list[str] = []
    for name in ("update_dyads", "refresh_dyads"):
        real = getattr(dyads, name)
        monkeypatch.setattr(dyads, name, lambda st, name=name, real=real: refreshes.append(name) or real(st))
    monkeypatch.setattr(app, "DYADS_EVERY", 2)
    s = app.ingest([], store=store, documents=[ex.document for ex in exs], extractors=_Fixed(exs))
    assert s.documents == 3
    # after the second document (whole: the store had no document before), and at the end
    assert refreshes == ["refresh_dyads", "update_dyads"]
    assert dyads_current(store)
    incremental = dyad_nquads(store)
    refresh_dyads(store)
    assert incremental == dyad_nquads(store)
