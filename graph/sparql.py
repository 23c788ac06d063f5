"""SPARQL over the bilat store: run read-only queries, format results, bind parameters.

A *target* is where a query runs:

- a :class:`pyoxigraph.Store` (the embedded on-disk store);
- ``http://…`` / ``https://…``: the query endpoint of a SPARQL 1.1 Protocol server;
- ``sparql+http://…`` / ``sparql+https://…``: a bilat store URL (see :func:`endpoints`);
- any other string or path: the folder of an embedded store, opened read-only.

Every query sees the union of all named graphs as its default graph (the embedded store is
queried with ``use_default_graph_as_union=True``; a remote Oxigraph is expected to run with
``--union-default-graph``). Only SELECT, ASK, CONSTRUCT and DESCRIBE are accepted: updates
raise :class:`UpdateNotAllowed`.

The prefixes of :data:`DEFAULT_PREFIXES` (``bl:``, ``id:``, ``rdfs:``, ``skos:``…) may be used
without declaring them; a query's own ``PREFIX`` declarations win.

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
"""

from __future__ import annotations

import datetime as _dt
import decimal
import itertools
import json
import os
import re
import socket
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib.term import BNode, Literal, Node, URIRef

__all__ = [
    "DEFAULT_PREFIXES",
    "EndpointError",
    "QUERIES_DIR",
    "QueryError",
    "QueryTimeout",
    "QueryTooDeep",
    "UpdateNotAllowed",
    "ask",
    "bind",
    "check_nesting",
    "endpoints",
    "format_table",
    "list_queries",
    "load_query",
    "query_kind",
    "run_query",
    "select",
]

QUERIES_DIR = Path(__file__).resolve().parent / "queries"

#: Prefixes a query may use without declaring them; also used to shorten IRIs in tables and
#: Turtle output.
DEFAULT_PREFIXES: dict[str, str] = {
    "bl": "https://w3id.org/bilat/ontology#",
    "id": "https://w3id.org/bilat/id/",
    "doc": "https://w3id.org/bilat/doc/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "wd": "http://www.wikidata.org/entity/",
}

_XSD = "http://www.w3.org/2001/XMLSchema#"


class QueryError(Exception):
    """A query that cannot run: bad syntax (``line``/``column`` set when known), an update, a
    failing endpoint. ``str(error)`` is one line."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None):
        message = " ".join(str(message).split())
        super().__init__(message)
        self.line = line
        self.column = column


class QueryTooDeep(QueryError):
    """The query nests brackets or chains operators beyond what the SPARQL parser can take
    (a query nested a few thousand levels deep crashes it): refused before any parse."""


class UpdateNotAllowed(QueryError):
    """The text is a SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP…), not a query."""


class QueryTimeout(QueryError):
    """The query ran longer than its time limit."""


class EndpointError(QueryError):
    """A remote SPARQL endpoint could not be reached or failed (not the query's fault)."""


# --------------------------------------------------------------------------- lexing

_PN = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_VARNAME_RE = re.compile(rf"[{_PN}_0-9][{_PN}_0-9\u00b7\u0300-\u036f\u203f-\u2040]*\Z")

_TOKEN_RE = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
               |\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n\r]|\\.)*'
               |"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<word>(?:[^\W\d_][\w\-.]*)?:[\w\-.:%\\]*|[^\W\d][\w]*)
    | (?P<other>.)
    """,
    re.X | re.S,
)


class _Tok:
    __slots__ = ("kind", "text", "start")

    def __init__(self, kind: str, text: str, start: int):
        self.kind, self.text, self.start = kind, text, start

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def is_word(self, *words: str) -> bool:
        return self.kind == "word" and self.text.upper() in words


def _tokens(query: str) -> list[_Tok]:
    """Significant tokens (no whitespace or comments) with their offsets."""
    out: list[_Tok] = []
    pos, n = 0, len(query)
    while pos < n:
        m = _TOKEN_RE.match(query, pos)
        assert m is not None  # `other` matches any character
        kind, text = m.lastgroup or "other", m.group()
        if kind == "word" and ":" in text and text.endswith("."):
            text = text.rstrip(".")  # a prefixed name never ends with '.': that is a terminator
        if kind not in ("ws", "comment"):
            out.append(_Tok(kind, text, pos))
        pos += len(text)
    return out


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


def _body_start(toks: list[_Tok]) -> int:
    """Index of the first token after the prologue (PREFIX and BASE declarations)."""
    i = 0
    while i < len(toks):
        if toks[i].is_word("PREFIX"):
            i += 1
            if i < len(toks) and toks[i].kind == "word" and toks[i].text.endswith(":"):
                i += 1
            if i < len(toks) and toks[i].kind == "iri":
                i += 1
        elif toks[i].is_word("BASE"):
            i += 1
            if i < len(toks) and toks[i].kind == "iri":
                i += 1
        else:
            break
    return i


#: Brackets (``{``, ``(``, ``[``) open at once, at most. Oxigraph's parser recurses on each
#: (a few thousand levels crash it; nested collections take seconds from about a hundred).
MAX_NESTING = 64
#: Brackets open plus operators chained in the groups open (``+ - * / ! = < > & | ^``,
#: ``UNION``), at most: a chain of operators is a tree as deep as it is long.
MAX_CHAIN = 1000
_OPENERS = {"{": "}", "(": ")", "[": "]"}
_CLOSERS = {"}", ")", "]"}
_OPERATORS = set("+-*/!=<>&|^")


def check_nesting(query: str, toks: list | None = None) -> None:
    """Refuse (:class:`QueryTooDeep`, one line naming where) a query deeper than
    :data:`MAX_NESTING` brackets or :data:`MAX_CHAIN` nested operations, before any parse.

    >>> check_nesting("SELECT * { ?s ?p ?o FILTER(?o > 1 + 2) }")
    >>> try:
    ...     check_nesting("SELECT * WHERE " + "{ " * 100 + "}" * 100)
    ... except QueryTooDeep as exc:
    ...     print(exc)
    query nested too deeply at line 1, column 144: more than 64 levels of brackets
    """
    toks = _tokens(query) if toks is None else toks
    stack: list[int] = []  # operators of each enclosing group
    here = total = 0  # operators of the innermost group; of every group open
    for t in toks:
        if t.kind == "other" and t.text in _OPENERS:
            stack.append(here)
            here = 0
            if len(stack) > MAX_NESTING:
                line, col = _line_col(query, t.start)
                raise QueryTooDeep(
                    f"query nested too deeply at line {line}, column {col}: "
                    f"more than {MAX_NESTING} levels of brackets",
                    line=line,
                    column=col,
                )
        elif t.kind == "other" and t.text in _CLOSERS:
            if stack:
                total -= here
                here = stack.pop()
        elif (t.kind == "other" and t.text in _OPERATORS) or t.is_word("UNION"):
            here += 1
            total += 1
            if total + len(stack) > MAX_CHAIN:
                line, col = _line_col(query, t.start)
                raise QueryTooDeep(
                    f"query nested too deeply at line {line}, column {col}: "
                    f"more than {MAX_CHAIN} nested operations",
                    line=line,
                    column=col,
                )


def query_kind(query: str) -> str:
    """The form of a SPARQL query: ``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"`` or ``"DESCRIBE"``.

    PREFIX/BASE declarations and comments are skipped. An update raises
    :class:`UpdateNotAllowed`; a query nested too deeply :class:`QueryTooDeep`
    (:func:`check_nesting`: every query is checked here, before any parse); anything else
    raises :class:`QueryError`.

    >>> query_kind("# who?\\nPREFIX bl: <https://w3id.org/bilat/ontology#>\\nselect * { ?s ?p ?o }")
    'SELECT'
    >>> try:
    ...     query_kind("DROP ALL")
    ... except UpdateNotAllowed as exc:
    ...     print(exc)
    updates are not allowed: this interface is read-only (DROP at line 1, column 1)
    """
    toks = _tokens(query)
    check_nesting(query, toks)
    i = _body_start(toks)
    if i >= len(toks):
        raise QueryError("empty query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    tok = toks[i]
    line, col = _line_col(query, tok.start)
    word = tok.text.upper() if tok.kind == "word" else ""
    if word in _FORMS:
        return word
    if word in _UPDATES:
        raise UpdateNotAllowed(
            f"updates are not allowed: this interface is read-only ({word} at line {line}, column {col})",
            line=line,
            column=col,
        )
    raise QueryError(
        f"SPARQL syntax error at line {line}, column {col}: expected SELECT, ASK, CONSTRUCT "
        f"or DESCRIBE, found {tok.text[:30]!r}",
        line=line,
        column=col,
    )


def _uses_service(query: str) -> bool:
    """True when the query calls out to another endpoint (``SERVICE``)."""
    return any(t.is_word("SERVICE") for t in _tokens(query))


def _declared_and_used_prefixes(query: str) -> tuple[set[str], set[str]]:
    toks = _tokens(query)
    declared: set[str] = set()
    used: set[str] = set()
    for i, t in enumerate(toks):
        if t.kind != "word" or ":" not in t.text:
            continue
        prefix = t.text.split(":", 1)[0]
        if i > 0 and toks[i - 1].is_word("PREFIX"):
            declared.add(prefix)
        else:
            used.add(prefix)
    return declared, used


# --------------------------------------------------------------------------- errors

_OX_POS_RE = re.compile(r"error at (\d+):(\d+):?\s*(.*)", re.S)


def _syntax_error(message: str, line_shift: int = 0) -> QueryError:
    first = message.strip().splitlines()[0] if message.strip() else "invalid query"
    m = _OX_POS_RE.search(message)
    if m:
        line, col = int(m.group(1)) - line_shift, int(m.group(2))
        detail = " ".join(m.group(3).split()) or "invalid query"
        return QueryError(
            f"SPARQL syntax error at line {line}, column {col}: {detail}", line=line, column=col
        )
    return QueryError(f"SPARQL syntax error: {first}")


# --------------------------------------------------------------------------- formats

_RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "xml": ox.QueryResultsFormat.XML,
}
_GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_ALIASES = {
    "srj": "json",
    "srx": "xml",
    "ttl": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "nq": "nquads",
    "n-quads": "nquads",
    "rdf": "rdfxml",
    "rdf/xml": "rdfxml",
    "owl": "rdfxml",
    "json-ld": "jsonld",
    "text": "table",
}
# A graph (CONSTRUCT/DESCRIBE) asked for in a result-table format gets the closest RDF format.
_GRAPH_FALLBACK = {"json": "jsonld", "xml": "rdfxml", "csv": "turtle", "tsv": "turtle", "table": "turtle"}
TABLE_MEDIA_TYPE = "text/plain; charset=utf-8"


def _output_format(kind: str, fmt: str) -> str:
    name = _ALIASES.get(fmt.lower(), fmt.lower())
    if kind in ("SELECT", "ASK"):
        if name in _RESULT_FORMATS or name == "table":
            return name
        if name in _GRAPH_FORMATS:
            raise ValueError(
                f"format {fmt!r} is for CONSTRUCT/DESCRIBE; a {kind} query gives table, json, csv, tsv or xml"
            )
    else:
        name = _GRAPH_FALLBACK.get(name, name)
        if name in _GRAPH_FORMATS:
            return name
    raise ValueError(
        f"unknown format {fmt!r}: use table, json, csv, tsv, xml, turtle, ntriples, nquads, rdfxml or jsonld"
    )


def _used_prefixes(triples: list[ox.Triple], prefixes: Mapping[str, str]) -> dict[str, str]:
    iris: set[str] = set()

    def visit(term: Any) -> None:
        if isinstance(term, ox.NamedNode):
            iris.add(term.value)
        elif isinstance(term, ox.Literal) and not term.language:
            if term.datatype.value != _XSD + "string":
                iris.add(term.datatype.value)
        elif isinstance(term, ox.Triple):
            visit(term.subject), visit(term.predicate), visit(term.object)

    for t in triples:
        visit(t)
    return {p: ns for p, ns in prefixes.items() if any(i.startswith(ns) for i in iris)}


def _serialize_graph(triples: list[ox.Triple], out: str, prefixes: Mapping[str, str]) -> tuple[bytes, str]:
    rdf_format = _GRAPH_FORMATS[out]
    if out == "turtle":
        data = ox.serialize(triples, format=rdf_format, prefixes=_used_prefixes(triples, prefixes) or None)
    else:
        data = ox.serialize(triples, format=rdf_format)
    return data or b"", rdf_format.media_type


# --------------------------------------------------------------------------- running


def _open_read_only(path: str | os.PathLike[str]) -> ox.Store:
    p = Path(path)
    if not (p / "CURRENT").is_file():
        raise QueryError(f"no store at {p}: the folder does not exist or is not an Oxigraph store")
    try:
        return ox.Store.read_only(str(p))
    except OSError as exc:
        raise QueryError(f"cannot open the store at {p}: {exc}") from exc


def run_query(
    target: ox.Store | str | os.PathLike[str],
    query: str,
    *,
    fmt: str = "json",
    timeout: float | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> tuple[bytes, str]:
    """Run a read-only query and serialize its result; returns ``(bytes, media_type)``.

    ``fmt`` for SELECT/ASK: ``json``, ``csv``, ``tsv``, ``xml`` (the W3C SPARQL 1.1 result
    formats, as the store writes them) or ``table`` (:func:`format_table`, text/plain). For
    CONSTRUCT/DESCRIBE: ``turtle``, ``ntriples``, ``nquads``, ``rdfxml`` or ``jsonld``; there
    ``json`` means JSON-LD, ``xml`` RDF/XML, and ``csv``/``tsv``/``table`` Turtle.

    ``timeout`` (seconds) bounds a remote request (raising :class:`QueryTimeout`); the embedded
    store cannot interrupt a query (``bilat serve`` runs them in worker processes for that).
    ``prefixes`` defaults to :data:`DEFAULT_PREFIXES`; pass ``{}`` for none.
    """
    kind = query_kind(query)
    out = _output_format(kind, fmt)
    prefixes = DEFAULT_PREFIXES if prefixes is None else prefixes
    if isinstance(target, ox.Store):
        return _run_local(target, query, kind, out, prefixes)
    if isinstance(target, (str, os.PathLike)):
        text = os.fspath(target)
        if text.startswith(("http://", "https://")):
            return _run_remote(text, query, kind, out, timeout, prefixes)
        if text.startswith(("sparql+http://", "sparql+https://")):
            return _run_remote(endpoints(text)[0], query, kind, out, timeout, prefixes)
        return _run_local(_open_read_only(text), query, kind, out, prefixes)
    raise TypeError(
        f"cannot query a {type(target).__name__}: give a pyoxigraph.Store, an endpoint URL or a store folder"
    )


def _run_local(
    store: ox.Store, query: str, kind: str, out: str, prefixes: Mapping[str, str]
) -> tuple[bytes, str]:
    try:
        result = store.query(query, use_default_graph_as_union=True, prefixes=dict(prefixes) or None)
    except SyntaxError as exc:
        raise _syntax_error(str(exc)) from None
    except (OSError, RuntimeError) as exc:  # the store's files (a writer compacted them away)
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise QueryError(f"query failed: {first}") from exc
    try:
        if kind in ("SELECT", "ASK"):
            if out == "table":
                return format_table(result.serialize(format=ox.QueryResultsFormat.JSON)).encode(
                    "utf-8"
                ), TABLE_MEDIA_TYPE
            results_format = _RESULT_FORMATS[out]
            return result.serialize(format=results_format), results_format.media_type
        return _serialize_graph(list(result), out, prefixes)
    except (OSError, RuntimeError, ValueError) as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise QueryError(f"query failed: {first}") from exc


_REMOTE_ACCEPT = {
    "json": "application/sparql-results+json",
    "table": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "xml": "application/sparql-results+xml",
}
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"


def _with_prefixes(query: str, prefixes: Mapping[str, str]) -> tuple[str, int]:
    """Declare the default prefixes that the query uses but does not declare (one extra line)."""
    if not prefixes:
        return query, 0
    declared, used = _declared_and_used_prefixes(query)
    needed = sorted((used - declared) & set(prefixes))
    if not needed:
        return query, 0
    head = " ".join(f"PREFIX {p}: <{prefixes[p]}>" for p in needed)
    return f"{head}\n{query}", 1


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


def _run_remote(
    url: str, query: str, kind: str, out: str, timeout: float | None, prefixes: Mapping[str, str]
) -> tuple[bytes, str]:
    text, shift = _with_prefixes(query, prefixes)
    accept = _REMOTE_ACCEPT[out] if kind in ("SELECT", "ASK") else _GRAPH_ACCEPT
    try:
        data, media_type = _http(url, text, accept, timeout)
    except _RemoteHTTPError as exc:
        if exc.status == 400 and _OX_POS_RE.search(exc.message):
            raise _syntax_error(exc.message, shift) from None
        error = QueryError if 400 <= exc.status < 500 else EndpointError
        raise error(f"SPARQL endpoint {url} answered HTTP {exc.status}: {exc.message}") from None
    got = _bare(media_type)
    try:
        if kind in ("SELECT", "ASK"):
            wanted = _RESULT_FORMATS["json" if out == "table" else out]
            if got != _bare(wanted.media_type):  # the server ignored Accept: convert
                source = ox.QueryResultsFormat.from_media_type(got) if got else None
                if source is None:
                    raise EndpointError(
                        f"SPARQL endpoint {url} answered with unsupported media type {media_type!r}"
                    )
                data = ox.parse_query_results(data, format=source).serialize(format=wanted)
            if out == "table":
                return format_table(data).encode("utf-8"), TABLE_MEDIA_TYPE
            return data, wanted.media_type
        source = ox.RdfFormat.from_media_type(got) if got else None
        if source is None:
            raise EndpointError(f"SPARQL endpoint {url} answered with unsupported media type {media_type!r}")
        triples = [q.triple for q in ox.parse(data, format=source)]
        return _serialize_graph(triples, out, prefixes)
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


# --------------------------------------------------------------------------- for code


def _json_term(value: Mapping[str, Any]) -> Node:
    kind = value.get("type")
    text = value.get("value", "")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return Literal(text, lang=value["xml:lang"])
        datatype = value.get("datatype")
        if datatype and datatype != _XSD + "string":
            return Literal(text, datatype=URIRef(datatype))
        return Literal(text)
    if kind == "triple":  # RDF-star: rdflib has no triple term; give the three terms
        inner = value["value"]
        return tuple(_json_term(inner[k]) for k in ("subject", "predicate", "object"))  # type: ignore[return-value]
    raise QueryError(f"unknown term type in SPARQL JSON results: {kind!r}")


def select(
    target: ox.Store | str | os.PathLike[str],
    query: str,
    *,
    timeout: float | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> list[dict[str, Node]]:
    """Rows of a SELECT query as ``{variable: rdflib term}`` (unbound variables left out).

    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("https://w3id.org/bilat/id/russia"),
    ...     ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
    ...     ox.Literal("Россия", language="ru"), ox.NamedNode("https://w3id.org/bilat/graph/entities")))
    >>> select(store, "SELECT ?e ?name WHERE { ?e rdfs:label ?name }")  # doctest: +NORMALIZE_WHITESPACE
    [{'e': rdflib.term.URIRef('https://w3id.org/bilat/id/russia'),
      'name': rdflib.term.Literal('Россия', lang='ru')}]
    """
    kind = query_kind(query)
    if kind != "SELECT":
        raise QueryError(f"select() needs a SELECT query, not {kind}")
    data, _ = run_query(target, query, fmt="json", timeout=timeout, prefixes=prefixes)
    doc = json.loads(data)
    return [
        {name: _json_term(value) for name, value in row.items()}
        for row in doc.get("results", {}).get("bindings", [])
    ]


def ask(
    target: ox.Store | str | os.PathLike[str],
    query: str,
    *,
    timeout: float | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> bool:
    """The answer of an ASK query."""
    kind = query_kind(query)
    if kind != "ASK":
        raise QueryError(f"ask() needs an ASK query, not {kind}")
    data, _ = run_query(target, query, fmt="json", timeout=timeout, prefixes=prefixes)
    return bool(json.loads(data)["boolean"])


# --------------------------------------------------------------------------- tables

_PLAIN_NUMERIC = {_XSD + "integer", _XSD + "decimal", _XSD + "double", _XSD + "boolean"}
_LOCAL_RE = re.compile(r"(?:[\w\-.%]*[\w\-%])?\Z")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _short_iri(iri: str, prefixes: Mapping[str, str]) -> str:
    best = None
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and (best is None or len(ns) > len(best[1])):
            local = iri[len(ns) :]
            if _LOCAL_RE.match(local) and not local.startswith(("-", ".")):
                best = (prefix, ns)
    if best is None:
        return f"<{iri}>"
    return f"{best[0]}:{iri[len(best[1]) :]}"


def _cell(value: Mapping[str, Any] | None, prefixes: Mapping[str, str]) -> str:
    if value is None:
        return ""
    kind, text = value.get("type"), str(value.get("value", ""))
    if kind == "uri":
        return _short_iri(text, prefixes)
    if kind == "bnode":
        return f"_:{text}"
    if kind == "triple":
        inner = value["value"]
        return "<< " + " ".join(_cell(inner[k], prefixes) for k in ("subject", "predicate", "object")) + " >>"
    escaped = "".join(
        _ESCAPES.get(ch, ch) if ch in _ESCAPES or ch >= " " else f"\\u{ord(ch):04X}" for ch in text
    )
    if "xml:lang" in value:
        return f'"{escaped}"@{value["xml:lang"]}'
    datatype = value.get("datatype")
    if not datatype or datatype == _XSD + "string":
        return f'"{escaped}"'
    if datatype in _PLAIN_NUMERIC:
        return text
    return f'"{escaped}"^^{_short_iri(datatype, prefixes)}'


def _width(text: str) -> int:
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        for ch in text
    )


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def format_table(data: bytes | str, *, prefixes: Mapping[str, str] | None = None) -> str:
    """A text table of SPARQL 1.1 JSON results (ends with a newline); ``true``/``false`` for ASK.

    IRIs in :data:`DEFAULT_PREFIXES` are shortened, literals are written as in Turtle
    (``"Россия"@ru``, ``"2024-05-01"^^xsd:date``, bare numbers), unbound cells are empty.

    >>> print(format_table(b'{"head":{"vars":["e","name"]},"results":{"bindings":['
    ...     b'{"e":{"type":"uri","value":"https://w3id.org/bilat/id/russia"},'
    ...     b'"name":{"type":"literal","value":"Russia","xml:lang":"en"}}]}}'), end="")
    e         | name
    ----------+------------
    id:russia | "Russia"@en
    (1 row)
    >>> format_table(b'{"head":{},"boolean":false}')
    'false\\n'
    """
    doc = json.loads(data)
    if "boolean" in doc:
        return "true\n" if doc["boolean"] else "false\n"
    prefixes = DEFAULT_PREFIXES if prefixes is None else prefixes
    names = list(doc.get("head", {}).get("vars", []))
    bindings = doc.get("results", {}).get("bindings", [])
    rows = [[_cell(row.get(name), prefixes) for name in names] for row in bindings]
    widths = [max([_width(name)] + [_width(r[i]) for r in rows]) for i, name in enumerate(names)]
    lines = []
    if names:
        lines.append(" | ".join(_pad(n, w) for n, w in zip(names, widths, strict=True)).rstrip())
        lines.append("-+-".join("-" * w for w in widths))
        lines.extend(" | ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- parameters


def _to_term(value: Any) -> str:
    """The SPARQL (N3) text of one parameter value; only rdflib serializes values."""
    if value is None:
        return "UNDEF"
    if isinstance(value, ox.NamedNode):
        value = URIRef(value.value)
    elif isinstance(value, ox.Literal):
        value = (
            Literal(value.value, lang=value.language)
            if value.language
            else Literal(value.value, datatype=URIRef(value.datatype.value))
        )
    if isinstance(value, BNode) or isinstance(value, ox.BlankNode):
        raise ValueError("a blank node cannot be a query parameter")
    if isinstance(value, (URIRef, Literal)):
        try:
            return value.n3()
        except Exception as exc:  # rdflib refuses IRIs it cannot write safely
            raise ValueError(f"cannot use {value!r} as a query parameter: {exc}") from None
    if isinstance(value, (str, bool, int, float, decimal.Decimal, _dt.date, _dt.datetime, _dt.time)):
        return Literal(value).n3()
    raise TypeError(f"cannot use a {type(value).__name__} as a query parameter")


def _values_rows(value: Any) -> list[str]:
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else list(value)
        if not items:
            raise ValueError("an empty list of values would match nothing")
        return [_to_term(v) for v in items]
    return [_to_term(value)]


def bind(query: str, **params: Any) -> str:
    """Bind query parameters: each ``name=value`` becomes ``VALUES ?name { term }`` inserted
    as the first element of the query's top-level WHERE group.

    Values are rdflib terms (``URIRef``, ``Literal`` with a language or datatype) or Python
    ``str``/``int``/``float``/``bool``/``Decimal``/``date``/``datetime`` (made into literals);
    ``None`` is ``UNDEF``; a list gives one row per item. Values are always written by
    rdflib's ``.n3()``, so a parameter can never change the query's structure.

    >>> q = 'SELECT ?e WHERE { ?e rdfs:label ?label }'
    >>> bind(q, label=Literal("Russia", lang="en"))
    'SELECT ?e WHERE { VALUES ?label { "Russia"@en } ?e rdfs:label ?label }'
    >>> bind(q, label=['x" } ; DROP ALL ; #', "Россия"])
    'SELECT ?e WHERE { VALUES ?label { "x\\\\" } ; DROP ALL ; #" "Россия" } ?e rdfs:label ?label }'
    >>> bind(q, e=URIRef("https://w3id.org/bilat/id/russia"), label=None)  # doctest: +NORMALIZE_WHITESPACE
    'SELECT ?e WHERE { VALUES ?e { <https://w3id.org/bilat/id/russia> }
     VALUES ?label { UNDEF } ?e rdfs:label ?label }'
    >>> bind(q, **{"label>": "x"})
    Traceback (most recent call last):
    ...
    ValueError: not a valid SPARQL variable name: 'label>'
    """
    if not params:
        return query
    toks = _tokens(query)
    used = {t.text[1:] for t in toks if t.kind == "var"}
    for name in params:
        if not isinstance(name, str) or not _VARNAME_RE.match(name):
            raise ValueError(f"not a valid SPARQL variable name: {name!r}")
        if name not in used:
            raise ValueError(f"the query has no variable ?{name} to bind")
    rows = {name: _values_rows(value) for name, value in params.items()}
    kind = query_kind(query)

    # Find the top-level WHERE group: the first '{' at depth 0 (the second one for a
    # CONSTRUCT template form), and its matching '}'.
    opens: list[int] = []
    depth = 0
    pairs: list[tuple[int, int]] = []
    for i, t in enumerate(toks[_body_start(toks) :], start=_body_start(toks)):
        if t.kind != "other":
            continue
        if t.text == "{":
            if depth == 0:
                opens.append(i)
            depth += 1
        elif t.text == "}":
            depth -= 1
            if depth == 0 and opens:
                pairs.append((opens[-1], i))
            if depth < 0:
                break
    group = None
    if kind == "CONSTRUCT":
        if pairs and not toks[pairs[0][0] - 1].is_word("WHERE"):
            group = pairs[1] if len(pairs) > 1 else None
        # `CONSTRUCT WHERE { triples }` admits no VALUES inside: use a trailing VALUES clause
    elif pairs:
        group = pairs[0]

    if group is None:
        if any(t.is_word("VALUES") for t in toks[pairs[-1][1] if pairs else 0 :]):
            raise QueryError(
                "cannot bind parameters: the query already ends with a VALUES "
                "clause and has no WHERE group to bind into"
            )
        names = list(rows)
        combos = itertools.product(*(rows[n] for n in names))
        body = " ".join("(" + " ".join(c) + ")" for c in combos)
        return f"{query.rstrip()}\nVALUES ({' '.join('?' + n for n in names)}) {{ {body} }}\n"

    open_tok, close_tok = toks[group[0]], toks[group[1]]
    values = " ".join(f"VALUES ?{n} {{ {' '.join(r)} }}" for n, r in rows.items())
    inner = toks[group[0] + 1] if group[0] + 1 < group[1] else None
    if inner is not None and inner.is_word("SELECT"):  # `WHERE { SELECT … }`: a sub-select
        return (
            query[: open_tok.end]
            + f" {values} {{"
            + query[open_tok.end : close_tok.start]
            + "} "
            + query[close_tok.start :]
        )
    return query[: open_tok.end] + f" {values}" + query[open_tok.end :]


# --------------------------------------------------------------------------- .rq files

_QUERY_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*\Z")


def list_queries() -> list[str]:
    """Names of the project's stored queries (``graph/queries/*.rq``)."""
    return sorted(p.stem for p in QUERIES_DIR.glob("*.rq"))


def load_query(name: str) -> str:
    """The text of ``graph/queries/NAME.rq`` (``NAME`` with or without ``.rq``).

    >>> "?label" in load_query("entity_by_label")
    True
    """
    stem = name[:-3] if name.endswith(".rq") else name
    if not _QUERY_NAME_RE.match(stem):
        raise ValueError(f"not a query name: {name!r} (letters, digits, '_' and '-')")
    path = QUERIES_DIR / f"{stem}.rq"
    if not path.is_file():
        known = ", ".join(list_queries()) or "none"
        raise FileNotFoundError(f"no stored query {stem!r} in {QUERIES_DIR} (known: {known})")
    return path.read_text(encoding="utf-8")
