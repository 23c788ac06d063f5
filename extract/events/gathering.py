"""Gathering: a meeting verb is a meeting only when what it takes is someone or a gathering.

Seen on the real-news dev corpus (tests/corpus): "the document fully meets the interests of the
two nations" (en_kz-tj_02), "both of which host Russian military bases" (en_kg-tj_01),
"Rosatom's readiness to take part in construction of the NPP" (en_ru-kz_13), "take part in
fighting" (en_ru-de_01): the verb's object is a thing, and the gold has no meeting there; "met
Wang Yi", "hosted Putin", "meet many leaders", "host the club's annual summit", "attend the
Council of Foreign Ministers", "take part in celebrations", "attended the opening ceremony" are
meetings or visits.

Plain values: the keys (lemma, form) of the trigger's words and, for each object of the verb
(its direct object, or the noun after "take part in"), its keys and whether it names an actor
(a linked person, body or state, a pronoun, a bare title or a guest word)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def takes_a_thing(
    trigger: Sequence[frozenset[str]],
    objects: Iterable[tuple[frozenset[str], bool]],
    verbs: frozenset[str],
    gatherings: frozenset[str],
) -> bool:
    """Whether a meeting verb of ``verbs`` ("meet", "host", "attend", "take part") takes an
    object that is neither an actor nor a ``gatherings`` word (a meeting, summit, ceremony …):
    then it tells no meeting ("meets the interests", "host military bases", "take part in
    construction"). A verb with no object ("met with X", "will host") is left alone.

    >>> verbs, gath = frozenset({"meet", "host", "part"}), frozenset({"summit", "ceremony"})
    >>> takes_a_thing([frozenset({"meet"})], [(frozenset({"interest"}), False)], verbs, gath)
    True
    >>> takes_a_thing([frozenset({"meet"})], [(frozenset({"counterpart"}), True)], verbs, gath)
    False
    >>> takes_a_thing([frozenset({"host"})], [(frozenset({"summit"}), False)], verbs, gath)
    False
    >>> takes_a_thing([frozenset({"met"}), frozenset({"with"})], [], verbs, gath)
    False
    """
    if not any(keys & verbs for keys in trigger):
        return False
    objects = list(objects)
    return bool(objects) and all(not actor and not keys & gatherings for keys, actor in objects)
