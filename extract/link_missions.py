"""The host of a diplomatic mission the text names by its sending state only ("the Russian
Embassy confirmed", "по заверениям посольства Венесуэлы", "посольство России в республике"):
plain steps over state keys, used by ``link_places`` once the mission's own words have not
named the host.

A mission is in its host state; news about two states names the mission of one of them in
the other, so an embassy named without its host is, in this order: the host a mission of the
same sender named in full in the document has (one host only); the state an anaphor after
"in" stands for ("в республике": the state named last before it, not the sender); the other
of the document's two most-named states, when the sender is one of them and the two stand
clear of the third. Otherwise no mission is made: its host is not known.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from bilat.extract.records import KBEntry


def host_named_in_full(sender: str, missions: Iterable[tuple[str, str]]) -> str | None:
    """The one host of the document's missions of ``sender`` named with both states
    (``missions``: (sender, host) pairs).

    >>> host_named_in_full("russia", [("russia", "cuba"), ("cuba", "russia")])
    'cuba'
    >>> host_named_in_full("russia", [("russia", "cuba"), ("russia", "mexico")]) is None
    True
    """
    hosts = {h for s, h in missions if s == sender}
    return hosts.pop() if len(hosts) == 1 else None


def last_other_state(sender: str, states_before: Sequence[str]) -> str | None:
    """The state an anaphor ("в республике", "in the republic") stands for: the last of
    ``states_before`` (the states named before it, in text order) that is not the sender.

    >>> last_other_state("russia", ["uzbekistan", "russia"])
    'uzbekistan'
    >>> last_other_state("russia", ["russia"]) is None
    True
    """
    for key in reversed(states_before):
        if key != sender:
            return key
    return None


def other_main_state(sender: str, counts: Counter) -> str | None:
    """The other of the document's two most-named states (``counts``: mentions per state),
    when ``sender`` is one of the two and both are named more often than any third.

    >>> other_main_state("russia", Counter(russia=5, venezuela=3, china=1))
    'venezuela'
    >>> other_main_state("venezuela", Counter(russia=5, venezuela=3, china=1))
    'russia'
    >>> other_main_state("russia", Counter(russia=5, venezuela=2, china=2)) is None
    True
    >>> other_main_state("china", Counter(russia=5, venezuela=3, china=1)) is None
    True
    """
    ranked = counts.most_common()
    if len(ranked) < 2:
        return None
    (a, _), (b, nb) = ranked[0], ranked[1]
    if len(ranked) > 2 and ranked[2][1] >= nb:
        return None
    if sender == a:
        return b
    if sender == b:
        return a
    return None


def english_after_of(state: KBEntry, pivot: str = "en") -> str:
    """A state's English name after "of" or "in" in a body's name: its label, with "the" when
    the knowledge base lists that form ("Embassy of the United Kingdom in Russia").

    >>> from bilat.extract.records import Alias
    >>> the_uk = (Alias("the United Kingdom", "en", "alt"),)
    >>> uk = KBEntry("united-kingdom", "Country", (("en", "United Kingdom"),), the_uk)
    >>> english_after_of(uk), english_after_of(KBEntry("cuba", "Country", (("en", "Cuba"),)))
    ('the United Kingdom', 'Cuba')
    """
    label = dict(state.labels)[pivot]
    return next((a.text for a in state.aliases if a.text == "the " + label), label)
