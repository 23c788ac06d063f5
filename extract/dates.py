"""Dates in news text, resolved against the article's date.

Every word the resolver knows (month and day names, "yesterday", "last", "week", the
prepositions that open or bound a date) lives in ``data/{lang}/dates.tsv``; this module only
holds the grammar:

* absolute dates: "November 9, 2021", "9 November 2021", "Jan. 1, 2015", "9 ноября 2021 года",
  "09.11.2021", "2021-11-09" → day; "February 2021", "в феврале 2021 года" → month; "in 2019",
  "в 2019 году" → year;
* dates without a year: "November 9", "9 ноября", "in June" → the year that puts the date
  nearest to the base date (on or after it for a future-tense clause);
* relative dates: "on Tuesday", "во вторник" → the most recent such day on or before the base
  date (news report the past; on or after it for a future-tense clause), "last Tuesday" →
  strictly before, "next Tuesday" → strictly after; "yesterday", "вчера" → base − 1;
  "last month", "в прошлом месяце" → month; "this year", "next year", "в следующем году" → year;
  seasons ("in the autumn") → year.

Nothing is guessed: an expression that cannot be resolved (no base date for a relative
expression, "next week" whose precision the vocabulary lacks) resolves to None and is counted
by the caller. Expressions opened by a bounding preposition ("since 1994", "до 2050 года") are
not points in time and are skipped altogether.

>>> resolve("on Tuesday", "en", "2021-11-09")
('2021-11-09', 'day')
>>> resolve("last month", "en", "2021-11-09")
('2021-10', 'month')
>>> resolve("в феврале 2021 года", "ru", None)
('2021-02', 'month')
>>> dateline("MOSCOW, November 9. /TASS/. Text", "en", "2021-11-09")
('2021-11-09', 'day')

The pieces: :mod:`bilat.extract.date_scan` (finding expressions), :mod:`bilat.extract.date_calendar`
(their arithmetic); this module puts them together (:func:`resolve`, :func:`find_dates`,
:func:`dateline`) and falls back on dateparser for what the tables do not cover.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from bilat.extract.date_calendar import PRECISIONS, DateExpr, day_month, fmt, fmt_date, parse_base
from bilat.extract.date_scan import scan, vocabulary
from bilat.extract.languages import profile
from bilat.extract.text import fold, lemma

# ---------------------------------------------------------------------------------------------
# public API


def resolve(
    expr: str, lang: str, base: str | None, future: bool = False, past: bool = False
) -> tuple[str, str] | None:
    """(value, precision) of a date expression against the base date ("YYYY-MM-DD"), or None.

    ``future`` asks for the reading of a future-tense clause ("will meet on Friday"), ``past``
    for a clause told as done ("the talks were held in December")."""
    found = scan(expr, lang)
    if len(found) == 1:
        return found[0].resolve(base, future, past)
    if found:
        return None  # several dates: not one expression
    return _dateparser(expr, lang, base, future)


def _dateparser(expr: str, lang: str, base: str | None, future: bool) -> tuple[str, str] | None:
    """dateparser's reading of what the tables do not cover (offline, the language only)."""
    b = parse_base(base)
    if b is None or not any(c.isalnum() for c in expr):
        return None
    parser = _dd_parser(lang, b.isoformat(), future)
    try:
        data = parser.get_date_data(expr)
    except Exception:  # dateparser gives up on odd strings
        return None
    if data is None or data.date_obj is None or data.period not in PRECISIONS:
        return None
    d = data.date_obj.date()
    if not 1800 <= d.year <= 2200:
        return None
    if data.period == "year":
        return fmt(d.year)
    if data.period == "month":
        return fmt(d.year, d.month)
    return fmt_date(d)


@lru_cache(maxsize=16)
def _dd_parser(lang: str, base: str, future: bool):
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": _dt.datetime.fromisoformat(base),
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_TIME_AS_PERIOD": False,
    }
    return DateDataParser(languages=[lang], settings=settings)


def find_dates(sent_text: str, lang: str, base: str | None) -> list[tuple[int, int, str, str]]:
    """(start, end, value, precision) of every resolvable date expression in a sentence."""
    out = []
    for e in scan(sent_text, lang):
        r = e.resolve(base)
        if r is not None:
            out.append((e.start, e.end, r[0], r[1]))
    return out


_SEPARATOR = re.compile(
    r"\([^()\n]{2,40}\)\s*[-–—]\s*"  # "(Reuters) - "
    r"|/\s*[A-ZА-ЯЁ][\w.\-]*(?:[ \-][\w.\-]+)?\s*/\.?\s*"  # "/TASS/. ", "/ИТАР-ТАСС/."
    r"|\s[-–—]\s*"  # " - ", " – "
    r"|\([^()\n]{2,40}\):\s+"  # "(APP): "
    r"|(?<=\d):\s+"  # "KATHMANDU, May 6: "
)
_AGENCY_AFTER = re.compile(r"^[A-ZА-ЯЁ][\w.\-]*(?: [A-ZА-ЯЁ][\w.\-]*){0,2}\.\s+")
_HEAD_WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)


def dateline_span(text: str, lang: str) -> tuple[int, DateExpr | None]:
    """Where a dateline opening the text ends (0 when there is none) and its date expression.

    A dateline is a short head of the first line made of capitalized words (the place, the
    agency), date words and numbers, closed by an agency mark, a dash or a colon after the date:
    "MOSCOW, November 9. /TASS/. ", "ASTANA, Jan 9 (Reuters) - ", "KATHMANDU, May 6: ",
    "ISLAMABAD, Jan 17 (APP): ", "OMSK. KAZINFORM – ", "Астана. 9 января.
    ИНТЕРФАКС - ", "АСТАНА, 22 мая - РИА Новости. ", "Нур-Султан, 16 октября 2019 года – "."""
    line = text.split("\n", 1)[0][:140]
    m = _SEPARATOR.search(line)
    if m is None or m.start() == 0 or m.start() > 80:
        return 0, None
    head = line[: m.start()]
    voc = vocabulary(lang)
    inflected = profile(lang).inflected
    date_words = set(voc.month) | set(voc.yearword) | set(voc.weekday)
    caps = 0
    for w in _HEAD_WORD.findall(head):
        keys = {fold(w)} | ({lemma(w)} if inflected else set())
        if w[:1].isupper():
            caps += sum(1 for c in w if c.isupper()) >= 2 or len(w) > 1
            continue
        if not keys & date_words:
            return 0, None
    found = [e for e in scan(head, lang) if e.kind == "date"]
    if not found and not any(sum(c.isupper() for c in w) >= 2 for w in _HEAD_WORD.findall(head)):
        return 0, None
    if not caps:
        return 0, None
    end = m.end()
    rest = text[end : end + 40]
    a = _AGENCY_AFTER.match(rest)
    if a is not None and m.group().strip()[:1] in "-–—":
        end += a.end()
    return end, (found[0] if found else None)


def dateline(text: str, lang: str, base: str | None) -> tuple[str, str] | None:
    """The date of a dateline opening the text ("MOSCOW, November 9. /TASS/.",
    "ASTANA, Jan 9 (Reuters) -", "АСТАНА, 9 ноября. /ТАСС/."), its year taken from ``base``
    when it has none; None when the text opens with no dated dateline."""
    end, _ = dateline_span(text, lang)
    if not end:
        return None
    head = text[:end]
    b = parse_base(base)
    for e in scan(head, lang):
        if e.kind == "date" and e.day is not None:
            if e.year is None and b is not None and e.month is not None:
                return day_month(b, e.month, e.day, False, past=True)
            return e.resolve(base)
    return None


__all__ = ["resolve", "find_dates", "dateline", "dateline_span", "scan", "DateExpr", "vocabulary"]
