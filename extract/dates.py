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
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from bilat.extract.text import DATA, fold, lemma, read_table, words

PRECISIONS = ("day", "month", "year")
_NUMERIC_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_YEAR = re.compile(r"^(1[6-9]\d\d|2\d\d\d)$")


@dataclass(frozen=True)
class Words:
    """The date vocabulary of one language (from dates.tsv)."""

    month: dict[str, int]
    weekday: dict[str, int]
    relday: dict[str, int]
    shift: dict[str, int]
    unit: dict[str, str]
    season: dict[str, int]
    yearword: frozenset[str]
    prep: frozenset[str]
    bound: frozenset[str]
    filler: frozenset[str]
    of: frozenset[str]


@lru_cache(maxsize=4)
def vocabulary(lang: str) -> Words:
    tables: dict[str, dict[str, str]] = {}
    for row in read_table(DATA / lang / "dates.tsv"):
        kind, word = row[0].strip(), fold(row[1])
        value = row[2].strip() if len(row) > 2 else "-"
        tables.setdefault(kind, {})[word] = value
    get = lambda k: tables.get(k, {})  # noqa: E731
    return Words(
        month={w: int(v) for w, v in get("month").items()},
        weekday={w: int(v) for w, v in get("weekday").items()},
        relday={w: int(v) for w, v in get("relday").items()},
        shift={w: int(v) for w, v in get("shift").items()},
        unit=dict(get("unit")),
        season={w: int(v) for w, v in get("season").items()},
        yearword=frozenset(get("yearword")),
        prep=frozenset(get("prep")),
        bound=frozenset(get("bound")),
        filler=frozenset(get("filler")),
        of=frozenset(get("of")),
    )


@dataclass(frozen=True)
class DateExpr:
    """One date expression found in a text: offsets, and what it says.

    ``kind`` is "date" (year/month/day given, any may be None), "weekday", "relday", "unit"
    (shift + unit), "season" or "month" (a month name with a shift)."""

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    shift: int | None = None
    offset: int = 0
    unit: str | None = None

    def resolve(self, base: str | None, future: bool = False) -> tuple[str, str] | None:
        return _resolve_expr(self, _parse_base(base), future)


# ---------------------------------------------------------------------------------------------
# scanning


class _Tok:
    __slots__ = ("start", "end", "text", "keys", "cap")

    def __init__(self, w, lang: str):
        self.start, self.end, self.text = w.start, w.end, w.text
        surf = fold(w.text)
        keys = {surf}
        if lang == "ru":
            keys.add(lemma(w.text))
        self.keys = keys
        self.cap = w.text[:1].isupper()


def _find(tok: _Tok, table) -> object | None:
    for k in tok.keys:
        if k in table:
            return table[k] if isinstance(table, dict) else k
    return None


def _has_case(tok: _Tok, case: str) -> bool:
    """Whether a Russian word can be read in ``case`` as the word of the table: day names
    after "в" are accusative ("в среду", not "в среде" — the environment), a season with no
    preposition is instrumental ("осенью")."""
    from bilat.extract.nlp import morph_analyzer

    for p in morph_analyzer().parse(tok.text.lower()):
        if case in p.tag and p.normal_form.replace("ё", "е") in tok.keys:
            return True
    return False


def scan(text: str, lang: str) -> list[DateExpr]:
    """Every date expression of ``text`` (resolved or not), left to right, never overlapping;
    expressions opened by a bounding preposition are left out."""
    voc = vocabulary(lang)
    toks = [_Tok(w, lang) for w in words(text)]
    out: list[DateExpr] = []
    i = 0
    while i < len(toks):
        bound = _find(toks[i], voc.bound) is not None
        j = i + 1 if (bound or _find(toks[i], voc.prep) is not None) else i
        has_prep = j > i and not bound
        hit = _core(toks, j, lang, voc, has_prep or bound)
        if hit is None:
            i += 1
            continue
        end_idx, expr = hit
        start_tok = toks[i] if (has_prep or bound) else toks[j]
        if not bound:
            s, e = start_tok.start, toks[end_idx - 1].end
            out.append(DateExpr(start=s, end=e, text=text[s:e], **expr))
        i = end_idx
    return out


def _skip(toks, j, table) -> int:
    while j < len(toks) and _find(toks[j], table) is not None:
        j += 1
    return j


def _punct(toks, j, marks: str) -> int:
    while j < len(toks) and toks[j].text in marks:
        j += 1
    return j


def _abbrev_dot(toks, k: int) -> int:
    """The index after the word at ``k``, and after its dot when it is an abbreviation
    ("г.", "Jan."), not the full stop after a whole word ("2005 года.")."""
    if (
        len(toks[k].text) <= 4
        and k + 1 < len(toks)
        and toks[k + 1].text == "."
        and toks[k + 1].start == toks[k].end
    ):
        return k + 2
    return k + 1


def _num(tok: _Tok) -> int | None:
    m = _ORDINAL.match(tok.text)
    return int(m.group(1)) if m else None


def _year(tok: _Tok) -> int | None:
    m = _YEAR.match(tok.text)
    return int(m.group(1)) if m else None


def _month(tok: _Tok, lang: str, voc: Words) -> int | None:
    m = _find(tok, voc.month)
    if m is None:
        return None
    if lang == "en" and not tok.cap:  # "may" the verb, "march" the noun
        return None
    return m  # type: ignore[return-value]


def _weekday(tok: _Tok, lang: str, voc: Words) -> int | None:
    d = _find(tok, voc.weekday)
    if d is None:
        return None
    if lang == "en" and not tok.cap:
        return None
    return d  # type: ignore[return-value]


def _core(toks, j, lang, voc: Words, has_prep: bool):
    """Parse one expression starting at token ``j``: (end index, DateExpr fields) or None."""
    j = _skip(toks, j, voc.filler)
    if j >= len(toks):
        return None
    t = toks[j]
    # numeric dates
    m = _NUMERIC_DMY.match(t.text)
    if m:
        return j + 1, dict(kind="date", year=int(m.group(3)), month=int(m.group(2)), day=int(m.group(1)))
    if (
        j + 4 < len(toks)
        and re.fullmatch(r"\d{1,2}", t.text)
        and toks[j + 1].text == "."
        and re.fullmatch(r"\d{1,2}", toks[j + 2].text)
        and toks[j + 3].text == "."
        and _year(toks[j + 4])
        and toks[j + 1].start == t.end
        and toks[j + 4].start == toks[j + 3].end
    ):
        # "09.11.2021" cut into words
        return j + 5, dict(
            kind="date", year=int(toks[j + 4].text), month=int(toks[j + 2].text), day=int(t.text)
        )
    m = _ISO.match(t.text)
    if m:
        return j + 1, dict(kind="date", year=int(m.group(1)), month=int(m.group(2)), day=int(m.group(3)))
    rel = _find(t, voc.relday)
    if rel is not None:
        return j + 1, dict(kind="relday", offset=rel)
    # shift + unit / weekday / month / season
    sh = _find(t, voc.shift)
    if sh is not None and j + 1 < len(toks):
        k = _skip(toks, j + 1, voc.filler)
        if k < len(toks):
            nxt = toks[k]
            unit = _find(nxt, voc.unit)
            if unit is not None:
                return k + 1, dict(kind="unit", shift=sh, unit=unit)
            wd = _find(nxt, voc.weekday)
            if wd is not None and (lang != "ru" or _has_case(nxt, "accs")):
                return k + 1, dict(kind="weekday", weekday=wd, shift=sh)
            mo = _find(nxt, voc.month)
            if mo is not None:
                return k + 1, dict(kind="month", month=mo, shift=sh)
            se = _find(nxt, voc.season)
            if se is not None:
                return k + 1, dict(kind="season", month=se, shift=sh)
        return None
    # weekday, possibly followed by an explicit date ("Tuesday, November 9")
    wd = _weekday(t, lang, voc)
    if wd is not None:
        if lang == "ru" and not (has_prep and _has_case(t, "accs")):
            return None
        k = _punct(toks, j + 1, ",")
        if k < len(toks):
            after = _core(toks, k, lang, voc, True)
            if after is not None and after[1].get("kind") == "date" and after[1].get("day"):
                return after
        return j + 1, dict(kind="weekday", weekday=wd)
    # day [of] month [,] [year [yearword]]
    d = _num(t)
    if d is not None and 1 <= d <= 31 and j + 1 < len(toks):
        k = _skip(toks, j + 1, voc.of)
        mo = _month(toks[k], lang, voc) if k < len(toks) else None
        if mo is not None:
            end = _abbrev_dot(toks, k) if len(toks[k].text) <= 4 else k + 1
            y, end2 = _year_after(toks, end, voc)
            if y is None:
                end2 = k + 1
            return end2, dict(kind="date", year=y, month=mo, day=d)
        return None
    # month [.] [day] [,] [year]
    mo = _month(t, lang, voc)
    if mo is not None:
        k = _abbrev_dot(toks, j) if len(t.text) <= 4 else j + 1
        if k < len(toks):
            d = _num(toks[k])
            if d is not None and 1 <= d <= 31 and _year(toks[k]) is None:
                end = k + 1
                k2 = _punct(toks, end, ",")
                y, end2 = _year_after(toks, k2, voc)
                return (end2 if y is not None else end), dict(kind="date", year=y, month=mo, day=d)
        y, end = _year_after(toks, k, voc)
        if y is None and not has_prep:
            return None
        return (end if y is not None else j + 1), dict(kind="date", year=y, month=mo)
    # season [year]
    se = _find(t, voc.season)
    if se is not None and (has_prep or (lang == "ru" and _has_case(t, "ablt"))):
        y, end = _year_after(toks, j + 1, voc)
        return (end if y is not None else j + 1), dict(kind="season", month=se, year=y)
    # year [yearword]
    y = _year(t)
    if y is not None:
        k = j + 1
        has_word = k < len(toks) and _find(toks[k], voc.yearword) is not None
        if has_word:
            k = _abbrev_dot(toks, k)
        if has_prep or has_word:
            return k, dict(kind="date", year=y)
    return None


def _year_after(toks, k, voc: Words) -> tuple[int | None, int]:
    if k < len(toks):
        y = _year(toks[k])
        if y is not None:
            end = k + 1
            if end < len(toks) and _find(toks[end], voc.yearword) is not None:
                end = _abbrev_dot(toks, end)
            return y, end
    return None, k


# ---------------------------------------------------------------------------------------------
# resolving


def _parse_base(base: str | None) -> _dt.date | None:
    if not base:
        return None
    try:
        return _dt.date.fromisoformat(base[:10])
    except ValueError:
        return None


def _fmt(y: int, m: int | None = None, d: int | None = None) -> tuple[str, str] | None:
    if not 1 <= y <= 9999:
        return None
    if m is None:
        return f"{y:04d}", "year"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}", "month"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}", "day"


def _resolve_expr(e: DateExpr, base: _dt.date | None, future: bool) -> tuple[str, str] | None:
    if e.kind == "date":
        if e.year is not None:
            return _fmt(e.year, e.month, e.day)
        if base is None or e.month is None:
            return None
        if e.day is None:
            return _fmt(_month_year(base, e.month, None, future), e.month)
        return _day_month(base, e.month, e.day, future)
    if base is None:
        return None
    if e.kind == "relday":
        return _fmt_date(base + _dt.timedelta(days=e.offset))
    if e.kind == "weekday":
        delta = (base.weekday() - e.weekday) % 7  # days back to the most recent such day
        if e.shift == -1:
            back = delta or 7
            return _fmt_date(base - _dt.timedelta(days=back))
        if e.shift == 1:
            fwd = (e.weekday - base.weekday()) % 7 or 7
            return _fmt_date(base + _dt.timedelta(days=fwd))
        if future:
            return _fmt_date(base + _dt.timedelta(days=(e.weekday - base.weekday()) % 7))
        return _fmt_date(base - _dt.timedelta(days=delta))
    if e.kind == "unit":
        if e.unit == "year":
            return _fmt(base.year + (e.shift or 0))
        if e.unit == "month":
            idx = base.year * 12 + base.month - 1 + (e.shift or 0)
            return _fmt(idx // 12, idx % 12 + 1)
        return None  # weeks and days have no precision here
    if e.kind == "month":
        return _fmt(_month_year(base, e.month, e.shift, future), e.month)
    if e.kind == "season":
        y = e.year if e.year is not None else base.year + (e.shift or 0)
        return _fmt(y)
    return None


def _fmt_date(d: _dt.date) -> tuple[str, str]:
    return d.isoformat(), "day"


def _month_year(base: _dt.date, month: int, shift: int | None, future: bool) -> int:
    if shift == -1:
        return base.year if month < base.month else base.year - 1
    if shift == 1:
        return base.year if month > base.month else base.year + 1
    if shift == 0:
        return base.year
    if future:
        return base.year if month >= base.month else base.year + 1
    # the nearest occurrence, ties to the past
    best = None
    for y in (base.year - 1, base.year, base.year + 1):
        dist = abs((y * 12 + month) - (base.year * 12 + base.month))
        if best is None or dist < best[0] or (dist == best[0] and y < best[1]):
            best = (dist, y)
    return best[1]  # type: ignore[index]


def _day_month(
    base: _dt.date, month: int, day: int, future: bool, past: bool = False
) -> tuple[str, str] | None:
    cands = []
    for y in (base.year - 1, base.year, base.year + 1):
        if 1 <= day <= calendar.monthrange(y, month)[1]:
            cands.append(_dt.date(y, month, day))
    if not cands:
        return None
    if future:
        later = [c for c in cands if c >= base]
        if later:
            return _fmt_date(min(later))
    if past:
        earlier = [c for c in cands if c <= base + _dt.timedelta(days=1)]
        if earlier:
            return _fmt_date(max(earlier))
    best = min(cands, key=lambda c: (abs((c - base).days), c > base))
    return _fmt_date(best)


# ---------------------------------------------------------------------------------------------
# public API


def resolve(expr: str, lang: str, base: str | None, future: bool = False) -> tuple[str, str] | None:
    """(value, precision) of a date expression against the base date ("YYYY-MM-DD"), or None.

    ``future`` asks for the reading of a future-tense clause ("will meet on Friday")."""
    found = scan(expr, lang)
    if len(found) == 1:
        return found[0].resolve(base, future)
    if found:
        return None  # several dates: not one expression
    return _dateparser(expr, lang, base, future)


def _dateparser(expr: str, lang: str, base: str | None, future: bool) -> tuple[str, str] | None:
    """dateparser's reading of what the tables do not cover (offline, the language only)."""
    b = _parse_base(base)
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
        return _fmt(d.year)
    if data.period == "month":
        return _fmt(d.year, d.month)
    return _fmt_date(d)


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
)
_AGENCY_AFTER = re.compile(r"^[A-ZА-ЯЁ][\w.\-]*(?: [A-ZА-ЯЁ][\w.\-]*){0,2}\.\s+")
_HEAD_WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)


def dateline_span(text: str, lang: str) -> tuple[int, DateExpr | None]:
    """Where a dateline opening the text ends (0 when there is none) and its date expression.

    A dateline is a short head of the first line made of capitalized words (the place, the
    agency), date words and numbers, closed by an agency mark or a dash: "MOSCOW, November 9.
    /TASS/. ", "ASTANA, Jan 9 (Reuters) - ", "OMSK. KAZINFORM – ", "Астана. 9 января.
    ИНТЕРФАКС - ", "АСТАНА, 22 мая - РИА Новости. ", "Нур-Султан, 16 октября 2019 года – "."""
    line = text.split("\n", 1)[0][:140]
    m = _SEPARATOR.search(line)
    if m is None or m.start() == 0 or m.start() > 80:
        return 0, None
    head = line[: m.start()]
    voc = vocabulary(lang)
    date_words = set(voc.month) | set(voc.yearword) | set(voc.weekday)
    caps = 0
    for w in _HEAD_WORD.findall(head):
        keys = {fold(w)} | ({lemma(w)} if lang == "ru" else set())
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
    b = _parse_base(base)
    for e in scan(head, lang):
        if e.kind == "date" and e.day is not None:
            if e.year is None and b is not None and e.month is not None:
                return _day_month(b, e.month, e.day, False, past=True)
            return e.resolve(base)
    return None


__all__ = ["resolve", "find_dates", "dateline", "dateline_span", "scan", "DateExpr", "vocabulary"]
