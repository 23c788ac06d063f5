"""Arguments of a typed event: participants, clause scope, place, projects, source, target,
visit destination, first person inside quotes, implicit participants. Functions of the document's
view (``document.View``), of what pass 1 found (``records.Said``) and, for those that read the
talks reported before, of what pass 2 has reported so far (``records.Reported``)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from bilat.extract.events import speakers as spk
from bilat.extract.events.document import View
from bilat.extract.events.evaluative import judged, names_your_state
from bilat.extract.events.merge import uniq as _uniq
from bilat.extract.events.records import (
    ACTOR_CLASSES,
    PLACE_CLASSES,
    Reported,
    Said,
)
from bilat.extract.events.records import (
    Cand as _Cand,
)
from bilat.extract.events.records import (
    Mention as _Mention,
)
from bilat.extract.events.records import (
    Unit as _Unit,
)
from bilat.extract.events.roles import visit_host
from bilat.extract.events.tree import (
    CLAUSE_DEPS,
    OBJ_DEPS,
    SUBJ_DEPS,
)
from bilat.extract.events.tree import (
    clause_root as _clause_root,
)
from bilat.extract.events.tree import (
    clause_verb as _clause_verb,
)
from bilat.extract.events.tree import (
    nested as _nested,
)
from bilat.extract.events.tree import (
    passive as _passive,
)
from bilat.extract.events.tree import (
    passive_agents as _passive_agents,
)
from bilat.extract.events.tree import (
    phrase as _phrase,
)

#: the passive subject of a verb of welcoming: the guest ("Erdoğan was welcomed")
GUEST_SUBJ_DEPS = frozenset({"nsubjpass", "nsubj:pass"})


#: the directions whose source acts on a target: a passive clause's subject is acted on
#: (a meeting's passive subject still takes part, a visit's still travels)
ACTED_ON_DIRECTIONS = frozenset({"subj>obj", "speech", "charge"})


#: a clause hanging on a noun: a relative or participial clause ("Tokayev, who chose Russia …")
RELATIVE_DEPS = frozenset({"relcl", "acl", "acl:relcl"})


#: the dependents of a title that name its holder ("президента России Владимира Путина")
OWNER_NAME_DEPS = frozenset({"appos", "flat", "flat:name"})


def purpose_infinitive(dep: str, morph: str) -> bool:
    """Whether a verb is an infinitive clause hanging on another verb as an adverbial ("went on
    *to congratulate*", "arrived *to sign*"): it shares that verb's subject.

    >>> purpose_infinitive("advcl", "VerbForm=Inf"), purpose_infinitive("advcl", "Tense=Past|VerbForm=Fin")
    (True, False)
    >>> purpose_infinitive("ccomp", "VerbForm=Inf")
    False
    """
    return dep == "advcl" and "VerbForm=Inf" in morph.split("|")


def participants(
    v: View, start: int, end: int, anchor: int, exclude_place, scope=None
) -> tuple[list[str], list, list[str]]:
    """The actors named in [start, end): those of ``scope`` (the tokens of the trigger's
    own clause) first, then the closest to ``anchor``; also the actors of the scope (two
    triggers of one class with the same scoped actors are one event)."""
    ms = [
        m
        for m in v.mentions_in(start, end)
        if not m.affil
        and m.cls in ACTOR_CLASSES
        and m is not exclude_place
        and not (exclude_place is not None and m.key == exclude_place.key and m.cls in PLACE_CLASSES)
    ]
    ms = [m for m in ms if not (m.cls in PLACE_CLASSES and v.place_prep_before(m))]
    inside: set[str] = set()
    if scope:
        spans = [(t.idx, t.idx + len(t.text)) for t in scope]
        inside = {m.key for m in ms if any(a < m.end and m.start < b for a, b in spans)}
    ms.sort(key=lambda m: (m.key not in inside, m.label == "ADJ", abs(m.start - anchor)))
    scoped = [m.key for m in ms if m.key in inside]
    keys = _uniq(m.key for m in ms)
    args = []
    seen = set()
    for m in ms:
        if m.key not in seen:
            seen.add(m.key)
            args.append((m.key, m.start, m.end))
    return keys, args, scoped


#: a child on one of these links opens a clause of its own (left out unless it holds the trigger)
_OWN_CLAUSE_DEPS = frozenset(CLAUSE_DEPS | {"acl", "xcomp"})


def clause_scope(anchor, u: _Unit) -> list:
    """The tokens of the trigger's own clause: the subtree of its clause head, without the
    relative, adverbial, participial and reported clauses that do not hold the trigger."""
    root = _clause_root(anchor)
    path = set()
    x = anchor
    for _ in range(40):
        path.add(x.i)
        if x.i == root.i or x.head.i == x.i:
            break
        x = x.head
    out = [root]
    seen = {root.i}
    stack = [root]
    lo, hi = u.start, u.end
    while stack:
        t = stack.pop()
        for ch in t.children:
            i = ch.i
            if i in seen or not (lo <= ch.idx < hi):
                continue
            if ch.dep_ in _OWN_CLAUSE_DEPS and i not in path:
                continue
            seen.add(i)
            out.append(ch)
            stack.append(ch)
    return out


def event_place(v: View, u: _Unit, head):
    best = None
    for m in v.mentions_in(u.start, u.end):
        if m.affil or m.label == "ADJ":
            continue
        if m.cls in PLACE_CLASSES | {"Country"} and v.place_prep_before(m):
            rank = (m.cls == "Country", abs(m.start - head.idx))
            if best is None or rank < best[0]:
                best = (rank, m)
    if best is None:
        return None, None
    m = best[1]
    return m.key, (m if m.cls in PLACE_CLASSES else None)


def about(v: View, start: int, end: int) -> list[str]:
    return _uniq(m.key for m in v.mentions_in(start, end) if m.cls == "Project")


def about_args(v: View, start: int, end: int) -> list:
    return [(m.key, m.start, m.end) for m in v.mentions_in(start, end) if m.cls == "Project"]


def source_of(v: View, said: Said, rep: Reported, c: _Cand):
    anchor = c.anchor
    # a noun trigger's owner: "Russia's sanctions", "his visit", "российские санкции", the
    # title of a genitive owner with the name in apposition ("визита … президента России
    # Владимира Путина"), or the agent of "by" ("a visit to Berlin by Tokayev")
    if anchor.pos_ in ("NOUN", "PROPN"):
        agent_preps = v.tab.words("agent_prep")
        # "the upcoming visit of the President of Uzbekistan to Kazakhstan": the person of a
        # ``visitor_prep`` phrase is the visitor (not the subject of the clause around it,
        # "The parties discussed …")
        visitor_preps = (
            v.tab.words("visitor_prep") if c.row.cls == "Consult" and c.mode == "visit" else frozenset()
        )
        for ch in anchor.children:
            if ch.dep_ == "prep" and v.tk(ch) & visitor_preps:
                for g in ch.children:
                    ms = [m for m in spk.speakers_in(v, _phrase(g)) if m.cls == "Person"]
                    if g.dep_ == "pobj" and ms:
                        return _uniq(m.key for m in ms), [(m.key, m.start, m.end) for m in ms]
            if ch.dep_ == "prep" and v.tk(ch) & agent_preps:
                for g in ch.children:
                    if g.dep_ == "pobj" and (ms := spk.speakers_in(v, _phrase(g))):
                        return _uniq(m.key for m in ms), [(m.key, m.start, m.end) for m in ms]
                continue
            if ch.dep_ in ("poss", "nmod:poss", "amod") or (
                ch.dep_ == "nmod"
                and v.grammar("genitive_owner")
                and "Case=Gen" in str(ch.morph)
                and not any(g.dep_ == "case" for g in ch.children)
            ):
                owner = [ch] + [g for g in ch.children if g.dep_ in OWNER_NAME_DEPS]
                ms = spk.speakers_in(v, [ch]) or [m for m in v.mentions_of_tokens([ch]) if m.cls == "Country"]
                if not ms and len(owner) > 1:
                    ms = [m for m in spk.speakers_in(v, owner) if m.cls == "Person"]
                if ms:
                    return _uniq(m.key for m in ms), [(m.key, m.start, m.end) for m in ms]
                if v.tk(ch) & v.pronouns:
                    k = spk.recent_person(v, said, ch.idx)
                    if k:
                        return [k], [(k, ch.idx, ch.idx + len(ch.text))]
                if c.row.cls == "Consult":
                    k = owner_person(v, said, rep, ch)
                    if k:
                        return [k], [(k, ch.idx, ch.idx + len(ch.text))]
    verb = _clause_verb(anchor)
    if c.row.direction == "speech" and anchor.pos_ in ("NOUN", "PROPN") and _nested(anchor, verb):
        return [], []  # "X is the result of propaganda": X did not make the propaganda
    s = v.subject(verb)
    if s is None and purpose_infinitive(verb.dep_, str(verb.morph)) and verb.head.i != verb.i:
        # "She went on to congratulate …", "flew to Astana to sign …": the subject of the
        # verb the infinitive completes
        s = v.subject(verb.head)
    if s is not None and c.row.direction in ACTED_ON_DIRECTIONS and _passive(verb):
        # a passive clause: its subject is acted on; who acts is its agent, if named
        return passive_source(v, verb)
    if s is None or any(s.i == t.i for t in c.toks):
        return [], []  # (a clausal subject that is the trigger itself: "трудно переоценить")
    yours = your_state(v, said, rep, s)
    if yours is not None:
        return [yours], [(yours, s.idx, s.idx + len(s.text))]
    keys, args = spk.resolve_np(v, said, s, _phrase(s))
    if keys == spk.author(said) and not (v.tk(s) & (v.pronouns | v.person_nouns)):
        # a document noun as subject is not an actor of the event
        ms = spk.speakers_in(v, _phrase(s))
        if not ms:
            return [], []
    return keys, args


def passive_source(v: View, verb):
    """The source of a passive clause: the actors its agent names ("Kazakhstan was accused *by
    Russia*", "обвинен *Россией*", "summoned *to the Russian Foreign Ministry*":
    ``tree.passive_agents``); none when it names no agent."""
    called = v.tab.words("called_prep") if v.tk(verb) & v.tab.words("called_verb") else frozenset()
    heads = _passive_agents(verb, v.keys, v.tab.words("agent_prep"), v.grammar("instrumental_agent"), called)
    ms = [m for h in heads for m in spk.speakers_in(v, _phrase(h))]
    return _uniq(m.key for m in ms), [(m.key, m.start, m.end) for m in ms]


def passive_subject(v: View, c: _Cand):
    """The subject of the trigger's clause when that clause is passive and the trigger is its
    verb or the verb's object ("the ambassador *was summoned*", "the ambassador was handed *a
    note of protest*"): the one acted on, a target; None otherwise."""
    verb = _clause_verb(c.anchor)
    if c.row.direction not in ACTED_ON_DIRECTIONS:
        return None
    if not (c.anchor.i == verb.i or c.anchor.dep_ in OBJ_DEPS and c.anchor.head.i == verb.i):
        return None
    if not _passive(verb):
        return None
    s = v.subject(verb)
    if s is None or any(s.i == t.i for t in c.toks):
        return None
    return s


def greeting(v: View, said: Said, rep: Reported, u: _Unit, c: _Cand, place: str | None):
    """The guest, the country visited and the guest's argument of a welcome given to a guest
    (direction "greet": "Welcoming the Kazakh leader, Rahmon …", "Erdoğan was welcomed with
    an official ceremony in the Kazakh capital Astana", "it's my pleasure to welcome you and
    your delegation here in our capital"): the guest is the object or passive subject of the
    verb of welcoming (a person named, a bare title or "you" in quoted words:
    ``owner_person``); the country visited is the country of the place named, else the
    greeter's (the subject of the verb, or of the clause a participle "Welcoming …" hangs
    on), else the speaker's ("our capital"), else the country of a city named after the
    verb. None when either is missing or the guest is at
    home."""
    guest = None
    for ch in c.head.children:
        if ch.dep_ not in OBJ_DEPS | GUEST_SUBJ_DEPS:
            continue
        ms = [m for m in spk.speakers_in(v, _phrase(ch)) if m.cls == "Person"]
        if ms:
            guest = (ms[0].key, ms[0].start, ms[0].end)
            break
        k = owner_person(v, said, rep, ch) if "Number=Plur" not in str(ch.morph) else None
        if k:  # (a plural bare title names no one guest: "Welcoming his counterparts")
            guest = (k, ch.idx, ch.idx + len(ch.text))
            break
    if guest is None:
        return None
    host = v.country(place) if place else None
    if host is None:
        verb = c.head
        s = v.subject(verb)
        if s is None and verb.dep_ == "advcl" and verb.head.i != verb.i:
            s = v.subject(verb.head)
        if s is not None and s.dep_ not in GUEST_SUBJ_DEPS:
            keys, _args = spk.resolve_np(v, said, s, _phrase(s))
            host = next(
                (
                    h
                    for k in keys
                    if k != guest[0] and v.cls(k) in ("Person", "Country") and (h := v.country(k))
                ),
                None,
            )
    if host is None:
        fp = first_person(v, said, u, c.head.idx)
        host = fp[0] if fp else None
    if host is None:
        # "… with an official ceremony in the Kazakh capital Astana": a city named after it
        after = [
            m
            for m in v.mentions_in(c.head.idx, u.end)
            if m.cls in PLACE_CLASSES and not m.affil and v.country(m.key)
        ]
        host = v.country(after[0].key) if after else None
    if host is None or host == v.country(guest[0]):
        return None
    return [guest[0]], [host], [guest]


def your_state(v: View, said: Said, rep: Reported, tok) -> str | None:
    """The state of the person addressed when ``tok`` heads "your country" / "ваша страна"
    in someone's quoted words (``evaluative.names_your_state``, ``addressee``)."""
    if not names_your_state(
        v.tk(tok), [v.tk(ch) for ch in tok.children], v.tab.words("second_person"), v.tab.words("state_noun")
    ):
        return None
    k = addressee(v, said, rep, tok.idx)
    return v.country(k) if k else None


def owner_person(v: View, said: Said, rep: Reported, ch) -> str | None:
    """Who the owner of a meeting or visit noun is when it names no one: a bare title
    ("Официальный визит российского президента", "the Kazakh leader's visit") is the person
    it stands for; "your" in someone's quoted words ("your historic visit last November",
    "Your current visit to Mongolia, Mr President") the person the speaker addresses — the
    other side of the talks the speaker took part in, else the last person named before."""
    if v.tk(ch) & v.person_nouns:
        return spk.recent_person(v, said, ch.idx, spk.country_hint(v, _phrase(ch)))
    if not v.tk(ch) & v.tab.words("second_person"):
        return None
    return addressee(v, said, rep, ch.idx)


def addressee(v: View, said: Said, rep: Reported, offset: int) -> str | None:
    """The person a second-person word at ``offset`` in someone's quoted words addresses:
    the other side of the talks the speaker took part in, else the last person named before
    who is not the speaker."""
    speaker = next((sp for qs, qe, sp in said.quote_speakers if qs <= offset < qe), None)
    persons = [k for k in speaker or () if v.cls(k) == "Person"]
    if not persons:
        return None
    u = v.unit_of(offset)
    for idx, talks in reversed(rep.talks):
        if idx <= u.index and set(persons) & set(talks):
            others = [k for k in talks if k not in persons]
            if others:
                return others[0]
    return spk.recent_person(v, said, offset, exclude=set(persons))


def describes_speaker(v: View, said: Said, tok) -> bool:
    """Whether a trigger word is part of the phrase naming a speaker ("the commander of the
    peacekeeping forces said", "как заявил командующий миротворческими силами"): a
    description, not an event. Also a word inside a person's title."""
    for pos in v.positions:
        if pos.start <= tok.idx < pos.end:
            return True
    heads = {st.head.i: st for st in said.statements}
    x = tok
    for _ in range(6):
        if x.dep_ in SUBJ_DEPS:
            st = heads.get(x.head.i)
            # the subject phrase names the speaker (not "Отмечается сотрудничество …")
            return st is not None and any(m.key in st.speaker for m in v.mentions_of_tokens(_phrase(x)))
        if x.pos_ in ("VERB", "AUX") or x.head.i == x.i:
            return False
        x = x.head
    return False


def agentless(v: View, c: _Cand) -> bool:
    """Whether the trigger's clause names no agent: a passive with no "by X" ("a note was
    handed to the ambassador", "выражены соболезнования") or a Russian indefinite-personal
    verb, third person plural with no subject ("ноту вручили послу")."""
    verb = _clause_verb(c.anchor)
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    deps = {ch.dep_ for ch in verb.children}
    if deps & {"nsubj", "csubj", "agent", "obl:agent", "expl"}:
        return False
    morph = str(verb.morph)
    if "Voice=Pass" in morph or deps & {"auxpass", "aux:pass", "nsubjpass", "nsubj:pass"}:
        return True
    return (
        v.grammar("indefinite_personal")
        and "Number=Plur" in morph
        and "VerbForm=Fin" in morph
        and "Person=1" not in morph
        and "Person=2" not in morph
    )


def agent_before(v: View, rep: Reported, u: _Unit, cls: str, window: int = 3, talks: bool = False):
    """Who acted in an agentless clause: the source of the last event of the same class a
    few sentences before (the same note, told again), else, for an evaluation (``talks``),
    the persons of the talks or call just reported ("Выражены взаимные соболезнования"
    after a telephone call)."""
    for idx, ecls, src in reversed(rep.agents):
        if ecls == cls and u.index - window <= idx <= u.index:
            return list(src), []
    if not talks:
        return [], []
    for idx, persons in reversed(rep.talks):
        if u.index - window < idx <= u.index and persons:
            return list(persons), []
    return [], []


#: sentences back to the talks whose persons take part in a symmetric event that names no one
TALKS_REACH = 8


def talk_persons(
    talks: Sequence[tuple[int, Sequence[str]]], unit: int, reach: int = TALKS_REACH
) -> list[str]:
    """The persons of the last talks reported (``talks``: (unit index, persons) in text
    order) within ``reach`` sentences before unit ``unit`` or in it, when they are two at
    least: who holds a symmetric event told with no one named just after their talks
    ("Kulubaev met with … Saidov … During the meeting, … a schedule of upcoming events … was
    agreed upon"). [] otherwise.

    >>> talk_persons([(0, ("kulubaev", "saidov"))], 3)
    ['kulubaev', 'saidov']
    >>> talk_persons([(0, ("kulubaev", "saidov"))], 9), talk_persons([(2, ("putin",))], 3)
    ([], [])
    """
    for idx, persons in reversed(talks):
        if idx < unit - reach:
            break
        if idx <= unit and len(set(persons)) >= 2:
            return list(dict.fromkeys(persons))
    return []


def voiced_by(v: View, said: Said, offset: int):
    """The speaker of the statement whose quote or reported clause holds ``offset`` (the
    closest one), with the speaker's argument spans."""
    best = None
    for st in said.statements:
        inside = st.quote is not None and st.quote[0] <= offset < st.quote[1]
        if inside or st.ev_start <= offset < st.ev_end:
            rank = (inside, st.ev_start)
            if best is None or rank > best[0]:
                best = (rank, st)
    if best is None:
        return [], []
    st = best[1]
    keys = [k for k in st.speaker if v.cls(k) != "MediaOutlet"]
    return keys, [a for a in st.args if a[0] in keys]


def own_side(v: View, speakers: list[str], source: list[str]) -> bool:
    """Whether the source is the speaker's own state or body ("Peskov: Russia values …")."""
    mine = {v.country(k) for k in speakers} - {None}
    return bool(mine) and all(v.country(k) in mine for k in source)


def interlocutor(v: View, said: Said, rep: Reported, u: _Unit, source: list[str], window: int = 2):
    """Whom an evaluation with no addressee is addressed to: the other persons of the talks
    or call reported just before that the source took part in ("Tokayev expressed
    condolences" after a call between Putin and Tokayev); in words addressed to someone
    ("I congratulate you", "Thank you for the invitation" inside a quote, however long the
    remarks), the other persons of the last talks the source took part in."""
    addressed = is_addressed(v, said, u)
    if addressed:
        window = u.index
    for idx, persons in reversed(rep.talks):
        if idx < u.index - window:
            break
        if set(source) & set(persons):
            others = [k for k in persons if k not in source]
            if others:
                return others, []
    you = next((t for t in u.toks if second_person_quoted(v, said, t)), None) if addressed else None
    k = addressee(v, said, rep, you.idx) if you is not None else None
    if k and k not in source:
        # no talks reported: the one the quoted words address ("…, которую Вы подписали …»,
        # — сказал Лавров северокорейскому лидеру")
        return [k], [(k, you.idx, you.idx + len(you.text))]
    return [], []


def judged_side(v: View, c: _Cand):
    """The actors of the thing an evaluative trigger's judging verb judges ("Lavrov called
    *Lithuania's* actions illegal", "назвала действия *Литвы* незаконными": ``evaluative.judged``;
    cue kinds judge_verb, judge_as), as (keys, arguments); None
    when the trigger is no such predicate or the thing judged names no actor."""
    found = judged(c.head, v.keys, v.tab.words("judge_verb"), v.tab.words("judge_as"))
    if found is None:
        return None
    ms = spk.speakers_in(v, _phrase(found[1]))
    if not ms:
        return None
    return _uniq(m.key for m in ms), [(m.key, m.start, m.end) for m in ms]


#: how a trigger noun hangs on the verb that applies it to someone: the thing given or the
#: predicate named ("gave the ambassador *72 hours to leave*", "declared the diplomat *persona
#: non grata*", "объявила дипломата *персоной нон грата*")
COMPLEMENT_DEPS = frozenset({"dobj", "obj", "xcomp", "oprd", "npadvmod"})


def complemented_objects(anchor, trigger: set[int]) -> list:
    """The other objects of the verb a trigger complements, whom it is applied to: "the
    French ambassador" of "gave the French ambassador 72 hours to leave", "дипломата" of
    "объявила дипломата персоной нон грата"; none when the trigger is no complement of its
    head or the head is no verb."""
    verb = anchor.head
    if anchor.dep_ not in COMPLEMENT_DEPS or verb.i == anchor.i or verb.pos_ not in ("VERB", "AUX"):
        return []
    return [ch for ch in verb.children if ch.dep_ in OBJ_DEPS and ch.i != anchor.i and ch.i not in trigger]


def target(v: View, said: Said, c: _Cand, source: list[str]):
    preps = v.tab.words("target_prep")
    anchor = c.anchor
    # the subject of a passive clause, read as a subject is ("Ambassador …, Renee Jones-Bos was
    # summoned": the person in apposition; a pronoun or a bare title resolved)
    ps = passive_subject(v, c)
    keys, args = spk.resolve_np(v, said, ps, _phrase(ps)) if ps is not None else ([], [])
    heads = [ps] if ps is not None and not keys else []
    for ch in anchor.children:
        if ch.dep_ in OBJ_DEPS:
            heads.append(ch)
        elif ch.dep_ == "prep" and v.tk(ch) & preps:
            heads.extend(g for g in ch.children if g.dep_ == "pobj")
        elif ch.dep_ in ("obl", "nmod") and any(g.dep_ == "case" and v.tk(g) & preps for g in ch.children):
            heads.append(ch)
    if not heads and not keys:
        heads = complemented_objects(anchor, {t.i for t in c.toks})
    keys, args = list(keys), list(args)
    for h in heads:
        phrase = _phrase(h)
        ms = spk.speakers_in(v, phrase)
        if v.tk(h) & v.person_nouns and not any(m.cls == "Person" for m in ms):
            hint = spk.country_hint(v, phrase)
            if hint is not None and "Number=Plur" in str(h.morph) and hint not in source:
                # "thanked the Russian colleagues": a group standing for its state
                keys.append(hint)
                args.append((hint, h.idx, h.idx + len(h.text)))
                continue
            # "thanked his Russian counterpart", "поблагодарил министра"
            k = spk.recent_person(v, said, h.idx, hint, exclude=set(source))
            if k:
                keys.append(k)
                args.append((k, h.idx, h.idx + len(h.text)))
                continue
            if hint is not None and hint not in source:
                # "expelled a Russian diplomat" (no such person named): the diplomat's state
                keys.append(hint)
                args.append((hint, h.idx, h.idx + len(h.text)))
                continue
        for m in ms:
            keys.append(m.key)
            args.append((m.key, m.start, m.end))
    keep = [i for i, k in enumerate(keys) if k not in source]
    return _uniq(keys[i] for i in keep), [args[i] for i in keep]


def is_addressed(v: View, said: Said, u: _Unit) -> bool:
    """Whether a unit holds a second-person word ("you", "your", "вы", "ваш") inside a
    quote: words addressed to the other side."""
    return any(second_person_quoted(v, said, t) for t in u.toks)


def second_person_quoted(v: View, said: Said, t) -> bool:
    return bool(v.tk(t) & v.tab.words("second_person")) and any(
        qs <= t.idx < qe for qs, qe, _sp in said.quote_speakers
    )


def destination(v: View, u: _Unit, c: _Cand, source: list[str]):
    """The country visited, its mentions, and the city or place of the visit; None when the
    only destination named is the visitor's own country (a return home is no visit)."""
    preps = v.tab.words("visit_prep")
    anchor = c.anchor
    cands: list[_Mention] = []
    for ch in anchor.children:
        if ch.dep_ == "prep" and v.tk(ch) & preps:
            for g in ch.children:
                if g.dep_ == "pobj":
                    cands.extend(v.mentions_of_tokens(_phrase(g)))
        elif ch.dep_ in ("obl", "nmod", "obj", "dobj") and (
            ch.dep_ in ("obj", "dobj") or any(g.dep_ == "case" and v.tk(g) & preps for g in ch.children)
        ):
            cands.extend(v.mentions_of_tokens(_phrase(ch)))
    after = c.toks[-1].idx
    for m in v.mentions_in(after, u.end):
        if (m.cls in PLACE_CLASSES | {"Country"} or m.label == "ADJ") and v.prep_before(m, preps):
            cands.append(m)  # the nearest place after the trigger only
            break
    src_countries = {v.country(k) for k in source} - {None}
    place = None
    home = False
    for m in cands:
        if m.affil or not (m.cls in PLACE_CLASSES | {"Country"} or m.label == "ADJ"):
            continue
        if m.cls in PLACE_CLASSES and place is None:
            place = m.key
        ctry = v.country(m.key) if m.label != "ADJ" else m.key
        if ctry and ctry not in src_countries:
            return [ctry], [(m.key, m.start, m.end)], place
        if ctry:
            home = True
    if home:
        return None
    named = [
        m for m in v.mentions_in(u.start, u.end) if m.cls == "Country" and not m.affil and m.label != "ADJ"
    ]
    # (a place of no known state named; or the visit told in a relative or participial clause
    # of someone else, where the visitor found is the main clause's: "talks … with Tokayev,
    # who chose Russia for his first foreign visit"; or the visitor's own country named as
    # the place: "с Назарбаевым, находящимся в России с рабочим визитом")
    elsewhere = someone_elses_clause(anchor) or any(
        m.cls in PLACE_CLASSES | {"Country"}
        and not m.affil
        and (
            m.cls != "Country"
            and v.country(m.key) is None
            or v.country(m.key) in src_countries
            and v.place_prep_before(m)
        )
        for m in v.mentions_in(u.start, u.end)
    )
    host = visit_host(src_countries, [m.key for m in named], v.pair, elsewhere)
    if host is not None:
        m = next((m for m in named if m.key == host), None)
        return [host], [(host, m.start, m.end)] if m is not None else [], place
    return [], [], place


def someone_elses_clause(anchor) -> bool:
    """Whether a trigger is told in a clause whose doer is not the subject found for it: a
    relative or participial clause on its way up ("Tokayev, who chose Russia for his first
    foreign visit", "Назарбаевым, находящимся в России с рабочим визитом") or an infinitive
    controlled by an object ("пригласил Владимира Путина посетить Казахстан с визитом")."""
    x = anchor
    for _ in range(40):
        if x.dep_ in RELATIVE_DEPS:
            return True
        if x.dep_ == "xcomp" and any(ch.dep_ in ("obj", "dobj") for ch in x.head.children):
            return True
        if x.head.i == x.i:
            return False
        x = x.head
    return False


def first_person(v: View, said: Said, u: _Unit, offset: int):
    for qs, qe, speaker in said.quote_speakers:
        if qs <= offset < qe:
            for t in u.toks:
                if qs <= t.idx < qe and v.tk(t) & v.first_person:
                    for k in speaker:
                        c = v.country(k)
                        if c:
                            return (c, t.idx, t.idx + len(t.text))
            return None
    return None


def first_person_singular(v: View, said: Said, u: _Unit, c: _Cand):
    """Inside a quote, a trigger whose subject is "I"/"я" (or a first-person verb with no
    subject: "Хотел бы выразить благодарность") has the speaker as its source."""
    for qs, qe, speaker in said.quote_speakers:
        if not qs <= c.head.idx < qe:
            continue
        persons = [k for k in speaker if v.cls(k) == "Person"]
        if not persons:
            return None
        verb = _clause_verb(c.anchor)
        for _ in range(3):
            s = v.subject(verb)
            if s is not None:
                if v.tk(s) & v.tab.words("first_person_sg"):
                    return (persons[0], s.idx, s.idx + len(s.text))
                return None
            if "Person=1" in str(verb.morph) and "Number=Sing" in str(verb.morph):
                return (persons[0], verb.idx, verb.idx + len(verb.text))
            if verb.head.i == verb.i:
                break
            verb = verb.head
        return None
    return None


def implicit(
    v: View, said: Said, u: _Unit, parts: list[str], start: int, end: int, scoped: list[str] | None = None
) -> list[str]:
    """Participants named only as "the two countries" (the article's pair of states) or
    "the two leaders" (the two persons named last); with ``scoped`` (the actors of the
    trigger's own clause), a person named in another clause of the sentence does not stop "the
    leaders"."""
    states_phrase, persons_phrase, of_states = stretch_phrases(v, u, start, end)
    out: list[str] = []
    named = [m for m in v.mentions_in(start, end) if not m.affil]
    countries = {m.key for m in named if m.cls == "Country"}
    if v.pair and len(countries) < 2 and states_phrase:
        out.extend(k for k in v.pair if k not in parts and k not in countries)
    persons_named = [
        k for k in (scoped if scoped is not None else (m.key for m in named)) if v.cls(k) == "Person"
    ]
    if persons_phrase and not persons_named:
        prev = []
        for m in reversed(v.mentions):
            if m.start < start and m.cls == "Person" and m.key not in prev:
                prev.append(m.key)
            if len(prev) == 2:
                break
        if len(prev) < 2:
            # a lead that opens with "The leaders discussed …": those named just after
            prev += first_persons(persons_after(v, end), prev, 2 - len(prev))
        out.extend(k for k in prev if k not in parts)
    # "the presidents of Russia and Mongolia", "Президенты России и Турции": the person of
    # each state named last before, else the one named just after (a headline's)
    after = None
    for at, states in of_states:
        for ctry in states:
            k = spk.recent_person(v, said, at, ctry)
            if k is None:
                after = persons_after(v, end) if after is None else after
                k = next(iter(first_persons(after, (), 1, ctry)), None)
            if k and k not in parts:
                out.append(k)
    return _uniq(out)


def stretch_phrases(v: View, u: _Unit, start: int, end: int) -> tuple[bool, bool, tuple]:
    """What the cue phrases of the units from ``start`` to ``end`` (``u`` itself when they are
    its bounds) tell ``implicit``: whether a "states" phrase occurs, whether a "persons" phrase
    not followed by a complement does, and ``persons_of_states``. Read once per stretch of a
    view (``View.stretches``): every event of a unit asks about the same one."""
    key = (start, end, u.index)
    hit = v.stretches.get(key)
    if hit is None:
        toks = (
            list(u.toks)  # (the unit's tokens are those from its start to its end)
            if (start, end) == (u.start, u.end)
            else [t for uu in v.units if uu.end > start and uu.start < end for t in uu.toks]
        )
        hit = v.stretches[key] = (
            v.has_phrase(toks, "states"),
            v.has_phrase(toks, "persons", unless_followed=True),
            tuple(persons_of_states(v, toks)),
        )
    return hit


#: sentences after a phrase naming the leaders ("The leaders discussed …" opening a lead) in
#: which the persons it means are named
CATAPHORA_REACH = 2


def persons_after(v: View, end: int, reach: int = CATAPHORA_REACH) -> list[tuple[str, str | None]]:
    """The persons named (not inside a title, not in quoted words) from ``end`` to the end of
    the ``reach``-th sentence after it, with their states, in text order."""
    units = v.units
    idx = v.unit_of(max(0, end - 1)).index
    hi = units[min(len(units) - 1, idx + reach)].end
    return [
        (m.key, v.country(m.key))
        for m in v.mentions_in(end, hi)
        if m.cls == "Person" and not m.affil and not v.in_quote(m.start)
    ]


def first_persons(
    named: Sequence[tuple[str, str | None]], have: Collection[str], want: int, country: str | None = None
) -> list[str]:
    """The first ``want`` persons of ``named`` ((person, state) in text order) not in ``have``,
    of ``country`` when one is given: who a phrase naming the leaders means when they are
    named only after it ("The leaders discussed … Following the talks, Vladimir Putin and
    Filipe Nyusi …"; the headline "Президенты России и Казахстана похвалили друг друга" over
    "Путин … с президентом Казахстана Нурсултаном Назарбаевым").

    >>> first_persons([("putin", "russia"), ("nyusi", "mozambique")], (), 2)
    ['putin', 'nyusi']
    >>> first_persons([("putin", "russia"), ("nazarbayev", "kazakhstan")], (), 1, "kazakhstan")
    ['nazarbayev']
    """
    out: list[str] = []
    for key, state in named:
        if len(out) >= want:
            break
        if key in have or key in out or (country is not None and state != country):
            continue
        out.append(key)
    return out


def persons_of_states(v: View, toks, window: int = 6) -> list[tuple[int, list[str]]]:
    """Each "persons" cue phrase followed by the states it names ("the presidents of Russia
    and Mongolia", "Президенты России и Турции"): the phrase's offset and the states named in
    the ``window`` words after it (two at least)."""
    phrases = v.tab.phrases("persons")
    of = v.tab.words("of")
    if all(phrases):
        opens = v.phrase_opens("persons")  # (the tokens one of whose words opens a phrase)
        at = [i for i, t in enumerate(toks) if t.i in opens]
    else:
        at = list(range(len(toks)))
    if not at:
        return []
    forms = [v.keys[t.i] for t in toks]  # folded text and lemma (``keys`` holds both)
    out = []
    for i in at:
        for seq in phrases:
            n = len(seq)
            if i + n >= len(toks) or not all(w in forms[i + j] for j, w in enumerate(seq)):
                continue
            after = toks[i + n : i + n + window]
            if after[0].i < len(v.sdoc) and forms[i + n] & of:
                after = after[1:]
            states = _uniq(m.key for m in v.mentions_of_tokens(after) if m.cls == "Country")
            if len(states) >= 2:
                out.append((toks[i].idx, states))
    return out
