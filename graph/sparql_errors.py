"""The errors of a SPARQL query, each one line for the user, and the reading of the store's
syntax errors (``error at LINE:COLUMN``) into them.

>>> syntax_error("error at 2:7: expected a variable").column
7
"""

from __future__ import annotations

import re

__all__ = [
    "QueryError",
    "QueryTooDeep",
    "UpdateNotAllowed",
    "QueryTimeout",
    "EndpointError",
    "OX_POS_RE",
    "syntax_error",
]


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


OX_POS_RE = re.compile(r"error at (\d+):(\d+):?\s*(.*)", re.S)


def syntax_error(message: str, line_shift: int = 0) -> QueryError:
    first = message.strip().splitlines()[0] if message.strip() else "invalid query"
    m = OX_POS_RE.search(message)
    if m:
        line, col = int(m.group(1)) - line_shift, int(m.group(2))
        detail = " ".join(m.group(3).split()) or "invalid query"
        return QueryError(
            f"SPARQL syntax error at line {line}, column {col}: {detail}", line=line, column=col
        )
    return QueryError(f"SPARQL syntax error: {first}")
