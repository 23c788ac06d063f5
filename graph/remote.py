"""Remote SPARQL endpoints: where a query runs (:func:`query_endpoint`, the one place that
tells a remote target from a local store) and the HTTP client of the SPARQL 1.1 Protocol.

Store URLs: ``sparql+http://HOST:PORT`` means the query endpoint ``http://HOST:PORT/query`` and
the update endpoint ``http://HOST:PORT/update`` (Oxigraph's layout). When the URL has a path,
that path is the query endpoint and the update endpoint is the same path with a final ``query``
replaced by ``update`` (or the same path, if it does not end with ``query``):

>>> endpoints("sparql+http://127.0.0.1:7878")
('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update')
>>> endpoints("sparql+https://example.org/ds/query")
('https://example.org/ds/query', 'https://example.org/ds/update')
>>> endpoints("sparql+http://example.org/sparql")
('http://example.org/sparql', 'http://example.org/sparql')
>>> query_endpoint("sparql+http://127.0.0.1:7878"), query_endpoint("https://example.org/sparql")
('http://127.0.0.1:7878/query', 'https://example.org/sparql')
>>> query_endpoint("bilat-store") is None
True
"""

from __future__ import annotations

import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping

import pyoxigraph as ox

from bilat.graph.results import RESULT_FORMATS, TABLE_MEDIA_TYPE, format_table, portable_tsv, serialize_graph
from bilat.graph.sparql_errors import OX_POS_RE, EndpointError, QueryError, QueryTimeout, syntax_error
from bilat.graph.sparql_text import with_prefixes

__all__ = ["endpoints", "query_endpoint", "run_remote"]


def query_endpoint(target: str | os.PathLike[str]) -> str | None:
    """The query endpoint URL when ``target`` is remote (``http(s)://`` is an endpoint,
    ``sparql+http(s)://`` a store URL, see :func:`endpoints`); ``None`` for a store folder."""
    text = os.fspath(target)
    if text.startswith(("http://", "https://")):
        return text
    if text.startswith(("sparql+http://", "sparql+https://")):
        return endpoints(text)[0]
    return None


_REMOTE_ACCEPT = {
    "json": "application/sparql-results+json",
    "table": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "xml": "application/sparql-results+xml",
}
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"


def _http(url: str, query: str, accept: str, timeout: float | None) -> tuple[bytes, str]:
    body = urllib.parse.urlencode({"query": query}).encode("ascii")
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": accept,
            "User-Agent": "bilat",
        },
    )
    deadline = None if timeout is None else time.monotonic() + timeout
    limit = f"{timeout:g} s" if timeout is not None else ""
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            chunks = []
            while True:
                # the socket timeout bounds each wait; the deadline bounds a slow trickle
                if deadline is not None and time.monotonic() > deadline:
                    raise TimeoutError
                chunk = response.read(65536)
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        try:
            text = exc.read().decode("utf-8", "replace")
        except Exception:  # noqa: BLE001 - the status line is enough
            text = ""
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        raise _RemoteHTTPError(exc.code, lines[0] if lines else (exc.reason or "")) from None
    except TimeoutError:
        raise QueryTimeout(f"query exceeded the time limit of {limit} at {url}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise QueryTimeout(f"query exceeded the time limit of {limit} at {url}") from None
        raise EndpointError(f"cannot reach the SPARQL endpoint {url}: {exc.reason}") from None
    except OSError as exc:
        raise EndpointError(f"cannot read from the SPARQL endpoint {url}: {exc}") from None


class _RemoteHTTPError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def _bare(media_type: str) -> str:
    return media_type.split(";", 1)[0].strip().lower()


def run_remote(
    url: str, query: str, kind: str, out: str, timeout: float | None, prefixes: Mapping[str, str]
) -> tuple[bytes, str]:
    text, shift = with_prefixes(query, prefixes)
    accept = _REMOTE_ACCEPT[out] if kind in ("SELECT", "ASK") else _GRAPH_ACCEPT
    try:
        data, media_type = _http(url, text, accept, timeout)
    except _RemoteHTTPError as exc:
        if exc.status == 400 and OX_POS_RE.search(exc.message):
            raise syntax_error(exc.message, shift) from None
        error = QueryError if 400 <= exc.status < 500 else EndpointError
        raise error(f"SPARQL endpoint {url} answered HTTP {exc.status}: {exc.message}") from None
    got = _bare(media_type)
    try:
        if kind in ("SELECT", "ASK"):
            wanted = RESULT_FORMATS["json" if out == "table" else out]
            if got != _bare(wanted.media_type):  # the server ignored Accept: convert
                source = ox.QueryResultsFormat.from_media_type(got) if got else None
                if source is None:
                    raise EndpointError(
                        f"SPARQL endpoint {url} answered with unsupported media type {media_type!r}"
                    )
                data = ox.parse_query_results(data, format=source).serialize(format=wanted)
            if out == "table":
                return format_table(data).encode("utf-8"), TABLE_MEDIA_TYPE
            return (portable_tsv(data) if out == "tsv" else data), wanted.media_type
        source = ox.RdfFormat.from_media_type(got) if got else None
        if source is None:
            raise EndpointError(f"SPARQL endpoint {url} answered with unsupported media type {media_type!r}")
        triples = [q.triple for q in ox.parse(data, format=source)]
        return serialize_graph(triples, out, prefixes)
    except (SyntaxError, ValueError) as exc:
        raise EndpointError(
            f"SPARQL endpoint {url} sent an unreadable answer: "
            f"{str(exc).splitlines()[0] if str(exc) else exc!r}"
        ) from None


def endpoints(url: str) -> tuple[str, str]:
    """The ``(query, update)`` endpoint URLs of a ``sparql+http(s)://`` store URL."""
    if not url.startswith(("sparql+http://", "sparql+https://")):
        raise ValueError(f"not a SPARQL store URL (sparql+http://… or sparql+https://…): {url!r}")
    parts = urllib.parse.urlsplit(url[len("sparql+") :])
    if not parts.netloc:
        raise ValueError(f"SPARQL store URL without a host: {url!r}")
    path = parts.path
    if path in ("", "/"):
        query_path, update_path = "/query", "/update"
    else:
        query_path = path
        update_path = path[: -len("query")] + "update" if path.endswith("query") else path
    build = lambda p: urllib.parse.urlunsplit(  # noqa: E731
        (parts.scheme, parts.netloc, p, parts.query, "")
    )
    return build(query_path), build(update_path)
