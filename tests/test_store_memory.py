"""Issue 12 item 4, memory flat from 1k to 100k documents: the writer's embedded store is
reopened after every few flushes (RocksDB's caches go with it), and the ids already read are kept in a
temporary SQLite table, not in memory. Neither changes what is stored or read."""

from __future__ import annotations

import gzip
import json
import re

import pytest


def _nquads(st) -> list[str]:
    import pyoxigraph

    data = st.ox.dump(format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8")
    return sorted(re.sub(r"_:[A-Za-z0-9]+", "_:b", ln) for ln in data.splitlines())


TEXTS = (
    ("en", "Russia and Kazakhstan signed a treaty. Kazakhstan thanked Russia."),
    ("ru", "Россия и Казахстан подписали договор."),
    ("en", "Kazakhstan hosted the talks."),
)


def _docs(n: int, changed: bool = False):
    from bilat.extract.records import Document

    out = []
    for i in range(n):
        lang, text = TEXTS[i % len(TEXTS)]
        out.append(Document(f"doc-{i:03d}", text + (" Russia." if changed and i % 4 == 0 else ""), lang))
    return out


def _ingest(st, docs):
    from bench.scale import StubModels
    from bilat import app

    return app.ingest([], store=st, documents=docs, extractors=StubModels(), on_problem=lambda m: None)


def test_reopening_after_each_flush_stores_the_same_graph(tmp_path, monkeypatch):
    from bilat.graph import store as store_mod
    from bilat.graph.store import open_store

    reference = open_store(str(tmp_path / "reference"), create=True)
    _ingest(reference, _docs(12))
    _ingest(reference, _docs(12, changed=True))  # a second ingest: some documents replaced
    want = _nquads(reference)
    reference.close()

    opened = []
    real_open = store_mod.LocalStore._open

    def counting_open(self):
        opened.append(self.location)
        real_open(self)

    monkeypatch.setattr(store_mod.LocalStore, "_open", counting_open)
    monkeypatch.setattr(store_mod, "FLUSH_BYTES", 1)  # a flush, and a reopening, after every update
    monkeypatch.setattr(store_mod, "REOPEN_FLUSHES", 1)
    st = open_store(str(tmp_path / "reopened"), create=True)
    first = _ingest(st, _docs(12))
    assert first.documents == 12
    assert len(opened) > 12  # reopened again and again while writing
    again = _ingest(st, _docs(12))  # idempotent: nothing to write the second time
    assert (again.documents, again.unchanged) == (0, 12)
    _ingest(st, _docs(12, changed=True))
    assert _nquads(st) == want
    st.close()


@pytest.mark.parametrize(("every", "updates", "reopened"), [(1, 6, 6), (4, 6, 1), (4, 8, 2), (3, 2, 0)])
def test_the_writer_reopens_its_store_every_so_many_flushes(tmp_path, monkeypatch, every, updates, reopened):
    from bilat.graph import store as store_mod
    from bilat.graph.store import open_store

    monkeypatch.setattr(store_mod, "FLUSH_BYTES", 1)  # a flush after every update
    monkeypatch.setattr(store_mod, "REOPEN_FLUSHES", every)
    st = open_store(str(tmp_path / "s"), create=True)
    opened = []
    real_open = store_mod.LocalStore._open
    monkeypatch.setattr(store_mod.LocalStore, "_open", lambda self: (opened.append(1), real_open(self)))
    for i in range(updates):
        st.update(f"INSERT DATA {{ GRAPH <http://g> {{ <http://a> <http://b> {i} }} }}")
    assert len(opened) == reopened
    assert st.quad_count() == updates
    st.close()


def test_no_reopening_while_an_rdflib_view_is_held(tmp_path):
    from bilat.graph.store import open_store

    st = open_store(str(tmp_path / "s"), create=True)
    st.update("INSERT DATA { GRAPH <http://g> { <http://a> <http://b> <http://c> } }")
    view = st.dataset()
    assert st._reopen() is False  # the view still reads the open store
    assert len(view) == 1
    del view
    ox = st.ox
    assert st._reopen() is False  # nor while the pyoxigraph store is held
    del ox
    assert st._reopen() is True
    assert st.quad_count() == 1
    st.close()


@pytest.mark.parametrize("gz", [False, True])
def test_a_duplicate_id_names_where_it_was_read_first(tmp_path, gz):
    from bilat.extract.ingest import Problem, read_paths

    rows = [{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}, {"id": "a", "text": "Three."}]
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    path = tmp_path / ("in.jsonl.gz" if gz else "in.jsonl")
    path.write_bytes(gzip.compress(data) if gz else data)
    items = list(read_paths([path]))
    assert [getattr(i, "id", None) for i in items] == ["a", "b", None]
    assert isinstance(items[2], Problem)
    assert items[2].line == 3
    assert f"duplicate id 'a' (already read from {path}:1)" in items[2].message


@pytest.mark.parametrize(
    ("environ", "limited"),
    [
        ({}, True),
        ({"MALLOC_ARENA_MAX": "4"}, False),  # the user's choice stands
        ({"GLIBC_TUNABLES": "glibc.malloc.arena_max=4"}, False),
        ({"GLIBC_TUNABLES": "glibc.malloc.trim_threshold=0"}, True),
    ],
)
def test_a_writer_caps_the_malloc_arenas_unless_the_user_chose(monkeypatch, environ, limited):
    import platform

    from bilat.graph import store as store_mod

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("glibc's mallopt")
    for name in ("MALLOC_ARENA_MAX", "GLIBC_TUNABLES"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(store_mod, "_ARENAS_LIMITED", False)
    assert store_mod.limit_malloc_arenas() is limited
    assert store_mod.limit_malloc_arenas() is limited  # once is enough; again changes nothing


def test_the_command_line_writer_caps_the_arenas_a_library_store_does_not(tmp_path, monkeypatch):
    from bilat import cli
    from bilat.graph import store as store_mod
    from bilat.graph.store import open_store

    calls = []
    monkeypatch.setattr(store_mod, "limit_malloc_arenas", lambda: calls.append(1) or True)
    open_store(str(tmp_path / "s"), create=True).close()  # a library user's process: left alone
    assert calls == []
    assert cli.main(["ingest", str(tmp_path / "nothing.txt"), "--store", str(tmp_path / "s")]) != 0
    assert calls == []  # a usage error opens no store
    (tmp_path / "a.txt").write_text("", encoding="utf-8")
    cli.main(["stats", "--store", str(tmp_path / "s")])  # a reader
    assert calls == []
    cli.main(["ingest", str(tmp_path / "a.txt"), "--store", str(tmp_path / "s")])
    assert calls == [1]


def test_the_stub_ingest_measures_its_peak_before_counting_the_quads(tmp_path):
    from bench.scale import _ingest_child, write_jsonl_gz

    path = tmp_path / "in.jsonl.gz"
    write_jsonl_gz(path, 30)
    r = _ingest_child(str(path), str(tmp_path / "store"))
    assert (r["ingested"], r["problems"]) == (30, 0)
    assert r["quads"] > 30 and r["store_bytes"] > 0
    assert 0 < r["peak_mb"] <= r["peak_after_count_mb"]
