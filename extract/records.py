"""Plain, frozen records passed between the extraction stages, with a JSON round trip.

Every stage reads and returns these; none of them knows about RDF. Offsets are character
offsets into ``Document.text`` (end exclusive).

>>> d = Document(id="a", text="Hi", lang="en")
>>> Document.from_dict(d.to_dict()) == d
True
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

# Entity classes of the public vocabulary (local names under bl:).
ENTITY_CLASSES = (
    "Person",
    "Organization",
    "GovernmentBody",
    "InternationalOrganization",
    "MediaOutlet",
    "Company",
    "Country",
    "Place",
    "City",
    "Project",
)
# Event classes of the public vocabulary.
EVENT_CLASSES = (
    "Statement",
    "Consult",
    "Agree",
    "Cooperate",
    "Support",
    "Aid",
    "Request",
    "Demand",
    "Accuse",
    "Reject",
    "Threaten",
    "Protest",
    "Sanction",
    "Anniversary",
)


class _Record:
    """JSON round trip shared by every record: tuples of records and plain values."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            out[f.name] = _plain(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name not in data:
                continue
            value = data[f.name]
            sub = _NESTED.get((cls.__name__, f.name))
            if sub is not None and value is not None:
                if isinstance(value, list):
                    value = tuple(sub.from_dict(v) for v in value)
                else:
                    value = sub.from_dict(value)
            elif isinstance(value, list):
                value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
            kwargs[f.name] = value
        return cls(**kwargs)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str):
        return cls.from_dict(json.loads(text))


def _plain(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Document(_Record):
    """One source article. ``date`` is ISO ``YYYY-MM-DD`` (the publication date) or None."""

    id: str
    text: str
    lang: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None  # publisher name as given ("TASS", "kazlenta.kz")
    path: str | None = None  # the file it came from
    line: int | None = None  # the line in a .jsonl file


@dataclass(frozen=True)
class Mention(_Record):
    """A span of text naming (or describing) an entity.

    ``label`` is the coarse NER label (PER, ORG, LOC, GPE, NORP, FAC, DESC for a descriptive
    mention such as "the foreign minister", ADJ for an adjective such as "Russian").
    ``normal`` is the normalized form (nominative for Russian, as natasha gives it).
    """

    start: int
    end: int
    text: str
    label: str
    normal: str = ""
    sentence: int = 0


@dataclass(frozen=True)
class Entity(_Record):
    """A real-world actor, place or project mentioned in the document.

    ``key`` is the stable identifier: the knowledge-base id ("russia", "sergey-lavrov") or a
    derived one for entities not in the knowledge base ("person/mukhtar-tleuberdi").
    ``labels`` holds (lang, canonical name) pairs, one per language at most.
    ``alt_labels`` holds (lang, surface form) pairs seen in this document.
    """

    key: str
    cls: str
    labels: tuple[tuple[str, str], ...] = ()
    alt_labels: tuple[tuple[str, str], ...] = ()
    mentions: tuple[Mention, ...] = ()
    wikidata: str | None = None
    in_kb: bool = False

    def label(self, lang: str) -> str | None:
        for lg, text in self.labels:
            if lg == lang:
                return text
        return None


@dataclass(frozen=True)
class Position(_Record):
    """``person`` holds the post ``title_en`` of ``org`` (entity keys), seen at ``start:end``."""

    person: str
    title_en: str
    org: str | None
    start: int
    end: int
    evidence: str
    title_src: str | None = None  # canonical title in the source language
    lang: str = "en"
    date: str | None = None
    status: str | None = None  # "former"
    conflict: str | None = None  # why it contradicts the knowledge base, when it does


@dataclass(frozen=True)
class Event(_Record):
    """Something that happened (or is planned, or was denied), with its arguments.

    ``cls`` is one of EVENT_CLASSES. Arguments are entity keys. ``context`` is None for an
    event that happened, or "planned", "hypothetical", "negated" (PLOVER's contexts).
    """

    cls: str
    trigger: str
    start: int
    end: int
    evidence: str
    sentence_start: int
    sentence_end: int
    participants: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    speaker: tuple[str, ...] = ()
    quote: str | None = None
    mode: str | None = None  # Consult: meet | visit | phone | host
    date: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    date_precision: str | None = None  # day | month | year
    place: str | None = None
    about: tuple[str, ...] = ()
    context: str | None = None
    implicit: tuple[str, ...] = ()  # participants inferred from the article's pair of states
    cameo: str | None = None
    goldstein: float | None = None
    arguments: tuple[tuple[str, int, int], ...] = ()  # (entity key, start, end) of each argument
    # (start, end) of the other words of the document that tell this event again (a restatement
    # or a headline folded into it): more mentions of the one event, as the graph stores them
    told_again: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Extraction(_Record):
    """Everything extracted from one document."""

    document: Document
    entities: tuple[Entity, ...] = ()
    positions: tuple[Position, ...] = ()
    events: tuple[Event, ...] = ()
    unresolved_dates: int = 0
    # stages that failed on this document, one line each ("events: ValueError: …"): the
    # document is stored with what the other stages found, and the line is reported
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Alias(_Record):
    """A name of a knowledge-base entry: ``kind`` is "label", "alt", "abbr", "former" or
    "adjective"; ``valid_from``/``valid_to`` bound a historical name (ISO dates)."""

    text: str
    lang: str
    kind: str = "alt"
    valid_from: str | None = None
    valid_to: str | None = None


@dataclass(frozen=True)
class Tenure(_Record):
    """A post held by a knowledge-base person: ``org`` is an entry key."""

    title_en: str
    org: str | None
    start: str | None = None
    end: str | None = None

    def held_at(self, date: str) -> bool:
        return held_at(self.start, self.end, date)


def held_at(start: str | None, end: str | None, date: str) -> bool:
    """Whether a tenure from ``start`` to ``end`` (ISO dates or their prefixes; None: open) covers
    ``date``.

    >>> held_at("2012-05-07", None, "2024-08-22"), held_at("2008-05-07", "2012-05-07", "2013-01-01")
    (True, False)
    """
    return (start is None or start <= date) and (end is None or date <= end)


@dataclass(frozen=True)
class KBEntry(_Record):
    """One entry of the knowledge base, as plain data (the graph side reads the Turtle)."""

    key: str
    cls: str
    labels: tuple[tuple[str, str], ...] = ()
    aliases: tuple[Alias, ...] = ()
    wikidata: str | None = None
    country: str | None = None  # the country it belongs to, for bodies, cities and people
    tenures: tuple[Tenure, ...] = ()
    #: whether the surname alone names the person in a text (``bl:surnameAlone``; false when it
    #: is a common word, a given name or another person's surname too, or for a former office
    #: holder: the full name, then the surname after it in the same document)
    surname_alone: bool = True

    def label(self, lang: str) -> str | None:
        for lg, text in self.labels:
            if lg == lang:
                return text
        return None


_NESTED: dict[tuple[str, str], type] = {
    ("Entity", "mentions"): Mention,
    ("Extraction", "document"): Document,
    ("Extraction", "entities"): Entity,
    ("Extraction", "positions"): Position,
    ("Extraction", "events"): Event,
    ("KBEntry", "aliases"): Alias,
    ("KBEntry", "tenures"): Tenure,
}

__all__ = [
    "Document",
    "Mention",
    "Entity",
    "Position",
    "Event",
    "Extraction",
    "Alias",
    "Tenure",
    "KBEntry",
    "ENTITY_CLASSES",
    "EVENT_CLASSES",
]
