"""Small text helpers shared by the stages: words with offsets, lemmas, transliteration and the
spelling-folding key that lets "Мухтар Тлеуберди" and "Mukhtar Tleuberdi" meet.

>>> [w.text for w in words("Russia's /TASS/. Нур-Султане kazlenta.kz С.В.Лавров")]
['Russia', "'", 's', '/', 'TASS', '/', '.', 'Нур-Султане', 'kazlenta.kz', 'С', '.', 'В', '.', 'Лавров']
>>> match_key("Mukhtar Tleuberdi") == match_key("Мухтар Тлеуберди")
True
>>> match_key("Sergei Lavrov") == match_key("Sergey Lavrov") == match_key("Сергей Лавров")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parent / "data"

# hyphenated compounds stay one word ("Nur-Sultan"); a dot joins only a lowercase part, as in
# a domain name ("kazlenta.kz"), so that initials split off ("С.В.Лавров" → С . В . Лавров)
_WORD = re.compile(r"\w+(?:-\w+)*(?:\.(?=[a-zа-яё])\w+)*|[^\w\s]", re.UNICODE)
_CYR = re.compile("[а-яёәғқңөұүһі]", re.IGNORECASE)


class Word(NamedTuple):
    """A word and its offsets (a named tuple: a text of a few thousand words makes as many)."""

    start: int
    end: int
    text: str


def words(text: str) -> list[Word]:
    """Words and punctuation marks of ``text`` with their offsets (hyphenated and dotted
    compounds stay one word: "Nur-Sultan", "kazlenta.kz"). A new list each call; the words of
    the last long texts asked about are kept (the linker and the posts read the words of one
    document's whole text several times).

    >>> long = "Nur-Sultan, May 5. " * 20
    >>> words(long) == words(long) and words(long) is not words(long)
    True
    """
    if len(text) < _KEPT_FROM:
        return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    return list(_long_words(text))


_KEPT_FROM = 256  # characters: a shorter text's words are not kept


@lru_cache(maxsize=8)
def _long_words(text: str) -> tuple[Word, ...]:
    return tuple([Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)])


# Unicode format characters (category Cf): invisible, yet they change how text displays or
# matches — bidirectional embeddings, overrides, isolates and marks, zero-width spaces and
# joiners, the word joiner, soft hyphens, a byte order mark inside the text, tags.
_INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)


def strip_invisible(text: str) -> str:
    """``text`` without invisible format characters (Unicode category Cf): right-to-left
    overrides and other bidirectional controls, zero-width spaces and joiners, soft hyphens.

    >>> strip_invisible("Lav\u200brov \u202egnp.exe\u202c")
    'Lavrov gnp.exe'
    """
    return _INVISIBLE.sub("", text) if not text.isascii() else text


def read_table(path: Path) -> list[list[str]]:
    """Rows of a tab-separated data file; '#' starts a comment line; blank lines skipped."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def is_cyrillic(text: str) -> bool:
    return bool(_CYR.search(text))


# Latin letters that look like Cyrillic ones: a Cyrillic word typed with one of them ("Cиньхуа"
# with a Latin C) is read as the Cyrillic word
_LOOKALIKE = str.maketrans("AaBCcEeHKkMOoPpTXxy", "АаВСсЕеНКкМОоРрТХху")
_LATIN = re.compile("[A-Za-z]")
_MIXED_WORD = re.compile(r"\w+")


def unmix(text: str) -> str:
    """Each word written mostly in Cyrillic with Latin look-alike letters, in Cyrillic.

    >>> unmix("Cиньхуа and Xinhua")
    'Синьхуа and Xinhua'
    """
    if not _LATIN.search(text) or not _CYR.search(text):
        return text

    def one(m):
        w = m.group()
        if _LATIN.search(w) and _CYR.search(w):
            fixed = w.translate(_LOOKALIKE)
            if not _LATIN.search(fixed):
                return fixed
        return w

    return _MIXED_WORD.sub(one, text)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case-, ё- and quote-insensitive comparison form of a surface string."""
    text = unicodedata.normalize("NFC", unmix(text)).lower().replace("ё", "е")
    text = re.sub(r"[\"«»“”„'’`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """pymorphy3's normal form of a Russian word (lowercase, ё folded); other words lowercased."""
    word = unmix(word)
    low = word.lower().replace("ё", "е")
    if not _CYR.search(low):
        return low
    from bilat.extract.nlp import morph_parses

    parts = word.replace("ё", "е").replace("Ё", "Е").split("-")
    if len(parts) > 1 and all(parts):
        # "российско-казахстанской": lemmatize the last part, keep the others as written
        return "-".join([p.lower() for p in parts[:-1]] + [lemma(parts[-1])])
    parses = morph_parses(low)  # (most often the parse's lemmatizer asked for it just before)
    if word[:1].isupper():
        # a capitalized word is most likely a name: prefer the parses pymorphy marks as such
        names = [p for p in parses if {"Name", "Surn", "Patr", "Geox", "Orgn"} & set(p.tag.grammemes)]
        if names:
            parses = names
    return parses[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=1)
def _name_cases() -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for row in read_table(DATA / "ru" / "name_cases.tsv"):
        gender, cases, ending = row[0], row[1], row[2]
        for case in cases.split(","):
            out.setdefault((gender, case), []).append((ending, row[3] if len(row) > 3 else ""))
    return {k: tuple(sorted(v, key=lambda r: -len(r[0]))) for k, v in out.items()}


_VOWELS = frozenset("аеёиоуыэюяь")
#: pymorphy3's marks of forms outside the standard language (informal, archaic, slang, typo)
_RARE_FORM = frozenset({"Infr", "Arch", "Slng", "Erro", "Dist"})


@lru_cache(maxsize=1)
def _given_name_endings() -> frozenset[str]:
    return frozenset(row[0] for row in read_table(DATA / "ru" / "given_name_endings.tsv"))


def oblique_given_name(name: str, other: str) -> bool:
    """Whether ``name`` is ``other`` with a man's given name left in an oblique case (an ending
    of ``data/ru/given_name_endings.tsv`` after the consonant ``other``'s given name ends in),
    the other words the same: what the normalizer, reading the case ending as a woman's given
    name, leaves of one person named in two cases ("Найджелу Кейси" read "Найджела Кейси"
    beside "Найджел Кейси").

    >>> oblique_given_name("Найджела Кейси", "Найджел Кейси")
    True
    >>> oblique_given_name("Найджел Кейси", "Найджела Кейси")
    False
    >>> oblique_given_name("Найджела Смит", "Найджел Кейси"), oblique_given_name("Мария Кейси", "Мари Кейси")
    (False, False)
    >>> oblique_given_name("Nigela Casey", "Nigel Casey")
    False
    """
    a, b = name.split(), other.split()
    if len(a) < 2 or len(a) != len(b) or a[1:] != b[1:] or not _CYR.search(b[0]):
        return False
    return (
        len(b[0]) >= 3
        and b[0][-1].lower() not in _VOWELS
        and a[0].startswith(b[0])
        and a[0][len(b[0]) :] in _given_name_endings()
    )


@lru_cache(maxsize=50_000)
def nominative_name(name: str) -> str:
    """A Russian personal name in the nominative when it was written in another case: the
    given name by its dictionary form, its gender and case (pymorphy3's parse as a given name)
    choosing the endings of the other words (``data/ru/name_cases.tsv``); a name in the
    nominative, not Cyrillic, or with no known given-name case stays as it is.

    >>> nominative_name("Содиком Имоми"), nominative_name("Алпарсланом Байрактаром")
    ('Содик Имоми', 'Алпарслан Байрактар')
    >>> nominative_name("Гульшарой Абдыкаликовой"), nominative_name("Мгера Григоряна")
    ('Гульшара Абдыкаликова', 'Мгер Григорян')
    >>> nominative_name("Камала Харрис"), nominative_name("Ивана Черных")
    ('Камала Харрис', 'Иван Черных')
    """
    ws = name.split()
    if len(ws) < 2 or not all(_CYR.search(w) and w[:1].isupper() for w in ws):
        return name
    from bilat.extract.nlp import morph_parses

    parses = morph_parses(ws[0].lower().replace("ё", "е"))
    # a given name pymorphy knows as one, else its best guess when that is a singular noun of
    # the standard language (an informal, archaic or slang form is no reading of a foreign given
    # name: "Мацей" is no "маца")
    named = [p for p in parses if "Name" in p.tag and "sing" in p.tag] or [
        p for p in parses[:1] if "NOUN" in p.tag and "sing" in p.tag and not _RARE_FORM & set(p.tag.grammemes)
    ]
    if not named:
        return _syllabic_nominative(ws) or name
    if "-" in ws[0]:
        return name
    p = named[0]
    rows = _name_cases().get((p.tag.gender or "", p.tag.case or ""))
    first = p.normal_form.capitalize()
    if rows is None and p.tag.case == "nomn" and p.tag.gender == "masc" and len(ws) == 2:
        # a man's given name the writer left undeclined before a surname in an oblique case
        # ("члена комитета Дин Сюэсяна"): the surname's case, when pymorphy reads it only so
        case = _oblique_only(ws[1])
        rows = _name_cases().get(("masc", case)) if case else None
        first = ws[0]
    if rows is None:
        return _syllabic_nominative(ws) or name
    out = [first]
    for w in ws[1:]:
        low = w.lower()
        for ending, nominative in rows:
            stem = low[: len(low) - len(ending)]
            if low.endswith(ending) and len(stem) >= 2:
                short = len(ending) == 1 or (ending[0] not in _VOWELS and len(ending) < 4)
                if short and stem[-1] in _VOWELS:
                    continue
                w = w[: len(w) - len(ending)] + nominative
                break
        else:
            if p.tag.gender == "masc" and _unmarked_consonant(low):
                # a man's surname ending in a consonant takes the case ending ("Харриса"): one
                # without it says the given name is a woman's, in the nominative ("Камала Харрис"),
                # or that the name is written in syllables, family name first ("Пак Чином")
                return _syllabic_nominative(ws) or name
        out.append(w)
    return " ".join(out)


def _syllabic_nominative(ws: list[str]) -> str | None:
    """A name written family name first in syllables of a reading table (Chinese by
    Palladius, Korean by Kontsevich: "Цуй Цимином", "Пак Чином", "Ким Чен Ыном") declines only
    its last word, and only as a man's name on a consonant; its instrumental ending ("-ом",
    "-ем" after a consonant, the ``masc ablt`` rows of ``name_cases.tsv``) is the one case
    ending no such syllable has, so it is cut. Every other word is one syllable of the table
    and the cut last word three syllables at most of the same table ("Али Хашем", "Ким
    Салем" stay); None when the name is not of that shape.

    >>> _syllabic_nominative(["Цуй", "Цимином"]), _syllabic_nominative(["Пак", "Чином"])
    ('Цуй Цимин', 'Пак Чин')
    >>> _syllabic_nominative(["Ван", "И"]), _syllabic_nominative(["Ли", "Цяна"])
    (None, None)
    >>> _syllabic_nominative(["Али", "Хашем"]), _syllabic_nominative(["Салем"])
    (None, None)
    """
    from bilat.extract.link_names import fewest_syllables, reading_table

    last = ws[-1]
    if len(ws) < 2 or len(last) < 4:
        return None
    low = last.lower().replace("ё", "е")
    for ending, nominative in _name_cases().get(("masc", "ablt"), ()):
        if len(ending) != 2 or not low.endswith(ending) or low[-3] in _VOWELS or low[-3] == "й":
            continue
        stem = low[: len(low) - len(ending)] + nominative
        for table in _SYLLABLE_TABLES:
            syl = reading_table(table)
            cut = fewest_syllables(stem, syl)
            if all(w.lower().replace("ё", "е") in syl for w in ws[:-1]) and cut and cut[0] <= 3:
                return " ".join([*ws[:-1], last[: len(last) - len(ending)] + nominative])
    return None


#: the reading tables (``data/common/reading_<table>.tsv``) of names written in syllables,
#: family name first, that Russian declines at the last word only
_SYLLABLE_TABLES = ("zh", "kp")


def _oblique_only(word: str) -> str | None:
    """The one oblique case pymorphy reads a capitalized word in as a man's name or surname,
    when it has no such reading in the nominative ("Сюэсяна" → "gent"; "Дуда", "Шойгу" → None)."""
    from bilat.extract.nlp import morph_parses

    parses = [
        p
        for p in morph_parses(word.lower())
        if p.tag.gender == "masc" and "sing" in p.tag and {"Name", "Surn"} & set(p.tag.grammemes)
    ]
    cases = {p.tag.case for p in parses if p.tag.case != "accs"}
    if not parses or "nomn" in cases or len(cases) != 1:
        return None
    return cases.pop()


def _unmarked_consonant(word: str) -> bool:
    """A lowercase word ending in a consonant that is not an indeclinable surname's ending
    ("-ых", "-их": ``name_cases.tsv``, "indeclinable" rows)."""
    if not word or word[-1] in _VOWELS or word[-1] == "й" or not _CYR.search(word[-1]):
        return False
    return not any(word.endswith(e) for e, _ in _name_cases().get(("indeclinable", "-"), ()))


@lru_cache(maxsize=1)
def _endings() -> tuple[str, ...]:
    return tuple(sorted((r[0] for r in read_table(DATA / "ru" / "name_endings.tsv")), key=len, reverse=True))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude stem of a Russian word for names the dictionary does not know: lowercase, one
    case ending cut, at least three letters kept; other words are only lowercased.

    >>> stem("Пашиняном"), stem("Пашинян"), stem("Токаева"), stem("Токаевым")
    ('пашинян', 'пашинян', 'токаев', 'токаев')
    """
    low = unmix(word).lower().replace("ё", "е")
    if not _CYR.search(low):
        return low
    if "-" in low:
        head, _, last = low.rpartition("-")
        return head + "-" + stem(last)
    if low.endswith("ов") or low.endswith("ев") or low.endswith("ин"):
        return low  # a surname's nominative: "Лавров", "Токаев", "Путин"
    for end in _endings():
        if low.endswith(end) and len(low) - len(end) >= 3:
            return low[: -len(end)]
    return low


@lru_cache(maxsize=1)
def _translit_table() -> dict[str, str]:
    return {
        row[0]: (row[1] if len(row) > 1 else "") for row in read_table(DATA / "common" / "translit_ru.tsv")
    }


@lru_cache(maxsize=1)
def _key_rules() -> list[tuple[str, str]]:
    return [(row[0], row[1] if len(row) > 1 else "") for row in read_table(DATA / "common" / "match_key.tsv")]


def translit(text: str) -> str:
    """Latin transliteration of Cyrillic letters (others unchanged), keeping capitals.

    >>> translit("Алексей Майшев")
    'Aleksey Mayshev'
    """
    table = _translit_table()
    out = []
    for ch in text:
        low = ch.lower()
        if low in table:
            rep = table[low]
            out.append(rep.capitalize() if ch != low and rep else rep)
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=1)
def _name_rules() -> list[tuple[re.Pattern, str]]:
    return [
        (re.compile(row[0]), row[1] if len(row) > 1 else "")
        for row in read_table(DATA / "common" / "translit_ru_names.tsv")
    ]


def english_name(name: str) -> str:
    """The English spelling of a Russian personal name (BGN/PCGN-style with the common
    exceptions of English-language news; rules in ``data/common/translit_ru_names.tsv``).

    >>> english_name("Дмитрий Песков"), english_name("Евгений Шевчук"), english_name("Мария Захарова")
    ('Dmitry Peskov', 'Yevgeny Shevchuk', 'Maria Zakharova')
    """
    rules, out = _name_rules(), []
    low = name.lower()
    i = 0
    while i < len(name):
        for rx, rep in rules:
            m = rx.match(low, i)
            if m and m.end() > i:
                out.append(rep.capitalize() if name[i] != low[i] else rep)
                i = m.end()
                break
        else:
            out.append(translit(name[i]))
            i += 1
    return "".join(out)


@lru_cache(maxsize=200_000)
def match_key(name: str) -> str:
    """A spelling-folding key: transliterated, lowercased, variants of one name folded,
    doubled letters collapsed, words joined by '-' (kept per name, as :func:`fold` is: the
    linker keys the same names in one document after another)."""
    s = unicodedata.normalize("NFKD", translit(fold(name)))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    for src, dst in _key_rules():
        s = s.replace(src, dst)
    s = re.sub(r"(.)\1+", r"\1", s)
    return "-".join(s.split())
