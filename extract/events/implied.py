"""Events told without their usual trigger word: small pure tests on a candidate's words.

A gift told by its verb ("We supplied our Kazakh friends with the necessary testing kits",
"the minister presented Kyrgyzstan with two helicopters") is help given (Aid) only when the verb
takes what is given with "with": "presented his plans", "Paris supplies to Kiev" are no aid,
a gift to one person ("had presented him with his plans") is a present, not help to a state, and
a gift verb with no subject (the heading "Supplying Europe with Russian gas") tells no act.

An agreement told by what is done with its text ("The two sides exchanged several important
documents", "witnessed the exchange of more than 20 … documents", "adopted a joint statement",
"Россия и Эфиопия утвердили дорожную карту", "Соответствующее заявление … приняли Лукашенко и То
Лам") is one only when the deed verb or noun takes a document as its object: "exchanged views",
"adopted a law", "принял посла" are none.

An act named inside the answer to it ("The Kremlin has already expelled Estonian diplomats …, in
retaliation for Estonia's expulsion of Russian diplomats", "expelled a Russian diplomat, an action
taken in response to Moscow's expulsion of a British diplomat") is an earlier act of the other
side: the two triggers of one class stay two events, not one.
"""

from __future__ import annotations

from collections.abc import Iterable


def deed_lacks_document(
    trigger: frozenset[str],
    objects: Iterable[frozenset[str]],
    deeds: frozenset[str],
    documents: frozenset[str],
) -> bool:
    """Whether an Agree trigger that is a deed done with a text (``deeds``: "exchange",
    "adopt", «утвердить») has no object among ``objects`` (the keys of its objects, its passive
    subject, the object of its "of") that is a document (``documents``): such a candidate is no
    agreement. Other triggers never lack it.

    >>> D, N = frozenset({"exchange", "adopt"}), frozenset({"document", "statement"})
    >>> deed_lacks_document(frozenset({"exchange"}), [frozenset({"documents", "document"})], D, N)
    False
    >>> deed_lacks_document(frozenset({"exchanged", "exchange"}), [frozenset({"views", "view"})], D, N)
    True
    >>> deed_lacks_document(frozenset({"adopt"}), [], D, N)
    True
    >>> deed_lacks_document(frozenset({"signed", "sign"}), [], D, N)
    False
    """
    if not trigger & deeds:
        return False
    return not any(keys & documents for keys in objects)


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


def answered_act(upper, lower, keys, answer_words: frozenset[str], depth: int = 8) -> bool:
    """Whether the trigger token ``lower`` hangs on the trigger token ``upper`` through a word of
    ``answer_words`` ("retaliation", "response"), within ``depth`` steps: ``lower`` is the act
    that ``upper`` answers. ``keys``: the keys of each token by index.

    >>> class T:
    ...     def __init__(self, i, head=None):
    ...         self.i, self.head = i, head if head is not None else self
    >>> expelled = T(0); retaliation = T(1, expelled); fr = T(2, retaliation); expulsion = T(3, fr)
    >>> K = [frozenset({"expel"}), frozenset({"retaliation"}), frozenset({"for"}), frozenset({"expulsion"})]
    >>> answered_act(expelled, expulsion, K, frozenset({"retaliation"}))
    True
    >>> answered_act(expelled, expulsion, K, frozenset({"response"}))
    False
    """
    x, seen = lower, False
    for _ in range(depth):
        if x.head.i == x.i:
            return False
        x = x.head
        if x.i == upper.i:
            return seen
        seen = seen or bool(keys[x.i] & answer_words)
    return False
