"""Gold annotations (``eval/GOLD_FORMAT.md``) as plain records, and the text folding and title
normalization that compare them with what bilat stores."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilat.extract.languages import codes

LANGS = codes()  # the languages bilat reads: ("en", "ru")
COLUMNS = LANGS + ("all",)
TOLERANCE = 0.005

_BL = "https://w3id.org/bilat/ontology#"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

#: Gold event type → the stored classes (local names under bl:) that can match it; None: any.
EVENT_CLASSES: dict[str, frozenset[str] | None] = {
    "MEET": frozenset({"Consult"}),
    "VISIT": frozenset({"Consult"}),
    "STATEMENT": frozenset({"Statement"}),
    "AGREE": frozenset({"Agree"}),
    "COOPERATE": frozenset({"Cooperate"}),
    # the gold ACCUSE (criticism, protest, summoning an ambassador, sanctions, demands pressed on
    # an actor) spans CAMEO's verbal and material conflict, which the vocabulary keeps apart
    # (a Demand, CAMEO 10, is a Request in PLOVER; a plain request or appeal is not ACCUSE)
    "ACCUSE": frozenset({"Accuse", "Protest", "Reject", "Threaten", "Sanction", "Demand"}),
    "SUPPORT": frozenset({"Support", "Aid"}),
    "ANNIVERSARY": frozenset({"Anniversary"}),
    "OTHER": None,  # not scored: a stored event on its sentence is neither right nor wrong
}

#: Stored ``bl:context`` values of events that bilat itself says did not happen: such events
#: count neither way. Gold events of these statuses (and OTHER) are not scored either.
UNSCORED = frozenset({"negated", "hypothetical"})

#: Entity class → coarse class.
COARSE: dict[str, str] = {
    "Person": "person",
    "Organization": "organization",
    "GovernmentBody": "organization",
    "InternationalOrganization": "organization",
    "MediaOutlet": "organization",
    "Company": "organization",
    "Country": "place",
    "City": "place",
    "Place": "place",
    "Project": "project",
}

#: Gold event status → the bl:context a stored event should carry (None: happened).
STATUS_CONTEXT = {"planned": "planned", "negated": "negated", "hypothetical": "hypothetical"}


#: Titles that mean the same post, after :func:`normalize_title`'s folding (left → right).
def _title_table(kind: str) -> dict[str, str]:
    from bilat.extract.text import read_table

    return {
        r[1]: r[2]
        for r in read_table(Path(__file__).parents[1] / "data" / "title_synonyms.tsv")
        if r[0] == kind
    }


#: whole titles and their normal form; "X minister" → "minister of Y" (bilat/data/title_synonyms.tsv)
TITLE_SYNONYMS: dict[str, str] = _title_table("synonym")
_MINISTER_FIELDS: dict[str, str] = _title_table("minister")
_TITLE_PREFIXES = ("acting ", "former ", "the ")


# =========================================================================== text folding


def fold(text: str | None) -> str:
    """The matching form of a name: NFC, case-folded, ``ё`` → ``е``, spaces collapsed.

    >>> fold("  Сергей  ЛАВРОВ ") == fold("сергей лавров")
    True
    >>> fold("Алёна") == fold("Алена")
    True
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return " ".join(text.split())


def normalize_title(title: str | None) -> str:
    """A post's title in a comparable form: folded, punctuation to spaces, "acting"/"former"
    and "the" dropped, "Ambassador to X" → "ambassador", "X minister" → "minister of X", then
    :data:`TITLE_SYNONYMS`.

    >>> normalize_title("Foreign Minister") == normalize_title("Minister of Foreign Affairs")
    True
    >>> normalize_title("Ambassador to Kazakhstan")
    'ambassador'
    >>> normalize_title("Deputy Foreign Minister")
    'deputy minister of foreign affairs'
    >>> normalize_title("Charge d'Affaires ad interim in Russia")
    'charge d affaires in russia'
    >>> normalize_title("Chargé d'Affaires in Russia")
    'charge d affaires in russia'
    """
    # accents folded too ("Chargé" and "Charge" are one word)
    t = "".join(c for c in unicodedata.normalize("NFKD", fold(title)) if not unicodedata.combining(c))
    t = re.sub(r"[^\w\s]", " ", t)
    t = " ".join(t.split())
    changed = True
    while changed:
        changed = False
        for p in _TITLE_PREFIXES:
            if t.startswith(p):
                t, changed = t[len(p) :], True
    t = re.sub(r"^(ambassador|envoy)( extraordinary and plenipotentiary)? (to|in) .*$", "ambassador", t)
    # "ad interim" is "acting" said after the title ("Charge d'Affaires ad interim in Russia")
    t = re.sub(r" ad interim\b", "", t)
    m = re.match(r"^((?:first )?(?:deputy )?)(.+) minister$", t)
    if m and m.group(2) in _MINISTER_FIELDS:
        t = f"{m.group(1)}minister of {_MINISTER_FIELDS[m.group(2)]}"
    rest = t
    prefix = ""
    m = re.match(r"^((?:first )?(?:deputy )?)(.*)$", t)
    if m:
        prefix, rest = m.group(1), m.group(2)
    rest = TITLE_SYNONYMS.get(rest, rest)
    return prefix + rest


# =========================================================================== gold files


class GoldError(Exception):
    """A gold folder or file that cannot be used; the message is one line naming it."""


@dataclass(frozen=True)
class GoldEntity:
    name_en: str
    name_ru: str | None
    type: str | None
    mentions: tuple[str, ...] = ()
    alt_types: tuple[str, ...] = ()
    adjectival: tuple[str, ...] = ()

    @property
    def keys(self) -> frozenset[str]:
        """The folded names that find this entity: canonical names and mentions."""
        return frozenset(k for k in map(fold, (self.name_en, self.name_ru, *self.mentions)) if k)

    def canonical(self, lang: str) -> str | None:
        """The gold name in ``lang`` (the ``name_<lang>`` field), else the English one."""
        return getattr(self, f"name_{lang}", self.name_en)


@dataclass(frozen=True)
class GoldRole:
    person: str
    position: str
    of: str | None


@dataclass(frozen=True)
class GoldEvent:
    type: str
    participants: tuple[str, ...]
    speakers: tuple[str, ...] = ()
    status: str | None = None
    evidence: str = ""
    #: where the event is reported: character spans of ``evidence`` and ``other_evidence``
    spans: tuple[tuple[int, int], ...] = ()


@dataclass
class GoldDoc:
    id: str
    lang: str
    text: str
    entities: list[GoldEntity]
    roles: list[GoldRole] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    implicit: list[GoldEntity] = field(default_factory=list)
    other_names: list[GoldEntity] = field(default_factory=list)
    date: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    path: str | None = None
    #: the pair of countries the article is about (``name_en`` values), see :func:`dyad_of`
    dyad: tuple[str, ...] = ()

    def document(self):
        """The article as ``bilat eval`` (and ``make bench``'s real-articles ratio) ingests it."""
        from bilat.extract.records import Document

        return Document(
            id=self.id,
            text=self.text,
            lang=self.lang,
            title=self.title,
            date=self.date,
            url=self.url,
            source=self.outlet,
            path=self.path,
        )

    def entity(self, name_en: str) -> GoldEntity:
        """The gold (or implicit) entity named ``name_en``; a bare name when there is none."""
        for e in self.entities:
            if e.name_en == name_en:
                return e
        for e in self.implicit:
            if e.name_en == name_en:
                return e
        return GoldEntity(name_en, None, None)


def _str_or_none(obj: Mapping, key: str, where: str) -> str | None:
    v = obj.get(key)
    if v is not None and not isinstance(v, str):
        raise GoldError(f"{where}: '{key}' must be a string or null")
    return v


def _strings(v: Any, where: str) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,)
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise GoldError(f"{where}: expected a list of strings")
    return tuple(v)


def _entity(obj: Any, where: str, *, typed: bool = True) -> GoldEntity:
    if not isinstance(obj, dict) or not isinstance(obj.get("name_en"), str) or not obj["name_en"]:
        raise GoldError(f"{where}: an entity needs a non-empty 'name_en'")
    etype = obj.get("type")
    if typed and not isinstance(etype, str):
        raise GoldError(f"{where}: entity {obj['name_en']!r} has no 'type'")
    return GoldEntity(
        name_en=obj["name_en"],
        name_ru=_str_or_none(obj, "name_ru", where),
        type=etype if isinstance(etype, str) else None,
        mentions=_strings(obj.get("mentions"), f"{where}: {obj['name_en']!r} mentions"),
        alt_types=_strings(obj.get("alt_types"), f"{where}: {obj['name_en']!r} alt_types"),
        adjectival=_strings(
            obj.get("adjectival_mentions"), f"{where}: {obj['name_en']!r} adjectival_mentions"
        ),
    )


def evidence_spans(text: str, evidence: Iterable[str | None]) -> tuple[tuple[int, int], ...]:
    """Every ``(start, end)`` at which one of the ``evidence`` strings occurs in ``text``.

    >>> evidence_spans("He said so. He said so.", ["said so", None, "absent"])
    ((3, 10), (15, 22))
    """
    spans = []
    for ev in evidence:
        if not isinstance(ev, str) or not ev:
            continue
        start = text.find(ev)
        while start >= 0:
            spans.append((start, start + len(ev)))
            start = text.find(ev, start + 1)
    return tuple(sorted(set(spans)))


def parse_gold(data: Any, where: str) -> GoldDoc:
    """A gold document from its parsed JSON; :class:`GoldError` naming ``where`` if malformed."""
    if not isinstance(data, dict):
        raise GoldError(f"{where}: not a gold file (the top level must be a JSON object)")
    missing = [k for k in ("id", "lang", "text", "entities", "roles", "events") if k not in data]
    if missing:
        raise GoldError(f"{where}: not a gold file (missing {', '.join(missing)})")
    if not isinstance(data["id"], str) or not data["id"]:
        raise GoldError(f"{where}: 'id' must be a non-empty string")
    if data["lang"] not in LANGS:
        expected = " or ".join(f'"{lg}"' for lg in LANGS)
        raise GoldError(f"{where}: 'lang' must be {expected}, not {data['lang']!r}")
    if not isinstance(data["text"], str) or not data["text"].strip():
        raise GoldError(f"{where}: 'text' must be a non-empty string")
    for key in ("entities", "roles", "events"):
        if not isinstance(data[key], list):
            raise GoldError(f"{where}: '{key}' must be a list")
    for key in ("implicit_entities", "other_names"):
        if key in data and not isinstance(data[key], (list, type(None))):
            raise GoldError(f"{where}: '{key}' must be a list")
    date = _str_or_none(data, "date", where)
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise GoldError(f"{where}: 'date' must be YYYY-MM-DD or null, not {date!r}")
    roles = []
    for i, r in enumerate(data["roles"]):
        w = f"{where}: roles[{i}]"
        if (
            not isinstance(r, dict)
            or not isinstance(r.get("person"), str)
            or not isinstance(r.get("position"), str)
        ):
            raise GoldError(f"{w}: a role needs 'person' and 'position' strings")
        roles.append(GoldRole(r["person"], r["position"], _str_or_none(r, "of", w)))
    events = []
    for i, ev in enumerate(data["events"]):
        w = f"{where}: events[{i}]"
        if not isinstance(ev, dict) or ev.get("type") not in EVENT_CLASSES:
            raise GoldError(f"{w}: 'type' must be one of {', '.join(EVENT_CLASSES)}")
        status = _str_or_none(ev, "status", w)
        events.append(
            GoldEvent(
                type=ev["type"],
                participants=tuple(dict.fromkeys(_strings(ev.get("participants"), f"{w} participants"))),
                speakers=_strings(ev.get("speaker"), f"{w} speaker"),
                status=status,
                evidence=ev.get("evidence") if isinstance(ev.get("evidence"), str) else "",
                spans=evidence_spans(
                    data["text"],
                    (ev.get("evidence"), *_strings(ev.get("other_evidence"), f"{w} other_evidence")),
                ),
            )
        )
    return GoldDoc(
        id=data["id"],
        lang=data["lang"],
        text=data["text"],
        entities=[_entity(e, f"{where}: entities[{i}]") for i, e in enumerate(data["entities"])],
        roles=list(dict.fromkeys(roles)),
        events=events,
        implicit=[
            _entity(e, f"{where}: implicit_entities[{i}]", typed=False)
            for i, e in enumerate(data.get("implicit_entities") or [])
        ],
        other_names=[
            _entity(e, f"{where}: other_names[{i}]", typed=False)
            for i, e in enumerate(data.get("other_names") or [])
        ],
        date=date,
        title=_str_or_none(data, "title", where),
        url=_str_or_none(data, "url", where),
        outlet=_str_or_none(data, "outlet", where),
        path=where,
        dyad=_strings(data.get("dyad"), f"{where}: dyad"),
    )


def read_gold_dir(gold_dir: str | Path, *, skip: Iterable[str | Path] = ()) -> list[GoldDoc]:
    """Every ``*.json`` of ``gold_dir`` (not recursive, sorted), except the paths in ``skip``."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise GoldError(f"{gold_dir}: no such folder" if not folder.exists() else f"{gold_dir}: not a folder")
    skipped = set()
    for s in skip:
        try:
            skipped.add(Path(s).resolve())
        except OSError:
            pass
    try:
        paths = sorted(p for p in folder.glob("*.json") if p.is_file() and p.resolve() not in skipped)
    except OSError as e:
        raise GoldError(f"{gold_dir}: cannot read the folder: {e.strerror or e}") from e
    if not paths:
        raise GoldError(f"{gold_dir}: no gold files (*.json) in this folder")
    docs: list[GoldDoc] = []
    seen: dict[str, str] = {}
    for p in paths:
        try:
            data = json.loads(p.read_text(encoding="utf-8-sig"))
        except OSError as e:
            raise GoldError(f"{p}: cannot read: {e.strerror or e}") from e
        except UnicodeDecodeError as e:
            raise GoldError(f"{p}: not UTF-8 text ({e.reason} at byte {e.start})") from e
        except ValueError as e:
            raise GoldError(f"{p}: invalid JSON: {e}") from e
        doc = parse_gold(data, str(p))
        if doc.id in seen:
            raise GoldError(f"{p}: document id {doc.id!r} is also the id of {seen[doc.id]}")
        seen[doc.id] = str(p)
        docs.append(doc)
    return docs
