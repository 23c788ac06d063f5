"""``bilat serve``: a read-only SPARQL 1.1 Protocol endpoint with a query time limit.

Endpoints:

- ``/query`` (alias ``/sparql``): ``GET ?query=…``; ``POST`` with
  ``application/x-www-form-urlencoded`` (``query=…``) or an ``application/sparql-query`` body.
  The answer's format is negotiated with ``Accept`` (or forced with ``format=json|csv|tsv|xml|
  table|turtle|ntriples|rdfxml|jsonld``): SPARQL JSON by default for SELECT/ASK, also CSV, TSV
  and XML; Turtle by default for CONSTRUCT/DESCRIBE, also N-Triples, RDF/XML and JSON-LD.
- ``/``: a small HTML page with a query form.

Errors are one line of ``text/plain``: 400 a bad query, 403 an update (or ``SERVICE``, unless
allowed), 404/405/413/415 a bad request, 503 no worker free, 504 the time limit exceeded.

pyoxigraph cannot interrupt a query, so queries on an embedded store run in worker processes
(fresh interpreters, as with multiprocessing's ``spawn``), each with its own
``pyoxigraph.Store.read_only`` view of the store folder; a worker whose query outlives the
time limit is killed and replaced. There are ``workers`` of them (default: the number of
cores): a slow query holds one worker, the others keep answering. A worker opens the store
again when the folder changed (an ingest that finished), so new data shows without a restart.
A ``sparql+http(s)://`` store is proxied, with the time limit on the HTTP request. Connections
wait in an accept backlog of :data:`BACKLOG`. A query nested deeper than
:data:`~bilat.graph.sparql.MAX_NESTING` is refused (400) before any parse.

Answers carry no ``Access-Control-Allow-Origin`` header unless ``cors`` names an origin: a web
page of another site that the user's browser opens cannot read the graph.

One line per request goes to stderr.
"""

from __future__ import annotations

import html
import os
import signal
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from bilat.graph.results import ACCEPT_FORMATS, negotiate, output_format
from bilat.graph.sparql_errors import QueryError, QueryTimeout, UpdateNotAllowed
from bilat.graph.sparql_text import query_kind, uses_service
from bilat.graph.workers import Busy, Failed, RemoteProxy, WorkerPool, backend_for

__all__ = ["BilatServer", "make_server", "serve"]

MAX_BODY = 1 << 20  # bytes of a POSTed query
BACKLOG = 128  # connections waiting to be accepted (the kernel may cap it: net.core.somaxconn)


# --------------------------------------------------------------------------- HTTP

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>bilat SPARQL endpoint</title>
<style>body{{font:15px sans-serif;margin:2em;max-width:60em}}
textarea{{width:100%;font:14px monospace}}code{{background:#eee}}</style></head>
<body><h1>bilat SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1 Protocol endpoint at <code>/query</code> ({source}). Queries see every
named graph as the default graph; prefixes such as <code>bl:</code>, <code>id:</code>,
<code>rdfs:</code>, <code>skos:</code>, <code>dcterms:</code> need no declaration.
Time limit: {timeout:g} s.</p>
<form action="query" method="get">
<textarea name="query" rows="14">{query}</textarea>
<p><label>Format <select name="format"><option>html</option><option>table</option><option>json</option>
<option>csv</option><option>tsv</option><option>xml</option>
</select></label> <button type="submit">Run</button> (CONSTRUCT and DESCRIBE answer in
Turtle, or JSON-LD for json, RDF/XML for xml; html shows the rows as a table)</p></form>
<h2>Saved questions</h2>
<p>Click one to load it above; its parameters are variables you may bind with a
<code>VALUES</code> line (or run it as <code>bilat query --saved NAME --param k=v</code>).</p>
<dl>{saved}</dl>
<p><code>curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT 5'
{endpoint}</code></p></body></html>
"""


_DEFAULT_QUERY = """SELECT ?class (COUNT(?x) AS ?n) WHERE { ?x a ?class }
GROUP BY ?class ORDER BY DESC(?n) LIMIT 20"""


class _Handler(BaseHTTPRequestHandler):
    server: BilatServer
    server_version = "bilat"
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds to wait on a slow client
    error_message_format = "%(code)d %(message)s\n"  # the stdlib's own errors: one line too
    error_content_type = "text/plain; charset=utf-8"

    # -- logging: one line per request
    def parse_request(self) -> bool:
        self._t0 = time.monotonic()
        self._note = ""
        return super().parse_request()

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        self._log(code, size)

    def log_error(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # send_error also calls log_request: keep one line per request

    def _log(self, code: Any, size: Any) -> None:
        elapsed = time.monotonic() - getattr(self, "_t0", time.monotonic())
        line = getattr(self, "requestline", "") or "-"
        if len(line) > 160:
            line = line[:157] + "..."
        note = f" {self._note}" if getattr(self, "_note", "") else ""
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
        sys.stderr.write(f'{stamp} {self.client_address[0]} "{line}" {code} {size}{note} {elapsed:.3f}s\n')
        sys.stderr.flush()

    # -- replies
    def _reply(
        self, status: int, body: bytes, content_type: str, extra: dict | None = None, head: bool = False
    ) -> None:
        self.send_response_only(status)
        self.send_header("Server", self.version_string())
        self.send_header("Date", self.date_time_string())
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", self.server.cors)
            if self.server.cors != "*":
                self.send_header("Vary", "Origin")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head:
            self.wfile.write(body)
        self._log(status, len(body))

    def _fail(self, status: int, message: str) -> None:
        message = " ".join(message.split())
        self._reply(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    # -- methods
    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_HEAD(self) -> None:  # noqa: N802
        path = urllib.parse.urlsplit(self.path).path
        if path in ("/", "/index.html"):
            self._reply(200, self._page(), "text/html; charset=utf-8", head=True)
        else:
            self.close_connection = True
            self._reply(405, b"", "text/plain; charset=utf-8", {"Allow": "GET, POST"}, head=True)

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._discard_body()
        extra = {"Allow": "GET, POST, OPTIONS"}
        if self.server.cors:  # a CORS preflight is answered only when CORS is on
            extra["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            extra["Access-Control-Allow-Headers"] = "Content-Type, Accept"
        self._reply(204, b"", "text/plain; charset=utf-8", extra)

    def _page(self) -> bytes:
        srv = self.server
        host = self.headers.get("Host") or "{}:{}".format(*srv.server_address[:2])
        endpoint = html.escape(f"http://{host}/query")
        from bilat.graph.saved import list_saved

        chosen = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("saved", [""])[-1]
        query = _DEFAULT_QUERY
        items = []
        for q in list_saved():
            if q.name == chosen:
                query = q.text
            params = "; ".join(f"?{p.name} ({p.type}): {p.doc}" for p in q.params) or "none"
            items.append(
                f'<dt><a href="/?saved={html.escape(q.name)}">{html.escape(q.name)}</a> — '
                f"{html.escape(q.title)}</dt><dd>{html.escape(q.description)} "
                f"<small>Parameters: {html.escape(params)}</small></dd>"
            )
        return _PAGE.format(
            source=html.escape(srv.source),
            timeout=srv.time_limit,
            endpoint=endpoint,
            query=html.escape(query),
            saved="".join(items),
        ).encode()

    def _dispatch(self, method: str) -> None:
        try:
            self._handle(method)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as exc:  # noqa: BLE001 - never a traceback to the client
            self.close_connection = True
            try:
                self._fail(500, f"internal error: {type(exc).__name__}: {exc}")
            except OSError:
                pass

    def _handle(self, method: str) -> None:
        url = urllib.parse.urlsplit(self.path)
        path = url.path.rstrip("/") or "/"
        if path in ("/", "/index.html"):
            if method != "GET":
                self._discard_body()
                return self._fail(405, "POST queries to /query")
            return self._reply(200, self._page(), "text/html; charset=utf-8")
        if path in ("/update", "/sparql/update"):
            self._discard_body()
            return self._fail(403, "updates are not allowed: this endpoint is read-only")
        if path not in ("/query", "/sparql"):
            self._discard_body()
            return self._fail(404, f"no such endpoint {url.path}: queries go to /query")

        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        query_text: str | None = None
        if method == "POST":
            body = self._read_body()
            if body is None:
                return
            ctype = self.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
            if ctype == "application/x-www-form-urlencoded":
                try:
                    form = urllib.parse.parse_qs(
                        body.decode("utf-8"), keep_blank_values=True, errors="strict"
                    )
                except UnicodeDecodeError:
                    return self._fail(400, "the form is not UTF-8")
                for key, values in form.items():
                    params.setdefault(key, []).extend(values)
            elif ctype == "application/sparql-query":
                try:
                    query_text = body.decode("utf-8")
                except UnicodeDecodeError:
                    return self._fail(400, "the query is not UTF-8")
            elif ctype == "application/sparql-update":
                return self._fail(403, "updates are not allowed: this endpoint is read-only")
            else:
                return self._fail(
                    415,
                    f"unsupported Content-Type {ctype or '(none)'!r}: use "
                    "application/x-www-form-urlencoded or "
                    "application/sparql-query",
                )
        if "update" in params:
            return self._fail(403, "updates are not allowed: this endpoint is read-only")
        if "default-graph-uri" in params or "named-graph-uri" in params:
            return self._fail(
                400,
                "default-graph-uri and named-graph-uri are not supported: "
                "use FROM / FROM NAMED or GRAPH in the query",
            )
        if query_text is None:
            queries = params.get("query", [])
            if len(queries) != 1:
                return self._fail(
                    400,
                    "give exactly one query parameter"
                    if queries
                    else "missing the query parameter (GET /query?query=...)",
                )
            query_text = queries[0]

        try:
            kind = query_kind(query_text)
        except UpdateNotAllowed as exc:
            return self._fail(403, str(exc))
        except QueryError as exc:
            return self._fail(400, str(exc))
        self._note = kind
        if not self.server.allow_service and uses_service(query_text):
            return self._fail(403, "SERVICE (federated query) is disabled on this endpoint")
        forced = params.get("format", [""])[-1].strip()
        as_html = forced.lower() == "html" and kind in ("SELECT", "ASK")
        if as_html:  # the page's table: JSON results rendered as an HTML table
            forced = "json"
        try:
            if forced:
                fmt = output_format(kind, ACCEPT_FORMATS.get(forced.lower(), forced))
            else:
                fmt = negotiate(kind, self.headers.get("Accept", ""))
        except ValueError as exc:
            return self._fail(400, str(exc))

        try:
            data, media_type = self.server.backend.run(query_text, fmt)
        except QueryTimeout as exc:
            return self._fail(504, str(exc))
        except Busy as exc:
            return self._fail(503, str(exc))
        except Failed as exc:
            return self._fail(exc.status, str(exc))
        if as_html:
            from bilat.graph.htmltable import html_table

            data, media_type = html_table(data), "text/html; charset=utf-8"
        if media_type.startswith("text/") and "charset" not in media_type:
            media_type += "; charset=utf-8"
        self._reply(200, data, media_type, {"Vary": "Accept"})

    def _read_body(self) -> bytes | None:
        length_text = self.headers.get("Content-Length")
        if length_text is None:
            self.close_connection = True
            self._fail(411, "a POST needs a Content-Length")
            return None
        try:
            length = int(length_text)
        except ValueError:
            self.close_connection = True
            self._fail(400, "bad Content-Length")
            return None
        if length > MAX_BODY or length < 0:
            self.close_connection = True
            self._fail(413, f"the request body is larger than {MAX_BODY} bytes")
            return None
        return self.rfile.read(length)

    def _discard_body(self) -> None:
        if self.command == "POST":
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                length = -1
            if 0 <= length <= MAX_BODY:
                self.rfile.read(length)
            else:
                self.close_connection = True


class BilatServer(ThreadingHTTPServer):
    """The HTTP server of ``bilat serve``; :meth:`stop` ends it and its workers."""

    daemon_threads = True
    request_queue_size = BACKLOG

    def __init__(
        self,
        address: tuple[str, int],
        backend: WorkerPool | RemoteProxy,
        *,
        source: str,
        time_limit: float,
        allow_service: bool,
        cors: str | None = None,
    ):
        self.backend = backend
        self.source = source
        self.time_limit = time_limit
        self.allow_service = allow_service
        self.cors = cors
        self._thread: threading.Thread | None = None
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        """The query endpoint, e.g. ``http://127.0.0.1:7878/query``."""
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}/query"

    def server_close(self) -> None:
        super().server_close()
        self.backend.close()

    def stop(self) -> None:
        """Stop serving, close the socket and the worker processes."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join(10)
        self.server_close()


def default_workers() -> int:
    """One query worker per core."""
    return max(1, os.cpu_count() or 1)


def make_server(
    *,
    store: str,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 30.0,
    workers: int | None = None,
    allow_service: bool = False,
    cors: str | None = None,
) -> BilatServer:
    """Start a server in a background thread and return it (``port=0`` picks a free port).

    ``store`` is a store folder or a ``sparql+http(s)://`` URL (an ``http(s)://`` query
    endpoint URL also works). ``workers`` queries run at once (default: the number of cores);
    ``cors`` is the origin allowed to read answers in a browser (none by default). Stop it
    with ``server.stop()`` (or ``shutdown()`` then ``server_close()``). Raises
    ``FileNotFoundError`` when the folder holds no store and ``OSError`` when the workers
    cannot open it or the address is taken.
    """
    if timeout <= 0:
        raise ValueError("the time limit must be positive")
    workers = default_workers() if workers is None else workers
    if workers < 1:
        raise ValueError("the number of workers must be 1 or more")
    backend, source = backend_for(store, workers, timeout)
    try:
        server = BilatServer(
            (host, port), backend, source=source, time_limit=timeout, allow_service=allow_service, cors=cors
        )
    except BaseException:
        backend.close()
        raise
    server._thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.2}, name="bilat-serve", daemon=True
    )
    server._thread.start()
    return server


def serve(
    *,
    store: str,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 30.0,
    workers: int | None = None,
    allow_service: bool = False,
    cors: str | None = None,
) -> None:
    """Run ``bilat serve`` until Ctrl-C or SIGTERM."""
    workers = default_workers() if workers is None else workers
    server = make_server(
        store=store,
        host=host,
        port=port,
        timeout=timeout,
        workers=workers,
        allow_service=allow_service,
        cors=cors,
    )
    cross = f"; CORS for {cors}" if cors else ""
    print(
        f"bilat serve: SPARQL endpoint {server.url} ({server.source}; time limit "
        f"{timeout:g} s; {workers} worker{'s' if workers != 1 else ''}{cross}); Ctrl-C stops",
        file=sys.stderr,
        flush=True,
    )
    stop = threading.Event()

    def on_term(signum: int, frame: Any) -> None:
        stop.set()

    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, on_term)
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        print("bilat serve: stopped", file=sys.stderr, flush=True)
