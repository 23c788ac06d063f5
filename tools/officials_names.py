"""tools/make_officials.py, the names: the Russian spelling of a romanized name, which names
are personal names, cleaning a name, and the English and Russian words a surname must not be."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from officials_source import DATA, ROOT, rows

from bilat.extract.link_names import fewest_syllables
from bilat.extract.text import match_key

# folded before transliteration (Slavic, Turkish, Azerbaijani letters as Russian writes them)
FOLD = {
    "č": "ch",
    "ć": "ch",
    "š": "sh",
    "ž": "zh",
    "đ": "dj",
    "ř": "rzh",
    "ç": "ch",
    "ş": "sh",
    "ğ": "g",
    "ı": "y",
    "ö": "yo",
    "ü": "yu",
    "ə": "a",
    "ñ": "n",
    "ø": "yo",
    "æ": "e",
    "ł": "l",
}


def _rules() -> list[tuple[re.Pattern, str, str]]:
    """(pattern, Cyrillic, language) of tools/data/translit_en_ru.tsv; "-" is nothing, no
    language is every language."""
    return [
        (re.compile(r[0]), "" if r[1] == "-" else r[1], r[2] if len(r) > 2 else "")
        for r in rows(DATA / "translit_en_ru.tsv")
    ]


_RULES: list | None = None


def _langs(lang: str | None) -> list[str]:
    """The languages of ``lang``: one, or several separated by spaces ("ar fr": Arabic names
    romanized the French way), the first first."""
    return (lang or "").split()


def _rules_for(lang: str | None) -> list[tuple[re.Pattern, str]]:
    """The rows of each language of ``lang`` first (a row may name several languages, separated
    by spaces), then the general rows."""
    global _RULES
    if _RULES is None:
        _RULES = _rules()
    own = [(rx, rep) for want in _langs(lang) for rx, rep, lg in _RULES if want in lg.split()]
    return own + [(rx, rep) for rx, rep, lg in _RULES if not lg]


def _kept_letters(lang: str | None) -> set[str]:
    """Letters with diacritics that a language's own rows spell (French "é", "ç"): not folded."""
    if _RULES is None:
        _rules_for(None)
    return {
        ch
        for want in _langs(lang)
        for rx, _rep, lg in _RULES or ()
        if want in lg.split()
        for ch in rx.pattern
        if ch.isalpha() and not ch.isascii()
    }


_GIVEN: list | None = None


def given_names() -> dict[tuple[str, str], str]:
    """(folded Latin given name, group) → its Russian form, from tools/data/given_names_ru.tsv
    (the group is a language of official_name_rules.tsv "given" or "language" rows)."""
    global _GIVEN
    if _GIVEN is None:
        _GIVEN = [
            (_fold_key(r[0]), r[2] if len(r) > 2 else "", r[1]) for r in rows(DATA / "given_names_ru.tsv")
        ]
    return {(latin, group): ru for latin, group, ru in _GIVEN}


def _fold_key(word: str) -> str:
    """A Latin word without case and diacritics, for the given-name table."""
    low = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in low if c.isascii() and c.isalpha())


def given_form(word: str, groups: list[str]) -> str | None:
    """The Russian form of a given name the table has for one of ``groups`` (the first that has
    it), else None.

    >>> given_form("Jean", ["fr"]), given_form("Justin", ["en"]), given_form("Justin", ["de"])
    ('Жан', 'Джастин', None)
    """
    table = given_names()
    key = _fold_key(word)
    for group in groups:
        if (key, group) in table:
            return table[(key, group)]
    return None


_ARTICLES: list | None = None


def _articles() -> dict[tuple[str, str], tuple[str, str]]:
    """(article, language) → (its Russian form, the Russian letters it assimilates to), from
    tools/data/name_articles_ru.tsv."""
    global _ARTICLES
    if _ARTICLES is None:
        _ARTICLES = [
            (r[0], r[1], r[2], r[3] if len(r) > 3 else "") for r in rows(DATA / "name_articles_ru.tsv")
        ]
    return {(a, lg): (ru, sun) for a, lg, ru, sun in _ARTICLES}


def with_article(article: str, rest: str, lang: str | None) -> str | None:
    """An article joined by a hyphen to a name ("el-Sisi"), as Russian writes it: in lowercase,
    "аль-" before most letters, the article's vowel and the first letter of the name before a
    letter it assimilates to ("ас-Сиси"); None when ``lang`` has no such article.

    >>> with_article("el", "Сиси", "ar"), with_article("al", "Асад", "ar"), with_article("al", "Асад", "fr")
    ('ас-Сиси', 'аль-Асад', None)
    """
    for want in _langs(lang):
        found = _articles().get((article.casefold(), want))
        if found:
            ru, sun = found
            first = rest[:1].lower()
            if first and first in sun.split():
                return ru[:1] + first + "-" + rest
            return ru + "-" + rest
    return None


def _syllables(lang: str | None) -> dict[str, str]:
    """Latin syllable → its Russian spelling, the reading table ``reading_<lang>.tsv`` of the
    extractor reversed (pinyin → Palladius, Hepburn → Polivanov); empty for other languages.
    A Cyrillic letter that only completes a syllable ("й" of "ай") is not one."""
    from bilat.extract.text import DATA as EXTRACT_DATA
    from bilat.extract.text import read_table

    path = EXTRACT_DATA / "common" / f"reading_{lang}.tsv"
    if not lang or not path.exists():
        return {}
    out: dict[str, str] = {}
    for r in read_table(path):
        if len(r) > 1 and r[0] != "й":
            out.setdefault(r[1], r[0])
    return out


def _by_syllables(word: str, table: dict[str, str]) -> str | None:
    """A lowercased Latin word cut wholly into ``table``'s syllables (the fewest), in Cyrillic."""
    cut = fewest_syllables(word, table)
    return cut[1] if cut else None


def to_russian(name: str, lang: str | None = None, given: list[str] | None = None) -> str:
    """A Russian spelling of a romanized personal name (rules in tools/data/translit_en_ru.tsv;
    ``lang``: the language it is romanized from, whose own rows come first).

    >>> to_russian("Jeyhun Bayramov"), to_russian("Shavkat Mirziyoyev"), to_russian("Ararat Mirzoyan")
    ('Джейхун Байрамов', 'Шавкат Мирзиёев', 'Арарат Мирзоян')
    >>> to_russian("Olaf Scholz", "de"), to_russian("Olaf Scholz")
    ('Олаф Шольц', 'Олаф Шолз')

    A language with a syllable table (``extract/data/common/reading_<lang>.tsv``) spells each
    word that its syllables make up by the table (Palladius, Polivanov):

    >>> to_russian("Yoshihide Suga", "ja"), to_russian("Li Qiang", "zh")
    ('Ёсихидэ Суга', 'Ли Цян')

    ``given``: the groups of tools/data/given_names_ru.tsv whose Russian form of a given name
    (every word but the last) is taken as it is; an article of name_articles_ru.tsv before a
    hyphen is written as Russian writes it:

    >>> to_russian("Jean Castex", "fr", ["fr"]), to_russian("Abdel Fattah el-Sisi", "ar")
    ('Жан Кастекс', 'Абдель Фаттах ас-Сиси')
    """
    rules = _rules_for(lang)
    syllables = _syllables(lang)
    kept = _kept_letters(lang)
    words = []
    split = name.split()
    for n, word in enumerate(split):
        form = given_form(word, given or []) if n < len(split) - 1 and "-" not in word else None
        if form:
            words.append(form)
            continue
        pieces = word.split("-")
        if len(pieces) > 1:
            forms = [given_form(p, given or []) if n < len(split) - 1 else None for p in pieces]
            if all(forms):
                words.append("-".join(forms))  # "Jean-Michel" → "Жан-Мишель"
                continue
        if len(pieces) == 2 and pieces[1]:
            joined = with_article(pieces[0], to_russian(pieces[1], lang), lang)
            if joined:
                words.append(joined)
                continue
        parts = []
        for part in pieces:
            low = "".join(c if c in kept else FOLD.get(c, c) for c in part.lower())
            low = "".join(c if c in kept else unicodedata.normalize("NFKD", c) for c in low)
            initial = len(low) == 2 and low.endswith(".")
            low = "".join(c for c in low if c in kept or (c.isascii() and c.isalpha()))
            read = None if initial or not syllables else _by_syllables(low, syllables)
            if read:
                parts.append(read[:1].upper() + read[1:])
                continue
            out, i = [], 0
            while i < len(low):
                for rx, rep in rules:
                    m = rx.match(low, i)
                    if m and m.end() > i:
                        out.append(rep)
                        i = m.end()
                        break
                else:
                    i += 1
            text = "".join(out)[:1] if initial else "".join(out)  # "S." → "С."
            parts.append(text[:1].upper() + text[1:] + ("." if initial else ""))
        words.append("-".join(parts))
    return " ".join(words)


def other_russian(en: str, ru: str, lang: str | None = None) -> list[str]:
    """Other Russian spellings of a name its syllable table spells (``ru``): the letter-by-letter
    one, which part of the Russian press writes too ("Фумио Кишида" beside "Фумио Кисида").

    >>> other_russian("Fumio Kishida", "Фумио Кисида", "ja"), other_russian("Olaf Scholz", "Олаф Шольц", "de")
    (['Фумио Кишида'], [])
    """
    if not _syllables(lang):
        return []
    other = to_russian(en)
    return [other] if other != ru else []


def round_trip(en: str, ru: str, lang: str | None = None) -> bool:
    """The Russian spelling has the English name's spelling key (extract.text.match_key), so
    the linker takes the two for the same spelling; for a language with a syllable table, the
    extractor's reading of the Russian spelling gives the English name's key back.

    >>> round_trip("Yoshihide Suga", "Ёсихидэ Суга"), round_trip("Yoshihide Suga", "Ёсихидэ Суга", "ja")
    (False, True)

    The person key the linker looks the knowledge base's people up by (link_names.person_key:
    vowels in one class, given names in one form) counts too:

    >>> round_trip("Justin Trudeau", "Джастин Трудеау"), round_trip("Justin Trudeau", "Джеймс Трюдо")
    (True, False)
    """
    from bilat.extract.link_names import person_key

    if match_key(ru) == match_key(en) or person_key(ru) == person_key(en):
        return True
    if not _syllables(lang):
        return False
    from bilat.extract.link_names import read_syllables, reading_table

    read = [read_syllables(w, reading_table(lang)) for w in re.split(r"[ -]+", ru)]
    return all(read) and match_key(" ".join(read)) == match_key(en)


def personal_name(name: str) -> bool:
    if not name or re.fullmatch(r"Q\d+", name) or "," in name or " of " in name:
        return False
    last = re.sub(r"^[a-z]{1,3}-", "", name.split()[-1])  # "al-Assad", "el-Sisi"
    if len(name.split()) < 2 or not last[:1].isupper():  # "Nayib buke": a broken label
        return False
    return all(ch.isalpha() or ch in " -'’." for ch in name)


_PATRONYMIC = re.compile(r"(ovich|evich|ovych|ich|ovna|evna|ivna|ogly|oglu|kyzy|qizi|uly|ovitch)$", re.I)


def clean_name(name: str) -> str:
    """Honorifics dropped; a patronymic between the given name and the surname dropped
    ("Abdulla Nigmatovich Aripov" → "Abdulla Aripov": news name people so)."""
    name = re.sub(r"^(Dr|Sheikh|Archbishop|Sir)\.? ", "", name.strip())
    words = name.split()
    if len(words) == 3 and _PATRONYMIC.search(words[1]):
        words = [words[0], words[2]]
    return " ".join(words)


def common_words() -> set[str]:
    """English words and names of other things: spaCy's stop words, the WordNet lemma index
    shipped with the pinned English model (nouns, verbs, adjectives, adverbs, with many proper
    nouns: "Long", "Sabah", "Johnson"; read as a table, the model is not loaded), and the
    extractor's title words."""
    import importlib

    from spacy.lang.en.stop_words import STOP_WORDS
    from spacy.lookups import Lookups

    from bilat.extract.nlp import EN_MODEL

    out = {w.casefold() for w in STOP_WORDS}
    package = Path(importlib.import_module(EN_MODEL).__file__).parent
    index = Lookups().from_disk(next(package.glob("*/lemmatizer/lookups"))).get_table("lemma_index")
    for pos in index.keys():
        out.update(w.casefold() for w in index[pos])
    for r in rows(ROOT / "extract" / "data" / "en" / "title_words.tsv"):
        out.update(w.casefold() for w in r[0].split())
    return out


_MORPH = None


def russian_word(word: str) -> bool:
    """The Russian spelling of a surname is, in the nominative singular, a common noun, a given
    name or a place in pymorphy3's dictionary ("Мета", "Рама", "Петро"), not a surname."""
    global _MORPH
    if _MORPH is None:
        import pymorphy3

        _MORPH = pymorphy3.MorphAnalyzer()
    low = word.lower()
    if not _MORPH.word_is_known(low):  # the analyzer's guesses for unknown words do not count
        return False
    for p in _MORPH.parse(low):
        tags = set(p.tag.grammemes)
        if p.word == low and p.tag.POS == "NOUN" and {"nomn", "sing"} <= tags and "Surn" not in tags:
            return True
    return False
