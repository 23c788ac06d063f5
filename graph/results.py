"""Query results: the output formats (names, aliases, the fallback for graphs), the
serialization of a graph result, the reading of SPARQL JSON terms into rdflib terms, and the
plain-text table of a SELECT/ASK result.

>>> output_format("CONSTRUCT", "json"), output_format("SELECT", "srj")
('jsonld', 'json')
>>> decode_term({"type": "literal", "value": "Россия", "xml:lang": "ru"})
rdflib.term.Literal('Россия', lang='ru')
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox
from rdflib.term import BNode, Literal, Node, URIRef

from bilat.graph.sparql_errors import QueryError
from bilat.graph.sparql_text import DEFAULT_PREFIXES

__all__ = [
    "ACCEPT_FORMATS",
    "negotiate",
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "TABLE_MEDIA_TYPE",
    "XSD",
    "decode_term",
    "format_table",
    "output_format",
    "portable_tsv",
    "serialize_graph",
]


XSD = "http://www.w3.org/2001/XMLSchema#"

# --------------------------------------------------------------------------- formats

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "xml": ox.QueryResultsFormat.XML,
}
GRAPH_FORMATS = {
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


def output_format(kind: str, fmt: str) -> str:
    name = _ALIASES.get(fmt.lower(), fmt.lower())
    if kind in ("SELECT", "ASK"):
        if name in RESULT_FORMATS or name == "table":
            return name
        if name in GRAPH_FORMATS:
            raise ValueError(
                f"format {fmt!r} is for CONSTRUCT/DESCRIBE; a {kind} query gives table, json, csv, tsv or xml"
            )
    else:
        name = _GRAPH_FALLBACK.get(name, name)
        if name in GRAPH_FORMATS:
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
            if term.datatype.value != XSD + "string":
                iris.add(term.datatype.value)
        elif isinstance(term, ox.Triple):
            visit(term.subject), visit(term.predicate), visit(term.object)

    for t in triples:
        visit(t)
    return {p: ns for p, ns in prefixes.items() if any(i.startswith(ns) for i in iris)}


def serialize_graph(triples: list[ox.Triple], out: str, prefixes: Mapping[str, str]) -> tuple[bytes, str]:
    rdf_format = GRAPH_FORMATS[out]
    if out == "turtle":
        data = ox.serialize(triples, format=rdf_format, prefixes=_used_prefixes(triples, prefixes) or None)
    else:
        data = ox.serialize(triples, format=rdf_format)
    return data or b"", rdf_format.media_type


def decode_term(value: Mapping[str, Any]) -> Node:
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
        if datatype and datatype != XSD + "string":
            return Literal(text, datatype=URIRef(datatype))
        return Literal(text)
    if kind == "triple":  # RDF-star: rdflib has no triple term; give the three terms
        inner = value["value"]
        return tuple(decode_term(inner[k]) for k in ("subject", "predicate", "object"))  # type: ignore[return-value]
    raise QueryError(f"unknown term type in SPARQL JSON results: {kind!r}")


_NEGATIVE_DECIMAL_CELL = re.compile(rb"(?<![^\t\n])(-\d*\.\d+)(?![^\t\r\n])")


def portable_tsv(data: bytes) -> bytes:
    r"""SPARQL TSV results with negative decimals written in the long form
    (``"-4.4"^^<…#decimal>``): the short form the store writes (``-4.4``, valid Turtle)
    is refused by rdflib's TSV reader ("Not a number"). Both forms are the same term.

    >>> portable_tsv(b"?a\t?b\n-4.4\t-2\n1.5\t\"-1.5\"\n")
    b'?a\t?b\n"-4.4"^^<http://www.w3.org/2001/XMLSchema#decimal>\t-2\n1.5\t"-1.5"\n'
    """
    return _NEGATIVE_DECIMAL_CELL.sub(rb'"\1"^^<' + XSD.encode() + rb"decimal>", data)


# --------------------------------------------------------------------------- tables

_PLAIN_NUMERIC = {XSD + "integer", XSD + "decimal", XSD + "double", XSD + "boolean"}
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
    if not datatype or datatype == XSD + "string":
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


# --------------------------------------------------------------------------- negotiation

#: Media types of an Accept header (or a ``format=`` parameter) → output format names.
ACCEPT_FORMATS = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "application/n-quads": "nquads",
    "application/rdf+xml": "rdfxml",
    "application/ld+json": "jsonld",
}
_RESULT_NAMES = {"json", "csv", "tsv", "xml"}
_GRAPH_NAMES = {"turtle", "ntriples", "nquads", "rdfxml", "jsonld"}


def negotiate(kind: str, accept: str) -> str:
    """The output format for a query form and an Accept header (the default when none fits)."""
    wanted = _RESULT_NAMES if kind in ("SELECT", "ASK") else _GRAPH_NAMES
    default = "json" if kind in ("SELECT", "ASK") else "turtle"
    ranges = []
    for position, item in enumerate(accept.split(",")):
        parts = [p.strip() for p in item.split(";")]
        media = parts[0].lower()
        if not media:
            continue
        q = 1.0
        for param in parts[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((-q, position, media))
    for negative_q, _, media in sorted(ranges):
        if negative_q >= 0:
            break
        if media in ("*/*", "application/*", "text/*"):
            return default
        name = ACCEPT_FORMATS.get(media)
        if name in wanted:
            return name
    return default
