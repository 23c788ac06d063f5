"""Russian: what its profile (``data/ru/profile.tsv``) cannot say as data.

``build_pipeline`` is the pipeline of Russian text: a blank spaCy pipeline with razdel's
tokenizer, natasha (entities, morphology, syntax) and pymorphy3's lemmas. ``has_case`` reads a
word's grammatical case with pymorphy3 (the profile's ``weekday_case``/``season_case``).
``title_key`` reads a title's words by their lemma, ``is_plural`` its head word's number.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from typing import Any

from bilat.extract.text import lemma


def build_pipeline() -> Any:
    """A blank Russian pipeline with razdel's tokenizer, natasha and pymorphy3's lemmatizer."""
    import spacy

    from bilat.extract import nlp as _nlp  # registers the components

    pipeline = spacy.blank("ru")
    pipeline.tokenizer = _nlp.RazdelTokenizer(pipeline.vocab)
    pipeline.add_pipe("natasha")
    pipeline.add_pipe("pymorphy_lemmatizer")
    return pipeline


def has_case(word: str, case: str, normals: Collection[str]) -> bool:
    """Whether ``word`` can be read in ``case`` (a pymorphy3 tag: ``accs``, ``ablt``) as one of
    the words ``normals`` (normal forms, ё folded): day names after "в" are accusative ("в
    среду", not "в среде" — the environment), a season with no preposition is instrumental
    ("осенью")."""
    return any(n in normals for n in _normals_in_case(word.lower(), case))


@lru_cache(maxsize=50_000)
def _normals_in_case(word: str, case: str) -> tuple[str, ...]:
    """The normal forms (ё folded) of pymorphy3's readings of ``word`` in ``case``, in its order."""
    from bilat.extract.nlp import morph_parses

    return tuple(p.normal_form.replace("ё", "е") for p in morph_parses(word) if case in p.tag)


def title_key(word: str) -> str:
    """A word of a title as ``titles.tsv`` holds it: its lemma ("министров" → "министр")."""
    return lemma(word)


@lru_cache(maxsize=50_000)
def is_plural(word: str) -> bool:
    """Is the head word of a title plural ("Президенты")?"""
    from bilat.extract.nlp import morph_parses

    return morph_parses(word.lower())[0].tag.number == "plur"


def inflect(name: str, case: str) -> str | None:
    """A name in the nominative put in ``case`` (a pymorphy3 tag: ``gent``, ``loct``), its words
    up to the head noun, capitals kept: "Россия" → "России", "Республика Молдова" → "Республике
    Молдова"; None when the first word has no such form.

    >>> inflect("Россия", "gent"), inflect("Молдова", "loct"), inflect("США", "gent")
    ('России', 'Молдове', 'США')
    """
    from bilat.extract.nlp import morph_parses

    out: list[str] = []
    head = False  # the head noun inflected: a noun after it is an apposition ("… Молдова")
    for n, word in enumerate(name.split()):
        low = word.lower()
        if head:
            out.append(word)
            continue
        parses = [p for p in morph_parses(low) if "nomn" in p.tag and p.word == low]
        form = None
        for p in parses:
            if {"Fixd", "Abbr"} & set(p.tag.grammemes) or word.isupper():
                form = low
                break
            f = p.inflect({case})
            if f is not None:
                form, head = f.word, "NOUN" in p.tag
                break
        if form is None:
            if n == 0:
                return None
            form = low
        out.append(word if word.isupper() else form[:1].upper() + form[1:] if word[:1].isupper() else form)
    return " ".join(out)


#: pymorphy3's marks of a proper name's reading
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


@lru_cache(maxsize=50_000)
def common_word(word: str) -> bool:
    """Whether a capitalized word is a common word of the dictionary with no reading as a
    name (a sentence's first word "Отношения", "Под"; not "Корея", "Песков", "Газпром").

    >>> common_word("Отношения"), common_word("Под"), common_word("Корея"), common_word("Итуруп")
    (True, True, False, False)
    """
    from bilat.extract.nlp import morph_parses

    if not word[:1].isupper() or word.isupper() or "-" in word:
        return False
    parses = morph_parses(word.lower())
    return parses[0].is_known and not any(_PROPER & set(p.tag.grammemes) for p in parses)


@lru_cache(maxsize=50_000)
def common_noun(word: str) -> bool:
    """Whether a word is a noun of the dictionary with no reading as a name ("Железные"
    no, "Дороги" yes; "Газпром" no).

    >>> common_noun("Дороги"), common_noun("Газпром"), common_noun("Корея")
    (True, False, False)
    """
    from bilat.extract.nlp import morph_parses

    parses = morph_parses(word.lower())
    return (
        parses[0].is_known
        and parses[0].tag.POS == "NOUN"
        and not any(_PROPER & set(p.tag.grammemes) for p in parses)
    )
