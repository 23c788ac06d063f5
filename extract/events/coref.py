"""Coreference of events across sentences: a meeting or visit restated, a headline event
announcing the body's, and the two-sided events that found one side. Plain values in
(``Typed`` views of the events), indexes out. ``restate`` in ``data/{lang}/events_cues.tsv``
lists the meeting or visit words that may restate one reported before.

Conventions (one meeting, one event — as the real-news gold annotates): a readout tells one
meeting or call over several sentences, and a talks verb of the agenda ("discussed", «обсудили»)
whose subject refers back to its parties ("The parties discussed …", "They also discussed …",
«Собеседники обсудили …»; ``talks_parties`` cues, read by ``talk.talk_parties``) goes on with
the talks told last (``goes_on``), the entities it names being its topics; a meeting the text
names as another ("our last meeting in September", "their first in-person meeting": a date of
its own, ``another_meeting`` cues) restates none."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Typed:
    """What the steps across sentences see of a typed event."""

    unit: int  # the clause unit (sentence) it was found in
    cls: str
    mode: str | None = None
    context: str | None = None
    participants: frozenset[str] = frozenset()
    trigger: str = ""  # the trigger's lemma
    members: bool = False  # a body of members takes part (a summit of the CIS, a forum)
    back: bool = False  # an agreement named as one reported ("The document was signed …")
    source: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()
    date: str | None = None  # the date stated in its clause
    states: frozenset[str] = frozenset()  # the states its participants belong to
    place: str | None = None  # the place named with "in"/"в"
    own_time: bool = False  # held in another month than the article's (``another.own_time``)
    #: who a talks verb of the agenda says talks, when it may go on with talks told before
    #: (``talk.talk_parties``): empty for "The parties discussed …", the persons of "Bayramov and
    #: Botchorishvili discussed …"; None for any other event
    parties: frozenset[str] | None = None
    #: a noun of talks that an ``another_meeting`` word modifies ("their first in-person
    #: meeting", "the next meeting"): other talks, restating none (a visit is left alone: "my
    #: first visit abroad as president" is the visit told)
    fresh: bool = False
    #: the bodies that voice the statements of its unit ("In a statement, the Armenian Foreign
    #: Ministry said …", "according to Myanmar's National Defence and Security Council"): who
    #: reports the talks, no new party to them
    voices: frozenset[str] = frozenset()
    #: a visit noun that only the verb it hangs on makes planned, no modifier of its own
    #: ("Mirziyoyev's visit will give impetus to …", "during his visit, the countries will sign
    #: …"): the visit the text tells, not another to come
    governed: bool = False
    #: the state of its place, when the place is a city or region of one ("Astana": Kazakhstan)
    place_state: str | None = None
    #: the family of its trigger words, when they tell one kind of act in several words:
    #: "demarche" for an ambassador summoned and a note of protest handed ("summoned", "note of
    #: protest", «вызван», «вручена нота протеста»; ``demarche`` cues); "" for none
    family: str = ""
    #: its sentence adds an act to those told ("in addition", «кроме того»; ``additive`` cues):
    #: a trigger of the same family there is another act, not the one told again
    added: bool = False


RESTATED_MODES = frozenset({"meet", "phone", "visit"})


def _units(headline: int | Collection[int] | None) -> frozenset[int]:
    if headline is None:
        return frozenset()
    return frozenset({headline}) if isinstance(headline, int) else frozenset(headline)


#: the modes of talks that a word telling talks in either mode ("discussed", "the talks",
#: "в ходе беседы") restates
TALK_MODES = frozenset({"meet", "phone"})


def same_talks(later: Typed, first: Typed, any_mode: Collection[str] = ()) -> bool:
    """Whether ``later``, a restating word, can tell the talks ``first`` again: the same mode,
    or a word of talks in either mode (``any_mode``: "discussed", "обсудили", "the
    conversation") after a phone call or a meeting ("Состоялся телефонный разговор … Главы
    государств обсудили …"), and no other date stated ("held talks in Moscow on December 3"
    after a meeting in St Petersburg on December 2 is another; "this year" is no other date
    than "on May 25"; a visit's days are one month), and no other place named (``same_place``:
    the state a city lies in is no other place).

    >>> call = Typed(1, "Consult", "phone", date="2024-05-02")
    >>> same_talks(Typed(2, "Consult", "meet", trigger="discuss"), call, {"discuss"})
    True
    >>> same_talks(Typed(2, "Consult", "meet", trigger="meeting"), call, {"discuss"})
    False
    >>> same_talks(Typed(2, "Consult", "phone", date="2024-05-03"), call)
    False
    >>> same_talks(Typed(2, "Consult", "phone", date="2024"), call)
    True
    """
    if later.mode != first.mode and not (
        later.trigger in any_mode and later.mode in TALK_MODES and first.mode in TALK_MODES
    ):
        return False
    if later.place and first.place and not same_place(later, first):
        return False
    # a visit lasts days: "прилетел в понедельник … во вторник приехал"
    return same_date(later.date, first.date, 7 if later.mode == "visit" else None)


def same_date(a: str | None, b: str | None, prefix: int | None = None) -> bool:
    """Whether two dates (``yyyy``, ``yyyy-mm`` or ``yyyy-mm-dd``; None unknown) can be one:
    one is a prefix of the other (compared on their first ``prefix`` characters only).

    >>> same_date("2024-05", "2024-05-14"), same_date(None, "2024"), same_date("2024-05-13", "2024-05-14")
    (True, True, False)
    >>> same_date("2024-05-13", "2024-05-14", 7)
    True
    """
    a, b = (a or "")[:prefix], (b or "")[:prefix]
    return a.startswith(b) or b.startswith(a)


def same_place(a: Typed, b: Typed) -> bool:
    """Whether two events' places can be one: the same, or one the state the other lies in (a
    visit "to Kazakhstan" and the arrival "in Astana").

    >>> astana = Typed(1, "Consult", "visit", place="astana", place_state="kazakhstan")
    >>> same_place(Typed(2, "Consult", "visit", place="kazakhstan"), astana)
    True
    >>> same_place(Typed(2, "Consult", "visit", place="almaty", place_state="kazakhstan"), astana)
    False
    """
    return a.place == b.place or a.place == b.place_state or b.place == a.place_state


#: the contexts of a restating word: held, or planned ("The leaders will hold a one-on-one
#: meeting" after "Erdogan meets Putin in Sochi")
CONTEXTS = (None, "planned")


def _context_restated(later: Typed, first: Typed, agenda: Collection[str] = ()) -> bool:
    """Whether ``later``'s context can tell ``first`` again: a held event tells a held one; a
    planned one tells a planned one, or one held when it is a word of the agenda (``agenda``:
    what was to be discussed) and states no date of its own ("Путин и Лукашенко начали
    переговоры … Главы государств планировали обсудить …"; "They will meet again in May",
    "the next meeting" is another), or a visit noun planned only by the verb it hangs on
    (``Typed.governed``: "Mirziyoyev's visit will give impetus …") that states no other date.

    >>> held, planned = Typed(1, "Consult", "meet"), Typed(2, "Consult", "meet", "planned", trigger="discuss")
    >>> _context_restated(planned, held, {"discuss"}), _context_restated(held, planned, {"discuss"})
    (True, False)
    >>> _context_restated(Typed(2, "Consult", "meet", "planned", trigger="meeting"), held, {"discuss"})
    False
    >>> _context_restated(Typed(2, "Consult", "meet", "planned", date="2025-05"), held)
    False
    >>> visit = Typed(1, "Consult", "visit", date="2024-08-08")
    >>> _context_restated(Typed(3, "Consult", "visit", "planned", trigger="visit", governed=True), visit)
    True
    >>> _context_restated(Typed(3, "Consult", "visit", "planned", date="2024-09", governed=True), visit)
    False
    """
    if later.context is None:
        return first.context is None
    if later.context == "planned":
        if first.context is None and later.governed:
            return same_date(later.date, first.date)
        return first.context == "planned" or (
            first.context is None and not later.date and later.trigger in agenda
        )
    return False


def goes_on(
    events: Sequence[Typed],
    i: int,
    out: Mapping[int, int],
    heads: Collection[int],
    talks: Collection[str] | None = None,
) -> int | None:
    """The index of the talks that the talks verb ``events[i]`` goes on telling. A readout
    tells one meeting over several sentences ("Kulubaev met with … Saidov … The parties
    discussed … They also discussed interaction in … the UN, CIS, SCO …"; «Мирзиёев созвонился
    с … Жапаровым … Собеседники обсудили …»): a talks verb of the agenda whose subject refers
    back to the parties of talks told before (``Typed.parties``, read by ``talk.talk_parties``:
    "the parties", "they", "the two leaders", «собеседники», «главы государств»; no one, in the
    passive; or persons who took part in them) goes on with them, and what it names besides
    its subject (the UN, Afghanistan, Central Asia: "discussed the situation in Afghanistan")
    are its topics, not new participants, nor is a place named in them another place.

    The talks it goes on with are the last told before it in an earlier unit of the body, in
    either mode: a phone call, or a meeting told by a word of talks (``talks``: the ``restate``
    words, "talks", "met", "conversation" — not a session, a forum or a summit: "after the
    plenary session of the Forum of Interregional Cooperation … The presidents discussed …")
    that no body of members takes part in (``Typed.members``: what "the parties discussed"
    after a meeting held with a summit, a council or a ministry tells may be the gathering's
    own business; a phone call is two persons'); in its context (held talks go on held, planned
    ones planned: "Erdogan and Putin will discuss …" after "ahead of a bilateral meeting"; "The
    ministers will discuss …" after talks held may be the next ones), not dated in another
    month (``own_time``), no other date stated. Talks whose verb names a partner ("discussed …
    with Lavrov") or other parties are left to ``restated``'s other rules. None when there are
    no such talks.

    >>> call = Typed(1, "Consult", "phone", participants=frozenset({"mirziyoyev", "japarov"}))
    >>> topic = Typed(3, "Consult", "meet", participants=frozenset({"un", "sco"}), trigger="discuss",
    ...               parties=frozenset(), place="afghanistan")
    >>> goes_on([call, topic], 1, {}, ())
    0
    >>> named = Typed(3, "Consult", "meet", participants=frozenset({"putin", "un"}), trigger="discuss",
    ...               parties=frozenset({"putin"}))
    >>> goes_on([call, named], 1, {}, ()) is None
    True
    """
    ev = events[i]
    if ev.parties is None or ev.cls != "Consult" or ev.mode not in TALK_MODES or ev.own_time:
        return None
    if ev.unit in heads or ev.context not in CONTEXTS:
        return None
    for j in range(i - 1, -1, -1):
        o = events[j]
        if o.unit in heads or o.unit == ev.unit or o.cls != "Consult" or o.mode not in TALK_MODES:
            continue
        if o.own_time or o.context != ev.context:
            continue
        if o.members and o.mode != "phone":
            continue
        if talks is not None and o.mode != "phone" and o.trigger not in talks:
            continue
        if not same_date(ev.date, o.date) or not ev.parties <= o.participants:
            continue
        return out.get(j, j)
    return None


def restated(
    events: Sequence[Typed],
    headline: int | Collection[int] | None = None,
    restating: frozenset[str] | None = None,
    pair: frozenset[str] = frozenset(),
    any_mode: Collection[str] = (),
    agenda: Collection[str] = (),
) -> dict[int, int]:
    """The Consult events that restate one already reported, each mapped to the index of the
    event it tells again (the report that stays; the restating words are another mention of
    it): the same mode, held (or planned with no date of its own: ``_context_restated``), no
    other date or place, and no participant the first one lacks ("The talks were held in
    Moscow. … During the meeting, the sides discussed …"). A headline (unit ``headline``) announces what the
    body tells: its event of any class gives way to the body's event of the same class and mode
    that shares a participant, whatever its word ("President Tokayev has telephone conversation
    with Vladimir Putin", "Russian, Kazakh presidents sign joint declaration after talks"), and
    a headline announcing a planned event to the body's planned one ("Переговоры с Абашидзе в
    Праге продолжит Карасин" before "Очередной раунд переговоров … состоится в конце ноября");
    a headline's talks give way as well to talks told by a word of either mode
    ("Телефонные переговоры" before "Президенты … обсудили …"). With
    ``restating``, only triggers of those words restate ("talks", "discussed", "the visit"); a
    forum or a summit the same people attend is another event. The states of the article's
    ``pair`` are no new participant ("The heads of state discussed …", "Главы государств
    обсудили …" after the talks of the two presidents), nor are the states of its persons
    ("During his meeting with Lavrov, he reviewed the India-Russia relationship" after
    Jaishankar's talks with Lavrov), nor are the bodies that voice the unit's statements
    (``Typed.voices``: "the Armenian Foreign Ministry said Mirzoyan and Amir Abdollahian had a
    detailed discussion" after their phone call). Words of talks in either mode (``any_mode``) restate a
    phone call as well as a meeting (``same_talks``). An agreement named as one reported
    (``back``: "The document was signed in Moscow after their talks") restates the Agree
    reported before it, also when it names the persons of its states who made it ("The
    agreement was reached during a meeting between [the two ministers]" after "Kyrgyzstan and
    Japan agreed …").

    >>> a = Typed(1, "Consult", "meet", None, frozenset({"putin", "tokayev", "russia"}))
    >>> b = Typed(3, "Consult", "meet", None, frozenset({"russia"}))
    >>> h = Typed(0, "Consult", "meet", None, frozenset({"tokayev"}))
    >>> restated([h, a, b], headline=0)
    {0: 1, 2: 1}

    Talks held in another month than the article's are other talks (``another.own_time``):

    >>> c = Typed(3, "Consult", "meet", None, frozenset({"putin", "tokayev"}), own_time=True)
    >>> restated([a, c])
    {}

    The body that reports the talks is no new party to them:

    >>> told = frozenset({"putin", "tokayev", "mfa"})
    >>> said = Typed(4, "Consult", "meet", None, told, voices=frozenset({"mfa"}))
    >>> restated([a, said]), restated([a, Typed(4, "Consult", "meet", None, told)])
    ({1: 0}, {})
    """
    heads = _units(headline)
    out: dict[int, int] = {}
    for i, ev in enumerate(events):
        if ev.unit in heads and ev.context in (None, "planned"):
            body = next(
                (
                    j
                    for j, o in enumerate(events)
                    if o.unit not in heads
                    and o.cls == ev.cls
                    and (o.mode == ev.mode or same_talks(o, ev, any_mode))
                    and o.context == ev.context
                    and o.participants & ev.participants
                ),
                None,
            )
            if body is not None:
                out[i] = body
            continue
        agreed = ev.cls == "Agree" and ev.back and ev.context is None
        if not agreed and (
            ev.cls != "Consult" or ev.mode not in RESTATED_MODES or ev.context not in CONTEXTS
        ):
            continue
        if not agreed and restating is not None and ev.trigger not in restating:
            continue
        if ev.unit in heads or (ev.own_time or ev.fresh) and not agreed:
            continue  # "our last meeting in September", "their first meeting": another meeting
        on = goes_on(events, i, out, heads, restating) if ev.trigger in agenda else None
        if on is not None:
            out[i] = on
            continue
        for j, o in enumerate(events[:i]):
            if j in out or o.unit in heads or o.unit == ev.unit:
                continue
            if (
                o.cls == ev.cls
                and (agreed or same_talks(ev, o, any_mode))
                and _context_restated(ev, o, agenda)
                and ev.participants
                and (
                    ev.participants - pair - ev.voices - (o.states if ev.mode in TALK_MODES else frozenset())
                    <= o.participants
                    or agreed
                    and bool(ev.states)
                    and ev.states <= o.participants | o.states
                )
            ):
                out[i] = j
                break
    return out


def is_headline(first_unit: str, followed_by_newline: bool, title: str | None) -> bool:
    """Whether the first unit of a text is its headline: the document's title, or a line of its
    own that does not end a sentence.

    >>> is_headline("Putin meets Tokayev", True, None), is_headline("Putin met Tokayev.", True, None)
    (True, False)
    """
    s = first_unit.strip()
    if not s:
        return False
    if title and s == title.strip():
        return True
    return followed_by_newline and s[-1] not in '.!?…:"»”'


def headline_units(first: Sequence[tuple[str, bool, bool]], title: str | None) -> frozenset[int]:
    """The units of the headline: the first unit when it is one (``is_headline``; ``first``
    holds the first units' text, whether a line break follows each and whether someone's words
    are reported in it), and the line after it when that is a line of its own that does not end
    a sentence and reports no one's words, a subheadline ("Лукашенко заявил о согласии Путина …"
    / "Лукашенко и Путин договорились решить проблемы Союзного государства к осени" / "Все
    проблемные вопросы …"); a line that reports what someone said ("…, отметил Сергей Лавров")
    is the lead, its full stop left out.

    >>> head = ("Putin meets Tokayev", True, False)
    >>> sorted(headline_units([head, ("Leaders sign a deal", True, False)], None))
    [0, 1]
    >>> sorted(headline_units([head, ("They met in Moscow.", True, False)], None))
    [0]
    """
    out: set[int] = set()
    if first and is_headline(first[0][0], first[0][1], title):
        out.add(0)
        if len(first) > 1 and not first[1][2] and is_headline(first[1][0], first[1][1], None):
            out.add(1)
    return frozenset(out)


#: classes of events that need two sides: with one participant, the other side was not found and
#: the event is more often a misreading ("We greatly appreciate this", "a deal") than news. A
#: meeting or visit naming one side is mostly the venue of a statement ("заявил … на совещании",
#: "said at a meeting with the media") or a trip with no host found ("прибыла группа"). (A
#: criticism, a refusal or an order may name only who voices it: "Russia summoned the Kazakh
#: ambassador", "Tokayev instructed the government".)
TWO_SIDED = frozenset({"Support", "Agree", "Cooperate", "Consult"})


def lone(events: Sequence[Typed], classes: frozenset[str] = TWO_SIDED) -> set[int]:
    """The indexes of events of a two-sided class with fewer than two participants; a meeting of
    a body of members, or one hosted ("Tokayev hosted the summit in Astana"), is two-sided by
    itself ("The next CIS summit will be held in Bishkek",
    "Следующий саммит ШОС пройдет в Шанхае", "подготовка к XIX Форуму межрегионального
    сотрудничества").

    >>> sorted(lone([Typed(0, "Support", participants=frozenset({"russia"})),
    ...              Typed(1, "Consult", "meet", participants=frozenset({"putin"})),
    ...              Typed(2, "Agree", participants=frozenset({"russia", "kazakhstan"}))]))
    [0, 1]
    """
    return {
        i
        for i, ev in enumerate(events)
        if ev.cls in classes
        and len(ev.participants) < 2
        and not (ev.cls == "Consult" and (ev.mode == "host" or ev.mode != "visit" and ev.members))
    }


#: classes whose event needs two sides that are not one state: a person, a body or a city of a
#: state acting with that state is one side ("In the future, we intend to cooperate with your
#: company," Tokayev said; "the state provides the conditions for the implementation of projects":
#: Tokayev and Kazakhstan)
ONE_STATE = frozenset({"Cooperate"})


def one_state(
    events: Sequence[Typed], country: Mapping[str, str | None], classes: frozenset[str] = ONE_STATE
) -> set[int]:
    """The indexes of events of ``classes`` whose participants are all one state or of it
    (``country``: each participant's state, None when unknown — a participant of no known state
    is a side of its own).

    >>> country = {"tokayev": "kazakhstan", "kazakhstan": "kazakhstan", "adnoc": None, "russia": "russia"}
    >>> sorted(one_state([Typed(0, "Cooperate", participants=frozenset({"tokayev", "kazakhstan"})),
    ...                   Typed(1, "Cooperate", participants=frozenset({"tokayev", "adnoc"})),
    ...                   Typed(2, "Cooperate", participants=frozenset({"russia", "kazakhstan"})),
    ...                   Typed(3, "Agree", participants=frozenset({"tokayev", "kazakhstan"}))], country))
    [0]
    """
    out = set()
    for i, ev in enumerate(events):
        if ev.cls not in classes:
            continue
        sides = {country.get(k) or k for k in ev.participants}
        if len(sides) < 2:
            out.add(i)
    return out


#: classes whose event a lead and the body (or a quote after it) tell twice: the same praise,
#: accusation, aid or cooperation, one event ("Россия не согласна с заявлением Пашиняна …" and
#: "«… мы должны категорически не согласиться с господином Пашиняном»"). Meetings, visits and
#: agreements are ``restated``.
RETOLD = frozenset({"Support", "Accuse", "Aid", "Protest", "Reject", "Threaten", "Demand", "Sanction"})


def tells_again(later: Typed, first: Typed) -> bool:
    """Whether ``later`` tells the event ``first`` again: one class and context, the same
    parties (two shared, or the participants of one among those of the other) and no side
    reversed (who praises or accuses in one is not whom the other addresses: "Türkiye will
    continue to support Kazakhstan …" and "Kazakhstan supports Türkiye's initiatives" are two).

    >>> P = frozenset
    >>> a = Typed(2, "Accuse", participants=P({"peskov", "russia", "pashinyan"}), source=P({"russia"}))
    >>> tells_again(Typed(5, "Accuse", participants=P({"peskov", "pashinyan"})), a)
    True
    >>> tells_again(Typed(5, "Accuse", participants=P({"pashinyan", "russia"}), source=P({"pashinyan"}),
    ...                   target=P({"russia"})), a)
    False

    Trigger words of one family tell one act: the ambassador summoned, then the note of protest
    handed to him («Посол был вызван в МИД Армении. Ему была вручена нота протеста»):

    >>> from dataclasses import replace
    >>> summoned = Typed(3, "Accuse", participants=P({"mfa-am", "kopyrkin"}), trigger="вызвать",
    ...                  family="demarche")
    >>> note = Typed(4, "Accuse", participants=P({"mfa-am"}), trigger="нота", family="demarche")
    >>> tells_again(note, summoned), tells_again(replace(note, family=""), summoned)
    (True, False)

    unless its sentence adds one («Кроме того, послу … был заявлен протест из-за публикации …»):

    >>> tells_again(replace(note, added=True), summoned)
    False
    """
    if (later.cls, later.context) != (first.cls, first.context):
        return False
    if later.trigger != first.trigger and not (
        later.family and later.family == first.family and not later.added
    ):
        return False
    return same_parties(later, first)


def announces(head: Typed, body: Typed) -> bool:
    """Whether the event ``head`` of a headline line announces the event ``body`` of the text:
    ``tells_again`` in any word and, when the headline states no context (a headline's present
    tense: "МИД сообщил, что вызвал посла Дании …" / "Посол Дании … был вызван в здание МИД из-за
    его провокационных заявлений"; "республика готова предоставить гуманитарную помощь" / "выразил
    готовность … предоставить гуманитарную помощь"), in any context.

    >>> P = frozenset
    >>> h = Typed(0, "Accuse", participants=P({"mfa", "denmark"}), trigger="вызвал посла")
    >>> b = Typed(3, "Accuse", context="planned", participants=P({"mfa", "denmark", "russia"}),
    ...           trigger="заявлений")
    >>> announces(h, b), announces(b, h), tells_again(b, h)
    (True, False, False)
    """
    if head.cls != body.cls or head.context not in (None, body.context):
        return False
    return same_parties(head, body)


def same_parties(later: Typed, first: Typed) -> bool:
    """Whether two events of a class a lead and the body tell twice (``RETOLD``) have the same
    parties (two shared, or the participants of one among those of the other) and no side
    reversed."""
    if later.cls not in RETOLD:
        return False
    p, q = later.participants, first.participants
    if not p or not q or not (len(p & q) >= 2 or p <= q or q <= p):
        return False
    return not (later.source & first.target or later.target & first.source)


def retold(events: Sequence[Typed], lines: Collection[int] = ()) -> dict[int, int]:
    """The events that tell one reported before again (``tells_again``), each mapped to the one
    that stays for all of them: the first told in a sentence of the text rather than in a
    headline line (``lines``: the units of the headline and the lines after it that end no
    sentence, "Песков: РФ не согласна с заявлением Пашиняна …"), else the first. Chains are
    one event: what the lead, a quote and a later paragraph tell of one accusation. An event of
    a headline line left on its own gives way to the one of the text it ``announces`` in other
    words (the one of most trigger words in common, then of most participants, then the first),
    never joining two of the text into one.

    >>> a = Typed(0, "Support", participants=frozenset({"xi", "china", "kazakhstan"}))
    >>> b = Typed(3, "Support", participants=frozenset({"xi", "kazakhstan"}))
    >>> retold([a, b]), retold([a, b], lines={0})
    ({1: 0}, {0: 1})
    """
    groups: list[list[int]] = []
    for i, ev in enumerate(events):
        if ev.cls not in RETOLD:
            continue
        g = next((g for g in groups if any(tells_again(ev, events[j]) for j in g)), None)
        if g is None:
            groups.append([i])
        else:
            g.append(i)
    out: dict[int, int] = {}
    for g in groups:
        keep = next((i for i in g if events[i].unit not in lines), g[0])
        out.update({i: keep for i in g if i != keep})
    # what a headline line tells in other words the text tells once (``announces``)
    for i, ev in enumerate(events):
        if ev.unit not in lines or i in out or i in out.values():
            continue
        # the body's event of the most trigger words in common, then parties, then the first
        found = [
            (len(set(ev.trigger.split()) & set(o.trigger.split())), len(ev.participants & o.participants), -j)
            for j, o in enumerate(events)
            if o.unit not in lines and j not in out and announces(ev, o)
        ]
        if found:
            out[i] = -max(found)[2]
    return out


#: the lines at most a headline block holds before a dateline: headline, subheadline, lead
LEAD_LINES = 3


def lead_block(dated: Sequence[bool], most: int = LEAD_LINES) -> int:
    """How many of the first lines (``dated``: whether each opens with a dateline) come before
    the dateline, when a line after the first opens with one and at most ``most`` lines come
    before it (0 otherwise): the headline and the lead a wire places above its dateline
    ("Japan hopes to discuss peace treaty during Lavrov's visit — government" / "The long-running
    dispute … remains the main obstacle …" / "TOKYO, November 27. /TASS/. …"). The lead restates
    what the body then tells from the dateline on: it is a headline line, whatever it ends with.

    >>> lead_block([False, False, True, False]), lead_block([True, False]), lead_block([False, False])
    (2, 0, 0)
    >>> lead_block([False, False, False, False, True])
    0
    """
    for i, d in enumerate(dated[: most + 1]):
        if d:
            return i
    return 0


def headline_lines(first: Sequence[tuple[str, bool]], title: str | None) -> frozenset[int]:
    """The units that open the text as lines of their own ending no sentence (``first``: each
    unit's text and whether a line break follows it), whatever they report: the headline and
    subheadlines ("Песков: РФ не согласна с заявлением Пашиняна об «угрозе» ОДКБ для Армении").

    >>> sorted(headline_lines([("Putin meets Tokayev", True), ("Peskov: we disagree", True),
    ...                        ("Putin met Tokayev.", True), ("Later", True)], None))
    [0, 1]
    """
    out: set[int] = set()
    for i, (text, newline) in enumerate(first):
        if not is_headline(text, newline, title if i == 0 else None):
            break
        out.add(i)
    return frozenset(out)


def other_side(
    cls: str, sides: Collection[str | None], target: Collection[str], pair: Sequence[str]
) -> str | None:
    """The state of the article's ``pair`` that an evaluation or act voiced by the other one
    addresses when no addressee was found: ``sides`` are the states of its participants (None
    for one of no state), all of one state of the pair ("Россельхознадзор выразил несогласие с
    введёнными мерами" in an article on Russia and Kazakhstan: Kazakhstan; "Estonia called the
    incident a 'set up'": Russia; "Но Россия своими заявлениями и другой поддержкой помогла
    стабилизировать ситуацию": Kyrgyzstan). None when the event has a target, names states on
    both sides, or is not of a directed class (``RETOLD``).

    >>> other_side("Accuse", ["russia", None], (), ("russia", "kazakhstan"))
    'kazakhstan'
    >>> other_side("Accuse", ["russia", "kazakhstan"], (), ("russia", "kazakhstan")) is None
    True
    """
    if cls not in RETOLD or target or len(pair) != 2:
        return None
    known = {s for s in sides if s}
    if len(known) != 1:
        return None
    (side,) = known
    return _other_of(pair, side)


def anniversary_sides(cls: str, sides: Collection[str | None], pair: Sequence[str]) -> tuple[str, ...]:
    """The states an anniversary takes as its sides besides those named: the states of its
    participants (``sides``: the state of each, None for one of no state), and the other state
    of the article's ``pair`` when all of them are of one state of it. An anniversary told in
    an article on two states is theirs, not their leaders' ("Next year we will mark the 45th
    anniversary of the establishment of diplomatic relations," Putin said: Russia and
    Mozambique; "был приурочен к 80-летию Победы" of Putin's visit to Xi: Russia and China).
    Empty for other classes.

    >>> anniversary_sides("Anniversary", ["russia", None], ("russia", "mozambique"))
    ('russia', 'mozambique')
    >>> anniversary_sides("Anniversary", ["russia", "china"], ("russia", "china"))
    ('russia', 'china')
    >>> anniversary_sides("Consult", ["russia"], ("russia", "china"))
    ()
    """
    if cls != "Anniversary":
        return ()
    known = list(dict.fromkeys(s for s in sides if s))
    if len(pair) == 2 and len(set(known)) == 1 and (other := _other_of(pair, known[0])):
        known.append(other)
    return tuple(known)


def _other_of(pair: Sequence[str], state: str | None) -> str | None:
    """The other state of the article's ``pair``; None for a state not of the pair.

    >>> _other_of(("russia", "kazakhstan"), "kazakhstan"), _other_of(("russia", "kazakhstan"), "china")
    ('russia', None)
    """
    if state not in pair:
        return None
    return pair[1] if state == pair[0] else pair[0]


#: the Consult modes whose other side is a counterpart: talks and calls (a visit's other side is
#: the country visited)
COUNTERPART_MODES = frozenset({"meet", "phone"})


def counterpart_state(
    cls: str,
    mode: str | None,
    persons: Sequence[tuple[str, str | None]],
    sides: Collection[str],
    pair: Sequence[str],
) -> str | None:
    """The state of the article's ``pair`` whose person is the counterpart of talks that name
    one person only: ``persons`` are the persons taking part with their states, ``sides`` the
    states that take part (by themselves or through a body of theirs). Talks of a person of one
    state of the pair with the other state, no person of it named ("Following the bilateral
    talks, the presidents of Russia and Mongolia …" after Putin and Khurelsukh met; "в ходе
    переговоров с министром иностранных дел КНДР Ли Ён Хо" in Lavrov's talks): the other
    state's person named last before is the counterpart (the gold's MEET names the two
    persons). None otherwise.

    >>> pair = ("russia", "mongolia")
    >>> counterpart_state("Consult", "meet", [("putin", "russia")], {"russia", "mongolia"}, pair)
    'mongolia'
    >>> counterpart_state("Consult", "meet", [("putin", "russia")], {"russia"}, pair) is None
    True
    >>> counterpart_state("Consult", "visit", [("putin", "russia")], {"mongolia"}, pair) is None
    True
    """
    if cls != "Consult" or mode not in COUNTERPART_MODES or len(pair) != 2 or len(persons) != 1:
        return None
    ((_person, state),) = persons
    other = _other_of(pair, state)
    return other if other in sides else None
