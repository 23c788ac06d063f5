"""Title matching: the language's title table and the titles found in a text, by their first
word and the words that may stand between ("Minister of Foreign Affairs of …").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import lru_cache

from bilat.extract.languages import profile
from bilat.extract.text import (
    DATA,
    read_table,
    words,
)

MAX_GAP_WORDS = 12


TENURE = "=tenure"  # a title the knowledge base's post of the person gives (positions_posts)

WILD = "*"  # in a title: one adjective naming a country ("замглавы таджикского МИДа")


@dataclass(frozen=True)
class Title:
    words: tuple[str, ...]  # folded words or lemmas; WILD for one adjective
    title_en: str
    title_ru: str
    scope: str  # country | body
    named: bool = False  # only with a name: "leader" never resolves to a holder on its own
    default: str | None = None  # the state of a national post when none is named ("Federal Chancellor")
    formal: bool = False  # only as a body's formal head title ("chief" of Roscosmos: its Director General)
    open: bool = False  # a minister's title ending in its portfolio, which may go on ("… and Trade")
    abbr: bool = False  # its last word is an abbreviation, a title only in capitals ("PM", not "3 pm")
    city: bool = False  # a mission post served in a city ("Consul in Saint Petersburg"), not a state
    organization: bool = False  # a mission to an international organization, named after the title

    @property
    def wild(self) -> bool:
        return WILD in self.words


@dataclass(frozen=True)
class Descriptive:
    """A title used instead of a name: it refers to ``key``."""

    start: int
    end: int
    text: str
    key: str


@lru_cache(maxsize=4)
def titles(lang: str) -> tuple[Title, ...]:
    """The title table: ``titles.tsv``, the national variants of ``national_titles*.tsv`` (a
    post of one state, that state's when the text names none: "Foreign Secretary"), then the
    ministers' titles that ``minister_forms.tsv`` makes of each portfolio of ``portfolios.tsv``
    ("Minister of Agriculture", "замминистра сельского хозяйства"); longest first, the first
    row of the same words winning."""
    rows = [
        (r[0], r[1], r[2], r[3] if len(r) > 3 else "country", r[4] if len(r) > 4 else "")
        for r in read_table(DATA / lang / "titles.tsv")
    ]
    for national in sorted((DATA / lang).glob("national_titles*.tsv")):
        # the hand-written table, then the one tools/make_national_titles.py makes of Wikidata
        rows += [(r[0], r[1], r[2], f"country:{r[3]}", "") for r in read_table(national)]
    for form, en, ru in read_table(DATA / lang / "minister_forms.tsv"):
        for written, p_en, p_ru in read_table(DATA / lang / "portfolios.tsv"):
            kind = "open" if form.endswith(" X") and en.endswith("{en}") else ""
            rows.append((form.replace("X", written), en.format(en=p_en), ru.format(ru=p_ru), "country", kind))
    out = []
    seen = set()
    # a table's row of the same words as a minister's title ending in a portfolio is open too
    # ("minister of energy" of titles.tsv)
    opens = {tuple(_key(w.text, lang) for w in words(r[0])) for r in rows if r[4] == "open"}
    for written, en, ru, scope, kind in rows:
        ws = tuple(WILD if w.text == WILD else _key(w.text, lang) for w in words(written))
        kind = "open" if ws in opens and not kind else kind
        scope, _, default = scope.partition(":")  # "country:germany": a post only one state has
        if ws not in seen:
            seen.add(ws)
            flags = (
                kind == "named",
                default or None,
                kind == "formal",
                kind == "open",
                kind == "abbr",
                kind == "city",
                kind == "organization",
            )
            out.append(Title(ws, en, ru, scope, *flags))
    return tuple(sorted(out, key=lambda t: -len(t.words)))


@lru_cache(maxsize=4)
def link_words(lang: str) -> frozenset[str]:
    return frozenset(_key(r[0], lang) for r in read_table(DATA / lang / "position_links.tsv"))


@lru_cache(maxsize=4)
def honorifics(lang: str) -> tuple[tuple[str, ...], ...]:
    """The honorifics and ranks of the language's ``honorifics.tsv``, each as the keys of its
    words ("H.E" → ("h", ".", "e")), longest first; none without the table."""
    path = DATA / lang / "honorifics.tsv"
    rows = read_table(path) if path.is_file() else []
    keyed = {tuple(_key(w.text, lang) for w in words(r[0])) for r in rows}
    return tuple(sorted(keyed, key=len, reverse=True))


def honorific_end(ws, keys, j: int, table) -> int:
    """The index after the honorifics and ranks (``table``: ``honorifics``) that start at word
    ``j``, each capitalized and with the period after it: "Dr. Subrahmanyam Jaishankar",
    "Lt. Gen. X", "H.E. Mr. X"; ``j`` when none.

    >>> from bilat.extract.text import words
    >>> ws = words("Minister Lt. Gen. Bat Dorjsuren")
    >>> keys = [w.text.lower() for w in ws]
    >>> table = (("h", ".", "e"), ("gen",), ("lt",))
    >>> ws[honorific_end(ws, keys, 1, table)].text
    'Bat'
    >>> honorific_end(ws, keys, 5, table)
    5
    >>> ws = words("Ambassador H.E. Mr Bat")
    >>> ws[honorific_end(ws, [w.text.lower() for w in ws], 1, table + (("mr",),))].text
    'Bat'
    """
    while j < len(ws) and ws[j].text[:1].isupper():
        n = next((len(h) for h in table if tuple(keys[j : j + len(h)]) == h), 0)
        if not n:
            break
        j += n
        if j < len(ws) and ws[j].text == "." and ws[j].start == ws[j - 1].end:
            j += 1
    return j


@lru_cache(maxsize=4)
def _prefix_rows(lang: str) -> tuple[tuple[str, ...], ...]:
    """The rows of the language's ``title_prefixes.tsv``; none without the table."""
    path = DATA / lang / "title_prefixes.tsv"
    return tuple(tuple(r) for r in read_table(path)) if path.is_file() else ()


@lru_cache(maxsize=4)
def deputy_words(lang: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """(words as the title table keys them, English prefix) of the "deputy" rows of
    ``title_prefixes.tsv``, longest first."""
    rows = [
        (tuple(_key(w.text, lang) for w in words(r[1])), r[2]) for r in _prefix_rows(lang) if r[0] == "deputy"
    ]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=4)
def first_words(lang: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """(words as keyed, English prefix) of the "first" rows of ``title_prefixes.tsv``: what
    makes a deputy's title the first deputy's ("First Deputy Head")."""
    return tuple(
        (tuple(_key(w.text, lang) for w in words(r[1])), r[2]) for r in _prefix_rows(lang) if r[0] == "first"
    )


@lru_cache(maxsize=4)
def former_prefixes(lang: str) -> tuple[str, ...]:
    """The "former" prefixes of ``title_prefixes.tsv`` ("ex-", "экс-"), lowercase."""
    return tuple(r[1].lower() for r in _prefix_rows(lang) if r[0] == "former")


@lru_cache(maxsize=4)
def past_stems(lang: str) -> tuple[str, ...]:
    """The "past" word starts of ``title_prefixes.tsv`` ("former", "бывш") and the "former"
    prefixes: a word before a title that makes its holder a past one, lowercase."""
    return tuple(r[1].lower() for r in _prefix_rows(lang) if r[0] == "past") + former_prefixes(lang)


def _unprefixed(word: str, lang: str) -> str:
    """``word`` without a "former" prefix written with it: "Экс-президент" → "президент"."""
    low = word.lower()
    for p in former_prefixes(lang):
        if low.startswith(p) and len(word) > len(p):
            return word[len(p) :]
    return word


def as_deputy(title: Title, keys, i0: int, lang: str) -> tuple[Title, int] | None:
    """The title found at word ``i0`` made its deputy's when deputy words stand right before
    it, with the index of their first word: "заместитель председателя Сената" → Deputy Chairman
    of the Senate; "заместитель министра" → the knowledge base's post of the person whose title
    starts with "Deputy Minister"; a deputy's title of the table after "first" → the first
    deputy's. None when no such words precede, or the title is already a first deputy's or a
    counterpart's. ``title_ru`` stays as the table gives it (the caller has the
    text)."""
    if title.title_en == TENURE or title.title_en.startswith("First "):
        return None
    if title.title_en.startswith("Deputy "):
        # "First Deputy Head of …": a "first" word before a deputy's title of the table
        for ws, prefix in first_words(lang):
            n = len(ws)
            if i0 >= n and tuple(keys[i0 - n : i0]) == ws:
                return replace(title, title_en=f"{prefix} {title.title_en}"), i0 - n
        return None
    for ws, prefix in deputy_words(lang):
        n = len(ws)
        if i0 >= n and tuple(keys[i0 - n : i0]) == ws:
            en = title.title_en
            if en.startswith(TENURE + ":"):
                en = f"{TENURE}:{prefix} {en[len(TENURE) + 1 :]}"
            else:
                en = f"{prefix} {en}"
            return replace(title, title_en=en), i0 - n
    return None


@lru_cache(maxsize=50_000)
def _key(word: str, lang: str) -> str:
    """A word as the title table holds it: by lemma in Russian, folded with a plural -s dropped
    in English ("ministers"): the language's ``title_key``, of the word without a "former"
    prefix ("ex-president" → "president"). Cached (the posts' scan asks it of every word of a
    document, again for each title it tries)."""
    return profile(lang).title_key(_unprefixed(word, lang))


@lru_cache(maxsize=4)
def _titles_by_first_word(lang: str) -> dict[str, tuple[Title, ...]]:
    """The title table by first word, each list in the table's order (longest first)."""
    out: dict[str, list[Title]] = {}
    for t in titles(lang):
        if t.words:
            out.setdefault(t.words[0], []).append(t)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=4)
def prefix_words(lang: str, kind: str) -> frozenset[str]:
    """The words of ``title_prefixes.tsv``'s rows of ``kind``, lowercase: "joint" ("and"):
    between two titles, both one holder's when only the second has the name; "portfolio_join"
    ("and", ","): what continues a minister's portfolio past the table's ("Energy and Water
    Resources"); "portfolio_open" ("of", "for"): what opens one after a bare "minister"."""
    return frozenset(r[1].lower() for r in _prefix_rows(lang) if r[0] == kind)


def portfolio_end(ws, j: int, spanned, joins: frozenset[str], first: bool = False) -> int:
    """The index after a portfolio going on at word ``j``: joining words (``joins``) each
    followed by capitalized words no linked span holds (``spanned(i)``), as many as there are
    ("… and Water Resources", ", Industry and Trade"); with ``first``, capitalized words right
    at ``j`` open it. ``j`` when none.

    >>> from bilat.extract.text import words
    >>> ws = words("Minister of Energy and Water Resources Daler Juma met")
    >>> joins = frozenset({"and", ","})
    >>> portfolio_end(ws, 3, lambda i: i in (6, 7), joins)
    6
    >>> ws = words("Minister of Investment, Industry and Trade Laziz Kudratov met")
    >>> portfolio_end(ws, 2, lambda i: i in (7, 8), joins, first=True)
    7
    >>> portfolio_end(words("Minister of Energy and the people"), 3, lambda i: False, joins)
    3
    """
    end = j
    k = j
    while k < len(ws):
        if not (first and k == j):
            if ws[k].text.lower() not in joins:
                break
            k += 1
        n = k
        while n < len(ws) and ws[n].text[:1].isupper() and ws[n].text.isalpha() and not spanned(n):
            n += 1
        if n == k:
            break
        end = k = n
    return end


def _opened(title: Title, ws, keys, i: int, n: int, spanned, lang: str) -> tuple[Title, int] | None:
    """A minister's title whose portfolio goes on past the table's, or a bare "minister" with
    one the table lacks ("Minister of Investment, Industry and Trade"): the title with the
    portfolio as written, and the index after it; None when there is none (and always for a
    language with no ``portfolio_*`` rows)."""
    joins = prefix_words(lang, "portfolio_join")
    if spanned is None or not joins:
        return None
    if title.open:
        end = portfolio_end(ws, i + n, spanned, joins)
        if end == i + n:
            return None
        more = " ".join(w.text for w in ws[i + n : end]).replace(" ,", ",")
        gap = "" if more.startswith(",") else " "  # ("Minister of Investment, Industry and Trade")
        return replace(title, title_en=f"{title.title_en}{gap}{more}", open=False), end
    opens = prefix_words(lang, "portfolio_open")
    if title.title_en.startswith(TENURE + ":") and n == 1 and i + 1 < len(ws) and keys[i + 1] in opens:
        end = portfolio_end(ws, i + 2, spanned, joins, first=True)
        if end == i + 2:
            return None
        written = " ".join(w.text for w in ws[i + 1 : end]).replace(" ,", ",")
        head = title.title_en[len(TENURE) + 1 :]
        return replace(title, title_en=f"{head} {written}", title_ru=f"{head} {written}", open=False), end
    return None


def find_titles(
    text: str, lang: str, ws=None, keys=None, adjective=None, spanned=None
) -> list[tuple[int, int, Title, int, int]]:
    """Title matches as (start, end, title, first word index, last word index + 1); a WILD word
    of a title matches word ``i`` when ``adjective(i)``. With ``spanned`` (whether a linked
    span holds word ``i``), a minister's portfolio goes on past the table's (:func:`_opened`)."""
    if ws is None:
        ws = words(text)
    if keys is None:
        keys = [_key(w.text, lang) for w in ws]
    by_first = _titles_by_first_word(lang)

    def match_at(i: int) -> Title | None:
        for t in by_first.get(keys[i], ()):
            n = len(t.words)
            if t.abbr and not (i + n <= len(ws) and ws[i + n - 1].text.isupper()):
                continue  # "PM Shehbaz Sharif", never "at 3 pm"
            if tuple(keys[i : i + n]) == t.words or (
                t.wild
                and adjective is not None
                and len(keys[i : i + n]) == n
                and all(
                    k == w or (w == WILD and adjective(i + m))
                    for m, (k, w) in enumerate(zip(keys[i : i + n], t.words, strict=True))
                )
            ):
                return t
        return None

    # a portfolio never runs into a name, a known name or another title ("Minister of Energy
    # and Deputy Prime Minister X")
    blocked = None if spanned is None else (lambda k: spanned(k) or match_at(k) is not None)
    out = []
    after = 0  # the first word after the last title
    for i in [i for i, k in enumerate(keys) if k in by_first]:  # (the words that open a title)
        if i < after:
            continue
        t = match_at(i)
        if t is None:
            continue
        n = len(t.words)
        opened = _opened(t, ws, keys, i, n, blocked, lang)
        if opened is not None:
            t, stop = opened
            n = stop - i
        out.append((ws[i].start, ws[i + n - 1].end, t, i, i + n))
        after = i + n
    return out


class _Spans:
    """The linked spans of a document, sorted, with the look-ups the stage needs in
    logarithmic time (no scan of every span for every title or word)."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s[0] for s in self.spans]
        self.longest = max((s[1] - s[0] for s in self.spans), default=0)
        self.persons = [s for s in self.spans if s[3] == "PER"]
        self.person_starts = [s[0] for s in self.persons]
        self.person_by_end: dict[int, tuple] = {}
        for s in self.persons:
            self.person_by_end.setdefault(s[1], s)

    def near(self, start: int, end: int):
        """The spans that may overlap [start, end), in sorted order."""
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return self.spans[lo:hi]

    def of_words(self, ws) -> list:
        """For each word, the first span (in sorted order) holding its first character."""
        out: list = [None] * len(ws)
        word_starts = [w.start for w in ws]
        for s in self.spans:
            i = bisect.bisect_left(word_starts, s[0])
            while i < len(ws) and word_starts[i] < s[1]:
                if out[i] is None:
                    out[i] = s
                i += 1
        return out


def in_name(title_text: str, name_text: str, names) -> bool:
    """Whether a title written right before a name is a part of the person's own name:
    the title's words then the name's stand in one of the person's ``names`` (hyphens read
    as spaces, case aside): "Amir Abdollahian" of Hossein Amir-Abdollahian is no emir.

    >>> in_name("Amir", "Abdollahian", ["Hossein Amir-Abdollahian"])
    True
    >>> in_name("Amir", "Tamim", ["Tamim bin Hamad Al Thani"]), in_name("President", "Raisi", [])
    (False, False)
    """

    def norm(s: str) -> str:
        return " " + " ".join(s.replace("-", " ").lower().split()) + " "

    written = norm(f"{title_text} {name_text}")
    return any(written in norm(n) for n in names)
