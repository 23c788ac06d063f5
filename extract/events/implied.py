"""Events told without their usual trigger word: small pure tests on a candidate's words.

A gift told by its verb ("We supplied our Kazakh friends with the necessary testing kits",
"the minister presented Kyrgyzstan with two helicopters") is help given (Aid) only when the verb
takes what is given with "with": "presented his plans", "Paris supplies to Kiev" are no aid,
a gift to one person ("had presented him with his plans") is a present, not help to a state, and
a gift verb with no subject (the heading "Supplying Europe with Russian gas") tells no act.
"""

from __future__ import annotations

from collections.abc import Iterable


def gift_lacks_object(
    trigger: frozenset[str],
    children: Iterable[frozenset[str]],
    gift_verbs: frozenset[str],
    gift_preps: frozenset[str],
    one_person: frozenset[str] = frozenset(),
    has_subject: bool = True,
) -> bool:
    """Whether a gift verb (``gift_verbs``: "supply", "present") has no child that brings what
    is given (``gift_preps``: "with"), or has a child that names one person as the receiver
    (``one_person``: "him", "her"), or has no subject (``has_subject`` False): such a
    candidate is no Aid. Other triggers never lack it.

    >>> V, P = frozenset({"supply", "present"}), frozenset({"with"})
    >>> gift_lacks_object(frozenset({"supplied", "supply"}), [frozenset({"we"}), frozenset({"with"})], V, P)
    False
    >>> gift_lacks_object(frozenset({"presented", "present"}), [frozenset({"plan"})], V, P)
    True
    >>> gift_lacks_object(frozenset({"aid"}), [], V, P)
    False
    >>> kids = [frozenset({"him", "he"}), frozenset({"with"})]
    >>> gift_lacks_object(frozenset({"present"}), kids, V, P, frozenset({"him"}))
    True
    >>> gift_lacks_object(frozenset({"supply"}), [frozenset({"with"})], V, P, has_subject=False)
    True
    """
    if not trigger & gift_verbs:
        return False
    if not has_subject:
        return True
    kids = list(children)
    if any(keys & one_person for keys in kids):
        return True
    return not any(keys & gift_preps for keys in kids)
