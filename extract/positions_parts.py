"""The parts around a title: the modifier before it ("Russian", "Kazakhstan's"), the
apposition after a name ("Sergey Lavrov, Russia's foreign minister"), the body a title belongs
to, coordinated titles and names ("the ministers of X and Y").
"""

from __future__ import annotations

import bisect
import re

from bilat.extract.languages import PIVOT, profile
from bilat.extract.positions_posts import _country_of
from bilat.extract.positions_titles import Title, _Spans

MODIFIER_GAP = 3  # characters between a modifier and its title at most ("'s ")

#: an acronym in brackets right before a title, after the name it stands for
_ACRONYM_BEFORE = re.compile(r"\s*\((?:[^\W\d_]|[&.\-]){2,12}\)\s*$")
_ACRONYM_REACH = 20  # characters the bracketed acronym and its spaces take at most


def _modifier(text: str, start: int, index: _Spans, lang: str = PIVOT):
    """A name or adjective right before the title, on the same line: "Russian", "Russia's",
    "Kremlin"; in Russian only an adjective ("российский"), since a noun before a title
    belongs to the clause before ("в Анкаре президент Казахстана")."""
    best = None
    # "Abu Dhabi National Oil Company (ADNOC) Director General": the name before its acronym
    bracket = _ACRONYM_BEFORE.search(text, max(0, start - _ACRONYM_REACH), start)
    if bracket is not None and "\n" not in bracket.group():
        start = bracket.start()
    # only a span ending at most MODIFIER_GAP characters before the title can qualify
    for s in index.near(start - MODIFIER_GAP, start):
        if s[1] <= start:
            if start - s[1] > MODIFIER_GAP:
                continue
            if profile(lang).adjective_modifiers_only and s[3] != "ADJ":
                continue
            gap = text[s[1] : start]
            if s[3] == "PER" and gap.strip() not in ("'s", "’s"):
                continue
            if "\n" not in gap and gap.strip() in ("", "'s", "’s"):
                best = s
    return best


def _closed(text: str, i: int) -> bool:
    """Does a name ending at ``i`` close its apposition ("…, Battsetseg Batmunkh, said"; a
    possessive closes it too: "the text of the Prime Minister, Dr. Manmohan Singh's statement",
    en_gb-in_67)?

    >>> _closed("the Prime Minister, Manmohan Singh's statement", 34), _closed("Manmohan Singh noted", 14)
    (True, False)
    """
    rest = text[i : i + 6].lstrip(" \t")
    return not rest or rest[0] in ',.;:)]\n»”"' or rest.startswith(("and ", "и ", "'s ", "’s "))


def _space_before(text: str, i: int) -> int:
    """The offset where the run of whitespace ending at ``i`` starts."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def _apposition(text: str, start: int, index: _Spans, lang: str = PIVOT):
    """The name before ", [the] title" or a bracketed title: "Maria Zakharova, the official
    representative of the Russian Foreign Ministry", "с Алексеем Лихачевым [глава Росатома]",
    "Alexey Likhachev (head of Rosatom)"; never across a line break."""
    i = _space_before(text, start)
    for art in profile(lang).articles:
        if text[max(0, i - len(art) - 1) : i].lower() in (" " + art, "," + art):
            i = _space_before(text, i - len(art))
            break
    if i == 0 or text[i - 1] not in ",([":
        return None
    j = _space_before(text, i - 1)
    if "\n" in text[j:start]:
        return None
    return index.person_by_end.get(j)


#: the classes of the bodies whose posts are their own, though they belong to a state
_OWN_POSTS = frozenset({"Company"})


def _org(title: Title, modifier, complements, cls_of, kb, inner=()):
    """The country or body the post belongs to, and the destination of an ambassador."""
    cands = []
    to = None
    if modifier is not None:
        cands.append(modifier)
    mission = title.scope == "mission"  # a diplomat's post: the sending state's, at a place
    for s, prev in complements:
        if (
            (prev in ("to", "в") or (mission and prev == "in"))
            and cls_of.get(s[2]) in ("Country", "City")
            or (prev in ("to", "в") and s[3] == "ADJ")
            # "Permanent Representative to the UN", "постоянный представитель при ООН" ("в ООН")
            or (
                title.organization
                and prev in ("to", "при", "в")
                and cls_of.get(s[2]) == "InternationalOrganization"
            )
        ):
            # "consul in St. Petersburg" keeps the city; an ambassador's or a chargé d'affaires'
            # post is to its state ("US Charge d'Affaires in Islamabad": in Pakistan)
            at_city = mission and s[3] != "ADJ" and title.city
            to = s[2] if at_city else _country_of(s[2], cls_of, kb) or s[2]
        else:
            cands.append(s)
    orgs = []
    for s in cands:
        if title.scope in ("country", "mission") and cls_of.get(s[2]) in _OWN_POSTS:
            # "president of KazMunayGas", "Gazprom vice president": a company's post, never
            # its state's
            orgs.append(s[2])
        elif title.scope in ("country", "mission"):
            c = _country_of(s[2], cls_of, kb)
            if c is not None:
                orgs.append(c)
        elif cls_of.get(s[2]) not in (None, "Person"):
            orgs.append(s[2])
    if title.scope == "body":
        # "председатель Китайского комитета по содействию …": a body's post is the body's the
        # text names, not the state of an adjective before it (unless the body is known as
        # another state's: "глава турецкого Минэнерго" linked to Russia's ministry)
        states = {k for k in orgs if cls_of.get(k) == "Country"}
        orgs.sort(
            key=lambda k: k in states or (bool(states) and _country_of(k, cls_of, kb) not in states | {None})
        )
    if orgs:
        return orgs[0], to, orgs
    if title.scope in ("country", "mission"):
        # "External Affairs Minister", "Secretary of State": a span the title's own words make
        # is no body
        cands = [s for s in cands if s not in inner]
    return (cands[0][2] if cands else None), to, orgs


def _plural(word: str, lang: str) -> bool:
    """Is the head word of a title plural ("ministers", "Президенты")?"""
    return profile(lang).is_plural(word)


_LIST_GAPS = (",", "and", ", and", "и", ", и")


def _gap_text(text: str, a: int, b: int, longest: int) -> str | None:
    """``text[a:b].strip()`` when it has at most ``longest`` characters, else None (without
    copying a long gap)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return text[a:b] if b - a <= longest else None


def _coordinated(text: str, first, index: _Spans):
    """Further people listed after the first, each with the span naming its own body when
    the list gives one: "Sergey Lavrov and Erlan Idrissov", "Владимир Путин, Александр
    Лукашенко и Нурсултан Назарбаев", "Ильхамом Алиевым и США Дональдом Трампом"."""
    out = []
    last = first
    longest = max(len(g) for g in _LIST_GAPS)
    i = bisect.bisect_left(index.person_starts, first[1])
    for s in index.persons[i:]:
        if s[0] < last[1]:
            continue
        gap = _gap_text(text, last[1], s[0], longest + 40)
        if gap is None or "\n" in gap:
            break
        if gap in _LIST_GAPS:
            out.append((s, None))
            last = s
            continue
        # "Vladimir Putin of Russia and Kassym-Jomart Tokayev of Kazakhstan"
        after = _of_after(text, last, index)
        if after is not None and _gap_text(text, after[1], s[0], longest) in _LIST_GAPS:
            if not out:
                out.append((first, after))  # the first person's own body
            elif out[-1][1] is None:
                out[-1] = (out[-1][0], after)
            out.append((s, _of_after(text, s, index)))
            last = s
            continue
        # a list gap, then one name of a body: "и США"
        own = [o for o in index.near(last[1], s[0]) if last[1] <= o[0] and o[1] <= s[0] and o[3] != "PER"]
        if (
            len(own) == 1
            and _gap_text(text, last[1], own[0][0], longest) in _LIST_GAPS
            and not text[own[0][1] : s[0]].strip()
        ):
            out.append((s, own[0]))
            last = s
            continue
        break
    return out


def _of_after(text: str, person, index: _Spans):
    """The body named right after a name by "of": "Vladimir Putin of Russia"."""
    k = person[1]
    if text[k : k + 4] not in (" of ",):
        return None
    i = bisect.bisect_left(index.starts, k + 4)
    if i < len(index.spans) and index.spans[i][0] == k + 4 and index.spans[i][3] != "PER":
        return index.spans[i]
    return None
