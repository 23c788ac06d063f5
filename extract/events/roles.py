"""Roles of an event's arguments decided on plain values (issue 9, participants and speakers):
which country a visit goes to when the sentence does not say it. Pure functions of keys, no
parse and no view: the callers in ``arguments`` hand them what the sentence names."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def visit_host(
    visitor_states: Iterable[str], named: Sequence[str], pair: Sequence[str], elsewhere: bool = False
) -> str | None:
    """The country a visit goes to when no destination is named with the visit word ("His
    previous visit, in October 2023, was …", "в ходе нынешнего визита Казакбаев обсудил …"):
    the first country the sentence names as a noun (not "Ukrainian" in "Ukrainian children")
    that is not the visitor's, else the other state of the article's pair when the visitor
    is of one of them, unless the sentence names a place of no known state (``elsewhere``:
    "турне по среднеазиатским странам", "the Central Asia — Russia summit"); None when the
    visitor's state is unknown.

    ``visitor_states``: the states of the visitor (empty when unknown); ``named``: the
    countries the sentence names as nouns, in text order; ``pair``: the article's two states.

    >>> visit_host({"russia"}, ["kyrgyzstan"], ("kyrgyzstan", "russia"))
    'kyrgyzstan'
    >>> visit_host({"russia"}, [], ("kyrgyzstan", "russia"))
    'kyrgyzstan'
    >>> visit_host({"russia"}, ["russia"], ("kyrgyzstan", "russia"))
    'kyrgyzstan'
    >>> visit_host({"china"}, [], ("kyrgyzstan", "russia")) is None
    True
    >>> visit_host(set(), [], ("kyrgyzstan", "russia")) is None
    True
    >>> visit_host({"germany"}, [], ("germany", "kazakhstan"), elsewhere=True) is None
    True
    """
    mine = set(visitor_states)
    if not mine:
        return None
    for k in named:
        if k not in mine:
            return k
    others = [k for k in pair if k not in mine]
    if not elsewhere and len(pair) == 2 and len(others) == 1:
        return others[0]
    return None
