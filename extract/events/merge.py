"""Merging: one event per node the graph would keep, one event per class and actors in a
clause, candidates of one class linked in the parse. Values in, new values out."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Sequence

from bilat.extract.events.records import Cand
from bilat.extract.events.tree import dominates
from bilat.extract.records import Event


def uniq(items) -> list:
    out = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def uniq_args(args) -> list:
    return sorted(set(args), key=lambda a: (a[1], a[2], a[0]))


def one_node_each(events: list[Event]) -> list[Event]:
    """The graph keeps one node for a dated event (same class, date, context and participants:
    "one event, many reports"). Two such events of one document are one event here too: the
    first report stays, with what the others add (projects, arguments, their mentions); but a
    visit and the talks held on its day stay two, as the gold counts them ("Лавров посетил КНДР
    с официальным визитом и был принят … Ким Чен Ыном"), while a summit and its hosting are
    one."""
    out: list[Event] = []
    seen: dict[tuple, int] = {}
    for e in events:
        if e.cls == "Statement" or not e.date:
            out.append(e)
            continue
        key = (
            e.cls,
            e.mode == "visit",
            e.date,
            e.context or "",
            tuple(sorted(set(e.participants) | set(e.implicit) | set(e.source) | set(e.target))),
        )
        if key not in seen:
            seen[key] = len(out)
            out.append(e)
            continue
        first = out[seen[key]]
        out[seen[key]] = dataclasses.replace(
            first,
            about=tuple(uniq(first.about + e.about)),
            arguments=tuple(uniq_args(first.arguments + e.arguments)),
            told_again=tuple(sorted(set(first.told_again) | {(e.start, e.end), *e.told_again})),
        )
    return out


#: the share of the content words of the shorter of two reports of one kind that the other
#: holds, at least, for them to be the same sentence printed twice (a subhead repeating the
#: lead, a lead repeated after a dateline)
VERBATIM_SHARE = 0.8
#: content words a sentence needs for that test (a short one repeats by chance)
VERBATIM_WORDS = 6


def report_words(text: str) -> frozenset[str]:
    """The words of three letters or more of a sentence, lowercase.

    >>> sorted(report_words("Moscow: Russia has expelled US diplomats"))
    ['diplomats', 'expelled', 'has', 'moscow', 'russia']
    """
    return frozenset(w.lower() for w in re.findall(r"\w{3,}", text))


def verbatim_repeats(reports: Sequence[tuple[tuple, frozenset[str], int]]) -> dict[int, int]:
    """The reports that print again a sentence reported before (``reports``: for each, what
    makes two reports one event — class, mode, context, speaker —, its sentence's content words
    and where the sentence starts), each mapped to the fuller of the two (the one of more words,
    else the first): the same kind and at least :data:`VERBATIM_SHARE` of the words of the
    shorter in the other, in another sentence ("Russia has expelled several American diplomats
    …, a State Department spokesperson has said." as the lead and again after the dateline
    "Moscow: …"). The gold tells such a sentence once.

    >>> lead = "Russia has expelled several American diplomats from the US Embassy, a spokesperson said"
    >>> w1, w2 = report_words(lead), report_words("Moscow: " + lead)
    >>> w3 = report_words("Russia has expelled several Polish diplomats in response, the ministry said")
    >>> verbatim_repeats([(("Statement",), w1, 0), (("Statement",), w2, 90), (("Statement",), w3, 200)])
    {0: 1}
    """
    out: dict[int, int] = {}
    for i, (kind, words, start) in enumerate(reports):
        if len(words) < VERBATIM_WORDS:
            continue
        for j in range(i):
            k2, w2, s2 = reports[j]
            if j in out or k2 != kind or s2 == start or len(w2) < VERBATIM_WORDS:
                continue
            shared = len(words & w2)
            if shared >= VERBATIM_SHARE * min(len(words), len(w2)):
                # the fuller report stays (a headline gives way to the body's sentence)
                if len(words) > len(w2):
                    out[j] = i
                else:
                    out[i] = j
                break
    return out


def told_again(events: Sequence[Event], into: dict[int, int]) -> list[Event]:
    """``events`` with the trigger offsets of each event that tells another again (``into``: its
    index → the index of the one it tells; chains followed) added to the one that stays as
    another mention of it (``Event.told_again``): the gold counts a meeting, its headline and the
    sentence that restates it ("The parties discussed …") as one event told in several places.
    The events folded stay in the list; the caller drops them.

    >>> a = Event(cls="Consult", trigger="met", start=0, end=3, evidence="", sentence_start=0, sentence_end=9)
    >>> b = dataclasses.replace(a, start=20, end=29, told_again=((40, 45),))
    >>> c = dataclasses.replace(a, start=50, end=55)
    >>> [e.told_again for e in told_again([a, b, c], {1: 0, 2: 1})]
    [((20, 29), (40, 45), (50, 55)), ((40, 45),), ()]
    """
    out = list(events)
    for i in sorted(into):
        k, seen = into[i], {i}
        while k in into and k not in seen:
            seen.add(k)
            k = into[k]
        if k in seen:  # a cycle: no report stays to add them to
            continue
        e = events[i]
        spans = ((e.start, e.end), *e.told_again)
        out[k] = dataclasses.replace(out[k], told_again=tuple(sorted(set(out[k].told_again) | set(spans))))
    return out


def persons_announced(
    events: Sequence[Event], into: dict[int, int], is_person: Callable[[str], bool]
) -> list[Event]:
    """``events`` with the persons taking part in each headline event of ``into`` (its index →
    the index of the body's event it announces) added to the participants of that event: the
    headline names them, the body may not ("Foreign Minister Sergey Lavrov's statement …
    following talks with Foreign Minister of Thailand Don Pramudwinai" before "today's talks
    have confirmed this"). The headline events stay in the list; the caller drops them.

    >>> a = Event(cls="Consult", trigger="talks", start=0, end=5, evidence="", sentence_start=0,
    ...           sentence_end=9, participants=("lavrov", "don", "thailand"))
    >>> b = dataclasses.replace(a, start=20, end=25, participants=("russia", "thailand"))
    >>> persons_announced([a, b], {0: 1}, lambda k: k in ("lavrov", "don"))[1].participants
    ('russia', 'thailand', 'lavrov', 'don')
    """
    out = list(events)
    for i, k in sorted(into.items()):
        new = [p for p in events[i].participants if is_person(p) and p not in out[k].participants]
        if new:
            out[k] = dataclasses.replace(out[k], participants=(*out[k].participants, *new))
    return out


def absorb(events: Sequence[Event], into: dict[int, int]) -> list[Event]:
    """``events`` with each event that another tells again (``into``: its index → the index of
    the one that stays) folded into the one that stays: its participants, target, projects and
    arguments added, its source, date and place where the one that stays has none (the lead names
    the accuser, the quote the accused). The events folded stay in the list; the caller drops them."""
    out = list(events)
    for i, keep in sorted(into.items()):
        k, e = out[keep], events[i]
        out[keep] = dataclasses.replace(
            k,
            participants=tuple(uniq(k.participants + e.participants)),
            source=k.source or e.source,
            target=tuple(uniq(k.target + tuple(t for t in e.target if t not in k.source))),
            about=tuple(uniq(k.about + e.about)),
            date=k.date or e.date,
            date_precision=k.date_precision if k.date else e.date_precision,
            place=k.place or e.place,
            arguments=tuple(uniq_args(k.arguments + e.arguments)),
        )
    return out


def same_voice(a: Event, b: Event) -> bool:
    """Two evaluations with one source and no conflicting target."""
    return bool(a.source) and a.source == b.source and (not a.target or not b.target or a.target == b.target)


def same_clause(events: Sequence[tuple[Event, frozenset[str], str]]) -> list[Event]:
    """Events of one clause unit as (event, actors of the trigger's own clause, direction):
    two of one class, mode and context with the same actors in their clauses are one event
    ("стратегического партнерства остается совместное использование"), and so are two
    evaluations of one class voiced by one source ("propaganda fomented by foreign powers
    seeking to sabotage relations"); the first stays, with what the other adds."""
    out: list[Event] = []
    keys: list[frozenset] = []
    for e, scoped, direction in events:
        idx = next(
            (
                i
                for i, o in enumerate(out)
                if (o.cls, o.mode, o.context) == (e.cls, e.mode, e.context)
                and (keys[i] == scoped or (direction == "speech" and same_voice(o, e)))
            ),
            None,
        )
        if idx is None:
            out.append(e)
            keys.append(scoped)
        else:
            same = out[idx]
            out[idx] = dataclasses.replace(
                same,
                about=tuple(uniq(same.about + e.about)),
                date=same.date or e.date,
                date_precision=same.date_precision or e.date_precision,
                participants=tuple(uniq(same.participants + e.participants)),
                target=tuple(uniq(same.target + e.target)),
                arguments=tuple(uniq_args(same.arguments + e.arguments)),
            )
    return out


#: the classes whose event in a clause makes a Cooperate word of that clause its topic (the
#: cooperation that talks were about is no event either, but that is read in the parse, before:
#: ``coop.topic_of_talks``; the written gold, tests/regression, counts "the sides discussed
#: cooperation in energy" as a Cooperate, the real-news gold, tests/corpus, does not)
TOPIC_HOLDERS = frozenset({"Agree"})


def topics_give_way(events: Sequence[tuple[int, str]], gone: Collection[int] = ()) -> set[int]:
    """One typed event per clause, in a preference order: the indexes of the Cooperate events
    of ``events`` (unit, class) whose clause unit reports an agreement that stays an event (not
    in ``gone``): the Cooperate word is what was agreed ("signed an Agreement on Strategic
    Cooperation", "agreed to cooperate on improving the conditions", "signed a bilateral
    agreement to jointly develop a section of the highway").

    >>> sorted(topics_give_way([(1, "Agree"), (1, "Cooperate"), (2, "Cooperate")]))
    [1]
    >>> sorted(topics_give_way([(1, "Agree"), (1, "Cooperate")], gone={0}))
    []
    """
    held = {u for i, (u, c) in enumerate(events) if c in TOPIC_HOLDERS and i not in gone}
    return {i for i, (u, c) in enumerate(events) if c == "Cooperate" and u in held}


#: a class that gives way to a narrower class of it reported in the same clause unit (the
#: vocabulary's subclasses: a Demand is a Request pressed on its addressee)
NARROWER = {"Request": frozenset({"Demand"})}


def general_gives_way(events: Sequence[tuple[int, str]], gone: Collection[int] = ()) -> set[int]:
    """One typed event per clause: the indexes of the events of ``events`` (unit, class) whose
    unit also reports an event of a narrower class (``NARROWER``) that stays (not in ``gone``):
    "a court appeal demanding the halt of operations" is the Demand, not also a Request.

    >>> sorted(general_gives_way([(1, "Request"), (1, "Demand"), (2, "Request")]))
    [0]
    >>> sorted(general_gives_way([(1, "Request"), (1, "Demand")], gone={1}))
    []
    """
    kept = {(u, c) for i, (u, c) in enumerate(events) if i not in gone}
    return {
        i for i, (u, c) in enumerate(events) if any((u, narrow) in kept for narrow in NARROWER.get(c, ()))
    }


#: families of classes that one clause tells once: a demand for an expulsion, a protest against an
#: accusation (the real-news gold has one ACCUSE there). A refusal and the pretext it is charged
#: with stay two ("refused the third meeting, boycotting it under various pretexts"), and so do
#: support and aid in one clause ("thanking Tileuberdi for Kazakhstan's generous humanitarian
#: assistance": the thanks and the aid).
FAMILIES = {
    "Accuse": "conflict",
    "Protest": "conflict",
    "Threaten": "conflict",
    "Sanction": "conflict",
    "Demand": "conflict",
}


def one_per_family(
    events: Sequence[tuple[int, str, str | None, frozenset[str]]], gone: Collection[int] = ()
) -> set[int]:
    """One event per clause and family of classes (``FAMILIES``): the indexes of the events of
    ``events`` (unit, class, context, participants) told after another of the same family and
    context in the same clause unit with the same parties (two shared, or the participants of
    one among those of the other) — the first told stays: "the political party had *demanded*
    the *expulsion* of the Russian ambassador" is the demand, "«безосновательные *обвинения* …,
    призывы к его *высылке*»" the accusation.

    An act of one class told as the purpose of another of that class in the clause ("Посол …
    вызван в МИД РФ для *вручения ноты*", ru_ru-bg_61: the summons is the note's delivery) is the
    same act: a planned one beside one that happened gives way, whichever is told first.

    >>> both = frozenset({"party", "russia"})
    >>> sorted(one_per_family([(1, "Demand", None, both), (1, "Sanction", None, both),
    ...                        (2, "Sanction", None, both), (1, "Accuse", "planned", both)]))
    [1]
    >>> sorted(one_per_family([(1, "Accuse", "planned", both), (1, "Accuse", None, both)]))
    [0]
    """
    out: set[int] = set()
    kept: list[int] = []
    for i, (unit, cls, context, parts) in enumerate(events):
        fam = FAMILIES.get(cls)
        if fam is None or i in gone:
            continue
        if context is None:
            purposes = [
                j
                for j in kept
                if events[j][:3] == (unit, cls, "planned")
                and (len(parts & events[j][3]) >= 2 or parts <= events[j][3] or events[j][3] <= parts)
            ]
            if purposes:
                out.update(purposes)
                kept = [j for j in kept if j not in purposes]
                kept.append(i)
                continue
        if any(
            (
                (events[j][0], events[j][2]) == (unit, context)
                or (events[j][:2], events[j][2], context) == ((unit, cls), None, "planned")
            )
            and FAMILIES.get(events[j][1]) == fam
            and (len(parts & events[j][3]) >= 2 or parts <= events[j][3] or events[j][3] <= parts)
            for j in kept
        ):
            out.add(i)
        else:
            kept.append(i)
    return out


def linked(a: Cand, b: Cand) -> bool:
    """Whether two trigger candidates hang on each other (or on one word) in the parse."""
    return (
        dominates(a.head, b.head)
        or dominates(b.head, a.head)
        or (a.head.head.i == b.head.head.i and a.head.i != a.head.head.i)
    )


#: dependencies that open a clause or a list of its own: a meeting reached through them is not the
#: purpose of the visit above it ("arrived in Astana and held talks", "the visit, during which …")
NOT_PURPOSE = frozenset({"conj", "relcl", "acl:relcl", "parataxis", "ccomp", "appos"})


def purpose_of_visit(visit, meeting, depth: int = 4) -> bool:
    """Whether the meeting word ``meeting`` hangs on the visit word ``visit`` as what the trip
    was for ("arrived in Sochi to meet Putin", "arrived in Dushanbe for talks", "посетила Форум",
    "arrived to take part in the celebrations"), within ``depth`` steps and not through a clause
    or a list of its own."""
    x = meeting
    for _ in range(depth):
        if x.head.i == x.i or x.dep_ in NOT_PURPOSE:
            return False
        x = x.head
        if x.i == visit.i:
            return True
    return False


def candidates(
    cands: Sequence[Cand],
    names_person: Callable[[Cand], bool] = lambda c: False,
    apart: Callable[[Cand, Cand], bool] = lambda a, b: False,
) -> list[Cand]:
    """Triggers of one class linked in the parse are one event: "signed an agreement",
    "held a meeting to discuss", "arrived on a visit"; a host and what it hosts ("hosted the
    summit") is one event of mode host (the host's row: code, weight, direction). A meeting that
    is the purpose of a visit and names no person of its own (``names_person``: "arrived in
    Dushanbe for talks with Tajik authorities", "посетила Форум") is the visit; a visit and the
    talks held during it stay two, and so do two candidates ``apart`` tells apart (an act and the
    act it answers: ``implied.answered_act``)."""
    visits = [c for c in cands if c.row.cls == "Consult" and c.mode == "visit"]
    cands = [
        c
        for c in cands
        if not (
            c.row.cls == "Consult"
            and c.mode in ("meet", "phone")
            and any(purpose_of_visit(v.head, c.head) for v in visits)
            and not names_person(c)
        )
    ]
    out: list[Cand] = []
    for c in cands:
        target = None
        for n, o in enumerate(out):
            if o.row.cls != c.row.cls or o.context != c.context or not linked(o, c) or apart(o, c):
                continue
            if o.mode == c.mode or "host" in (o.mode, c.mode):
                target = n
                break
        if target is None:
            out.append(c)
            continue
        if c.mode == "host":
            out[target] = dataclasses.replace(out[target], mode=c.mode, row=c.row)
    return out


#: the Consult modes of talks (a visit is a trip, not what was said)
TALK_MODES = frozenset({"meet", "phone"})


def framed_by_reported(c: Cand, back: Sequence[Cand]) -> bool:
    """Whether a talks verb (``c``) is framed by a meeting word that refers back to talks already
    reported (``back``: "*During the meeting*, the sides discussed …", "*В ходе встречи*
    обсуждены вопросы …", "*В ходе встречи* Жапаров и Токаев обсудили …"): what was said at those
    talks, not new ones."""
    return (
        c.row.cls == "Consult"
        and c.mode in TALK_MODES
        and c.head.pos_ in ("VERB", "AUX")
        and any(b.mode in TALK_MODES and dominates(c.head, b.head) for b in back)
    )
