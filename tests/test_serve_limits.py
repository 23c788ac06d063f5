"""bilat serve under load and attack (issue 11): workers, the accept backlog, slow and deeply
nested queries, cross-origin reads. A real server on 127.0.0.1 over a real on-disk store."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from bilat.graph.server import BACKLOG, default_workers, make_server

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    store = ox.Store(str(path))
    g = ox.NamedNode("https://w3id.org/bilat/graph/entities")
    store.bulk_extend(
        ox.Quad(
            ox.NamedNode(f"https://w3id.org/bilat/id/x{i}"),
            ox.NamedNode("https://w3id.org/bilat/ontology#count"),
            ox.Literal(str(i)),
            g,
        )
        for i in range(2000)
    )
    store.flush()
    del store
    return path


def request(url: str, *, headers: dict | None = None, method: str | None = None, timeout: float = 60):
    req = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def query_url(server, query: str) -> str:
    return f"{server.url}?{urllib.parse.urlencode({'query': query})}"


def test_a_slow_query_holds_one_worker_and_the_others_answer(store_dir):
    srv = make_server(store=str(store_dir), port=0, timeout=4.0, workers=2)
    try:
        slow: list = []
        thread = threading.Thread(target=lambda: slow.append(request(query_url(srv, CROSS_JOIN))))
        thread.start()
        answered = []
        for _ in range(5):  # one worker is busy with the cross join; the other answers
            status, _, body = request(query_url(srv, COUNT))
            answered.append((status, thread.is_alive()))
        assert answered == [(200, True)] * 5
        thread.join(30)
        assert slow[0][0] == 504 and b"time limit" in slow[0][2]
    finally:
        srv.stop()


def test_workers_default_to_the_cores(store_dir):
    srv = make_server(store=str(store_dir), port=0, timeout=5.0)
    try:
        assert default_workers() == (os.cpu_count() or 1)
        assert len(srv.backend._all) == default_workers()
    finally:
        srv.stop()


def test_the_accept_backlog_holds_many_waiting_clients(store_dir):
    srv = make_server(store=str(store_dir), port=0, timeout=5.0, workers=1)
    host, port = srv.server_address[:2]
    clients = []
    try:
        srv.shutdown()  # nothing accepts now: connections wait in the listen queue
        for _ in range(60):  # (with the stdlib's backlog of 5, most of these would hang)
            c = socket.create_connection((host, port), timeout=2)
            clients.append(c)
        assert BACKLOG >= 60
        srv._thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        srv._thread.start()
        request_line = (
            f"GET /query?{urllib.parse.urlencode({'query': COUNT})} HTTP/1.1\r\n"
            f"Host: {host}\r\nConnection: close\r\n\r\n"
        ).encode()
        for c in clients:
            c.sendall(request_line)
        for c in clients:
            c.settimeout(30)
            data = b""
            while chunk := c.recv(65536):
                data += chunk
            assert data.startswith(b"HTTP/1.1 200"), data[:80]
    finally:
        for c in clients:
            c.close()
        srv.stop()


def test_no_cross_origin_reads_unless_asked(store_dir):
    srv = make_server(store=str(store_dir), port=0, timeout=5.0, workers=1)
    try:
        status, headers, _ = request(query_url(srv, COUNT), headers={"Origin": "https://evil.example"})
        assert status == 200 and "Access-Control-Allow-Origin" not in headers
        status, headers, _ = request(
            srv.url,
            method="OPTIONS",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
        )
        assert status == 204 and not any(k.startswith("Access-Control") for k in headers)
    finally:
        srv.stop()
    srv = make_server(store=str(store_dir), port=0, timeout=5.0, workers=1, cors="https://app.example")
    try:
        status, headers, _ = request(query_url(srv, COUNT), headers={"Origin": "https://app.example"})
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://app.example"
        status, headers, _ = request(srv.url, method="OPTIONS")
        assert headers["Access-Control-Allow-Methods"] == "GET, POST, OPTIONS"
    finally:
        srv.stop()


@pytest.mark.parametrize(
    "query,message",
    [
        ("SELECT * WHERE " + "{ " * 3000 + "}" * 3000, "more than 64 levels of brackets"),
        (
            "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 10000 + "1" + ")" * 10000 + ") }",
            "more than 64 levels of brackets",
        ),
        ("ASK { ?s ?p ?o FILTER(" + "!" * 20000 + "true) }", "more than 1000 nested operations"),
        (
            "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 10000) + " }",
            "more than 1000 nested operations",
        ),
    ],
)
def test_deeply_nested_queries_get_400_and_the_server_lives(store_dir, query, message):
    srv = make_server(store=str(store_dir), port=0, timeout=5.0, workers=1)
    try:
        data = urllib.parse.urlencode({"query": query}).encode()
        req = urllib.request.Request(
            srv.url, data=data, method="POST", headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
        try:
            urllib.request.urlopen(req, timeout=30)
            raise AssertionError("a deeply nested query was answered")
        except urllib.error.HTTPError as e:
            body = e.read().decode()
            assert e.code == 400 and message in body and body.count("\n") == 1
        assert request(query_url(srv, COUNT))[0] == 200
    finally:
        srv.stop()


def test_cli_query_refuses_deep_nesting_with_one_line(store_dir):
    deep = "SELECT * WHERE " + "{ " * 5000 + "}" * 5000
    proc = subprocess.run(
        [sys.executable, "-m", "bilat", "query", deep, "--store", str(store_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc  # not 139: no crash
    assert proc.stderr == (
        "bilat: bad query: query nested too deeply at line 1, column 144: more than 64 levels of brackets\n"
    )


@pytest.mark.parametrize(
    "args,message",
    [
        (["--workers", "0"], "0 is not a number of workers"),
        (["--workers", "x"], "invalid _workers value"),
    ],
)
def test_serve_options_are_checked(args, message):
    proc = subprocess.run(
        [sys.executable, "-m", "bilat", "serve", *args], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2 and message in proc.stderr and proc.stderr.count("\n") == 1
