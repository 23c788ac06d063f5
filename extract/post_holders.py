"""Who a post named without a name stands for: the unnamed counterpart ("his Malian
counterpart visited Moscow") and the holder the knowledge base gives a post at the article's
date ("предложения президента РФ" in an article that never names him), and the state of a
national title written with none ("President Mamnoon Hussain"). Pure functions of plain
values; ``positions_posts._descriptive`` and ``positions`` read them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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
    return kb_holder_between(tenures, title_en, org, date, date) if date else None


#: (person, title_en, org, status) of a post the document names with its holder
NamedPost = tuple[str, str, str | None, str | None]


def dated_by_posts(posts: Iterable[NamedPost], tenures: Iterable[KBTenure]) -> tuple[str, str | None] | None:
    """The dates an article with no date of its own can be of, from the posts it names with
    their holders ("премьер-министр России Михаил Мишустин"): the span every such post's one
    knowledge-base tenure covers, as (first day, last day or None: still held). None when no
    named post has exactly one tenure with a start, or the spans do not meet. A former post
    (status "former") or one held several times says nothing.

    >>> ts = [("mishustin", "Prime Minister", "russia", "2020-01-16", None),
    ...       ("tokayev", "President", "kazakhstan", "2019-03-20", None),
    ...       ("medvedev", "Prime Minister", "russia", "2012-05-08", "2020-01-15"),
    ...       ("putin", "Prime Minister", "russia", "1999-08-16", "2000-05-07"),
    ...       ("putin", "Prime Minister", "russia", "2008-05-08", "2012-05-07")]
    >>> dated_by_posts([("mishustin", "Prime Minister", "russia", None),
    ...                 ("tokayev", "President", "kazakhstan", None)], ts)
    ('2020-01-16', None)
    >>> dated_by_posts([("medvedev", "Prime Minister", "russia", None),
    ...                 ("tokayev", "President", "kazakhstan", None)], ts)
    ('2019-03-20', '2020-01-15')
    >>> dated_by_posts([("medvedev", "Prime Minister", "russia", "former")], ts) is None
    True
    >>> dated_by_posts([("putin", "Prime Minister", "russia", None)], ts) is None  # held twice
    True
    >>> dated_by_posts([("medvedev", "Prime Minister", "russia", None),
    ...                 ("mishustin", "Prime Minister", "russia", None)], ts) is None  # never together
    True
    """
    by_post: dict[tuple, list] = {}
    for k, t, o, s, e in tenures:
        by_post.setdefault((k, t, o), []).append((s, e))
    first: str | None = None
    last: str | None = None
    for person, title_en, org, status in posts:
        spans = by_post.get((person, title_en, org), [])
        if status == "former" or len(spans) != 1 or spans[0][0] is None:
            continue
        s, e = spans[0]
        first = s if first is None or s > first else first
        last = e if last is None or (e is not None and e < last) else last
    if first is None or (last is not None and last < first):
        return None
    return first, last


def kb_holder_between(
    tenures: Iterable[KBTenure], title_en: str, org: str | None, first: str, last: str | None
) -> str | None:
    """The one person the knowledge base gives the post (``title_en`` of ``org``) on every
    day from ``first`` to ``last`` (None: to this day), and nobody else on any of them: the
    holder at an article's date when only that span is known (``dated_by_posts``).

    >>> ts = [("putin", "President", "russia", "2012-05-07", None),
    ...       ("medvedev", "President", "russia", "2008-05-07", "2012-05-07")]
    >>> kb_holder_between(ts, "President", "russia", "2020-01-16", None)
    'putin'
    >>> kb_holder_between(ts, "President", "russia", "2010-01-01", "2011-01-01")
    'medvedev'
    >>> kb_holder_between(ts, "President", "russia", "2010-01-01", None) is None  # both then
    True
    >>> kb_holder_between(ts, "President", None, "2020-01-16", None) is None
    True
    """
    if org is None:
        return None
    over = [
        (k, s, e)
        for k, t, o, s, e in tenures
        if t == title_en
        and o == org
        and (s is None or last is None or s <= last)
        and (e is None or first <= e)
    ]
    if len({k for k, _, _ in over}) != 1:
        return None
    k, s, e = over[0]
    covers = any(
        (s is None or s <= first) and (e is None or (last is not None and last <= e)) for _, s, e in over
    )
    return k if covers else None


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


#: how the title of a post several people hold at once begins ("Deputy Prime Minister")
SHARED_PREFIXES = ("Deputy ", "First Deputy ", "Vice ")


def held_by_another(
    tenures: Iterable[KBTenure], person: str, title_en: str, org: str, date: str | None
) -> bool:
    """Whether the knowledge base gives the post (``title_en`` of ``org``) at ``date`` to
    someone other than ``person``, for a post one person holds at a time: never a deputy's
    (``SHARED_PREFIXES``) or a post the knowledge base ever gives two people at once, and
    never with no date.

    >>> ts = [("medvedev", "Prime Minister", "russia", "2012-05-08", "2020-01-15"),
    ...       ("nurtleu", "Deputy Prime Minister", "kazakhstan", "2023-04-03", None)]
    >>> held_by_another(ts, "person/shinzo-abe", "Prime Minister", "russia", "2016-12-05")
    True
    >>> held_by_another(ts, "medvedev", "Prime Minister", "russia", "2016-12-05")
    False
    >>> held_by_another(ts, "x", "Prime Minister", "russia", "2021-01-01")
    False
    >>> held_by_another(ts, "x", "Prime Minister", "russia", None)
    False
    >>> held_by_another(ts, "sklyar", "Deputy Prime Minister", "kazakhstan", "2023-05-01")
    False
    >>> ts += [("a", "Minister", "x", "2020", None), ("b", "Minister", "x", "2021", "2022")]
    >>> held_by_another(ts, "c", "Minister", "x", "2023-01-01")
    False
    """
    if not date or title_en.startswith(SHARED_PREFIXES):
        return False
    same = [(k, s, e) for k, t, o, s, e in tenures if t == title_en and o == org]
    for i, (k, s, e) in enumerate(same):
        for k2, s2, e2 in same[i + 1 :]:
            if k2 != k and (s is None or e2 is None or s < e2) and (s2 is None or e is None or s2 < e):
                return False  # two holders at once: a post of several
    return any(k != person and held_at(s, e, date) for k, s, e in same)


def bare_title_state(
    candidates: Iterable[str | None],
    person: str,
    title_en: str,
    tenures: Iterable[KBTenure],
    date: str | None,
) -> str | None:
    """The state of a national title written with no state ("President Mamnoon Hussain"): the
    first of ``candidates`` (the evidence in the caller's order: the publisher's, the one state
    the sentence names, a state another title of the sentence names) whose post the
    knowledge base gives nobody else at ``date`` ("Prime Minister Shehbaz Sharif … with
    Azerbaijan" is no Prime Minister of Azerbaijan while the knowledge base has another one).

    >>> ts = [("ali-asadov", "Prime Minister", "azerbaijan", "2019-10-08", None)]
    >>> bare_title_state(["azerbaijan", "pakistan"], "person/x", "Prime Minister", ts, "2024-05-02")
    'pakistan'
    >>> bare_title_state([None, "azerbaijan"], "ali-asadov", "Prime Minister", ts, "2024-05-02")
    'azerbaijan'
    >>> bare_title_state(["azerbaijan"], "x", "Prime Minister", ts, "2010-01-01")
    'azerbaijan'
    >>> bare_title_state([None, None], "x", "Prime Minister", ts, "2024-05-02") is None
    True
    """
    tenures = tuple(tenures)
    for state in candidates:
        if state is not None and not held_by_another(tenures, person, title_en, state, date):
            return state
    return None


def main_pair(named: Iterable[tuple[int, str]]) -> tuple[str, str] | None:
    """The document's two states (``named``: where each mention of a state starts, and the
    state): the two named most, when both are named more often than any third, in the order
    the document first names them.

    >>> main_pair([(5, "brazil"), (0, "argentina"), (9, "brazil"), (12, "argentina"), (20, "chile")])
    ('argentina', 'brazil')
    >>> main_pair([(0, "a"), (1, "b"), (2, "c")]) is None
    True
    >>> main_pair([(0, "a"), (1, "a")]) is None
    True
    """
    first: dict[str, int] = {}
    counts: dict[str, int] = {}
    for at, state in named:
        first[state] = min(at, first.get(state, at))
        counts[state] = counts.get(state, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) < 2 or (len(ranked) > 2 and ranked[2] >= ranked[1]):
        return None
    two = sorted(counts, key=lambda k: -counts[k])[:2]
    a, b = sorted(two, key=lambda k: first[k])
    return a, b


def listed_states(known: Sequence[str | None], pair: Sequence[str] | None) -> list[str | None]:
    """The states of the people listed under one plural national title whose text names no
    state ("the respective foreign ministers, Santiago Cafiero and Mauro Vieira",
    "заместители министров иностранных дел И.Хайдаров и Ле Тхи Тху Ханг"): two people, one
    of each of the document's two states (``pair``, in the order the document first names
    them). The state the knowledge base gives a person (``known``) is kept and the other state
    is the other person's; with neither known, they go in the order named. The known states,
    unchanged, when the list is not two people, there is no pair, or a known state is not of
    the pair.

    >>> listed_states(["argentina", None], ("argentina", "brazil"))
    ['argentina', 'brazil']
    >>> listed_states([None, "argentina"], ("argentina", "brazil"))
    ['brazil', 'argentina']
    >>> listed_states([None, None], ("uzbekistan", "vietnam"))
    ['uzbekistan', 'vietnam']
    >>> listed_states([None, "china"], ("argentina", "brazil"))
    [None, 'china']
    >>> listed_states(["brazil", "brazil"], ("argentina", "brazil"))
    ['brazil', 'brazil']
    >>> listed_states([None, None, None], ("a", "b"))
    [None, None, None]
    """
    out = list(known)
    if pair is None or len(out) != 2 or len(set(pair)) != 2:
        return out
    given = [k for k in out if k is not None]
    if any(k not in pair for k in given) or len(set(given)) < len(given):
        return out
    if not given:
        return list(pair)
    other = pair[1] if given[0] == pair[0] else pair[0]
    return [k if k is not None else other for k in out]


def vaguer(post: tuple[str, str, str | None], posts: Iterable[tuple[str, str, str | None]]) -> bool:
    """Whether another of ``posts`` (person, title, organization) names the same person's post
    in the same organization more precisely, its title this one's and more words: "Ambassador"
    of Russia beside "Ambassador to Armenia" of Russia (ru_ru-am_62: «российского посла» and
    «Посол России в Армении» are one post).

    >>> p = ("kopyrkin", "Ambassador", "russia")
    >>> vaguer(p, [p, ("kopyrkin", "Ambassador to Armenia", "russia")])
    True
    >>> vaguer(p, [p, ("kopyrkin", "Ambassador to Armenia", "armenia"), ("x", "Ambassador to X", "russia")])
    False
    >>> vaguer(("a", "Minister", "x"), [("a", "Ministerial Adviser", "x")])
    False
    """
    person, title, org = post
    return any(q[0] == person and q[2] == org and q[1].startswith(title + " ") for q in posts)


def bare_posts_contradicted(
    bare: Iterable[tuple[str, str, str]], posts: Iterable[tuple[str, str, str]]
) -> set[tuple[str, str, str]]:
    """The posts of ``bare`` (person, title, state), whose state ``bare_title_state`` gave to a
    national title written with none, that the posts the document itself states (``posts``, the
    same fields) contradict as the knowledge base's would: the document gives the same person
    the same title in another state ("President Tokayev" in a sentence naming Italy, "Kazakh
    President Tokayev" elsewhere).

    >>> bare_posts_contradicted([("tokayev", "President", "italy")], [("tokayev", "President", "kazakhstan")])
    {('tokayev', 'President', 'italy')}
    >>> bare_posts_contradicted([("x", "President", "a")], [("x", "Prime Minister", "b")])
    set()
    >>> bare_posts_contradicted([("x", "President", "a")], [("x", "President", "a")])
    set()
    """
    posts = tuple(posts)
    return {p for p in bare if any(q[0] == p[0] and q[1] == p[1] and q[2] != p[2] for q in posts)}
