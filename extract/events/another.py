"""Another meeting: talks dated in another month than the article are not the article's
meeting told again ("their meeting at the Vostochny Cosmodrome in September" in an article of
June; "the meeting of … Putin and … Prayut Chan-o-cha in Singapore in November 2018"; "a
meeting was held in Washington in November" in a minister's words of May): a meeting named
beside the one the article reports. Such a meeting noun does not refer back (``triggers.
refers_back``), is kept when a speaker tells it as held (``typed.kept_in_quote``) and is not
folded into the article's meeting (``coref.restated``). Plain values in, plain values out.

Only an explicit date of its own clause counts (``context.date_for``), more than a month away
from the article's date: "today", "this year", a date of the article's own month or of its last
weeks (the article's meeting told late) are no other time. (After the ``ev-meet`` branch, which
had the coref part.)

Two meeting nouns of one word joined by "and" are two meetings (``coordinated_twins``: "the
NATO-Russia Council meeting was held in Brussels on January 12, and the OSCE Permanent Council
meeting in Vienna on January 13"): neither refers back, neither is merged into the other
(``triggers.candidates``, ``typed.typed_unit``) nor dropped as the same talks told twice in a
clause (``retell.one_talk_per_clause``, by ``named_side_by_side`` in the package)."""

from __future__ import annotations

import datetime as dt


def other_month(date: str | None, base: str | None, days: int = 31) -> bool:
    """Whether ``date`` (an ISO date, maybe only year or year-month) lies in another month than
    ``base`` (the article's date), more than ``days`` away from it. A year alone is another
    time only when it is an earlier year.

    >>> other_month("2023-09", "2023-12-05"), other_month("2024-09", "2024-06-20")
    (True, True)
    >>> other_month("2023-12-01", "2023-12-05"), other_month("2023-11-30", "2023-12-05")
    (False, False)
    >>> other_month("2023", "2023-12-05"), other_month("2022", "2023-12-05")
    (False, True)
    >>> other_month(None, "2023-12-05"), other_month("2023-09", None)
    (False, False)
    """
    if not date or not base or len(base) < 7:
        return False
    if len(date) < 7:
        return date[:4] < base[:4]
    if date[:7] == base[:7]:
        return False
    if len(date) >= 10 and len(base) >= 10:
        try:
            return abs((dt.date.fromisoformat(base[:10]) - dt.date.fromisoformat(date[:10])).days) > days
        except ValueError:
            return True
    return True


def own_time(cls: str, mode: str | None, context: str | None, date: str | None, base: str | None) -> bool:
    """Whether talks or a visit (a Consult of mode "meet" or "visit") held (no context: not
    planned, not negated) have a time of their own, another month than the article's
    (``other_month``): "the first UK Prime Minister to pay a state visit there in 2013".

    >>> own_time("Consult", "meet", None, "2023-09", "2023-12-05")
    True
    >>> own_time("Consult", "meet", "planned", "2024-09", "2024-06-19")
    False
    >>> own_time("Consult", "visit", None, "2013", "2024-05-17")
    True
    >>> own_time("Consult", "phone", None, "2023-09", "2023-12-05")
    False
    >>> own_time("Agree", None, None, "2023-09", "2023-12-05")
    False
    """
    return cls == "Consult" and mode in ("meet", "visit") and context is None and other_month(date, base)


def _up(tok, steps: int = 8) -> list:
    """``tok`` and its heads up to the root (natasha's trees may hold cycles: bounded)."""
    chain = [tok]
    while steps and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
        steps -= 1
    return chain


def coordinated_twins(a, b) -> bool:
    """Whether two meeting nouns of one lemma are joined by a coordination ("and"/"и") on the
    path between them in the parse: two meetings of one kind named side by side, each an event
    ("the NATO-Russia Council meeting was held in Brussels on January 12, and the OSCE Permanent
    Council meeting in Vienna on January 13"; "the … business forum which will take place in
    Bangkok in August and at the digital cooperation forum which will be held in September"),
    not one told twice. Tokens in (``.i``, ``.head``, ``.dep_``, ``.lemma_``), a bool out."""
    if a.i == b.i or a.lemma_.lower() != b.lemma_.lower():
        return False
    ups_a, ups_b = _up(a), _up(b)
    common = next((t for t in ups_a if any(t.i == u.i for u in ups_b)), None)
    if common is None:
        return False
    path = _below(ups_a, common.i) + _below(ups_b, common.i)
    return any(t.dep_ == "conj" for t in path)


def _below(chain: list, top: int) -> list:
    """The tokens of a chain of heads before the token ``top``."""
    out = []
    for t in chain:
        if t.i == top:
            break
        out.append(t)
    return out
