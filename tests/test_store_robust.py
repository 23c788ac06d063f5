"""The store under interruption and concurrency (issue 11), with the real pipelines and real
Oxigraph stores: long documents written in pieces, interrupted writes repaired, stale dyads
refreshed, ``kill -9`` during real ingests, readers beside a writer, on a read-only file system
and on a full disk."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from bilat import app
from bilat.extract.records import Document
from bilat.graph import iris
from bilat.graph.store import StoreError, open_store
from bilat.graph.write import incomplete_documents, write_extraction

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "regression"  # the written articles (tests/corpus is real news)
EXAMPLES = ROOT / "examples" / "articles"
BILAT = [sys.executable, "-m", "bilat"]
GOLD = ["en_001", "en_002", "en_003", "ru_001", "ru_002", "ru_003"]


def gold_documents() -> list[Document]:
    out = []
    for name in GOLD:
        d = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
        out.append(
            Document(id=d["id"], text=d["text"], lang=d["lang"], date=d.get("date"), title=d.get("title"))
        )
    return out


@pytest.fixture(scope="module")
def input_dir(tmp_path_factory) -> Path:
    """Eight articles as files: the two examples and six of the annotated corpus."""
    folder = tmp_path_factory.mktemp("input")
    for p in EXAMPLES.iterdir():
        shutil.copy(p, folder / p.name)
    for d in gold_documents():
        (folder / f"{d.id}.txt").write_text(d.text, encoding="utf-8")
        (folder / f"{d.id}.meta.json").write_text(
            json.dumps({"lang": d.lang, "date": d.date}), encoding="utf-8"
        )
    return folder


def env(**extra) -> dict:
    e = dict(os.environ)
    e.update({k: str(v) for k, v in extra.items()})
    return e


def quads(path: Path) -> tuple[set[str], int]:
    """The store's quads as N-Quads lines, but the ontology graph's (blank nodes), which is
    only counted."""
    store = ox.Store.read_only(str(path))
    onto = ox.NamedNode(str(iris.ONTOLOGY_GRAPH))
    lines, n_onto = set(), 0
    for q in store:
        if q.graph_name == onto:
            n_onto += 1
        else:
            lines.add(str(q))
    return lines, n_onto


@pytest.fixture(scope="module")
def reference(input_dir, tmp_path_factory) -> tuple[Path, float]:
    """A store ingested in one uninterrupted run, and how long that run took."""
    path = tmp_path_factory.mktemp("ref") / "store"
    t0 = time.monotonic()
    proc = subprocess.run(
        BILAT + ["ingest", str(input_dir), "--store", str(path)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env(BILAT_WRITE_CHUNK=150),
    )
    assert proc.returncode == 0, proc.stderr
    return path, time.monotonic() - t0


# ---------------------------------------------------------------------------- in process


def test_a_document_written_in_pieces_equals_one_written_at_once(extractor, tmp_path):
    docs = gold_documents()[:3]
    stores = {}
    for name, chunk in (("whole", None), ("pieces", 97)):
        st = open_store(str(tmp_path / name), create=True)
        for d in docs:
            write_extraction(st, extractor(d), extractor.kb, version="v", chunk=chunk)
        st.close()
        del st
        stores[name] = quads(tmp_path / name)[0]
    assert stores["whole"] == stores["pieces"]
    assert len(stores["whole"]) > 5 * 97  # several pieces per document


def test_an_interrupted_write_is_told_redone_and_its_leftovers_removed(
    extractor, tmp_path, monkeypatch, dying_store
):
    monkeypatch.setenv("BILAT_WRITE_CHUNK", "50")  # compact mentions: a document is a few hundred triples
    monkeypatch.setattr(app, "_EXTRACTOR", extractor)
    docs = gold_documents()[:2]
    clean = open_store(str(tmp_path / "clean"), create=True)
    app.ingest([], store=clean, documents=docs, on_problem=lambda m: None)
    clean.close()

    st = open_store(str(tmp_path / "store"), create=True)
    first = app.ingest([], store=st, documents=docs[:1], on_problem=lambda m: None)
    assert first.documents == 1
    told: list[str] = []
    # the second document dies after its first pieces: stored without its content hash
    dying = app.ingest([], store=dying_store(st, 3), documents=docs, on_problem=told.append)
    assert dying.failed == 1 and incomplete_documents(st) == [docs[1].id]
    assert told[-1] == f"{docs[1].id}: stored incompletely (an ingest was interrupted): ingest it again"
    # another ingest without it still tells; one with it writes it whole and cleans up
    told.clear()
    app.ingest([], store=st, documents=docs[:1], on_problem=told.append)
    assert told == [f"{docs[1].id}: stored incompletely (an ingest was interrupted): ingest it again"]
    again = app.ingest([], store=st, documents=docs, on_problem=told.append)
    assert (again.documents, again.unchanged) == (1, 1) and incomplete_documents(st) == []
    st.close()
    del st
    assert quads(tmp_path / "store") == quads(tmp_path / "clean")


def test_a_failing_stage_keeps_the_document_and_says_so(extractor, tmp_path, monkeypatch):
    """A bug of the events stage on one text (a real article once raised ValueError there) no
    longer loses the whole document: its entities and posts are stored, and one line says so."""
    from bilat.extract import pipeline

    def fails(*args, **kwargs):
        raise ValueError("min() arg is an empty sequence")

    monkeypatch.setattr(pipeline, "extract_events", fails)
    monkeypatch.setattr(app, "_EXTRACTOR", extractor)
    docs = gold_documents()[:1]
    st = open_store(str(tmp_path / "store"), create=True)
    told: list[str] = []
    summary = app.ingest([], store=st, documents=docs, on_problem=told.append)
    assert (summary.documents, summary.failed, summary.events) == (1, 0, 0)
    assert summary.entities > 0
    assert told == [f"{docs[0].id}: stored without its events: ValueError: min() arg is an empty sequence"]


def test_the_dyad_counts_a_store_kept_before_go_at_the_next_ingest(extractor, tmp_path, monkeypatch):
    """A store written before kept its dyads' counts in a graph of their own; they are counted
    from the events when asked now, and the next ingest, even of nothing new, drops them."""
    from bilat.graph.dyads import dyad_months

    monkeypatch.setattr(app, "_EXTRACTOR", extractor)
    docs = [d for d in gold_documents() if d.lang == "en"]
    st = open_store(str(tmp_path / "store"), create=True)
    app.ingest([], store=st, documents=docs, on_problem=lambda m: None)
    counts = dyad_months(st)
    g = iris.DYADS_GRAPH.n3()
    st.update(f"INSERT DATA {{ GRAPH {g} {{ <urn:d> a <https://w3id.org/bilat/ontology#Dyad> }} }}")
    summary = app.ingest([], store=st, documents=docs, on_problem=lambda m: None)
    assert summary.documents == 0 and summary.unchanged == len(docs)  # nothing changed ...
    assert not st.ask(f"ASK {{ GRAPH {g} {{ ?s ?p ?o }} }}")  # ... and the old counts went
    assert dyad_months(st) == counts and counts


def test_a_second_writer_is_told_in_one_line(tmp_path):
    writer = ox.Store(str(tmp_path / "store"))  # holds the lock
    (tmp_path / "a.txt").write_text("Sergey Lavrov met Mukhtar Tleuberdi.", encoding="utf-8")
    proc = subprocess.run(
        BILAT + ["ingest", str(tmp_path / "a.txt"), "--store", str(tmp_path / "store")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    del writer
    assert proc.returncode == 2
    assert proc.stderr == (
        f"bilat: {tmp_path / 'store'}: the store is being written by another process (one ingest at a time)\n"
    )


def test_too_large_documents_are_refused_in_one_line(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Sergey Lavrov met Mukhtar Tleuberdi. " * 100, encoding="utf-8")
    store = tmp_path / "store"
    proc = subprocess.run(
        BILAT + ["ingest", str(big), "--store", str(store), "--max-size", "1K"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr == (
        f"{big}: too large: 3,700 bytes, more than the limit of 1,024 bytes per "
        "document (raise it with --max-size or $BILAT_MAX_SIZE)\n"
    )
    proc = subprocess.run(
        BILAT + ["ingest", str(big), "--store", str(store)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env(BILAT_MAX_SIZE="lots"),
    )
    assert (
        proc.returncode == 2
        and proc.stderr == "bilat: $BILAT_MAX_SIZE: not a size: 'lots' (bytes, or a number with K, M or G)\n"
    )


# ---------------------------------------------------------------------------- kill -9


def _quad_count(path: Path) -> int:
    try:
        return open_store(str(path), read_only=True).quad_count()
    except StoreError:
        return 0


def test_kill_9_during_real_ingests_loses_nothing(input_dir, reference, tmp_path):
    """Ingests killed with SIGKILL while they write (each document in pieces of 5 triples),
    then one run to the end: the store is the one an uninterrupted run gives."""
    ref, _ = reference
    path = tmp_path / "store"
    rng = random.Random(11)
    seen = {"incomplete": 0}
    for _ in range(4):
        before = _quad_count(path)
        proc = subprocess.Popen(
            BILAT + ["ingest", str(input_dir), "--store", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env(BILAT_WRITE_CHUNK=5),
        )
        while proc.poll() is None and _quad_count(path) <= before:  # until it writes
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.6))
        proc.kill()  # SIGKILL: no cleanup of any kind
        proc.wait()
        st = open_store(str(path), read_only=True)
        seen["incomplete"] += bool(incomplete_documents(st))
    final = subprocess.run(
        BILAT + ["ingest", str(input_dir), "--store", str(path)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env(BILAT_WRITE_CHUNK=5),
    )
    assert final.returncode == 0, final.stderr
    assert "stored incompletely" not in final.stderr
    assert quads(path) == quads(ref)
    if os.environ.get("BILAT_TEST_VERBOSE"):
        print("kills that left:", seen)


# ---------------------------------------------------------------------------- readers


def bilat_ok(*args, timeout=120) -> str:
    proc = subprocess.run(BILAT + list(args), capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, (args, proc.stderr)
    return proc.stdout


def test_readers_work_while_an_ingest_writes(input_dir, tmp_path):
    path = tmp_path / "store"
    writer = subprocess.Popen(
        BILAT + ["ingest", str(input_dir), "--store", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env(BILAT_WRITE_CHUNK=100),
    )
    counts, during = [], 0
    try:
        while not (path / "CURRENT").exists() and writer.poll() is None:
            time.sleep(0.05)
        while writer.poll() is None:
            out = bilat_ok(
                "query",
                "SELECT (COUNT(?d) AS ?n) WHERE { ?d a bl:Document }",
                "--store",
                str(path),
                "--format",
                "csv",
            )
            counts.append(int(out.split()[-1]))
            bilat_ok("stats", "--store", str(path))
            bilat_ok("export", "--format", "nquads", "-o", str(tmp_path / "out.nq"), "--store", str(path))
            during += writer.poll() is None
    finally:
        writer.wait(600)
    assert writer.returncode == 0, writer.stderr.read()
    assert during >= 1, "no reader ran while the ingest wrote"
    assert counts == sorted(counts)  # each reader sees a consistent, growing store
    assert "documents  8" in bilat_ok("stats", "--store", str(path))


def _unshare_ok() -> bool:
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


needs_unshare = pytest.mark.skipif(not _unshare_ok(), reason="needs mount namespaces (root on Linux)")


def _in_namespace(script: str) -> subprocess.CompletedProcess:
    return subprocess.run(["unshare", "-m", "sh", "-ec", script], capture_output=True, text=True, timeout=300)


READERS = """
{b} stats --store {s} > {o}/stats.txt
{b} query 'SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }}' --store {s} --format csv > {o}/count.csv
{b} export --format turtle -o {o}/export.ttl --store {s}
{b} validate --store {s} > {o}/validate.txt || test $? -eq 1
"""


@needs_unshare
def test_readers_work_on_a_read_only_file_system(reference, tmp_path):
    ref, _ = reference
    ro, out = tmp_path / "ro", tmp_path / "out"
    ro.mkdir()
    out.mkdir()
    b = " ".join(BILAT)
    proc = _in_namespace(f"""
mount --bind {ref.parent} {ro}
mount -o remount,bind,ro {ro}
! touch {ro}/probe 2>/dev/null
{READERS.format(b=b, s=ro / ref.name, o=out)}
{b} ingest {EXAMPLES} --store {ro / ref.name} 2> {out}/ingest.err || echo $? > {out}/ingest.rc
""")
    assert proc.returncode == 0, proc.stderr
    assert "documents  8" in (out / "stats.txt").read_text()
    assert int((out / "count.csv").read_text().split()[-1]) > 1000
    assert (out / "export.ttl").stat().st_size > 1000
    # the writer cannot write there, and says so in one line
    assert (out / "ingest.rc").read_text().strip() == "2"
    assert (out / "ingest.err").read_text().count("\n") == 1


@needs_unshare
def test_readers_work_on_a_full_disk(reference, tmp_path):
    ref, _ = reference
    disk, out = tmp_path / "disk", tmp_path / "out"
    disk.mkdir()
    out.mkdir()
    size_mb = sum(p.stat().st_size for p in ref.iterdir()) // (1 << 20) + 8
    b = " ".join(BILAT)
    proc = _in_namespace(f"""
mount -t tmpfs -o size={size_mb}m tmpfs {disk}
cp -r {ref} {disk}/store
dd if=/dev/zero of={disk}/filler bs=64k 2>/dev/null || true
test "$(df --output=avail {disk} | tail -1)" -eq 0
{READERS.format(b=b, s=disk / "store", o=out)}
""")
    assert proc.returncode == 0, proc.stderr
    assert "documents  8" in (out / "stats.txt").read_text()
    assert (out / "export.ttl").stat().st_size > 1000


def test_documents_given_in_code_get_safe_ids_and_clean_labels(extractor, tmp_path, monkeypatch):
    import unicodedata

    monkeypatch.setattr(app, "_EXTRACTOR", extractor)
    text = (
        "Russian Foreign Minister Sergey Lav\u200brov met Mukhtar Tleu\u00adberdi and "
        "Ivan \u202ePetrovsky\u202c in Astana on Tuesday."
    )
    told: list[str] = []
    st = open_store(str(tmp_path / "store"), create=True)
    summary = app.ingest(
        [],
        store=st,
        documents=[Document(id="../../evil/./doc", text=text, lang="en", date="2022-10-14")],
        on_problem=told.append,
    )
    assert summary.documents == 1
    assert told == [
        "../../evil/./doc: warning: id '../../evil/./doc' is written 'evil/doc' (safe IRI segments)"
    ]
    docs = st.select("SELECT ?d WHERE { ?d a bl:Document }")
    assert [str(r["d"]) for r in docs] == ["https://w3id.org/bilat/doc/evil/doc"]
    names = st.select("""SELECT ?l WHERE { VALUES ?p { rdfs:label skos:altLabel bl:proposedLabel }
                         ?e ?p ?l ; bl:mentionedIn ?d }""")
    assert len(names) > 5
    assert not [str(r["l"]) for r in names if any(unicodedata.category(c) == "Cf" for c in str(r["l"]))]
    # the text was cleaned before extraction: the names are whole
    keys = {iris.key_of(str(r["e"])) for r in st.select("SELECT DISTINCT ?e WHERE { ?e bl:mentionedIn ?d }")}
    assert {"sergey-lavrov", "mukhtar-tleuberdi", "astana", "person/avan-patravski"} <= keys


def test_knowledge_base_names_lose_invisible_characters():
    import unicodedata

    from bilat.extract.records import Alias, KBEntry
    from bilat.graph.triples import entity_description

    entry = KBEntry(
        "x",
        "Person",
        labels=(("en", "Ivan\u200b Petrov"), ("ru", "\u202e")),
        aliases=(Alias("I.\u00adPetrov", "en", "alt"),),
    )
    names = sorted(str(o) for _, p, o in entity_description(entry) if "label" in str(p).lower())
    assert names == ["I.Petrov", "Ivan Petrov"]
    assert not any(unicodedata.category(c) == "Cf" for n in names for c in n)


def test_pipeline_version_covers_code_tables_and_kb():
    # a document stored by older rules is extracted again on re-ingest: the version digest
    # reads the extraction and graph code, the language tables and the knowledge base
    from bilat.app import version_inputs

    names = {(p.parent.name, p.name) for p in version_inputs()}
    for part in [
        ("events", "typed.py"),
        ("graph", "write.py"),
        ("en", "events.tsv"),
        ("kb", "countries.ttl"),
    ]:
        assert part in names, part
