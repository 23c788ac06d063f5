"""bilat serve (bilat.graph.server) over a real on-disk store and over a real Oxigraph server."""

from __future__ import annotations

import io
import json
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from bilat.graph.results import negotiate as _negotiate
from bilat.graph.server import make_server

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

BL = "https://w3id.org/bilat/ontology#"
ID = "https://w3id.org/bilat/id/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
G_ENTITIES = "https://w3id.org/bilat/graph/entities"
G_DOC = "https://w3id.org/bilat/graph/doc/news%2F1"
OXIGRAPH = Path(sys.executable).parent / "oxigraph"
FILLER = 3000
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
LABELS = "SELECT ?e ?name WHERE { ?e rdfs:label ?name } ORDER BY ?e ?name"


def _nn(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def quads() -> list[ox.Quad]:
    """Labels in the entities graph, an event in a document graph, and filler in both."""
    ent, doc = _nn(G_ENTITIES), _nn(G_DOC)
    label = _nn(RDFS + "label")
    out = [
        ox.Quad(_nn(ID + "russia"), label, ox.Literal("Russia", language="en"), ent),
        ox.Quad(_nn(ID + "russia"), label, ox.Literal("Россия", language="ru"), ent),
        ox.Quad(_nn(ID + "kazakhstan"), label, ox.Literal("Kazakhstan", language="en"), ent),
        ox.Quad(_nn(ID + "event/1"), _nn(BL + "participant"), _nn(ID + "russia"), doc),
        ox.Quad(_nn(ID + "event/1"), _nn(BL + "participant"), _nn(ID + "kazakhstan"), doc),
    ]
    out += [
        ox.Quad(
            _nn(f"{ID}filler-{i}"),
            _nn(BL + "count"),
            ox.Literal(str(i), datatype=_nn(XSD + "integer")),
            doc if i % 2 else ent,
        )
        for i in range(FILLER)
    ]
    return out


TOTAL = FILLER + 5


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "bilat-store"
    store = ox.Store(str(path))
    store.bulk_extend(quads())
    store.flush()
    del store
    return path


@pytest.fixture(scope="module")
def server(store_dir: Path):
    # one worker, so a killed worker must really be replaced for the next query to work
    srv = make_server(store=str(store_dir), port=0, timeout=2.0, workers=1)
    yield srv
    srv.stop()


def http(
    url: str, *, data: bytes | None = None, headers: dict | None = None, method: str | None = None
) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def get(endpoint: str, query: str, accept: str | None = None, **params: str):
    qs = urllib.parse.urlencode({"query": query, **params})
    return http(f"{endpoint}?{qs}", headers={"Accept": accept} if accept else {})


def post_form(endpoint: str, query: str, accept: str | None = None):
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if accept:
        headers["Accept"] = accept
    return http(endpoint, data=urllib.parse.urlencode({"query": query}).encode(), headers=headers)


def post_query(endpoint: str, query: str, accept: str | None = None):
    headers = {"Content-Type": "application/sparql-query"}
    if accept:
        headers["Accept"] = accept
    return http(endpoint, data=query.encode("utf-8"), headers=headers)


def rows(body: bytes, fmt: str) -> list[dict[str, str]]:
    result = rdflib.query.Result.parse(io.BytesIO(body), format=fmt)
    return [{str(k): str(v) for k, v in row.items()} for row in result.bindings]


def label_rows() -> list[dict[str, str]]:
    return [
        {"e": ID + "kazakhstan", "name": "Kazakhstan"},
        {"e": ID + "russia", "name": "Russia"},
        {"e": ID + "russia", "name": "Россия"},
    ]


# --------------------------------------------------------------------------- unit


def test_negotiate() -> None:
    assert _negotiate("SELECT", "") == "json"
    assert _negotiate("SELECT", "text/csv") == "csv"
    assert _negotiate("ASK", "text/html,application/xhtml+xml,*/*;q=0.8") == "json"
    assert _negotiate("SELECT", "text/csv;q=0.5, application/sparql-results+xml") == "xml"
    assert _negotiate("SELECT", "text/turtle") == "json"  # nothing fits: the default
    assert _negotiate("SELECT", "text/csv;q=0, text/tab-separated-values;q=0.1") == "tsv"
    assert _negotiate("CONSTRUCT", "application/sparql-results+json, */*;q=0.1") == "turtle"
    assert _negotiate("DESCRIBE", "application/n-triples") == "ntriples"


# --------------------------------------------------------------------------- embedded store


@pytest.mark.slow
@pytest.mark.parametrize(
    "accept, fmt, media",
    [
        (None, "json", "application/sparql-results+json"),
        ("application/sparql-results+json", "json", "application/sparql-results+json"),
        ("text/csv", "csv", "text/csv"),
        ("text/tab-separated-values", "tsv", "text/tab-separated-values"),
        ("application/sparql-results+xml", "xml", "application/sparql-results+xml"),
    ],
)
@pytest.mark.parametrize("send", [get, post_form, post_query])
def test_select(server, send, accept, fmt: str, media: str) -> None:
    status, ctype, body = send(server.url, LABELS, accept)
    assert status == 200, body
    assert ctype.split(";")[0] == media
    assert rows(body, fmt) == label_rows()


@pytest.mark.slow
def test_union_default_graph_and_alias(server) -> None:
    sparql_alias = server.url.replace("/query", "/sparql")
    status, _, body = get(sparql_alias, COUNT, "text/csv")
    assert (status, body) == (200, f"n\r\n{TOTAL}\r\n".encode())
    join = "SELECT ?name WHERE { ?ev bl:participant ?e . ?e rdfs:label ?name } ORDER BY ?name"
    status, _, body = get(server.url, join)
    assert [r["name"] for r in rows(body, "json")] == ["Kazakhstan", "Russia", "Россия"]


@pytest.mark.slow
def test_ask_and_table(server) -> None:
    status, ctype, body = get(server.url, "ASK { id:russia ?p ?o }")
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}
    status, ctype, body = get(server.url, LABELS, format="table")
    assert status == 200 and ctype == "text/plain; charset=utf-8"
    assert body.decode().splitlines()[2] == 'id:kazakhstan | "Kazakhstan"@en'


@pytest.mark.slow
@pytest.mark.parametrize(
    "accept, media, rdflib_format",
    [
        (None, "text/turtle", "turtle"),
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/ld+json", "application/ld+json", "json-ld"),
    ],
)
def test_construct(server, accept, media: str, rdflib_format: str) -> None:
    query = "CONSTRUCT { ?e rdfs:label ?n } WHERE { ?e rdfs:label ?n }"
    status, ctype, body = post_form(server.url, query, accept)
    assert status == 200, body
    assert ctype.split(";")[0] == media
    graph = rdflib.Graph().parse(data=body, format=rdflib_format)
    assert len(graph) == 3
    assert (rdflib.URIRef(ID + "russia"), rdflib.RDFS.label, rdflib.Literal("Россия", lang="ru")) in graph


@pytest.mark.slow
def test_refuses_updates(server, store_dir: Path) -> None:
    update = "INSERT DATA { <http://a> <http://b> <http://c> }"
    for status, _, body in [
        get(server.url, update),
        post_form(server.url, update),
        post_query(server.url, "PREFIX ex: <http://ex/>\nDROP ALL"),
        http(
            server.url,
            data=urllib.parse.urlencode({"update": update}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        ),
        http(server.url, data=update.encode(), headers={"Content-Type": "application/sparql-update"}),
        http(
            server.url.replace("/query", "/update"),
            data=update.encode(),
            headers={"Content-Type": "application/sparql-update"},
        ),
    ]:
        assert status == 403
        assert body.decode().count("\n") == 1 and "not allowed" in body.decode()
    assert get(server.url, COUNT, "text/csv")[2] == f"n\r\n{TOTAL}\r\n".encode()


@pytest.mark.slow
def test_bad_requests(server) -> None:
    status, ctype, body = get(server.url, "SELECT * WHERE {\n  ?s ?p }")
    assert status == 400 and ctype.startswith("text/plain")
    assert body.decode().startswith("SPARQL syntax error at line 2, column ")
    assert body.decode().count("\n") == 1
    assert http(server.url)[0] == 400  # no query
    assert get(server.url, "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")[0] == 403
    assert http(server.url.replace("/query", "/nothing"))[0] == 404
    assert http(server.url, data=b"query=x", headers={"Content-Type": "text/plain"})[0] == 415
    assert get(server.url, COUNT, format="turtle")[0] == 400  # a SELECT cannot be Turtle
    status, ctype, body = http(server.url.replace("/query", "/"))
    assert status == 200 and ctype.startswith("text/html") and b"<form" in body


@pytest.mark.slow
def test_time_limit_kills_and_recovers(store_dir: Path) -> None:
    srv = make_server(store=str(store_dir), port=0, timeout=0.5, workers=1)
    try:
        started = time.monotonic()
        status, ctype, body = get(srv.url, CROSS_JOIN)
        elapsed = time.monotonic() - started
        assert status == 504, body
        assert b"time limit of 0.5 s" in body
        assert elapsed < 3
        # the only worker was killed: its replacement answers the next query
        status, _, body = get(srv.url, COUNT, "text/csv")
        assert (status, body) == (200, f"n\r\n{TOTAL}\r\n".encode())
        # twice more, in parallel with a normal query: the server stays usable
        results: list[int] = []
        threads = [
            threading.Thread(target=lambda q=q: results.append(get(srv.url, q)[0]))
            for q in (CROSS_JOIN, COUNT)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert sorted(results) == [200, 504]
        assert get(srv.url, COUNT)[0] == 200
        workers = [w.process for w in srv.backend._all]
        assert workers and all(p.poll() is None for p in workers)
    finally:
        srv.stop()
    assert all(p.poll() is not None for p in workers)  # stop() ends the worker processes


@pytest.mark.slow
def test_logs_one_line_per_request(server, capfd: pytest.CaptureFixture) -> None:
    capfd.readouterr()
    get(server.url, COUNT)
    get(server.url, "DROP ALL")
    http(server.url.replace("/query", "/nothing"))
    time.sleep(0.1)
    lines = capfd.readouterr().err.splitlines()
    assert len(lines) == 3
    assert '"GET /query?query=SELECT' in lines[0] and " 200 " in lines[0]
    assert " 403 " in lines[1] and " 404 " in lines[2]


@pytest.mark.slow
def test_sees_data_written_after_start(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = ox.Store(str(path))
    store.extend(quads()[:2])
    store.flush()
    del store
    srv = make_server(store=str(path), port=0, timeout=5, workers=1)
    try:
        assert get(srv.url, COUNT, "text/csv")[2] == b"n\r\n2\r\n"
        # an ingest in another process, while the server runs
        code = (
            f"import pyoxigraph as ox; s = ox.Store({str(path)!r}); "
            "s.add(ox.Quad(ox.NamedNode('http://a'), ox.NamedNode('http://b'), "
            "ox.Literal('c'), ox.NamedNode('http://g'))); s.flush()"
        )
        subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
        assert get(srv.url, COUNT, "text/csv")[2] == b"n\r\n3\r\n"
    finally:
        srv.stop()


def test_missing_store(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no store"):
        make_server(store=str(tmp_path / "nothing"), port=0)


@pytest.mark.slow
def test_serve_command_stops_on_sigterm(store_dir: Path) -> None:
    port = free_port()
    code = (
        "from bilat.graph.server import serve; "
        f"serve(store={str(store_dir)!r}, port={port}, timeout=5, workers=1)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/query"
        deadline = time.monotonic() + 30
        while True:
            try:
                status, _, body = get(url, COUNT, "text/csv")
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
        assert (status, body) == (200, f"n\r\n{TOTAL}\r\n".encode())
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
        err = proc.stderr.read().decode()
        assert f"SPARQL endpoint http://127.0.0.1:{port}/query" in err
        assert "stopped" in err and "Traceback" not in err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()


# --------------------------------------------------------------------------- remote store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_oxigraph(location: Path) -> tuple[subprocess.Popen, int]:
    if not OXIGRAPH.exists():
        pytest.skip(f"no oxigraph server binary at {OXIGRAPH} (pip install oxigraph)")
    port = free_port()
    proc = subprocess.Popen(
        [
            str(OXIGRAPH),
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(
                    "oxigraph did not start: " + proc.stderr.read().decode(errors="replace")
                ) from None
            time.sleep(0.05)
    body = ox.serialize(quads(), format=ox.RdfFormat.N_QUADS)
    urllib.request.urlopen(
        urllib.request.Request(
            f"http://127.0.0.1:{port}/store",
            data=body,
            method="POST",
            headers={"Content-Type": "application/n-quads"},
        ),
        timeout=30,
    ).close()
    return proc, port


def stop_oxigraph(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)
    proc.stderr.close()


@pytest.fixture
def remote_server(tmp_path: Path):
    """bilat serve proxying to a fresh Oxigraph server (function scope: the cross join it may
    be left running stops with it)."""
    proc, port = start_oxigraph(tmp_path / "oxigraph")
    srv = None
    try:
        srv = make_server(store=f"sparql+http://127.0.0.1:{port}", port=0, timeout=0.5, workers=2)
        yield srv
    finally:
        if srv is not None:
            srv.stop()
        stop_oxigraph(proc)


@pytest.mark.slow
def test_remote_store(remote_server) -> None:
    url = remote_server.url
    for send in (get, post_form, post_query):
        for accept, fmt in [
            (None, "json"),
            ("text/tab-separated-values", "tsv"),
            ("application/sparql-results+xml", "xml"),
        ]:
            status, ctype, body = send(url, LABELS, accept)
            assert status == 200, body
            assert rows(body, fmt) == label_rows()
    status, ctype, body = get(url, COUNT, "text/csv")
    assert (status, ctype, body) == (200, "text/csv; charset=utf-8", f"n\r\n{TOTAL}\r\n".encode())
    status, ctype, body = get(url, "CONSTRUCT WHERE { id:russia rdfs:label ?n }", "application/n-triples")
    assert status == 200 and ctype == "application/n-triples" and body.count(b"\n") == 2
    assert get(url, "INSERT DATA { <http://a> <http://b> <http://c> }")[0] == 403
    status, _, body = get(url, "SELECT * WHERE {\n  ?s ?p }")
    assert status == 400 and body.startswith(b"SPARQL syntax error at line 2, column ")


@pytest.mark.slow
def test_remote_time_limit(remote_server) -> None:
    started = time.monotonic()
    status, _, body = get(remote_server.url, CROSS_JOIN)
    assert status == 504, body
    assert time.monotonic() - started < 3
    status, _, body = get(remote_server.url, COUNT, "text/csv")
    assert (status, body) == (200, f"n\r\n{TOTAL}\r\n".encode())


@pytest.mark.slow
def test_remote_unreachable() -> None:
    srv = make_server(store=f"sparql+http://127.0.0.1:{free_port()}", port=0, timeout=2)
    try:
        status, _, body = get(srv.url, COUNT)
        assert status == 502 and b"cannot reach" in body
    finally:
        srv.stop()
