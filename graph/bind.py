"""Query parameters: values bound into a query's text as ``VALUES`` rows, written by rdflib so
that a parameter can never change the query's structure."""

from __future__ import annotations

import datetime as _dt
import decimal
import itertools
from typing import Any

import pyoxigraph as ox
from rdflib.term import BNode, Literal, URIRef

from bilat.graph.sparql_errors import QueryError
from bilat.graph.sparql_text import VARNAME_RE, body_start, query_kind, tokens

__all__ = ["bind"]


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
    toks = tokens(query)
    used = {t.text[1:] for t in toks if t.kind == "var"}
    for name in params:
        if not isinstance(name, str) or not VARNAME_RE.match(name):
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
    for i, t in enumerate(toks[body_start(toks) :], start=body_start(toks)):
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

    def values(names) -> str:
        return " ".join(f"VALUES ?{n} {{ {' '.join(r)} }}" for n, r in rows.items() if n in names)

    inner = toks[group[0] + 1] if group[0] + 1 < group[1] else None
    if inner is not None and inner.is_word("SELECT"):  # `WHERE { SELECT … }`: a sub-select
        inserts = [(open_tok.end, f" {values(rows)} {{"), (close_tok.start, "} ")]
    else:
        inserts = [(open_tok.end, f" {values(rows)}")]
    # a sub-select is evaluated on its own, before the rows around it: the WHERE group of each
    # sub-select that names a parameter gets its VALUES too, so that it reads only what the
    # parameter selects (dyad_by_month read every event of the store for one pair's question)
    for start, end in subselect_groups(toks, group[0] + 1, group[1]):
        named = values({t.text[1:] for t in toks[start:end] if t.kind == "var"})
        if named:
            inserts.append((toks[start].end, f" {named}"))
    for at, text in sorted(inserts, reverse=True):
        query = query[:at] + text + query[at:]
    return query


def subselect_groups(toks, first: int, last: int) -> list[tuple[int, int]]:
    """The token ranges (opening ``{``, matching ``}``) of the WHERE groups of the sub-selects
    between tokens ``first`` and ``last``: the first ``{`` after each ``SELECT``.

    >>> from bilat.graph.sparql_text import tokens
    >>> t = tokens("SELECT * { ?a ?p ?o { SELECT ?x WHERE { ?x ?q ?a } } }")
    >>> [(t[i].text, t[j].text) for i, j in subselect_groups(t, 2, len(t) - 1)]
    [('{', '}')]
    >>> [" ".join(x.text for x in t[i : j + 1]) for i, j in subselect_groups(t, 2, len(t) - 1)]
    ['{ ?x ?q ?a }']
    """
    out: list[tuple[int, int]] = []
    waiting = 0  # SELECTs whose WHERE group has not opened yet
    stack: list[tuple[int, bool]] = []  # open braces: (token index, opens a sub-select's group)
    for i in range(first, last):
        t = toks[i]
        if t.is_word("SELECT"):
            waiting += 1
        elif t.kind == "other" and t.text == "{":
            stack.append((i, waiting > 0))
            waiting = max(0, waiting - 1)
        elif t.kind == "other" and t.text == "}" and stack:
            start, sub = stack.pop()
            if sub:
                out.append((start, i))
    return out
