"""Who a post named without a name stands for: the unnamed counterpart ("his Malian
counterpart visited Moscow") and the holder the knowledge base gives a post at the article's
date ("предложения президента РФ" in an article that never names him). Pure functions of
plain values; ``positions_posts._descriptive`` reads them."""

from __future__ import annotations

from collections.abc import Iterable

from bilat.extract.records import held_at

#: (person, title_en, org, start) of a post the document gives someone
Post = tuple[str, str, str | None, int]

#: (person key, title_en, org, start date or None, end date or None) of a knowledge-base tenure
KBTenure = tuple[str, str, str | None, str | None, str | None]


def counterpart_holders(posts: Iterable[Post], org: str | None, start: int) -> set[str]:
    """The persons an unnamed counterpart of ``org`` at ``start`` may be: those the document
    gives a post of ``org``; when the post named last before ``start`` in another organization
    has a title some of them hold ("Foreign Minister Lavrov … his Malian counterpart"), only
    those.

    >>> posts = [("lavrov", "Minister of Foreign Affairs", "russia", 10),
    ...          ("diop", "Minister of Foreign Affairs", "mali", 50),
    ...          ("goita", "President", "mali", 70)]
    >>> sorted(counterpart_holders(posts, "mali", 100))
    ['diop']
    >>> sorted(counterpart_holders(posts[1:], "mali", 100))
    ['diop', 'goita']
    >>> counterpart_holders(posts, None, 100)
    set()
    """
    if org is None:
        return set()
    posts = list(posts)
    ours = [p for p in posts if p[2] == org]
    before = [p for p in posts if p[2] != org and p[3] < start]
    if before:
        title = max(before, key=lambda p: p[3])[1]
        same = {p[0] for p in ours if p[1] == title}
        if same:
            return same
    return {p[0] for p in ours}


def kb_holder(tenures: Iterable[KBTenure], title_en: str, org: str | None, date: str | None) -> str | None:
    """The one person the knowledge base gives the post (``title_en`` of ``org``) at ``date``;
    None with no date, no organization, or when nobody or several hold it then.

    >>> ts = [("putin", "President", "russia", "2012-05-07", None),
    ...       ("medvedev", "President", "russia", "2008-05-07", "2012-05-07"),
    ...       ("mishustin", "Prime Minister", "russia", "2020-01-16", None)]
    >>> kb_holder(ts, "President", "russia", "2024-08-22"), kb_holder(ts, "President", "russia", "2010-01-01")
    ('putin', 'medvedev')
    >>> kb_holder(ts, "President", "russia", None), kb_holder(ts, "President", None, "2024-01-01")
    (None, None)
    >>> kb_holder(ts, "President", "russia", "2012-05-07") is None  # both on the day of handover
    True
    """
    if not date or org is None:
        return None
    found = {k for k, t, o, s, e in tenures if t == title_en and o == org and held_at(s, e, date)}
    return found.pop() if len(found) == 1 else None


def past_title(before: str, stems: Iterable[str]) -> bool:
    """Whether the word right before a title marks a past holder ("former", "бывшего",
    "the late"): the post's holder at the date is then someone else.

    >>> past_title("встретился с бывшим ", ("бывш", "экс")), past_title("the former ", ("former",))
    (True, True)
    >>> past_title("met the ", ("former",)), past_title("", ("former",))
    (False, False)
    """
    ws = before.split()
    if not ws:
        return False
    w = ws[-1].lower()
    return any(w.startswith(s) for s in stems)
