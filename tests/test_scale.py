"""Issue 12: the compact graph, ingest on many cores or a Dask cluster, streaming input, and a
remote store that refuses to lie. Real pipelines, real Oxigraph stores and servers; no timings
(those are in ``make bench``)."""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


REGRESSION = ROOT / "tests" / "regression"
BILAT = [sys.executable, "-m", "bilat"]


# ----------------------------------------------------------------------------- pure functions


@pytest.mark.parametrize(
    "spans, text",
    [
        ([(0, 6)], "0-6"),
        ([(40, 46), (0, 6)], "0-6 40-46"),
        ([(5, 9), (5, 9), (1, 2)], "1-2 5-9"),
        ([], ""),
    ],
)
def test_spans_literal(spans, text):
    from bilat.graph.triples import format_spans, parse_spans

    assert format_spans(spans) == text
    assert parse_spans(text) == sorted(set(spans))


@pytest.mark.parametrize(
    "cameo, goldstein, stated",
    [
        ("042", 1.9, None),  # the code's weight (bl:CameoCode): not stated on the event
        ("010", 0.0, None),
        ("042", 2.5, "2.5"),  # another score than its code's: stated
        (None, 3.0, "3.0"),  # no code: stated
        ("999", 1.0, "1.0"),  # a code the ontology does not know: stated
        ("042", None, None),
    ],
)
def test_goldstein_is_stated_only_where_it_is_not_the_codes(cameo, goldstein, stated):
    from bilat.extract.records import Document, Event, Extraction
    from bilat.graph.triples import document_graphs
    from bilat.ontology.namespace import BL

    ev = Event("Consult", "met", 0, 3, "We met.", 0, 7, mode="visit", cameo=cameo, goldstein=goldstein)
    g, facts = document_graphs(Extraction(Document("a", "We met.", "en"), (), (), (ev,)))
    assert [str(o) for s, p, o in g | facts if p == BL.goldstein] == ([stated] if stated else [])


@pytest.mark.parametrize(
    "cls, mode, cameo, stated",
    [
        ("Consult", "visit", "042", None),  # its mode's code (bl:modeCameoCode): not stated
        ("Consult", "phone", "041", None),
        ("Consult", "host", "043", None),
        ("Consult", "meet", "040", None),  # no code of its mode: its class's default
        ("Consult", None, "040", None),
        ("Consult", "visit", "040", "040"),  # another code than its mode's: stated
        ("Consult", "meet", "042", "042"),
        ("Agree", None, "057", None),
        ("Agree", None, "061", "061"),
    ],
)
def test_a_code_is_stated_only_where_neither_mode_nor_class_says_it(cls, mode, cameo, stated):
    from bilat.extract.records import Document, Event, Extraction
    from bilat.graph.triples import document_graphs
    from bilat.ontology import event_cameo
    from bilat.ontology.namespace import BL

    ev = Event(cls, "met", 0, 3, "We met.", 0, 7, mode=mode, cameo=cameo)
    g, facts = document_graphs(Extraction(Document("a", "We met.", "en"), (), (), (ev,)))
    codes = [str(o) for s, p, o in g | facts if p == BL.cameoCode]
    assert codes == ([stated] if stated else [])
    # what the readers take (stated, else the mode's, else the class's) is the extractor's code
    assert event_cameo(cls, codes, [mode] if mode else []) == [cameo]


def test_compact_keeps_every_quad_and_shrinks_the_store(tmp_path, capsys):
    """``bilat compact`` rewrites the store compressed: the same quads (named graphs kept),
    fewer bytes, a store that opens and answers as before."""
    import pyoxigraph

    from bilat.cli import main
    from bilat.graph.store import compact_store, ensure_ontology, open_store

    path = tmp_path / "store"
    st = open_store(str(path), create=True)
    ensure_ontology(st)
    g = "<https://w3id.org/bilat/graph/doc/a>"
    st.update(
        f"INSERT DATA {{ GRAPH {g} {{ "
        + " ".join(f'<urn:s{i}> <urn:p> "value number {i} of the document"@en .' for i in range(3000))
        + " } }"
    )
    st.close()
    del st

    def nquads():
        ox = pyoxigraph.Store.read_only(str(path))
        return sorted(str(q) for q in ox)

    before = nquads()
    quads, size_before, size_after = compact_store(str(path))
    assert quads == len(before) and nquads() == before and size_after < size_before * 0.75
    assert main(["compact", "--store", str(path)]) == 0  # again, from the command line
    assert capsys.readouterr().out.startswith(f"compacted: {len(before)} quads")
    assert nquads() == before
    assert not list(tmp_path.glob("store.*"))  # no folder left beside the store
    with open_store(str(path), read_only=True) as st:
        rows = st.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
        assert int(rows[0]["n"]) == 3000


def test_reopening_the_store_leaves_no_old_info_logs(tmp_path):
    """Each read-write open of RocksDB renames its info log (~140 KB) and keeps the old one: a
    writer removes them, so the folder does not grow by a log per ingest; a reader writes none."""
    from bilat.graph.store import open_store

    path = tmp_path / "store"
    for _ in range(3):
        with open_store(str(path), create=True) as st:
            st.update('INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> "o" } }')
    with open_store(str(path), read_only=True) as st:
        assert int(st.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"]) == 1
    names = {f.name for f in path.iterdir()}
    assert "LOG" in names and not [n for n in names if n.startswith("LOG.old")]


def test_compact_refuses_what_is_not_an_embedded_store(tmp_path):
    from bilat.graph.store import StoreError, compact_store

    with pytest.raises(StoreError, match="remote"):
        compact_store("sparql+http://127.0.0.1:1/")
    with pytest.raises(StoreError, match="not a store"):
        compact_store(str(tmp_path))


def test_a_surface_form_that_is_a_knowledge_base_name_is_not_stated_again():
    """The entities graph holds a KB entry's label and other names (rdfs:label, skos:altLabel)
    once; the other forms a document uses (an inflected form, a spelling) are stated once in the
    facts graph, and the document names their keys (bl:surfaceForms)."""
    from rdflib.namespace import SKOS

    from bilat.extract.records import Alias, Document, Entity, Extraction, KBEntry
    from bilat.graph.triples import document_graphs, form_key
    from bilat.ontology.namespace import BL

    kb = {
        "russia": KBEntry(
            "russia",
            "Country",
            labels=(("en", "Russia"), ("ru", "Россия")),
            aliases=(Alias("Russian Federation", "en"), Alias("russian", "en", "adjective")),
        )
    }
    seen = (("en", "Russia"), ("en", "Russian Federation"), ("ru", "России"), ("en", "russian"))
    ents = (
        Entity("russia", "Country", alt_labels=seen, in_kb=True),
        Entity("person/x", "Person", labels=(("en", "X Y"),), alt_labels=(("en", "X Y"),)),
    )
    ex = Extraction(Document("a", "text", "en"), ents)
    stated = lambda g: sorted((s.rsplit("/", 1)[-1], str(o)) for s, p, o in g if p == SKOS.altLabel)  # noqa: E731
    doc_g, facts = document_graphs(ex, kb=kb)
    # the other forms: once in the store (facts graph), the document naming their keys
    assert stated(facts) == [("russia", "russian"), ("russia", "России"), ("x", "X Y")]
    assert stated(doc_g) == []
    (record,) = [str(o) for s, p, o in doc_g if p == BL.surfaceForms]
    assert sorted(record.split()) == sorted(
        {
            form_key("russia", "en", "russian"),
            form_key("russia", "ru", "России"),
            form_key("person/x", "en", "X Y"),
        }
    )
    assert len(stated(document_graphs(ex)[1])) == 5  # without the KB: every form


_TALKS = "Russia and Kazakhstan held talks on Tuesday. The sides said more."


def _report(**kw):
    """One document reporting one event (an undated Statement unless ``kw`` says otherwise)."""
    from bilat.extract.records import Document, Event, Extraction

    ev = dict(cls="Statement", trigger="said", start=52, end=56, evidence="The sides said more.")
    ev.update(sentence_start=43, sentence_end=63, participants=("russia", "kazakhstan"))
    ev.update(kw)
    return Extraction(Document("a", _TALKS, "en", date="2024-05-14"), events=(Event(**ev),))


@pytest.mark.parametrize(
    "mode, event, stated",
    [
        # an inherited date states no precision (bl:Event's bl:defaultDatePrecision "document")
        ("compact", {}, {"date": ["2024-05-14"], "datePrecision": []}),
        # a date of the text states its precision, the extractor's or the literal's form
        ("compact", {"date": "2024-05-14", "date_precision": "day"}, {"datePrecision": ["day"]}),
        ("compact", {"date": "2024-05"}, {"datePrecision": ["month"]}),
        # implicit participants: one literal on the document (trigger words: none) ...
        ("compact", {"implicit": ("russia",)}, {"trigger": [], "implicitParticipant": [], "participant": 2}),
        ("none", {"implicit": ("russia",)}, {"trigger": [], "implicitParticipant": []}),
        # ... or triples of the event (full)
        ("full", {"implicit": ("russia",)}, {"trigger": ["said"], "implicitParticipant": ["russia"]}),
    ],
)
def test_what_an_event_states_in_each_mention_mode(mode, event, stated):
    from bilat.graph.triples import document_graphs, event_key, parse_entity_spans, parse_event_triggers
    from bilat.ontology.namespace import BL

    ex = _report(**event)
    g, facts = document_graphs(ex, mentions=mode)
    both = g | facts
    for prop, want in stated.items():
        got = sorted(str(o).rsplit("/", 1)[-1] for s, p, o in both if p == BL[prop])
        assert (len(got) if isinstance(want, int) else got) == want, prop
    literals = {
        str(p).rsplit("#", 1)[-1]: str(o)
        for s, p, o in g
        if p in (BL.eventTriggers, BL.eventImplicitParticipants, BL.eventSpans)
    }
    assert "eventTriggers" not in literals  # the words: the text at bl:eventSpans, or full's bl:trigger
    if mode == "full":
        assert literals == {}
    else:
        (node,) = {s for s, p, o in both if p == BL.evidence}
        key = event_key(node)
        assert parse_entity_spans(literals["eventSpans"]) == {key: [(52, 56)]}
        implicit = parse_event_triggers(literals.get("eventImplicitParticipants", ""))
        assert implicit == ({key: list(event["implicit"])} if "implicit" in event else {})


@pytest.mark.parametrize(
    "post_date, doc_date, stated",
    [
        # the day a post was reported is its document's dcterms:date: not stated again
        ("2024-05-14", "2024-05-14", []),
        # another day (none is made so today) is the post's own
        ("2024-05-01", "2024-05-14", ["2024-05-01"]),
        (None, "2024-05-14", []),
    ],
)
def test_a_post_states_no_date_that_is_its_documents(post_date, doc_date, stated):
    from bilat.extract.records import Document, Extraction, Position
    from bilat.graph.triples import document_graphs
    from bilat.ontology.namespace import BL

    post = Position(
        "sergey-lavrov", "Minister of Foreign Affairs", "russia", 0, 6, "Lavrov said.", date=post_date
    )
    ex = Extraction(Document("a", "Lavrov said.", "en", date=doc_date), positions=(post,))
    g, facts = document_graphs(ex)
    assert sorted(str(o) for s, p, o in g | facts if p == BL.date) == stated
    assert any(p == BL.extractedFrom for s, p, o in g)  # the document, and so its date


@pytest.mark.parametrize(
    "name, ext",
    [
        ("a.txt", ".txt"),
        ("A.JSONL", ".jsonl"),
        ("news.jsonl.gz", ".jsonl.gz"),
        ("x.JSONL.GZ", ".jsonl.gz"),
        ("x.gz", ".gz"),
        (".jsonl.gz", ".gz"),
        ("README", ""),
    ],
)
def test_extension(name, ext):
    from bilat.extract.ingest import extension

    assert extension(name) == ext


def test_progress_lines_every_n_documents_or_seconds():
    from bilat.app import IngestSummary, Progress

    now = [0.0]
    out = io.StringIO()
    p = Progress("lines", every=3, seconds=10.0, out=out, clock=lambda: now[0])
    s = IngestSummary()
    for t in (1, 2, 3, 4, 15, 16):  # 3rd and 6th documents (count), 5th (12 s since the last)
        now[0] = float(t)
        s.documents += 1
        p.step(s)
    lines = out.getvalue().splitlines()
    assert lines == [
        "ingest: 3 documents read (3 written, 0 unchanged, 0 skipped, 0 failed), 1.0 documents/s, 3 s",
        "ingest: 5 documents read (5 written, 0 unchanged, 0 skipped, 0 failed), 0.3 documents/s, 15 s",
        "ingest: 6 documents read (6 written, 0 unchanged, 0 skipped, 0 failed), 0.4 documents/s, 16 s",
    ]


def test_no_progress_without_a_mode():
    from bilat.app import IngestSummary, Progress

    out = io.StringIO()
    p = Progress(None, every=1, out=out)
    p.step(IngestSummary())
    assert out.getvalue() == ""


# ----------------------------------------------------------------------------- helpers


def _docs(n_regression: int = 4):
    from bilat.extract.ingest import read_documents

    files = sorted(REGRESSION.glob("*.json"))[:n_regression]
    docs, problems = read_documents([EXAMPLES, *files])
    assert not problems
    return docs


def _nquads(store) -> list[str]:
    """Sorted N-Quads of a store, blank node labels (the ontology's lists) made equal."""
    data = store.ox.dump(format=__import__("pyoxigraph").RdfFormat.N_QUADS).decode("utf-8")
    return sorted(re.sub(r"_:[A-Za-z0-9]+", "_:b", line) for line in data.splitlines())


def _ingest(tmp_path, name, docs, **kw):
    from bilat import app
    from bilat.graph.store import open_store

    problems: list[str] = []
    st = open_store(str(tmp_path / name), create=True)
    summary = app.ingest([], store=st, documents=docs, on_problem=problems.append, **kw)
    return st, summary, problems


# ----------------------------------------------------------------------------- compact graph


def test_mention_modes(tmp_path):
    from bilat.evaluate.stored import trigger_spans

    docs = _docs(2)
    counts = {}
    for mode in ("full", "compact", "none"):
        st, summary, problems = _ingest(tmp_path, mode, docs, mentions=mode)
        assert not problems and summary.documents == len(docs)
        counts[mode] = st.quad_count()
        n = lambda q, st=st: int(st.select(q)[0]["n"])  # noqa: E731
        mentions = n("SELECT (COUNT(*) AS ?n) WHERE { ?m a bl:Mention }")
        spans = n("SELECT (COUNT(*) AS ?n) WHERE { ?d a bl:Document ; bl:entitySpans ?s }")
        triggers = n("SELECT (COUNT(*) AS ?n) WHERE { ?d a bl:Document ; bl:eventSpans ?s }")
        words = n("SELECT (COUNT(*) AS ?n) WHERE { ?d a bl:Document ; bl:eventTriggers ?s }")
        per_event = n("SELECT (COUNT(*) AS ?n) WHERE { ?e bl:trigger ?s }")
        assert n("SELECT (COUNT(*) AS ?n) WHERE { ?e bl:triggerSpan ?s }") == 0
        args = n("SELECT (COUNT(*) AS ?n) WHERE { ?e bl:argumentSpans ?s }")
        arg_nodes = n("SELECT (COUNT(*) AS ?n) WHERE { ?a a bl:Argument }")
        if mode == "full":
            assert mentions > 0 and arg_nodes > 0 and spans == 0 and args == 0 and triggers == 0
            assert per_event > 0
        elif mode == "compact":
            assert mentions == 0 and arg_nodes == 0 and spans > 0 and args == 0 and triggers > 0
        else:
            assert mentions == spans == args == arg_nodes == 0 and triggers > 0
        if mode != "full":  # the trigger words: the text at the offsets (full: bl:trigger)
            assert per_event == 0
        assert words == 0
        # every mode keeps what bilat eval reads: each event's trigger offsets in its document
        doc = st.select("SELECT ?d WHERE { ?d a bl:Document } ORDER BY ?d LIMIT 1")[0]["d"]
        spans = trigger_spans(st, doc)
        assert spans and all(s < e for pairs in spans.values() for s, e in pairs)
        # the example queries of the contract see the same facts
        st.close()
    assert counts["none"] < counts["compact"] < counts["full"] * 0.7


def test_compact_spans_point_at_the_entity_names(tmp_path):
    from bilat.graph import iris
    from bilat.graph.triples import parse_entity_spans

    docs = _docs(0)
    st, _, _ = _ingest(tmp_path, "s", docs)
    text = {d.id: d.text for d in docs}
    rows = st.select("""SELECT ?id ?spans WHERE { ?d bl:entitySpans ?spans ; dcterms:identifier ?id }""")
    assert rows
    labels: dict = {}
    for r in st.select("SELECT ?e ?label WHERE { ?e bl:mentionedIn ?d ; rdfs:label ?label }"):
        labels.setdefault(str(r["e"]), []).append(str(r["label"]))
    hits = 0
    for r in rows:
        spans = parse_entity_spans(str(r["spans"]))
        mentioned = {
            str(x["e"])
            for x in st.select(
                f"SELECT ?e WHERE {{ ?e bl:mentionedIn ?d . ?d dcterms:identifier {r['id'].n3()} }}"
            )
        }
        assert {str(iris.entity(k)) for k in spans} <= mentioned
        for key, pairs in spans.items():
            for s, e in pairs:
                assert 0 <= s < e <= len(text[str(r["id"])])
                words = text[str(r["id"])][s:e].lower()
                hits += any(lab[:3].lower() in words for lab in labels.get(str(iris.entity(key)), []))
    assert hits > 0


def test_trigger_spans_point_at_the_triggers(tmp_path):
    """Every event the document reports is in its bl:eventSpans, each span at its trigger or at
    words that tell it again: the words of one of its mention nodes in the full mode."""
    from bilat.graph.triples import event_from_key, parse_entity_spans

    docs = _docs(0)
    st, _, _ = _ingest(tmp_path, "t", docs)
    text = {d.id: d.text for d in docs}
    rows = st.select("""SELECT ?id ?spans WHERE { GRAPH ?g { ?d bl:eventSpans ?spans ;
        dcterms:identifier ?id } }""")
    assert rows
    assert st.select("SELECT ?ev WHERE { ?ev bl:trigger ?t } LIMIT 1") == []  # full mode only
    # the words at each span are those of a mention of the event, as the full mode states them
    # (its trigger's, bl:trigger, among them)
    full, _, _ = _ingest(tmp_path, "full", docs, mentions="full")
    triggers: dict = {}
    for x in full.select("SELECT ?ev ?w WHERE { ?m bl:refersTo ?ev ; bl:anchor ?w . ?ev bl:trigger ?t }"):
        triggers.setdefault(x["ev"], set()).add(" ".join(str(x["w"]).split()))
    checked = 0
    for r in rows:
        spans = parse_entity_spans(str(r["spans"]))
        reported = st.select(f"""SELECT ?ev WHERE {{ GRAPH ?g {{ ?ev bl:extractedFrom ?d }}
            ?d dcterms:identifier {r["id"].n3()} FILTER(CONTAINS(STR(?ev), "/id/event/")) }}""")
        assert {str(x["ev"]) for x in reported} == {str(event_from_key(k)) for k in spans}
        for key, pairs in spans.items():
            for s, e in pairs:
                assert " ".join(text[str(r["id"])][s:e].split()) in triggers[event_from_key(key)]
                checked += 1
    assert checked > 0


# ----------------------------------------------------------------------------- parallel ingest


def test_jobs_and_order_give_the_same_graph(tmp_path):
    docs = _docs(4)
    one, s1, p1 = _ingest(tmp_path, "one", docs)
    two, s2, p2 = _ingest(tmp_path, "two", list(reversed(docs)), jobs=2)
    assert not p1 and not p2
    assert s1.documents == s2.documents == len(docs)
    assert (s1.entities, s1.events, s1.triples) == (s2.entities, s2.events, s2.triples)
    assert _nquads(one) == _nquads(two)


def test_dask_cluster_reports_a_failing_document_and_goes_on(tmp_path, monkeypatch):
    from distributed import Client, LocalCluster

    from bilat.extract.pipeline import Extractor

    real = Extractor.__call__

    def flaky(self, doc):
        if doc.id == "boom":
            raise RuntimeError("cannot extract this one")
        return real(self, doc)

    monkeypatch.setattr(Extractor, "__call__", flaky)
    from bilat.extract.records import Document

    docs = _docs(2)
    boom = Document(id="boom", text="Russia and Kazakhstan signed an agreement.", lang="en", path="boom.txt")
    with (
        LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        st, summary, problems = _ingest(tmp_path, "dask", [docs[0], boom, *docs[1:]], dask=client)
    assert summary.documents == len(docs) and summary.failed == 1
    assert problems == ["boom.txt: failed: RuntimeError: cannot extract this one"]
    ref, _, _ = _ingest(tmp_path, "ref", docs)
    assert _nquads(st) == _nquads(ref)


def test_what_a_first_document_loads_is_kept_from_the_collector_at_the_next_call(monkeypatch):
    from bilat.extract import nlp
    from bilat.extract.pipeline import Extractor

    kept = []
    monkeypatch.setattr(nlp, "keep_loaded", lambda: kept.append(1))
    ex = Extractor.__new__(Extractor)  # (no knowledge base needed)
    ex._read, ex._warm = set(), False
    # languages of a call → calls of keep_loaded so far
    for langs, calls in ((["ru"], 0), (["ru"], 1), (["ru"], 1), (["en", "ru"], 1), ([], 2), (["en"], 2)):
        ex._keep_warm(langs)
        assert len(kept) == calls, (langs, calls)


def test_batch_collection_turns_the_collector_on_again_when_the_last_batch_ends():
    import gc

    from bilat.extract.nlp import batch_collection

    assert gc.isenabled()
    with batch_collection():
        with batch_collection():  # a second batch under way (another thread)
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), batch_collection():
        raise RuntimeError("a failing batch")
    assert gc.isenabled()
    gc.disable()  # a process that had it off keeps it off
    try:
        with batch_collection():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


# ----------------------------------------------------------------------------- streaming input


def _jsonl(docs) -> bytes:
    return "".join(
        json.dumps(
            {"id": d.id, "text": d.text, "lang": d.lang, "title": d.title, "date": d.date}, ensure_ascii=False
        )
        + "\n"
        for d in docs
    ).encode()


def test_jsonl_gz_and_stdin_read_lazily(tmp_path):
    from bilat.extract.ingest import read_paths, stream_jsonl

    docs = _docs(2)
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(_jsonl(docs) + b"{broken\n" + "\ufeff".encode() + b"\xff\n"))
    items = read_paths([path])
    first = next(items)  # a generator: the first document comes before the file is read
    assert first.id == docs[0].id
    rest = list(items)
    assert [d.id for d in rest[: len(docs) - 1]] == [d.id for d in docs[1:]]
    assert [str(p) for p in rest[len(docs) - 1 :]] == [
        f"{path}:{len(docs) + 1}: invalid JSON: Expecting property name enclosed in double quotes (column 2)",
        f"{path}:{len(docs) + 2}: invalid UTF-8 at column 4",
    ]
    # UTF-16 with a BOM, streamed
    utf16 = io.BufferedReader(io.BytesIO(_jsonl(docs[:1]).decode().encode("utf-16")))
    assert [d.id for d in stream_jsonl(utf16, "x")] == [docs[0].id]


def test_cli_reads_stdin_with_progress_lines(tmp_path):
    docs = _docs(0)
    store = tmp_path / "store"
    p = subprocess.run(
        [*BILAT, "ingest", "-", "--store", str(store), "--progress-every", "1"],
        input=_jsonl(docs),
        capture_output=True,
        cwd=tmp_path,
        timeout=600,
    )
    assert p.returncode == 0, p.stderr
    err = p.stderr.decode().splitlines()
    assert [re.sub(r", [\d.]+ documents/s, \d+ s$", "", ln) for ln in err] == [
        f"ingest: {i} documents read ({i} written, 0 unchanged, 0 skipped, 0 failed)"
        for i in range(1, len(docs) + 1)
    ]
    assert p.stdout.decode().startswith(f"{len(docs)} documents ingested")


# ----------------------------------------------------------------------------- remote store


def _start_server(tmp_path, *extra) -> tuple[subprocess.Popen, str]:
    import socket

    binary = Path(sys.executable).parent / "oxigraph"
    port = free_port()
    proc = subprocess.Popen(
        [str(binary), "serve", "--location", str(tmp_path / "remote"), "--bind", f"127.0.0.1:{port}", *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc, f"sparql+http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    proc.kill()
    pytest.fail("oxigraph server did not start")


def test_remote_store_without_union_default_graph_is_refused(tmp_path):
    proc, url = _start_server(tmp_path)  # a plain `oxigraph serve`
    try:
        p = subprocess.run(
            [*BILAT, "ingest", str(EXAMPLES), "--store", url], capture_output=True, text=True, timeout=600
        )
        assert p.returncode == 2
        assert p.stderr.count("\n") == 1
        assert "default graph is not the union of its named graphs" in p.stderr
        assert "oxigraph serve --union-default-graph" in p.stderr
        from bilat.graph.store import open_store

        st = open_store(url)  # nothing written, the probe removed
        assert st.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"].toPython() == 0
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_remote_export_keeps_named_graphs(tmp_path, oxigraph_server):
    from rdflib import Dataset

    p = subprocess.run(
        [*BILAT, "ingest", str(EXAMPLES), "--store", oxigraph_server],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert p.returncode == 0, p.stderr
    for fmt in ("trig", "nquads"):
        out = tmp_path / f"dump.{fmt}"
        p = subprocess.run(
            [*BILAT, "export", "--format", fmt, "-o", str(out), "--store", oxigraph_server],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert p.returncode == 0, p.stderr
        ds = Dataset()
        ds.parse(out, format=fmt)
        names = {str(g.identifier) for g in ds.graphs() if len(g)}
        assert "https://w3id.org/bilat/graph/ontology" in names
        assert "https://w3id.org/bilat/graph/entities" in names
        assert sum(n.startswith("https://w3id.org/bilat/graph/doc/") for n in names) == 2


def test_extractor_pool_is_lazy_ordered_and_bounded():
    from bilat.parallel import _Windowed

    class Fake(_Windowed):
        window = 3

        def _submit(self, doc):
            return ("ok", doc * 10)

        def _result(self, fut):
            return fut

    pulled = []

    def docs():
        for i in range(10):
            pulled.append(i)
            yield i

    it = Fake().map(docs())
    assert next(it) == (0, ("ok", 0))
    assert len(pulled) == 3  # no more than the window ahead of the writer
    assert list(it) == [(i, ("ok", i * 10)) for i in range(1, 10)]


def test_a_worker_pool_gets_its_first_documents_at_once():
    """The workers start on the first documents when the pool is asked, before the writer
    takes a result (it makes the store ready meanwhile)."""
    from bilat.parallel import _Windowed

    submitted = []

    class Fake(_Windowed):
        window = 3

        def _submit(self, doc):
            submitted.append(doc)
            return ("ok", doc)

        def _result(self, fut):
            return fut

    it = Fake().map(iter(range(10)))
    assert submitted == [0, 1, 2]
    assert [d for d, _ in it] == list(range(10)) and submitted == list(range(10))


def test_one_job_extracts_the_next_batch_on_a_thread_while_the_caller_writes(monkeypatch):
    """--jobs 1: batches are extracted on a thread of their own, the documents read in the
    caller's thread, the results in input order; the next batch is under way while the caller
    holds the one before."""
    import threading
    from types import SimpleNamespace

    from bilat import parallel

    extracted, read = [], []

    def fake(chunk):
        extracted.append((threading.current_thread().name, "".join(d.text for d in chunk)))
        return [("ok", d.text.upper()) if d.text != "c" else ("error", "boom") for d in chunk]

    monkeypatch.setattr(parallel, "extract_many", fake)

    def docs():
        for t in "abcde":
            read.append(threading.current_thread().name)
            yield SimpleNamespace(text=t)

    pool = parallel.InProcess()
    pool.batch = 2
    with pool:
        it = pool.map(docs())
        doc, result = next(it)
        assert (doc.text, result) == ("a", ("ok", "A"))
        pool._thread.shutdown(wait=True)  # (what was handed to the thread so far, done)
        pool._thread = None
        assert [chunk for _, chunk in extracted] == ["ab", "cd"]
        rest = [(d.text, r) for d, r in it]
    assert rest == [("b", ("ok", "B")), ("c", ("error", "boom")), ("d", ("ok", "D")), ("e", ("ok", "E"))]
    assert [chunk for _, chunk in extracted] == ["ab", "cd", "e"]
    assert all(name.startswith("bilat-extract") for name, _ in extracted)
    assert set(read) == {threading.current_thread().name}
    extracted.clear()  # without the thread (a profiler's view): the caller's, batch by batch
    inline = parallel.InProcess(thread=False)
    inline.batch = 2
    it = inline.map(docs())
    assert next(it)[1] == ("ok", "A") and [chunk for _, chunk in extracted] == ["ab"]
    assert [r for _, r in it][-1] == ("ok", "E")
    assert {name for name, _ in extracted} == {threading.current_thread().name}


@pytest.mark.parametrize(
    ("lengths", "tasks"),
    [
        ([10] * 6, [[10, 10], [10, 10], [10], [10]]),  # batches of 2, tapered at the end
        ([60, 60, 10, 10, 10], [[60], [60], [10, 10], [10]]),  # at most 100 characters a task
    ],
)
def test_a_worker_task_holds_at_most_its_batch_of_characters(lengths, tasks):
    """Workers' tasks are cut by characters as one job's batches are (a few long documents
    make tasks of their own), then tapered at the end of the input."""
    from types import SimpleNamespace

    from bilat.parallel import Processes

    submitted = []

    class Fake(Processes):
        batch, batch_chars, window = 2, 100, 10

        def __init__(self):
            self.workers = 1

        def _submit(self, chunk):
            submitted.append([len(d.text) for d in chunk])
            return SimpleNamespace(result=lambda: [("ok",)] * len(chunk))

    docs = [SimpleNamespace(text="x" * n) for n in lengths]
    assert len(list(Fake().map(docs))) == len(docs)
    assert submitted == tasks


@pytest.mark.slow
def test_documents_parsed_together_give_the_same_extractions(extractor):
    """``Extractor.many`` parses the texts of a language together (spaCy's nlp.pipe) and must
    give each document what ``Extractor(doc)`` gives it, whatever the batch holds."""
    import dataclasses

    docs = _docs(8)
    docs.append(dataclasses.replace(docs[0], id="unsupported", lang="xx"))  # its failure is its own
    alone = [extractor(d) if d.lang != "xx" else None for d in docs]
    for batch in (docs, list(reversed(docs))):
        together = dict(zip([d.id for d in batch], extractor.many(batch), strict=True))
        for d, want in zip(docs, alone, strict=True):
            got = together[d.id]
            if want is None:
                assert isinstance(got, ValueError)
            else:
                assert got.to_json() == want.to_json(), d.id


class _N(int):
    """A document of the test below: a number, with a text (tasks are cut by characters)."""

    text = "n"


def _die_on_zero(chunk: list) -> list:
    """A worker task for the test below: its process dies on the document 0."""
    import os

    if 0 in chunk:
        os._exit(1)
    return [("ok", d * 10, None) for d in chunk]


def test_a_worker_dying_on_a_batch_fails_only_the_document_that_kills_it():
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from bilat.parallel import Processes

    class Dying(Processes):
        def _start(self):
            self._pool = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn"))

        def _submit(self, chunk):
            return self._pool.submit(_die_on_zero, chunk)

    with Dying(2) as pool:
        got = list(pool.map([_N(d) for d in (3, 1, 0, 2, 5, 6, 7, 8, 9)]))
    assert [d for d, _ in got] == [3, 1, 0, 2, 5, 6, 7, 8, 9]
    assert [r for d, r in got if d == 0] == [("error", "the worker process extracting it died")]
    assert all(r == ("ok", d * 10, None) for d, r in got if d != 0)


@pytest.mark.parametrize("mode", ["compact", "none", "full"])
def test_words_telling_an_event_again_are_more_mentions_of_it(mode):
    """An event with ``told_again`` (a restatement folded into it) is mentioned at its trigger and
    at each of those offsets: in the document's bl:eventSpans, or as mention nodes (full)."""
    from bilat.graph.triples import document_graphs, event_key, parse_entity_spans
    from bilat.ontology.namespace import BL

    g, facts = document_graphs(_report(told_again=((0, 5),)), mentions=mode)
    both = g | facts
    (node,) = {s for s, p, o in both if p == BL.evidence}
    if mode == "full":
        starts = sorted(int(o) for s, p, o in g if p == BL.startOffset and (s, BL.refersTo, node) in g)
        assert starts == [0, 52]
    else:
        (spans,) = [str(o) for s, p, o in g if p == BL.eventSpans]
        assert parse_entity_spans(spans) == {event_key(node): [(0, 5), (52, 56)]}


def test_windows_joined_shift_every_offset_of_an_event():
    """An event of a later window (a document longer than ``WINDOW_CHARS``) is at its offsets in
    the whole document: its trigger, sentence, arguments and the words that tell it again."""
    from bilat.extract.pipeline import join
    from bilat.extract.records import Document, Event, Extraction

    text = "Lavrov flew to Astana. He was received there. Putin met Tokayev. The talks went well. "
    doc = Document("w", text, "en", date="2024-05-14")
    ev = Event(
        cls="Consult",
        trigger="met",
        start=6,
        end=9,
        evidence="Putin met Tokayev.",
        sentence_start=0,
        sentence_end=18,
        participants=("putin", "tokayev"),
        arguments=(("putin", 0, 5),),
        told_again=((23, 28),),
    )
    half = text.index("Putin")
    part = Extraction(dataclasses.replace(doc, text=text[half:]), events=(ev,))
    (got,) = join(
        doc, [(0, Extraction(dataclasses.replace(doc, text=text[:half])), 2), (half, part, 2)]
    ).events
    assert text[got.start : got.end] == "met"
    assert text[got.sentence_start : got.sentence_end] == "Putin met Tokayev."
    assert [text[s:e] for _, s, e in got.arguments] == ["Putin"]
    assert [text[s:e] for s, e in got.told_again] == ["talks"]
