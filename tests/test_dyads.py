"""The dyads counted from the events when asked (``dyad_months.rq``, the saved question
``dyad_by_month``): after any sequence of writes, re-writes and replacements, the counts are
those of the documents' current versions, with nothing stored or refreshed for them."""

from decimal import ROUND_HALF_UP, Decimal

import pytest

from bilat.extract.records import Document, Entity, Event, Extraction, Mention
from bilat.graph import iris
from bilat.graph.dyads import dyad_months
from bilat.graph.kb import entries_by_key
from bilat.graph.saved import prepare
from bilat.graph.triples import event_iri
from bilat.graph.write import write_extraction
from bilat.ontology import cameo_weights, implied_cameo

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
    ("d", 1): ("2022-10-03", [event(5, "Statement", RK)]),  # a statement is no interaction
}


def extraction(doc_id: str, version: int) -> Extraction:
    date, events = DOCS[(doc_id, version)]
    members = sorted({k for e in events for k in e.participants}) or ["russia"]
    doc = Document(doc_id, TEXT, "en", date=date)
    return Extraction(doc, tuple(country(k) for k in members), (), tuple(events))


SEQUENCES = {
    "one document": [("a", 1)],
    "two documents": [("a", 1), ("b", 1)],
    "re-ingest unchanged": [("a", 1), ("a", 1)],
    "replaced document": [("a", 1), ("b", 1), ("a", 2)],
    "replaced by no events": [("a", 1), ("b", 1), ("a", 3)],
    "event becomes planned": [("b", 1), ("a", 1), ("b", 2)],
    "many": [("a", 1), ("b", 1), ("c", 1), ("d", 1), ("a", 2), ("b", 2)],
}


def expected(versions: dict[str, int]) -> list[tuple]:
    """The counts by hand from the current versions: an event reported by several documents
    (one node) counts once; its score is its lowest own one, else its code's weight."""
    events: dict = {}
    for doc_id, version in versions.items():
        date, evs = DOCS[(doc_id, version)]
        for ev in evs:
            if ev.context or ev.cls == "Statement":
                continue
            e = events.setdefault(event_iri(ev, doc_id), {"cls": ev.cls, "months": set(), "own": set()})
            e["months"].add((ev.date or date)[:7])
            e["members"] = ev.participants
            weight = cameo_weights().get(implied_cameo(ev.cls, ev.mode) or "")
            e["weight"] = weight
            if ev.goldstein is not None and Decimal(str(ev.goldstein)) != weight:
                e["own"].add(Decimal(str(ev.goldstein)))
    cells: dict = {}
    for e in events.values():
        score = min(e["own"]) if e["own"] else e["weight"]
        ids = sorted(str(iris.entity(k)) for k in e["members"])
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                cells.setdefault((a, b, min(e["months"]), e["cls"]), []).append(score)
    return [
        (a, b, month, cls, len(s), (sum(s) / len(s)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
        for (a, b, month, cls), s in sorted(cells.items())
    ]


def rows_of(store) -> list[tuple]:
    return [
        (
            str(r["a"]),
            str(r["b"]),
            str(r["month"]),
            str(r["class"]),
            int(r["events"]),
            Decimal(str(r["mean_goldstein"])),
        )
        for r in dyad_months(store)
    ]


@pytest.mark.parametrize("name", sorted(SEQUENCES))
def test_the_counts_follow_every_write_with_no_refresh(store, name):
    kb = entries_by_key()
    versions: dict[str, int] = {}
    for doc_id, version in SEQUENCES[name]:
        write_extraction(store, extraction(doc_id, version), kb)
        versions[doc_id] = version
        assert rows_of(store) == expected(versions)
    assert not store.ask(f"ASK {{ GRAPH {iris.DYADS_GRAPH.n3()} {{ ?s ?p ?o }} }}")  # nothing stored


def test_two_documents_by_hand(store):
    kb = entries_by_key()
    for doc_id in ("a", "b"):
        write_extraction(store, extraction(doc_id, 1), kb)
    ru, kz, cn = (str(iris.entity(k)) for k in ("russia", "kazakhstan", "china"))
    consult = cameo_weights()["040"]
    sanction = cameo_weights()[implied_cameo("Sanction", None)]
    assert rows_of(store) == [
        (cn, ru, "2022-10", "Sanction", 1, sanction),  # undated: its document's month
        # one agreement reported twice (8.0 and 4.0): counted once
        (kz, ru, "2022-10", "Agree", 1, Decimal("4.00")),
        (kz, ru, "2022-10", "Consult", 1, consult),
    ]


@pytest.mark.parametrize(
    "scores, mean",
    [
        ((-0.1, 0.0, 0.0, 0.0), "-0.03"),  # -0.025: a half goes away from zero
        ((0.1, 0.0, 0.0, 0.0), "0.03"),
        ((-2.0, -3.0, 1.0), "-1.33"),
        ((5.0,), "5"),
    ],
)
def test_the_mean_score_is_rounded_to_hundredths_halves_away_from_zero(store, scores, mean):
    events = tuple(event(i, "Cooperate", RK, None, g) for i, g in enumerate(scores))
    ex = Extraction(
        Document("r", TEXT, "en", date="2021-03-04"), (country("russia"), country("kazakhstan")), (), events
    )
    write_extraction(store, ex, entries_by_key())
    [row] = rows_of(store)
    assert row[2:5] == ("2021-03", "Cooperate", len(scores)) and row[5] == Decimal(mean)


def test_the_saved_question_gives_one_pair_in_either_order(store):
    kb = entries_by_key()
    for doc_id in ("a", "b", "c"):
        write_extraction(store, extraction(doc_id, 1), kb)
    all_rows = rows_of(store)
    ru, kz = str(iris.entity("russia")), str(iris.entity("kazakhstan"))
    want = [(m, c, n, s) for a, b, m, c, n, s in all_rows if (a, b) == (kz, ru)]
    assert len(want) == 3
    for a, b in (("Russia", "Kazakhstan"), ("kazakhstan", "russia")):
        got = [
            (str(r["month"]), str(r["class"]), int(r["events"]), Decimal(str(r["mean_goldstein"])))
            for r in store.select(prepare(store, "dyad_by_month", {"a": a, "b": b}))
        ]
        assert got == want
    assert store.select(prepare(store, "dyad_by_month", {"a": "Russia", "b": "Russia"})) == []
