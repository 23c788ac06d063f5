"""Where an unknown name stands says it is a place, whatever the NER took it for: after a
place preposition ("in Kamchatka", "in Pyatigorsk", "в Бохтаре";
``data/{lang}/place_prepositions.tsv`` lists the prepositions and the NER labels each
overrides), or first in a dated dateline ("PYATIGORSK, July 1. /TASS/.": the city the story
was filed from). Plain steps over the text, used by ``link.Linker`` for names the knowledge
base lacks."""

from __future__ import annotations

import re
from functools import cache

from bilat.extract.dates import dateline_span
from bilat.extract.text import DATA, read_table

_WORD_BEFORE = re.compile(r"(?:^|[^\w'’-])(\w+) $")


@cache
def _prepositions(lang: str) -> dict[str, frozenset[str]]:
    path = DATA / lang / "place_prepositions.tsv"
    rows = read_table(path) if path.is_file() else []
    return {r[0].strip().lower(): frozenset(x.strip() for x in r[1].split(",")) for r in rows}


def place_preposition_before(text: str, start: int, end: int, label: str, lang: str) -> bool:
    """Whether a place preposition that overrides the NER's ``label`` stands right before the
    name ``text[start:end]`` (one space between), the name not a possessive ("in Putin's
    words").

    >>> place_preposition_before("Flights in Kamchatka resumed", 11, 20, "PER", "en")
    True
    >>> place_preposition_before("a stake in Polymetal International", 11, 34, "ORG", "en")
    False
    >>> place_preposition_before("according to Ashimbayev", 13, 23, "PER", "en")
    False
    >>> place_preposition_before("in Putin's words", 3, 8, "PER", "en")
    False
    >>> place_preposition_before("Встреча в Бохтаре", 10, 17, "PER", "ru")
    True
    >>> place_preposition_before("в Кремле", 2, 8, "ORG", "ru")
    False
    """
    if text.startswith(("'s", "’s"), end):
        return False
    m = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    return bool(m) and label in _prepositions(lang).get(m.group(1).lower(), frozenset())


_FIRST_NAME = re.compile(r"\s*([^\W\d_][\w'’-]*(?:[ -][^\W\d_][\w'’-]*)*)")


def dateline_place(text: str, lang: str) -> tuple[int, int] | None:
    """The span of the place a dated dateline opens with: its first words, up to the comma
    or full stop ("HORGOS, Xinjiang, June 8 (Xinhua) --" → HORGOS); None when the text opens
    with no dateline holding a date (a bare "КТК — …" is no dateline's place).

    >>> dateline_place("PYATIGORSK, July 1. /TASS/. The Russian side said", "en")
    (0, 10)
    >>> dateline_place("СКОПЬЕ, 30 ноя — РИА Новости. Министр заявил", "ru")
    (0, 6)
    >>> dateline_place("КТК — основной экспортный маршрут", "ru") is None
    True
    """
    end, date = dateline_span(text, lang)
    if not end or date is None:
        return None
    m = _FIRST_NAME.match(text)
    if m is None or m.end(1) > end or text[m.end(1) : m.end(1) + 1] not in (",", "."):
        return None
    return m.start(1), m.end(1)


_AGENCY_MARK = re.compile(r"\(([^\W\d_][^()\n]{1,38})\)|/\s*([^\W\d_][^/\n]{1,38}?)\s*/")


def dateline_agency(text: str, lang: str) -> tuple[int, int] | None:
    """The span of the agency's name a dated dateline holds in brackets or slashes ("SEOUL,
    June 9 (Yonhap) --": the news agency that filed the story, en_kr-cn_62); None when the
    text opens with no dated dateline or it names no agency so.

    >>> dateline_agency("SEOUL, June 9 (Yonhap) -- The foreign ministry said", "en")
    (15, 21)
    >>> dateline_agency("MOSCOW, November 9. /TASS/. The ministry said", "en")
    (21, 25)
    >>> dateline_agency("The talks (in Astana) - went well", "en") is None
    True

    The mark is looked for after the date: a slash between the places before it is none.

    >>> dateline_agency("MOSCOW/KYIV, June 9. /TASS/. The ministry said", "en")
    (22, 26)
    """
    end, date = dateline_span(text, lang)
    if not end or date is None:
        return None
    m = _AGENCY_MARK.search(text, date.end, end)
    if m is None:
        return None
    group = 1 if m.group(1) is not None else 2
    return m.start(group), m.end(group)
