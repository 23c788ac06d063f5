"""Shared fixtures: the real pipelines and knowledge base are loaded once per test session."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def kb_entries():
    from bilat.graph.kb import load_kb

    return load_kb()


@pytest.fixture(scope="session")
def extractor(kb_entries):
    from bilat.extract.pipeline import Extractor

    return Extractor(kb_entries)


class DyingStore:
    """A store whose ``n``-th write after wrapping fails (a full disk, a lost connection, a writer
    killed between requests); every other call goes to the store."""

    def __init__(self, store, n: int):
        self.store, self.left = store, n

    def __getattr__(self, name):
        return getattr(self.store, name)

    def update(self, sparql: str, **kw) -> None:
        from bilat.graph.store import StoreError

        self.left -= 1
        if self.left == -1:
            raise StoreError("killed")
        self.store.update(sparql, **kw)


@pytest.fixture
def dying_store():
    """``dying_store(store, n)``: ``store`` with its ``n``-th write failing (:class:`DyingStore`)."""
    return DyingStore


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def oxigraph_server(tmp_path):
    """A real Oxigraph SPARQL server on 127.0.0.1, stopped after the test."""
    binary = Path(sys.executable).parent / "oxigraph"
    if not binary.exists():
        found = shutil.which("oxigraph")
        assert found, "the oxigraph server binary is installed by the Makefile"
        binary = Path(found)
    port = free_port()
    proc = subprocess.Popen(
        [
            str(binary),
            "serve",
            "--location",
            str(tmp_path / "remote"),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("oxigraph server did not start")
    yield f"sparql+http://127.0.0.1:{port}"
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(params=["local", "remote"])
def store(request, tmp_path):
    """An empty store with the ontology, once embedded and once on a real Oxigraph server: the
    suites of store behaviour run on both (a test module may define its own ``store``)."""
    from bilat.graph.store import ensure_ontology, open_store

    if request.param == "local":
        s = open_store(str(tmp_path / "store"), create=True)
    else:
        s = open_store(request.getfixturevalue("oxigraph_server"))
    ensure_ontology(s)
    yield s
    s.close()
