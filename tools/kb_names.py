"""What the generators of kb/ share to leave out a name another entry already has: the folded
form they compare names in, the keys and names of the other knowledge-base files, and the test
for a one-word Russian name that is a common noun (tools/make_cities.py, tools/make_regions.py),
and the test for a Russian place name among names of no stated language (tools/make_cities.py)."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Collection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fold(text: str) -> str:
    """A name as the generators compare it.

    >>> fold("Ёлки"), fold("PRAGUE")
    ('елки', 'prague')
    """
    return unicodedata.normalize("NFC", text).casefold().replace("ё", "е")


def kb_keys_and_names(left_out: Collection[str]) -> tuple[set[str], set[str]]:
    """Keys and (folded) names of the entries of every kb/*.ttl file but those named in
    ``left_out`` (file names: the generated files, which yield to the others)."""
    from bilat.graph.kb import load_kb

    paths = [p for p in sorted((ROOT / "kb").glob("*.ttl")) if p.name not in left_out]
    keys, names = set(), set()
    for e in load_kb(paths):
        keys.add(e.key)
        names.update(fold(a.text) for a in e.aliases)
    return keys, names


def common_word_ru(label: str) -> bool:
    """True when a one-word Russian name is also a common noun or a given name of the
    dictionary (Вена 'vein', Дакар); the analyzer's guesses for a word it does not know
    ("Кампала", "Любляна" read as nouns by their endings) do not count."""
    if " " in label or "-" in label:
        return False
    return any(
        p.is_known and p.normal_form == fold(label) and "Geox" not in p.tag and "NOUN" in p.tag
        for p in _morph().parse(label.lower())
    )


def place_name_ru(label: str) -> bool:
    """True when ``label`` is a place name of the Russian dictionary (pymorphy3's, from
    OpenCorpora): a known geographical noun (Geox) whose dictionary form is the label itself,
    spelled as given. The test that picks a Russian name among the Cyrillic alternate names of
    GeoNames, which mix Russian, Ukrainian, Bulgarian, Serbian… with no language stated: of
    "Оттава", "Отава", "Атава" only the first; the analyzer's guesses for words it does not know
    do not count, nor do names with a space (no dictionary entry holds one).

    >>> [place_name_ru(w) for w in ("Оттава", "Отава", "Київ", "Буэнос-Айрес", "оттава")]
    [True, False, False, True, False]
    """
    if not label[:1].isupper() or " " in label:
        return False
    return any(
        p.is_known and p.normal_form == fold(label) and "Geox" in p.tag and "nomn" in p.tag
        for p in _morph().parse(label.lower())
    )


@functools.lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()
