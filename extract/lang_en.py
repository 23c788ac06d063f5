"""English: what its profile (``data/en/profile.tsv``) cannot say as data.

``build_pipeline`` is the spaCy pipeline of English text: the packaged small English model with
the ``line_starts`` component (a line break starts a sentence) before the parser.
``title_key`` and ``is_plural`` read a title's words: folded, a plural -s dropped.

>>> title_key("Ministers"), is_plural("ministers"), is_plural("Congress")
('minister', True, False)
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from bilat.extract.text import fold


def build_pipeline() -> Any:
    """spaCy's English model, with line starts marked before the parser."""
    import spacy

    from bilat.extract import nlp as _nlp  # registers the components

    pipeline = spacy.load(_nlp.EN_MODEL)
    pipeline.add_pipe("line_starts", before="parser")
    for word in abbreviations():  # "the Hon. Anthony Albanese": no sentence ends after "Hon."
        pipeline.tokenizer.add_special_case(word + ".", [{"ORTH": word + "."}])
    return pipeline


def abbreviations() -> tuple[str, ...]:
    """The honorifics and ranks written with a period that ends no sentence (``abbreviation``
    rows of ``data/en/honorifics.tsv``: "Hon", "Lt", "Col").

    >>> "Hon" in abbreviations(), "Mr" in abbreviations()
    (True, False)
    """
    from bilat.extract.text import DATA, read_table

    rows = read_table(DATA / "en" / "honorifics.tsv")
    return tuple(r[0] for r in rows if len(r) > 1 and r[1] == "abbreviation")


def title_key(word: str) -> str:
    """A word of a title as ``titles.tsv`` holds it: folded, plural -s dropped ("ministers")."""
    w = fold(word)
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w


def is_plural(word: str) -> bool:
    """Is the head word of a title plural ("ministers")?"""
    w = word.lower()
    return len(w) > 4 and w.endswith("s") and not w.endswith("ss")


def singular(word: str) -> str | None:
    """The singular of a regular plural, lowercase ("Ministries" → "ministry", "Ministers" →
    "minister"), None for a word that is no plural ("Congress", "Affairs" gives "affair").

    >>> singular("Ministries"), singular("Ministers"), singular("Congress"), singular("Council")
    ('ministry', 'minister', None, None)
    """
    w = word.lower()
    if not is_plural(w):
        return None
    return w[:-3] + "y" if w.endswith("ies") else w[:-1]


def common_noun(word: str) -> bool:
    """Whether a word, singular or plural, is a noun of the English model's lemmatizer index
    (WordNet's nouns: "Airlines", "Railways", "Office"; not "Gazprom", "Uzbekneftegaz").

    WordNet lists some proper names too ("Wilson"); callers ask it only of a word that is
    no known name and follows a state's name.
    """
    w = word.lower()
    if not w.isalpha() or not w.isascii():
        return False
    nouns = _lexicon()["noun"]
    forms = {w}
    if w.endswith("ies"):
        forms.add(w[:-3] + "y")
    if w.endswith("es"):
        forms.add(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        forms.add(w[:-1])
    return bool(forms & nouns)


def opening_word(word: str) -> bool:
    """Whether a capitalized word that opens a sentence or a title-case line is a common word
    no name begins with, so that the NER's person starting with it starts after it: a verb's
    -ing form ("Welcoming Rutte", "Urging Turkic unity") or a verb, adjective or adverb of the
    lexicon that is no noun ("Summon Russian Ambassador", "Strategic Context"); not a word that
    is also a noun ("Mark", "Grant", "Hope"), an irregular verb form ("Said") or a short word.

    >>> [opening_word(w) for w in ("Welcoming", "Urging", "Summon", "Strategic")]
    [True, True, True, True]
    >>> [opening_word(w) for w in ("Mark", "Said", "Rutte", "Jinping", "To", "WELCOMING")]
    [False, False, False, False, False, False]
    """
    if len(word) < 4 or not word[:1].isupper() or word.isupper():
        return False
    w = word.lower()
    if not w.isalpha() or not w.isascii():
        return False
    lex = _lexicon()
    if w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
        stems = {stem, stem + "e"} | ({stem[:-1]} if len(stem) > 2 and stem[-1] == stem[-2] else set())
        if stems & lex["verb"]:
            return True
    if w in lex["noun"] or w in lex["verb_forms"]:
        return False
    return w in lex["verb"] or w in lex["adj"] or w in lex["adv"]


def lexicon_word(word: str) -> bool:
    """Whether a word, singular or plural, is a common word of the lexicon (a noun, verb,
    adjective or adverb: "Russian", "Context", "Turkic"; not "Rutte").

    >>> lexicon_word("Context"), lexicon_word("Russian"), lexicon_word("Rutte")
    (True, True, False)
    """
    w = word.lower()
    if common_noun(word):
        return True
    lex = _lexicon()
    return any(w in lex[pos] for pos in ("verb", "adj", "adv"))


def proper_adjective(word: str) -> bool:
    """Whether a capitalized word is an adjective of the lexicon ("Turkic", "Baltic",
    "Atlantic"; not "Rutte", "Caspian" which the lexicon has as a noun only).

    >>> proper_adjective("Turkic"), proper_adjective("Baltic"), proper_adjective("Caspian")
    (True, True, False)
    """
    return word[:1].isupper() and not word.isupper() and word.lower() in _lexicon()["adj"]


def modified_noun(word: str) -> bool:
    """Whether a lowercase word after a capitalized adjective is the noun it modifies ("world",
    "states", "bloc"), not a function word ("in", "from", "and").

    >>> modified_noun("world"), modified_noun("states"), modified_noun("in"), modified_noun("from")
    (True, True, False, False)
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    return word.isalpha() and word.islower() and word not in STOP_WORDS and common_noun(word)


def name_word(word: str) -> bool:
    """Whether a capitalized word reads as a name only: no function word, no word of the
    lexicon ("Akkuyu", "Paks"; not "The", "New", "Russian").

    >>> name_word("Akkuyu"), name_word("Paks"), name_word("The"), name_word("New"), name_word("nuclear")
    (True, True, False, False, False)
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    return (
        word[:1].isupper()
        and word.isalpha()
        and len(word) > 2
        and word.lower() not in STOP_WORDS
        and not lexicon_word(word)
    )


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    """The English model's lemmatizer index by part of speech (noun, verb, adj, adv) and the
    irregular verb forms of its exceptions ("said", "rose"), read from the model's files (0.03 s)
    rather than from its loaded pipeline (0.9 s to build, in a process that may read Russian
    only: a Russian company named "Malaysia Airlines" asks ``common_noun``)."""
    from bilat.extract import nlp as _nlp

    folder = _lookups_folder(_nlp.EN_MODEL)
    if folder is not None:
        from spacy.lookups import Lookups

        lookups = Lookups().from_disk(folder)
    else:  # pragma: no cover - a model packaged otherwise: its pipeline's tables
        lookups = _nlp.load("en").get_pipe("lemmatizer").lookups
    index, exc = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    out = {pos: frozenset(index[pos]) for pos in ("noun", "verb", "adj", "adv")}
    out["verb_forms"] = frozenset(exc["verb"])
    return out


def _lookups_folder(model: str):
    """The folder of the lemmatizer's lookup tables in the installed model package ``model``
    (``<package>/<name>-<version>/lemmatizer/lookups``), or None."""
    from spacy.util import get_package_path

    try:
        found = sorted(get_package_path(model).glob("*/lemmatizer/lookups/lookups.bin"))
    except (ImportError, OSError, ValueError):
        return None
    return found[0].parent if found else None
