"""Assembling posts: a title resolved against the knowledge base (tenure, the head of a body,
counterparts, conflicts with a known post) and the descriptive mentions of a post without a
name ("the foreign minister").
"""

from __future__ import annotations

from functools import lru_cache

from bilat.extract.languages import PIVOT
from bilat.extract.positions_titles import TENURE, Descriptive, Title, prefix_words
from bilat.extract.post_holders import (
    counterpart_holders,
    dated_by_posts,
    kb_holder,
    kb_holder_between,
    past_title,
)
from bilat.extract.records import Document, KBEntry, Position
from bilat.extract.text import (
    DATA,
    read_table,
)


def _tenure_prefixed(entry: KBEntry | None, date: str | None, prefix: str, org: str | None):
    """The knowledge base's post at ``date`` whose title starts with ``prefix``."""
    if entry is None:
        return None
    if not date:
        # no date: only when every such post the person held is the same one
        same = {
            (t.title_en, t.org)
            for t in entry.tenures
            if t.title_en.startswith(prefix) and (org is None or t.org == org)
        }
        return next(t for t in entry.tenures if (t.title_en, t.org) in same) if len(same) == 1 else None
    for t in entry.tenures:
        if (
            t.title_en.startswith(prefix)
            and (org is None or t.org == org)
            and (t.start is None or t.start <= date)
            and (t.end is None or date <= t.end)
        ):
            return t
    return None


def _tenure_at(
    entry: KBEntry | None, date: str | None, *, title_en: str | None = None, org: str | None = None
):
    """The knowledge base's post of ``entry`` at ``date`` (with that title and/or org)."""
    if entry is None:
        return None
    for t in entry.tenures:
        if title_en is not None and t.title_en != title_en:
            continue
        if org is not None and t.org != org:
            continue
        if date is None or t.held_at(date):
            return t
    return None


def _resolve_title(title: Title, entry: KBEntry | None, org: str | None, date: str | None, kb, lang: str):
    """(English title, source-language title, organization): a title that leaves its
    organization unsaid takes it from the knowledge base's tenure, and "counterpart" takes the
    whole post from there."""
    if title.title_en == TENURE:
        t = _tenure_at(entry, date, org=org)
        if t is None:
            return None, None, org
        return t.title_en, None, t.org
    if org is None:
        # the post held at the date, else the last one with that title (flagged as a conflict)
        t = _tenure_at(entry, date, title_en=title.title_en) or _tenure_at(
            entry, None, title_en=title.title_en
        )
        if t is not None:
            org = t.org
    return title.title_en, title.title_ru, org


def _country_of(key: str, cls_of, kb) -> str | None:
    if cls_of.get(key) == "Country":
        return key
    e = kb.get(key)
    if e is not None:
        if e.cls == "Country":
            return key
        return e.country
    return None


def state_of_body(key: str, cls_of, kb) -> str | None:
    """The state a body of the knowledge base belongs to ("government-of-japan" → "japan");
    None for a state itself or what no state owns.

    >>> from bilat.extract.records import KBEntry
    >>> kb = {"government-of-japan": KBEntry("government-of-japan", "GovernmentBody", country="japan"),
    ...       "japan": KBEntry("japan", "Country")}
    >>> [state_of_body(k, {}, kb) for k in ("government-of-japan", "japan", "x")]
    ['japan', None, None]
    """
    c = _country_of(key, cls_of, kb)
    return c if c != key else None


@lru_cache(maxsize=1)
def _country_tlds() -> dict[str, str]:
    """Country-code domain → country key (``data/common/country_tlds.tsv``, generated)."""
    return {r[0]: r[1] for r in read_table(DATA / "common" / "country_tlds.tsv")}


def outlet_sites(kb) -> dict[str, tuple[int, str]]:
    """The knowledge base's outlets' web sites (an alias with a dot and no space, lowercased:
    "inform.kz") → (the rank of the first outlet with a country that lists it, in the order of
    ``kb``, and that country). The index of the last knowledge base asked about is kept (one
    per extractor, never changed after it is built): :func:`home_country` looks up a host's
    suffixes in it instead of walking every entry for every document.

    >>> from bilat.extract.records import Alias
    >>> kb = {"a": KBEntry("a", "MediaOutlet", aliases=(Alias("A", "en"), Alias("a.kz", "en")), country="kz"),
    ...       "b": KBEntry("b", "MediaOutlet", aliases=(Alias("A.kz", "en"),), country="ru"),
    ...       "c": KBEntry("c", "Company", aliases=(Alias("c.kz", "en"),), country="kz")}
    >>> outlet_sites(kb)
    {'a.kz': (0, 'kz')}
    """
    if _KB_SITES[0] is not kb:
        sites: dict[str, tuple[int, str]] = {}
        for rank, e in enumerate(kb.values()):
            if e.country and e.cls == "MediaOutlet":
                for a in e.aliases:
                    site = a.text.lower()
                    if " " not in site and "." in site:
                        sites.setdefault(site, (rank, e.country))
        _KB_SITES[:] = [kb, sites]
    return _KB_SITES[1]


_KB_SITES: list = [None, {}]  # (the knowledge base, its outlets' sites: outlet_sites)


def home_country(url: str | None, kb) -> str | None:
    """The country of a document's publisher, from its address: the knowledge base's outlet
    of that site ("en.inform.kz" → Kazinform → Kazakhstan), else the country-code domain
    ("vz.ru" → Russia); None for a generic domain or no address. When several outlets' sites
    are the host or end it, the first outlet of ``kb`` wins."""
    if not url:
        return None
    from urllib.parse import urlsplit

    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    if not host or "." not in host:
        return None
    sites = outlet_sites(kb)
    # the host itself and every part of it after a dot ("en.inform.kz", "inform.kz", "kz")
    parts = host.split(".")
    found = [sites[s] for s in (".".join(parts[i:]) for i in range(len(parts))) if s in sites]
    if found:
        return min(found)[1]
    return _country_tlds().get(host.rsplit(".", 1)[-1])


def _label(kb, key: str) -> str:
    e = kb.get(key)
    return (e.label(PIVOT) if e else None) or key


def _conflict(entry: KBEntry | None, title_en: str, org: str | None, date: str | None) -> str | None:
    """Why the post contradicts the knowledge base's tenure for that date, if it does."""
    if entry is None or not entry.tenures or date is None:
        return None
    same = [t for t in entry.tenures if t.title_en == title_en and (org is None or t.org == org)]
    if not same:
        return None
    for t in same:
        if (t.start is None or t.start <= date) and (t.end is None or date <= t.end):
            return None
    spans = ", ".join(f"{t.start or '?'}..{t.end or ''}" for t in same)
    return f"the knowledge base gives this post for {spans}, not {date}"


def _descriptive(
    text: str, unattached, positions, tenures=(), date: str | None = None, past: tuple[str, ...] = ()
) -> tuple[Descriptive, ...]:
    """The descriptive mentions of the titles with no name (``unattached``): the one person
    the document gives that post; for an unnamed counterpart ("his Malian counterpart"), the
    one holder of a post of its country (``counterpart_holders``); else the one person the
    knowledge base's ``tenures`` give the post at ``date`` ("предложения президента РФ") —
    with no date, on every day the document's own named posts allow (``dated_by_posts``) —
    unless the title names only with a name ("leader") or a word of ``past`` stands before
    it ("the former president"). A plural counterpart or a plural title the document gives
    no one names no one ("российским коллегам", "the ministers")."""
    out = []
    positions = tuple(positions)
    by_title: dict[str, list] = {}  # title of the table → the posts whose title starts with it
    holders_of: dict[tuple, set] = {}
    span: tuple | None = None  # with no date, the dates the document's named posts allow
    for start, end, title, org, plural in unattached:
        if title.title_en == TENURE:
            if plural:
                continue  # "российским коллегам": no one person
            posts = [(p.person, p.title_en, p.org, p.start) for p in positions]
            holders = counterpart_holders(posts, org, start)
        else:
            if title.title_en not in by_title:
                by_title[title.title_en] = [p for p in positions if p.title_en.startswith(title.title_en)]
            if (title.title_en, org) not in holders_of:
                holders_of[(title.title_en, org)] = {
                    p.person for p in by_title[title.title_en] if org is None or p.org == org
                }
            holders = set(holders_of[(title.title_en, org)])
            if (
                not holders
                and not plural
                and not title.named
                and not past_title(text[max(0, start - 40) : start], past)
            ):
                held = _by_post(tenures).get((title.title_en, org), ())
                if date is None and span is None:
                    span = (
                        dated_by_posts(((p.person, p.title_en, p.org, p.status) for p in positions), tenures)
                        or ()
                    )
                if date is not None:
                    k = kb_holder(held, title.title_en, org, date)
                else:
                    k = kb_holder_between(held, title.title_en, org, *span) if span else None
                holders = {k} if k else set()
        if len(holders) == 1:
            # include a leading article in the span: "the foreign minister"
            s = start
            for art in ("the ", "The "):
                if text[max(0, start - len(art)) : start] == art:
                    s = start - len(art)
            out.append(Descriptive(s, end, text[s:end], holders.pop()))
    return tuple(out)


_KB_TENURES: list = [None, ()]  # (the knowledge base, its persons' tenures)
_BY_POST: list = [None, {}]  # (tenures, the same by post: _by_post)


def _by_post(tenures) -> dict[tuple, tuple]:
    """``tenures`` (``kb_tenures``) by post: (title, organization) → the tenures of that post,
    in their order. The grouping of the last tenures asked about is kept (``kb_tenures`` gives
    the same tuple for every document, never changed), so that the holder of a post is looked
    up among that post's tenures alone.

    >>> ts = (("putin", "President", "russia", "2012-05-07", None),
    ...       ("lavrov", "Minister", "russia", None, None),
    ...       ("medvedev", "President", "russia", "2008-05-07", "2012-05-07"))
    >>> [p[0] for p in _by_post(ts)[("President", "russia")]]
    ['putin', 'medvedev']
    """
    if _BY_POST[0] is not tenures:
        posts: dict[tuple, list] = {}
        for t in tenures:
            posts.setdefault((t[1], t[2]), []).append(t)
        _BY_POST[:] = [tenures, {k: tuple(v) for k, v in posts.items()}]
    return _BY_POST[1]


def kb_tenures(kb) -> tuple:
    """(person, title_en, org, start, end) of every post of the knowledge base's persons."""
    if _KB_TENURES[0] is not kb:
        _KB_TENURES[:] = [
            kb,
            tuple(
                (e.key, t.title_en, t.org, t.start, t.end)
                for e in kb.values()
                if e.cls == "Person"
                for t in e.tenures
            ),
        ]
    return _KB_TENURES[1]


@lru_cache(maxsize=1)
def head_titles() -> dict[str, tuple[str, str]]:
    """The formal head title of an organization (``extract/data/common/head_titles.tsv``)."""
    return {r[0]: (r[1], r[2]) for r in read_table(DATA / "common" / "head_titles.tsv")}


HEAD = "Head"
DEPUTY_HEAD = "Deputy Head"
HEAD_OF_STATE = ("President", "президент")


PRIME_MINISTER = "Prime Minister"
DEPUTY_PRIME_MINISTER = "Deputy Prime Minister"


def _is_government(label: str | None, country: KBEntry | None) -> bool:
    """Is ``label`` the English name of ``country``'s government ("Government of Russia",
    "Government of the Czech Republic")?"""
    if not label or country is None:
        return False
    name = country.label(PIVOT)
    return label in (f"Government of {name}", f"Government of the {name}")


def _ministry_title(label: str | None) -> str | None:
    """ "Ministry of Foreign Affairs of Tajikistan" → "Minister of Foreign Affairs"."""
    if not label or not label.startswith("Ministry of "):
        return None
    rest = label[len("Ministry of ") :]
    cut = rest.find(" of ")
    return "Minister of " + (rest[:cut] if cut > 0 else rest)


def _head_of(
    title_en: str,
    title_src: str | None,
    org: str | None,
    entry: KBEntry | None,
    date: str | None,
    head_country: str | None,
    kb,
) -> tuple[str, str | None, str | None]:
    """A generic head title made formal: the head of a listed organization takes its formal
    title ("глава Росатома" → Director General), the head of a ministry is its minister (of
    the ministry's country), and the head of a country named right after the title ("глава
    России", "head of Kazakhstan") is its head of state (the knowledge base's post at the
    date, else President). Anything else stays "Head". A formal head title of the table
    given to another listed organization ("председатель правления «Газпрома»") is its own
    formal title; the head of a state's government is its Prime Minister ("глава российского
    правительства")."""
    if org is not None and org in head_titles() and title_en in {en for en, _ in head_titles().values()}:
        return head_titles()[org][0], head_titles()[org][1], org
    if title_en not in (HEAD, DEPUTY_HEAD) or org is None:
        return title_en, title_src, org
    deputy = title_en == DEPUTY_HEAD
    if not deputy and org in head_titles():
        en, ru = head_titles()[org]
        return en, ru, org
    e = kb.get(org)
    minister = _ministry_title(e.label(PIVOT) if e else None)
    if minister and e.country:
        return ("Deputy " + minister if deputy else minister), None, e.country
    if (
        e is not None
        and e.country
        and e.cls == "GovernmentBody"
        and _is_government(e.label(PIVOT), kb.get(e.country))
    ):
        return (DEPUTY_PRIME_MINISTER if deputy else PRIME_MINISTER), None, e.country
    if not deputy and head_country == org:
        t = _tenure_at(entry, date, org=org) if date else None
        if t is not None:
            return t.title_en, None, t.org
        return HEAD_OF_STATE[0], HEAD_OF_STATE[1], org
    return title_en, title_src, org


def _counterpart(title: Title, entry: KBEntry | None, org: str | None, date: str | None, earlier, start: int):
    """ "his Kazakh counterpart Kassym-Jomart Tokayev": the post of the nearest person named
    before with a post of another country (that title, this country), else the post the
    knowledge base gives the person at the document's date in that country."""
    before = [p for p in earlier if p.start < start and p.org != org]
    if before and org is not None:
        p = max(before, key=lambda p: p.start)
        # "US Secretary of State Antony Blinken met his Russian counterpart Sergey Lavrov": the
        # knowledge base's one post of the person in that country beats the other's title
        known = _one_post_in(entry, date, org)
        if known is not None and known.title_en != p.title_en:
            return known.title_en, None, known.org
        return p.title_en, p.title_src, org
    if date:
        t = _tenure_at(entry, date, org=org)
        if t is not None:
            return t.title_en, None, t.org
    if date is None:
        t = _tenure_at(entry, None, org=org)
        if t is not None:
            return t.title_en, None, t.org
    return None, None, org


def _one_post_in(entry: KBEntry | None, date: str | None, org: str | None):
    """The knowledge base's post of ``entry`` in ``org`` at ``date`` (any time when there is no
    date) when there is exactly one such post, else None."""
    if entry is None or org is None:
        return None
    posts = {
        (t.title_en, t.org): t
        for t in entry.tenures
        if t.org == org
        and (date is None or ((t.start is None or t.start <= date) and (t.end is None or date <= t.end)))
    }
    if date is None and len(posts) > 1:
        # no date: the one post the person still holds
        posts = {k: t for k, t in posts.items() if t.end is None}
    return next(iter(posts.values())) if len(posts) == 1 else None


DASHES = ("–", "—", "-")


def joins_titles(gap: str, first: str, joint: frozenset[str] = frozenset()) -> bool:
    """Whether ``gap``, the text between a title with no name (written ``first``) and the
    next title, makes them one holder's: a dash ("Deputy Prime Minister – Minister of Foreign
    Affairs"), or a ``joint`` word of the language after a capitalized first title ("Deputy
    Prime Minister and Minister of Trade"; not "the president and Prime Minister X").

    >>> joint = frozenset({"and"})
    >>> joins_titles(" – ", "Deputy Prime Minister"), joins_titles(" and ", "Deputy Prime Minister", joint)
    (True, True)
    >>> joins_titles(" and ", "president", joint), joins_titles(", ", "Deputy Prime Minister", joint)
    (False, False)
    """
    g = gap.strip()
    if g in DASHES:
        return True
    return g.lower() in joint and first[:1].isupper() and "\n" not in gap


def joined_title(dashed: list, start: int, text: str, joint: frozenset[str] = frozenset()):
    """The last title with no name of its own (``dashed``: start, end, title, org, modifier)
    that the title at ``start`` shares its holder with (:func:`joins_titles`), or None."""
    if not dashed:
        return None
    d = dashed[-1]
    if d[2].title_en == TENURE or not joins_titles(text[d[1] : start], text[d[0] : d[1]], joint):
        return None
    return d


def _join_dashed(
    dashed: list, start: int, text: str, person, org, positions: dict, doc: Document, kb, lang: str
) -> None:
    """A title with no name of its own, joined by a dash or a joint word to the title at
    ``start``, names the same person: "Deputy Prime Minister – Minister of Foreign Affairs of
    Kazakhstan", "Deputy Prime Minister and Minister of Trade"."""
    d = joined_title(dashed, start, text, prefix_words(lang, "joint"))
    if d is None:
        return
    d_start, d_end, d_title, d_org, _ = d
    title_en, title_src, p_org = _resolve_title(d_title, kb.get(person[2]), d_org or org, doc.date, kb, lang)
    if title_en is None or p_org is None or (person[2], title_en, p_org) in positions:
        return
    positions[(person[2], title_en, p_org)] = Position(
        person=person[2],
        title_en=title_en,
        org=p_org,
        start=d_start,
        end=person[1],
        evidence=text[d_start : person[1]],
        title_src=title_src if lang != PIVOT else None,
        lang=lang,
        date=doc.date,
        conflict=_conflict(kb.get(person[2]), title_en, p_org, doc.date),
    )
