"""Date expressions in a text, read with the vocabulary of its language
(``data/{lang}/dates.tsv``) and the grammar its profile states (``data/{lang}/profile.tsv``:
lemmas, capitalized names, cases): :func:`scan` gives each one's offsets and what it says, as a
:class:`~bilat.extract.date_calendar.DateExpr`.

>>> [(e.text, e.kind, e.month, e.day) for e in scan("They met on November 9 in Moscow.", "en")]
[('on November 9', 'date', 11, 9)]
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from bilat.extract.date_calendar import DateExpr
from bilat.extract.languages import Profile, profile
from bilat.extract.text import fold, lemma, read_table, words

__all__ = ["Words", "scan", "scan_spans", "vocabulary"]

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
    #: the words that can open an expression without a digit (relative days, shifts, weekdays,
    #: months, seasons): a word with none of them and no digit first opens nothing
    openers: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def vocabulary(lang: str) -> Words:
    tables: dict[str, dict[str, str]] = {}
    for row in read_table(profile(lang).table("dates.tsv")):
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
        openers=frozenset().union(*(get(k) for k in ("relday", "shift", "weekday", "month", "season"))),
    )


# ---------------------------------------------------------------------------------------------
# scanning


class _Tok:
    __slots__ = ("start", "end", "text", "keys", "cap")

    def __init__(self, w, info: tuple[frozenset[str], bool, bool]):
        self.start, self.end, self.text = w.start, w.end, w.text
        self.keys, self.cap = info[0], info[1]


@lru_cache(maxsize=50_000)
def _word_keys(text: str, inflected: bool) -> tuple[frozenset[str], bool]:
    """A word's keys (its folded text, and its lemma in an inflected language) and whether it
    is capitalized; made once per word (every unit of a document is scanned, word by word),
    shared by the word's tokens."""
    keys = {fold(text)}
    if inflected:
        keys.add(lemma(text))
    return frozenset(keys), text[:1].isupper()


def _find(tok: _Tok, table) -> object | None:
    for k in tok.keys:
        if k in table:
            return table[k] if isinstance(table, dict) else k
    return None


def _has_case(tok: _Tok, case: str, prof: Profile) -> bool:
    """Whether the word can be read in ``case`` (the profile's ``weekday_case``,
    ``season_case``) as the word of the table; always, when the profile names no case."""
    return not case or prof.module.has_case(tok.text, case, tok.keys)


def scan(text: str, lang: str) -> list[DateExpr]:
    """Every date expression of ``text`` (resolved or not), left to right, never overlapping;
    expressions opened by a bounding preposition are left out."""
    ws = words(text)
    info = [_word_info(w.text, lang) for w in ws]
    opens = [n for n, x in enumerate(info) if x[2]]
    if not opens:
        return []  # (no digit, no word of the tables that can open one: most sentences)
    toks = [_Tok(w, x) for w, x in zip(ws, info, strict=True)]
    return _scan(text, toks, opens, lang)


def scan_spans(text: str, spans, lang: str) -> list[list[DateExpr]]:
    """``scan`` of each span (start, end) of ``text``, the offsets those of ``text``: the words
    of the whole text read once (the linker has read them: ``text.words`` keeps them) and a span
    with no word that can open an expression passed over. A span whose edge cuts a word of the
    whole text is scanned on its own (its words are not those of the text there).

    >>> t = "They met on Friday. Talks went on. Next: May 5, 2024"
    >>> [[(e.text, e.start) for e in es] for es in scan_spans(t, [(0, 19), (20, 34), (35, 52)], "en")]
    [[('on Friday', 9)], [], [('May 5, 2024', 41)]]
    >>> [[(e.text, e.start) for e in es] for es in scan_spans(t, [(0, 15)], "en")]  # cuts "Friday"
    [[]]
    """
    ws = words(text)
    starts = [w.start for w in ws]
    info = [_word_info(w.text, lang) for w in ws]
    opens = [n for n, x in enumerate(info) if x[2]]
    out: list[list[DateExpr]] = []
    for a, b in spans:
        lo = bisect.bisect_left(starts, a)
        hi = bisect.bisect_left(starts, b)
        if (lo and ws[lo - 1].end > a) or (hi > lo and ws[hi - 1].end > b):
            out.append(
                [dataclasses.replace(e, start=e.start + a, end=e.end + a) for e in scan(text[a:b], lang)]
            )
            continue
        o, o2 = bisect.bisect_left(opens, lo), bisect.bisect_left(opens, hi)
        if o == o2:
            out.append([])
            continue
        toks = [_Tok(ws[n], info[n]) for n in range(lo, hi)]
        out.append(_scan(text, toks, [n - lo for n in opens[o:o2]], lang))
    return out


@lru_cache(maxsize=50_000)
def _word_info(text: str, lang: str) -> tuple[frozenset[str], bool, bool]:
    """A word's keys, whether it is capitalized (``_word_keys``) and whether it may open an
    expression's core (``_core``: a digit first, or a word of the tables' ``openers``).

    >>> [_word_info(w, "en")[2] for w in ("on", "Friday", "10", "the")]
    [False, True, True, False]
    """
    keys, cap = _word_keys(text, profile(lang).inflected)
    return keys, cap, text[:1].isdigit() or not keys.isdisjoint(vocabulary(lang).openers)


def _scan(text: str, toks: list[_Tok], opens: list[int], lang: str) -> list[DateExpr]:
    """The expressions of the words ``toks`` (offsets those of ``text``), ``opens`` the
    indexes of those that may open a core (``_word_info``), at least one."""
    voc = vocabulary(lang)
    prof = profile(lang)
    out: list[DateExpr] = []
    i = 0
    o = 0  # the first of ``opens`` at or after ``i``
    while i < len(toks):
        while o < len(opens) and opens[o] < i:
            o += 1
        if o == len(opens):
            break  # no expression starts after the last opener
        i = _first_start(toks, i, opens[o], voc)
        bound = _find(toks[i], voc.bound) is not None
        j = i + 1 if (bound or _find(toks[i], voc.prep) is not None) else i
        has_prep = j > i and not bound
        hit = _core(toks, j, prof, voc, has_prep or bound)
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


def _first_start(toks, i: int, opener: int, voc: Words) -> int:
    """The first index from ``i`` at which an expression may start when ``opener`` is the next
    word that can open a core: the word before it, or before the fillers that precede it (a
    core is read from the word after a preposition or from the word itself, fillers skipped;
    from any earlier index it meets a word that opens nothing, and ``_core`` gives None)."""
    p = opener
    while p - 1 > i and _find(toks[p - 1], voc.filler) is not None:
        p -= 1
    return max(i, p - 1)


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


def _month(tok: _Tok, prof: Profile, voc: Words) -> int | None:
    m = _find(tok, voc.month)
    if m is None:
        return None
    if prof.date_names_capitalized and not tok.cap:  # "may" the verb, "march" the noun
        return None
    return m  # type: ignore[return-value]


def _weekday(tok: _Tok, prof: Profile, voc: Words) -> int | None:
    d = _find(tok, voc.weekday)
    if d is None:
        return None
    if prof.date_names_capitalized and not tok.cap:
        return None
    return d  # type: ignore[return-value]


def _core(toks, j, prof: Profile, voc: Words, has_prep: bool):
    """Parse one expression starting at token ``j``: (end index, DateExpr fields) or None."""
    j = _skip(toks, j, voc.filler)
    if j >= len(toks):
        return None
    t = toks[j]
    if not t.text[:1].isdigit() and t.keys.isdisjoint(voc.openers):
        return None  # (what follows needs a digit or a word of the tables below: a shortcut)
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
            if wd is not None and _has_case(nxt, prof.weekday_case, prof):
                return k + 1, dict(kind="weekday", weekday=wd, shift=sh)
            mo = _find(nxt, voc.month)
            if mo is not None:
                return k + 1, dict(kind="month", month=mo, shift=sh)
            se = _find(nxt, voc.season)
            if se is not None:
                return k + 1, dict(kind="season", month=se, shift=sh)
        return None
    # weekday, possibly followed by an explicit date ("Tuesday, November 9")
    wd = _weekday(t, prof, voc)
    if wd is not None:
        if prof.weekday_case and not (has_prep and _has_case(t, prof.weekday_case, prof)):
            return None
        k = _punct(toks, j + 1, ",")
        if k < len(toks):
            after = _core(toks, k, prof, voc, True)
            if after is not None and after[1].get("kind") == "date" and after[1].get("day"):
                return after
        return j + 1, dict(kind="weekday", weekday=wd)
    # day [of] month [,] [year [yearword]]
    d = _num(t)
    if d is not None and 1 <= d <= 31 and j + 1 < len(toks):
        k = _skip(toks, j + 1, voc.of)
        mo = _month(toks[k], prof, voc) if k < len(toks) else None
        if mo is not None:
            end = _abbrev_dot(toks, k) if len(toks[k].text) <= 4 else k + 1
            y, end2 = _year_after(toks, end, voc)
            if y is None:
                end2 = k + 1
            return end2, dict(kind="date", year=y, month=mo, day=d)
        return None
    # month [.] [day] [,] [year]
    mo = _month(t, prof, voc)
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
    if se is not None and (has_prep or (prof.season_case and _has_case(t, prof.season_case, prof))):
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
