"""The plain values the steps of the events stage pass each other (frozen: a step returns new
values, it does not change the ones it was given)."""

from __future__ import annotations

from dataclasses import dataclass

from bilat.extract.dates import DateExpr

ORG_CLASSES = {"Organization", "GovernmentBody", "InternationalOrganization", "MediaOutlet", "Company"}
PLACE_CLASSES = {"City", "Place"}
ACTOR_CLASSES = {"Person", "Country"} | ORG_CLASSES | PLACE_CLASSES


@dataclass(frozen=True)
class Mention:
    """An entity mention as the events stage sees it."""

    start: int
    end: int
    key: str
    label: str  # PER ORG GPE LOC FAC ADJ DESC
    cls: str
    affil: bool  # inside a title or a descriptive mention: an affiliation, not an actor


@dataclass(frozen=True, eq=False)
class Unit:
    """A clause unit: its index, character span, tokens (spaCy tokens, spaces left out) and
    the date expressions in it (document offsets). Compared by identity."""

    index: int
    start: int
    end: int
    toks: tuple
    dates: tuple[DateExpr, ...] = ()


@dataclass(frozen=True, eq=False)
class Statement:
    """A reporting clause found: its cue (start, end, text), unit, speaker keys, argument spans,
    quote span, evidence span, the cue's head token and its date (value, precision)."""

    cue: tuple[int, int, str]
    unit: Unit
    speaker: tuple[str, ...]
    args: tuple[tuple[str, int, int], ...]
    quote: tuple[int, int] | None
    ev_start: int
    ev_end: int
    head: object
    date: tuple[str, str] | None = None


@dataclass(frozen=True, eq=False)
class Cand:
    """A trigger candidate: its table row, head and anchor tokens, tokens, context and mode."""

    row: object
    head: object
    anchor: object
    toks: tuple
    context: str | None
    mode: str | None


@dataclass(frozen=True)
class Said:
    """What pass 1 (``statements.read_statements``) has found so far, in text order: the persons
    met as speakers and subjects (offset, key; sorted after each unit), the author of the
    document reported, the last speaker, the statements, and the quotes with who speaks them
    (start, end, speaker keys), and the spans a negated reporting cue says nothing of (start,
    end: "The Kremlin did not say what the leaders discussed"). A step that finds more returns a
    new record."""

    people: tuple[tuple[int, str], ...] = ()
    author: tuple[str, ...] = ()
    last_speaker: tuple[str, ...] = ()
    statements: tuple[Statement, ...] = ()
    quote_speakers: tuple[tuple[int, int, tuple[str, ...]], ...] = ()
    silenced: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Reported:
    """What pass 2 (``typed.read_typed``) has reported so far: the Consult modes, the talks
    (unit, persons) of meetings and calls, and the directed events (unit, class, source)."""

    consults_seen: frozenset[str | None] = frozenset()
    talks: tuple[tuple[int, tuple[str, ...]], ...] = ()
    agents: tuple[tuple[int, str, tuple[str, ...]], ...] = ()
