"""Saved questions: the library of ready SPARQL queries in ``graph/queries/saved/*.rq``.

Each file opens with comments: ``# title: …``, a description, and a ``Parameters:`` list, one
line per parameter: ``#   ?name  type  what it is (required|optional …)``. Types:

- ``entity`` — an entity, given as an IRI, a key (``russia``) or a name in any language
  (resolved against the store, see :func:`bilat.graph.views.resolve_entity`);
- ``date`` — ``YYYY-MM-DD``, bound as ``xsd:date``;
- ``int`` — an integer; ``text`` — a plain string literal.

Values are bound with :func:`bilat.graph.sparql.bind` (``VALUES``, written by rdflib's
``.n3()``), so a parameter is always one escaped term and never changes the query.

>>> [q.name for q in list_saved()][:3]
['co_mentions', 'documents_mentioning', 'dyad_by_month']
>>> q = load_saved("dyad_by_month")
>>> q.title, [(p.name, p.type, p.required) for p in q.params]
('A dyad by month', [('a', 'entity', True), ('b', 'entity', True)])
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal
from rdflib.namespace import XSD

from bilat.graph.bind import bind

SAVED_DIR = Path(__file__).resolve().parent / "queries" / "saved"
TYPES = ("entity", "date", "int", "text")
_PARAM = re.compile(r"^#\s+\?([A-Za-z_]\w*)\s+(\w+)\s+(.*)$")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*\Z")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    doc: str

    @property
    def required(self) -> bool:
        return "(required" in self.doc


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str


def _parse(name: str, text: str) -> SavedQuery:
    title, desc, params, in_params = name, [], [], False
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:].strip()
        if body.lower().startswith("title:"):
            title = body.split(":", 1)[1].strip()
        elif body.lower().startswith("parameters:"):
            in_params = True
        elif in_params:
            m = _PARAM.match(line)
            if m:
                if m.group(2) not in TYPES:
                    raise ValueError(f"{name}.rq: parameter ?{m.group(1)} has unknown type {m.group(2)!r}")
                params.append(Param(m.group(1), m.group(2), m.group(3).strip()))
        elif body:
            desc.append(body)
    return SavedQuery(name, title, " ".join(desc), tuple(params), text)


def list_saved() -> list[SavedQuery]:
    """Every saved question, by name."""
    return [_parse(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SAVED_DIR.glob("*.rq"))]


def load_saved(name: str) -> SavedQuery:
    if not _NAME.match(name):
        raise ValueError(f"not a saved query name: {name!r}")
    path = SAVED_DIR / f"{name}.rq"
    if not path.is_file():
        known = ", ".join(q.name for q in list_saved())
        raise ValueError(f"no saved query {name!r} (known: {known})")
    return _parse(name, path.read_text(encoding="utf-8"))


def parse_params(items: list[str] | None) -> dict[str, str]:
    """``["k=v", …]`` → ``{k: v}``."""
    out: dict[str, str] = {}
    for item in items or ():
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--param {item!r}: write NAME=VALUE")
        out[key.strip().lstrip("?")] = value
    return out


def prepare(store, name: str, values: dict[str, str]) -> str:
    """The text of saved query ``name`` with ``values`` (strings, as typed on the command
    line) bound as terms of each parameter's type."""
    q = load_saved(name)
    known = {p.name: p for p in q.params}
    for key in values:
        if key not in known:
            raise ValueError(f"{name}: no parameter {key!r} (parameters: {', '.join(known) or 'none'})")
    missing = [p.name for p in q.params if p.required and p.name not in values]
    if missing:
        raise ValueError(f"{name}: give --param {missing[0]}=… ({known[missing[0]].doc})")
    terms = {}
    for key, raw in values.items():
        kind = known[key].type
        if kind == "entity":
            from bilat.graph.views import resolve_entity

            terms[key] = resolve_entity(store, raw)
        elif kind == "date":
            try:
                terms[key] = Literal(_dt.date.fromisoformat(raw.strip()).isoformat(), datatype=XSD.date)
            except ValueError:
                raise ValueError(f"{name}: --param {key}={raw!r} is not a date YYYY-MM-DD") from None
        elif kind == "int":
            try:
                terms[key] = int(raw)
            except ValueError:
                raise ValueError(f"{name}: --param {key}={raw!r} is not an integer") from None
        else:
            terms[key] = Literal(raw)
    return bind(q.text, **terms)


__all__ = ["SavedQuery", "Param", "list_saved", "load_saved", "parse_params", "prepare", "SAVED_DIR"]
