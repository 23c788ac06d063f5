"""The text of a SPARQL query, read without parsing it: its tokens, its form
(:func:`query_kind`, which refuses updates), its depth (:func:`check_nesting`), its prefixes
(declared, used, and the default ones it may use undeclared), and the project's stored ``.rq``
queries.

>>> query_kind("PREFIX bl: <https://w3id.org/bilat/ontology#> ASK { ?s a bl:Country }")
'ASK'
>>> uses_service("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
True
>>> with_prefixes("SELECT * { ?c a bl:Country }", {"bl": "https://w3id.org/bilat/ontology#"})
('PREFIX bl: <https://w3id.org/bilat/ontology#>\\nSELECT * { ?c a bl:Country }', 1)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from bilat.graph.sparql_errors import QueryError, QueryTooDeep, UpdateNotAllowed

__all__ = [
    "DEFAULT_PREFIXES",
    "MAX_CHAIN",
    "MAX_NESTING",
    "QUERIES_DIR",
    "Token",
    "body_start",
    "check_nesting",
    "declared_and_used_prefixes",
    "line_col",
    "list_queries",
    "load_query",
    "query_kind",
    "tokens",
    "uses_service",
    "with_prefixes",
    "VARNAME_RE",
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


# --------------------------------------------------------------------------- lexing

_PN = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
VARNAME_RE = re.compile(rf"[{_PN}_0-9][{_PN}_0-9\u00b7\u0300-\u036f\u203f-\u2040]*\Z")

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


class Token:
    __slots__ = ("kind", "text", "start")

    def __init__(self, kind: str, text: str, start: int):
        self.kind, self.text, self.start = kind, text, start

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def is_word(self, *words: str) -> bool:
        return self.kind == "word" and self.text.upper() in words


def tokens(query: str) -> list[Token]:
    """Significant tokens (no whitespace or comments) with their offsets."""
    out: list[Token] = []
    pos, n = 0, len(query)
    while pos < n:
        m = _TOKEN_RE.match(query, pos)
        assert m is not None  # `other` matches any character
        kind, text = m.lastgroup or "other", m.group()
        if kind == "word" and ":" in text and text.endswith("."):
            text = text.rstrip(".")  # a prefixed name never ends with '.': that is a terminator
        if kind not in ("ws", "comment"):
            out.append(Token(kind, text, pos))
        pos += len(text)
    return out


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


def body_start(toks: list[Token]) -> int:
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
    toks = tokens(query) if toks is None else toks
    stack: list[int] = []  # operators of each enclosing group
    here = total = 0  # operators of the innermost group; of every group open
    for t in toks:
        if t.kind == "other" and t.text in _OPENERS:
            stack.append(here)
            here = 0
            if len(stack) > MAX_NESTING:
                line, col = line_col(query, t.start)
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
                line, col = line_col(query, t.start)
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
    toks = tokens(query)
    check_nesting(query, toks)
    i = body_start(toks)
    if i >= len(toks):
        raise QueryError("empty query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    tok = toks[i]
    line, col = line_col(query, tok.start)
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


def uses_service(query: str) -> bool:
    """True when the query calls out to another endpoint (``SERVICE``)."""
    return any(t.is_word("SERVICE") for t in tokens(query))


def declared_and_used_prefixes(query: str) -> tuple[set[str], set[str]]:
    toks = tokens(query)
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


def with_prefixes(query: str, prefixes: Mapping[str, str]) -> tuple[str, int]:
    """Declare the default prefixes that the query uses but does not declare (one extra line)."""
    if not prefixes:
        return query, 0
    declared, used = declared_and_used_prefixes(query)
    needed = sorted((used - declared) & set(prefixes))
    if not needed:
        return query, 0
    head = " ".join(f"PREFIX {p}: <{prefixes[p]}>" for p in needed)
    return f"{head}\n{query}", 1


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
