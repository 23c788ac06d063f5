"""Who speaks: the mentions of a phrase that can speak, pronouns, bare titles, "the sides",
organization and document nouns resolved to a person or body named before. Functions of the
document's view (``document.View``) and of what pass 1 has found so far (``records.Said``)."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Collection

from bilat.extract.events.document import View
from bilat.extract.events.merge import uniq as _uniq
from bilat.extract.events.offices import head_office
from bilat.extract.events.records import ORG_CLASSES, Said
from bilat.extract.events.records import Mention as _Mention
from bilat.extract.events.records import Unit as _Unit
from bilat.extract.events.tree import SPEAKER_WINDOW, SUBJ_DEPS, kids
from bilat.extract.events.tree import head as head_of
from bilat.extract.events.tree import phrase as _phrase
from bilat.extract.positions_titles import titles as title_table
from bilat.extract.text import fold, lemma

SIDES_REACH = 8  # units back to the paragraph that reported the talks "the sides" held
BODY_REACH = 2  # units back to the body a bare "ведомство", "the company" stands for
TITLE_REACH = 4  # words before a name that may hold its title ("Federal Chancellor Olaf Scholz")
NOMINATIVE_REACH = 10  # words back to a name in the nominative before a verb the parse left bare


def author(said: Said) -> list[str]:
    return list(said.author or said.last_speaker)


def impersonal_author(v: View, said: Said, before: int) -> list[str]:
    """Who an impersonal cue ("Отмечается, что …", "It was stated that …") goes on quoting
    when no document's author is known: the body that reported last (the ministry whose
    release the article quotes, not the minister it quoted: "Об этом сообщили в российском
    внешнеполитическом ведомстве. «…», — сказал Лавров. Отмечается, что …"), else the
    speaker of the last statement, else the body named just before ("… was summoned to the
    Ministry of Foreign Affairs. It was stated that …")."""
    if said.author:
        return list(said.author)
    for st in reversed(said.statements):
        if st.cue[0] < before and all(v.cls(k) in ORG_CLASSES - {"MediaOutlet"} for k in st.speaker):
            return list(st.speaker)
    if said.last_speaker:
        return list(said.last_speaker)
    k = recent_org(v, said, before, frozenset())
    return [k] if k else []


def speakers_in(v: View, toks) -> list[_Mention]:
    """The mentions of a phrase that can speak: persons first, then organizations, then
    states and cities; affiliations only when nothing else is there. Of several persons, one
    whose title the phrase names as another's ("Erdogan's communications director Fahrettin
    Altun", «пресс-секретарь Токаева Руслан Жаксылыков»: ``owner_of_noun``) does not speak."""
    ms = v.mentions_of_tokens(toks)
    for group in (("Person",), tuple(ORG_CLASSES), ("Country", "City", "Place"), ("Project",)):
        chosen = [
            m
            for m in ms
            if m.cls in group
            and not m.affil
            and m.label != "ADJ"
            and not (group[0] == "Country" and v.place_prep_before(m))
        ]
        if len(chosen) > 1 and group[0] == "Person":
            chosen = owners_left_out(chosen, [_owns_noun(v, m) for m in chosen])
        if chosen:
            return chosen
    return []


def owner_of_noun(dep: str, morph: str, head_pos: str) -> bool:
    """Whether a name's head word (its dependency label and morphology, and the part of speech
    of the word it hangs on) makes it the owner of a common noun: a possessive ("Erdogan's
    communications director", "Pandor's spokesperson") or a genitive with no preposition
    («пресс-секретарь Токаева», «помощник Путина»).

    >>> owner_of_noun("poss", "", "NOUN"), owner_of_noun("nmod", "Case=Gen|Number=Sing", "NOUN")
    (True, True)
    >>> owner_of_noun("nsubj", "", "VERB"), owner_of_noun("poss", "", "PROPN")
    (False, False)
    >>> owner_of_noun("nmod", "Case=Ins", "NOUN")
    False
    """
    return head_pos == "NOUN" and (dep in ("poss", "nmod:poss") or (dep == "nmod" and "Case=Gen" in morph))


def owners_left_out(persons: list, owners: list[bool]) -> list:
    """The persons of a subject phrase less those who only own the title of another named
    there (``owners``: whether each is such an owner): "Tokayev's press secretary Berik Uali
    wrote" is Uali's statement, not Tokayev's. All stay when all or none are owners.

    >>> owners_left_out(["tokayev", "uali"], [True, False]), owners_left_out(["a", "b"], [False, False])
    (['uali'], ['a', 'b'])
    >>> owners_left_out(["a", "b"], [True, True])
    ['a', 'b']
    """
    kept = [p for p, own in zip(persons, owners, strict=True) if not own]
    return kept if kept else list(persons)


def _owns_noun(v: View, m: _Mention) -> bool:
    """Whether mention ``m``'s head word owns a common noun outside it (``owner_of_noun``)."""
    lo = bisect.bisect_left(v.starts, m.start)
    hi = bisect.bisect_left(v.starts, m.end)
    toks = v.tokens[lo:hi]
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    if len(roots) != 1 or roots[0].head.i == roots[0].i:
        return False
    r = roots[0]
    return owner_of_noun(r.dep_, str(r.morph), r.head.pos_)


def resolve_np(v: View, said: Said, s, phrase, u: _Unit | None = None):
    """Who a subject phrase names: a person or body named in it; a pronoun, a bare title,
    a spokesman, an organization noun or a document noun resolved as their tables say."""
    if u is not None:
        phrase = [t for t in phrase if u.start <= t.idx < u.end]
        if not phrase:
            return [], []
    ms = speakers_in(v, phrase)
    keys = v.tk(s)
    if keys & v.spokes_nouns and not any(m.cls == "Person" for m in ms):
        # "a Kremlin spokesman said": the spokesman named before ("пресс-секретарь
        # президента РФ Дмитрий Песков … Официальный представитель Кремля подчеркнул"),
        # else the body he speaks for ("представители российского ведомства": the body
        # a bare noun stands for), else its country
        spokesmen = persons_titled(v, s.idx, v.spokes_nouns)
        if spokesmen:
            others = {m.key for m in v.mentions if m.cls == "Person"} - spokesmen
            k = recent_person(v, said, s.idx, None, exclude=others)
            if k:
                return [k], [(k, s.idx, s.idx + len(s.text))]
        bodies = [m for m in ms if m.cls in ORG_CLASSES]
        words = {w for t in phrase for w in v.tk(t)} & v.org_nouns
        if not bodies and words:
            k = recent_org(v, said, s.idx, frozenset(words))
            if k is not None:
                return [k], [(k, s.idx, s.idx + len(s.text))]
        bodies = bodies or [m for m in v.mentions_of_tokens(phrase) if m.cls == "Country"]
        if bodies:
            return [bodies[0].key], [(bodies[0].key, bodies[0].start, bodies[0].end)]
        # a spokesman of a body not named ("заверил представитель госкомитета" right after
        # "Как рассказал господин Сыдыков …"; ru_kg-tj_01): the person who spoke just before
        k = previous_speaker(v, said, s.idx)
        if k:
            return [k], [(k, s.idx, s.idx + len(s.text))]
        # a bare spokesman after a body was named, no one having spoken ("The Kazakh Foreign
        # Ministry summoned the ambassador. The spokesman said …"): the body he speaks for
        k = recent_org(v, said, s.idx, frozenset(), country_hint(v, phrase))
        if k:
            return [k], [(k, s.idx, s.idx + len(s.text))]
        return [], []
    if (
        keys & v.person_nouns
        and not ms
        and "Number=Plur" in str(s.morph)
        and not any(c.pos_ == "NUM" or v.tk(c) & v.tab.words("persons") for c in kids(s))
    ):
        # a plural bare title with its country, no number ("The Russian diplomats pointed
        # out"): the body they speak for, named just before ("the Russian Foreign Ministry
        # said …"), not one person
        country = country_hint(v, phrase)
        # (with no country, the body whose statement was reported just before: "The Foreign
        # Ministry noted that … , the diplomats added")
        k = recent_org(v, said, s.idx, frozenset(), country) if country else previous_body(v, said, s.idx)
        if k:
            return [k], [(k, s.idx, s.idx + len(s.text))]
    if (
        keys & v.person_nouns
        and not any(m.cls == "Person" for m in ms)
        and not ("Number=Plur" in str(s.morph) and v.has_phrase(sorted(phrase, key=lambda t: t.i), "persons"))
    ):
        # a bare title with its country or body: "глава казахстанского правительства",
        # "the Kazakh President" — a person named before, not the body (the leaders of the
        # talks, "главы государств выступили", are "the sides" below; ru_az-uz_59)
        country = country_hint(v, phrase)
        k = titled_person(v, said, s.idx, keys & v.person_nouns, country) or named_after(v, s.idx, country)
        if k:
            start = min(t.idx for t in phrase)
            end = max(t.idx + len(t.text) for t in phrase)
            return [k], [(k, start, end)]
    if ms and keys & v.person_nouns and all(m.label == "DESC" for m in ms):
        # a bare title the linker read as someone the text never gave that word
        # ("Президент подтвердил" after three statements of Putin's, the linker's pick Xi
        # Jinping, "председатель КНР"): the person who spoke in the sentence before goes on
        named = [m for m in v.mentions_of_tokens(phrase) if m not in ms]  # "Президент Казахстана"
        titled = persons_titled(v, s.idx, keys & v.person_nouns, posts=False)
        k = None if named or {m.key for m in ms} & titled else previous_speaker(v, said, s.idx)
        if k:
            return [k], [(k, s.idx, s.idx + len(s.text))]
    if keys & v.tab.words("press_noun") and not any(m.cls in ORG_CLASSES for m in ms):
        # "пресс-служба президента", "the President's press service": the body of the post of the
        # person the bare title stands for (a body named there speaks: "пресс-служба Кремля")
        k = press_body(v, said, s, phrase)
        if k is None and not ms:
            # a bare "the press service" of no one named: the body whose statement was
            # reported last ("The diplomats added … '…,' the press service emphasized": the
            # ministry, en_by-lt_51)
            k = last_body_speaker(v, said, s.idx)
        if k:
            return [k], [(k, s.idx, s.idx + len(s.text))]
    if ms and keys & v.tab.words("press_noun") and all(m.cls == "Person" for m in ms):
        # "пресс-служба Токаева", "the President's press service": the body of his post
        offices = [press_office(v, m.key) for m in ms]
        if all(offices):
            return _uniq(offices), [(k, m.start, m.end) for k, m in zip(offices, ms, strict=True)]
    if ms:
        return _uniq(m.key for m in ms), [(m.key, m.start, m.end) for m in ms]
    if (
        keys & (v.first_person | v.tab.words("first_person_sg"))
        and said.author
        and not v.in_quote(s.idx)
        and not any(
            st.unit is v.unit_of(s.idx) and set(st.speaker) & set(said.author) for st in said.statements
        )
    ):
        # "We reviewed …", "For our part, we reiterated …" in the remarks or address of a
        # named author ("Foreign Minister Sergey Lavrov's remarks …"): the author speaks,
        # unless the sentence has the author's statement already ("Ответ: Мы … говорили")
        return list(said.author), [(k, s.idx, s.idx + len(s.text)) for k in said.author]
    if keys & v.pronouns:
        k = recent_person(v, said, s.idx)
        return ([k], [(k, s.idx, s.idx + len(s.text))]) if k else ([], [])
    if keys & v.tab.words("body_pronoun"):
        # "It said", '"…", it added': the body or outlet whose statement was reported last
        k = previous_body(v, said, s.idx)
        return ([k], [(k, s.idx, s.idx + len(s.text))]) if k else ([], [])
    if keys & v.tab.words("side_noun"):
        # "The Azerbaijani side emphasized", "Узбекская сторона подчеркнула": that state
        states = _uniq(m.key for m in v.mentions_of_tokens(phrase) if m.cls == "Country")
        if len(states) == 1:
            return states, [(states[0], s.idx, s.idx + len(s.text))]
    group = keys & v.tab.words("group_pronoun")
    ordered = sorted(phrase, key=lambda t: t.i)
    bare = len(phrase) == 1 and keys & v.tab.words("talks_title")  # "Ministers noted", nothing more
    if (
        group
        or bare
        or v.has_phrase(ordered, "states")
        or v.has_phrase(ordered, "persons", unless_followed=True)
    ):
        # "The sides stressed", "They expressed confidence", "Стороны подтвердили", "Ministers
        # noted": the people of the talks just reported, and the article's pair of states
        ks = sides(v, s.idx, window=2 if group else 4)
        if not ks and group:
            ks = plural_speaker(v, said, s.idx)
        if ks or not group:
            return ks, [(k, s.idx, s.idx + len(s.text)) for k in ks]
    if keys & v.person_nouns:
        k = titled_person(v, said, s.idx, keys & v.person_nouns, country_hint(v, phrase))
        if k:
            start = min(t.idx for t in phrase)
            end = max(t.idx + len(t.text) for t in phrase)
            return [k], [(k, start, end)]
        return [], []
    if keys & v.org_nouns:
        words = frozenset(w for t in phrase for w in v.tk(t)) & v.org_nouns
        # (the phrase naming no state: "On Sunday, the government said …" after "Ugandan
        # authorities were not able to …" is the one body of that name of the state named last)
        m = issuing_body(v, said, s.idx, words, country_hint(v, phrase))
        if m is not None:
            return [m], [(m, s.idx, s.idx + len(s.text))]
    if keys & v.doc_nouns:
        words = frozenset(w for t in phrase if t.i != s.i for w in v.tk(t)) & v.org_nouns
        if words:
            # a body noun names the issuer ("the government statement said", en_ml-fr_62): the
            # body it stands for, as the noun's own would be
            k = issuing_body(v, said, s.idx, words, country_hint(v, phrase))
            if k:
                return [k], [(k, s.idx, s.idx + len(s.text))]
        k = document_issuer(v, said, s.idx, country_hint(v, phrase))
        return ([k], []) if k else (author(said), [])
    if keys & v.org_nouns:
        # "the Kazakh presidential press service": its country, for want of the body
        states = [m for m in v.mentions_of_tokens(phrase) if m.cls == "Country"]
        if states:
            # "пресс-служба армянского правительства": the body of that state the other body
            # noun names, when the knowledge base has one such (ru_am-tr_51)
            nouns = frozenset(w for t in phrase if t.i != s.i for w in v.tk(t) & v.org_nouns)
            k = state_body_named(government_bodies(v.kb), states[0].key, nouns)
            if k:
                return [k], [(k, s.idx, s.idx + len(s.text))]
            return [states[0].key], [(states[0].key, states[0].start, states[0].end)]
    return [], []


def issuing_body(v: View, said: Said, before: int, nouns: frozenset[str], country: str | None) -> str | None:
    """The body a body noun before a document noun stands for ("the government statement", "the
    ministry's statement"): the one named before with that word (``recent_org``), else, the
    phrase naming no state, the one body of that name of the state named last (outside quoted
    words: "… French troops would not stay in Mali …. «…», the government statement said":
    Mali's government)."""
    k = recent_org(v, said, before, nouns, country)
    if k is None and country is None:
        state = last_state(v, before)
        k = state_body_named(government_bodies(v.kb), state, nouns) if state else None
    return k


def last_state(v: View, before: int) -> str | None:
    """The country named last before ``before`` (by name or adjective), outside quoted words,
    in its unit or the ``BODY_REACH`` units before it; None when none is."""
    lo = v.units[max(0, v.unit_of(before).index - BODY_REACH)].start
    for m in reversed(v.mentions_in(lo, before)):
        if m.cls == "Country" and not v.in_quote(m.start):
            return m.key
    return None


def state_body_named(
    bodies: list[tuple[str, str | None, list[str]]], country: str, nouns: frozenset[str]
) -> str | None:
    """The one government body of ``country`` (``bodies``: key, country, names) one of whose
    names begins with one of ``nouns`` (folded, or the lemma the noun's first word has):
    "армянского правительства" → Government of Armenia ("Правительство Армении"); None when
    none or several do.

    >>> bodies = [("gov-am", "am", ["Government of Armenia", "Правительство Армении"]),
    ...           ("mfa-am", "am", ["Министерство иностранных дел Армении"]),
    ...           ("gov-ge", "ge", ["Правительство Грузии"])]
    >>> state_body_named(bodies, "am", frozenset({"правительство"}))
    'gov-am'
    >>> state_body_named(bodies, "am", frozenset({"ведомство"})) is None
    True
    """
    if not nouns:
        return None
    found = {
        key
        for key, c, names in bodies
        if c == country
        and any(n.split() and (fold(n.split()[0]) in nouns or lemma(n.split()[0]) in nouns) for n in names)
    }
    return found.pop() if len(found) == 1 else None


def press_body(v: View, said: Said, head, phrase) -> str | None:
    """The body a press service, office or administration (``head``, a ``press_noun``) of a
    person speaks for (``press_office``): the person named in ``phrase`` ("пресс-служба
    Токаева"), else the one a bare title there stands for ("пресс-служба президента",
    "в пресс-службе узбекского лидера", "the President's press service"; with no state to the title,
    the person named last whose post has such a body); None when the phrase names no person or
    the person's post has no such body in the knowledge base."""
    if not v.tk(head) & v.tab.words("press_noun"):
        return None
    persons = _uniq(
        m.key for m in v.mentions_of_tokens(phrase) if m.cls == "Person" and not m.affil and m.label != "DESC"
    )
    if not persons:  # (a bare title is read below, not as the linker took it: "the PM's" Asadov)
        nouns = frozenset(w for t in phrase if t.i != head.i for w in v.tk(t) & v.person_nouns)
        if not nouns:
            return None
        # the state the phrase names ("узбекского лидера"), not one the linker's reading of the
        # bare title gives ("президента" read as Xi Jinping)
        country = next((m.key for m in v.mentions_of_tokens(phrase) if m.cls == "Country"), None)
        k = titled_person(v, said, head.idx, nouns, country)
        if k is not None and press_office(v, k) is None and country is None:
            # a title of no state ("пресс-служба президента" after Japarov met Xi, in a
            # Kyrgyz release; ru_kg-cn_51): the person named last whose post has such a body
            k = next(
                (
                    m.key
                    for m in reversed(v.mentions_in(0, head.idx))
                    if m.cls == "Person" and not m.affil and press_office(v, m.key)
                ),
                k,
            )
        persons = [k] if k else []
    offices = _uniq(o for o in (press_office(v, p) for p in persons) if o)
    return offices[0] if len(offices) == 1 and len(persons) == 1 else None


def government_bodies(kb) -> list[tuple[str, str | None, list[str]]]:
    """(key, country, names) of the knowledge base's government bodies, read once per
    knowledge base (kept by its identity)."""
    hit = _BODIES.get(id(kb))
    if hit is None or hit[0] is not kb:
        if len(_BODIES) > 4:
            _BODIES.clear()
        found = [
            (b.key, b.country, [lab for _, lab in b.labels] + [a.text for a in b.aliases])
            for b in kb.values()
            if b.cls == "GovernmentBody"
        ]
        hit = _BODIES[id(kb)] = (kb, found)
    return hit[1]


_BODIES: dict[int, tuple[object, list]] = {}  # id(kb) → (kb, its government bodies)


def press_office(v: View, person: str) -> str | None:
    """The body whose press service a person's is (``offices.head_office``): for a head of
    state at the article's date (today's post when the article has none, or a post the text
    gives him), the state's presidential administration in the knowledge base; for a head of
    government, his office, else the government."""
    # a post held at the date (today's: no end, when the article has no date) is passed as one
    # with no end ("now" to head_office); and the posts the text gives him, held when it was
    # written ("Georgian Prime Minister Irakli Garibashvili" in an article with no date, his
    # tenure over since; en_az-ge_51)
    posts = posts_of(v, person)
    bodies = government_bodies(v.kb)
    for titles, offices in (("head_title", "head_office"), ("premier_title", "premier_office")):
        k = head_office(
            posts,
            bodies,
            [" ".join(seq) for seq in v.tab.phrases(titles)],
            [" ".join(seq) for seq in v.tab.phrases(offices)],
        )
        if k:
            return k
    return None


def document_issuer(v: View, said: Said, before: int, country: str | None) -> str | None:
    """Who issued the statement or readout a document noun at ``before`` names, when no
    author is known: the government body of the state the phrase names that spoke before ("the
    official Iranian readout": the Iranian ministry quoted earlier), else the speaker of the
    last statement reported outside quoted words (the Kremlin of "the Kremlin press office
    said in its statement", not "[The Russian side]" of the quote that follows; en_ru-ni_61),
    if one speaker; None when an author is known (``author`` then) or nothing fits."""
    if said.author:
        return None
    if country is not None:
        k = state_body_spoken(v, said, country, before)
        if k:
            return k
    k = acting_body(v, before)
    if k:
        return k
    for st in sorted(said.statements, key=lambda st: st.cue[0], reverse=True):
        if st.cue[0] < before and not v.in_quote(st.cue[0]):
            return st.speaker[0] if len(st.speaker) == 1 else None
    return None


def acting_body(v: View, before: int) -> str | None:
    """The state or body that acts in the clause a document noun at ``before`` reports, when the
    noun follows it in its sentence ("Pakistan summoned a senior US diplomat …, an official
    statement said": Pakistan's statement, en_pk-us_62): the first active subject before the
    noun, outside quoted words, naming a country or a body by name (no person: "Putin met …,
    the statement said" is some office's; no outlet; no adjective: "Armenian-Azerbaijani border
    disputes were also on the agenda, according to the statement" is the release's issuer's,
    en_am-ir_51); when nothing comes before the noun in its sentence ("Так, согласно сообщению,
    сегодня в МИД Украины был вызван …"), the one that acts in the sentence before (the lead
    "Министерство иностранных дел Украины вызвало …", ru_ua-by_51); None when there is none."""
    u = v.unit_of(before)
    k = first_actor(v, u.toks, before)
    opening = all(t.pos_ in OPENING_POS for t in u.toks if t.idx < before)  # ("Так, согласно …")
    if k is None and opening and u.index > 0:
        prev = v.units[u.index - 1]
        k = first_actor(v, prev.toks, prev.end)
    return k


#: the parts of speech of the words that may open a sentence before a cited document ("Так, …")
OPENING_POS = frozenset({"PUNCT", "ADV", "CCONJ", "PART"})


def first_actor(v: View, toks, before: int) -> str | None:
    """The first active subject of ``toks`` before ``before``, outside quoted words, naming a
    country or a body (``acting_body``)."""
    for t in toks:
        if t.idx >= before:
            break
        if t.dep_ not in ACTIVE_SUBJ_DEPS or v.in_quote(t.idx):
            continue
        ms = [m for m in v.mentions_of_tokens(_phrase(t)) if m.cls in ACTING_CLASSES and m.label != "ADJ"]
        if ms:
            return ms[0].key
    return None


#: the subject labels of an active verb, and the classes of who acts for a document's issuer
ACTIVE_SUBJ_DEPS = frozenset({"nsubj"})
ACTING_CLASSES = frozenset({"Country"} | ORG_CLASSES - {"MediaOutlet"})


def state_body_spoken(v: View, said: Said, country: str | None, before: int) -> str | None:
    """The government body of ``country`` that spoke last before ``before`` (the one speaker
    of a statement), if any: who "В Минске осудили" means in a release of that state's
    ministry."""
    if country is None:
        return None
    for st in sorted(said.statements, key=lambda st: st.cue[0], reverse=True):
        if st.cue[0] < before and len(st.speaker) == 1:
            k = st.speaker[0]
            if v.cls(k) == "GovernmentBody" and v.country(k) == country:
                return k
    return None


def previous_speaker(v: View, said: Said, before: int) -> str | None:
    """The one person who spoke in the statements of the unit before ``before``'s (and of its
    own unit, before it), if the last of them was a person's."""
    idx = v.unit_of(before).index
    for st in sorted(said.statements, key=lambda st: st.cue[0], reverse=True):
        if st.cue[0] < before and st.unit.index >= idx - 1:
            persons = [k for k in st.speaker if v.cls(k) == "Person"]
            return persons[0] if len(persons) == 1 and len(st.speaker) == 1 else None
    return None


def body_named(v: View, key: str, m) -> set[str]:
    """The words (folded, and their lemmas) of the names of a body: its mention ``m``'s text, if
    given, and its labels in the knowledge base."""
    name = {fold(w) for w in re.findall(r"\w+", v.text[m.start : m.end])} if m is not None else set()
    e = v.kb.get(key)
    if e is not None:
        for _, lab in e.labels:
            name |= {fold(w) for w in re.findall(r"\w+", lab)}
    return name | {lemma(w) for w in name}


def last_statement(said: Said, before: int, counts=None):
    """The statement whose cue was reported last before offset ``before`` (of those whose cue
    offset ``counts`` accepts, if given), or None."""
    earlier = [st for st in said.statements if st.cue[0] < before and (counts is None or counts(st.cue[0]))]
    return max(earlier, key=lambda st: st.cue[0]) if earlier else None


def last_body_speaker(v: View, said: Said, before: int) -> str | None:
    """The body (no person, no outlet) whose statement was reported last before ``before``, if
    the last statement is one body's."""
    st = last_statement(said, before)
    if st is None or len(st.speaker) != 1:
        return None
    return st.speaker[0] if v.cls(st.speaker[0]) in ORG_CLASSES - {"MediaOutlet"} else None


def previous_body(v: View, said: Said, before: int) -> str | None:
    """The one body (not a person) whose statement, of the unit before ``before``'s or its
    own, was reported last; for a pronoun outside quotes, a statement reported inside quoted
    words does not count ('"France reiterates its commitment …," it added': the ministry that
    spoke before, not France in its words)."""
    outside = not v.in_quote(before)
    st = last_statement(said, before, (lambda at: not v.in_quote(at)) if outside else None)
    if st is None or len(st.speaker) != 1 or st.unit.index < v.unit_of(before).index - 1:
        return None
    return st.speaker[0] if v.cls(st.speaker[0]) != "Person" else None


def one_per_side(named: list[tuple[str, str | None]], pair: Collection[str]) -> list[str]:
    """The two persons of bilateral talks among ``named`` ((person, state), most recent first):
    the one named last of each state of the ``pair``, in text order — not any two named last
    (a third state's president named in between, two of one side: "Lavrov … Zakharova …"); none
    unless both sides have one.

    >>> one_per_side([("erdogan", "turkey"), ("tokayev", "kz"), ("putin", "ru")], ("ru", "kz"))
    ['putin', 'tokayev']
    >>> one_per_side([("peskov", "ru"), ("putin", "ru"), ("widodo", "id")], ("ru", "id"))
    ['widodo', 'peskov']
    >>> one_per_side([("lavrov", "ru"), ("zakharova", "ru")], ("ru", "kz")), one_per_side([], ())
    ([], [])
    """
    if len(pair) != 2:
        return []
    out: dict[str, str] = {}
    for key, state in named:
        if state in pair and state not in out and key not in out.values():
            out[state] = key
    return _uniq(key for key, _ in reversed(named) if key in out.values()) if len(out) == 2 else []


def sides(v: View, before: int, window: int) -> list[str]:
    """Who "the sides" are: the two persons named last within ``window`` sentences before
    (the people of the talks just reported), with the article's pair of states; for "they"
    (``window`` 2), nothing unless two persons were named just before. When the states of those
    two are known and are not the pair's (two of one side, or one of a third state: a
    president named in a quote in between), the one named last of each state of the pair
    within ``SIDES_REACH`` sentences (``window`` for "they"; ``one_per_side``), when each has
    one."""
    idx = v.unit_of(before).index
    lo = v.units[max(0, idx - window)].start
    persons: list[str] = []
    for m in reversed(v.mentions_in(lo, before)):
        if m.cls == "Person" and not m.affil and m.key not in persons:
            persons.append(m.key)
        if len(persons) == 2:
            break
    states = {v.country(k) for k in persons}
    if len(persons) == 2 and (states == set(v.pair) or None in states):
        # (one of each side, or one whose state is not known: the two named last)
        return _uniq(persons[::-1] + list(v.pair))
    far = v.units[max(0, idx - (SIDES_REACH if window > 2 else window))].start
    named = [
        (m.key, v.country(m.key))
        for m in reversed(v.mentions_in(far, before))
        if m.cls == "Person" and not m.affil
    ]
    both = one_per_side(named, v.pair)
    if both:
        return _uniq(both + list(v.pair))
    if len(persons) == 2:
        return _uniq(persons[::-1] + list(v.pair))
    if window > 2:
        # the talks were reported further back: the last sentence naming two persons
        for j in range(idx - window - 1, max(-1, idx - SIDES_REACH - 1), -1):
            w = v.units[j]
            two = _uniq(m.key for m in v.mentions_in(w.start, w.end) if m.cls == "Person" and not m.affil)
            if len(two) == 2:
                return _uniq(two + list(v.pair))
    return list(v.pair) if window > 2 else []


def joint_persons(subject: list[str], talks: list[str]) -> list[str]:
    """Who make a joint appearance before the press ("jointly met the press", "a joint
    statement to the media", "совместное заявление для СМИ"): the persons of its subject when
    it names two or more ("Xi Jinping and Emomali Rahmon jointly met the press"), else the two
    persons of the talks just reported (``talks``, as ``sides`` finds them: "This was followed by
    a joint statement to the media"); nobody when neither gives two.

    >>> joint_persons(["xi", "rahmon"], ["putin", "tokayev"]), joint_persons(["xi"], ["smailov", "gari"])
    (['xi', 'rahmon'], ['smailov', 'gari'])
    >>> joint_persons([], ["tokayev"])
    []
    """
    if len(subject) >= 2:
        return list(subject)
    return list(talks) if len(talks) == 2 else []


def joint_speakers(v: View, head, u: _Unit, before: int) -> list[str]:
    """The speakers of a joint appearance cue (``joint_persons``): the persons of the subject of
    its head word in its unit, else the two persons of the talks reported last (``sides``)."""
    s = v.subject(head)
    subject = []
    if s is not None and u.start <= s.idx < u.end:
        subject = _uniq(m.key for m in speakers_in(v, _phrase(s)) if m.cls == "Person")
    talks = [k for k in sides(v, before, window=4) if v.cls(k) == "Person"]
    return joint_persons(subject, talks)


#: units back to the talks an agentless readout sentence reports on, when the units just before
#: tell of them by their sides ("… met with … / The parties discussed … / They also discussed …
#: / It was noted that …"; en_kg-uz_51): as far as "the sides" reach
READOUT_REACH = SIDES_REACH


def readout_persons(named: list[tuple[int, str]], told: Collection[int], idx: int) -> list[str]:
    """Who speaks in an agentless readout sentence ("It was noted that …", "The importance of
    … was emphasized", unit ``idx``): the two persons of the talks it reports — the two named
    last in the two units before (and its own, before the cue), else, when one of those two
    units tells of the talks by their sides ("They also discussed …", "The leaders discussed
    …", ``told``), the two named last within ``READOUT_REACH`` units; none otherwise (one
    person named, or no talks: the body that issued the report speaks, as before).
    ``named``: (unit index, person key) of the persons named before the cue, in text order.

    >>> named = [(0, "kulubaev"), (0, "saidov")]
    >>> readout_persons(named, {3}, 4), readout_persons(named, set(), 4)
    (['kulubaev', 'saidov'], [])
    >>> readout_persons([(0, "yevdokimov"), (1, "azimov")], set(), 3)
    []
    >>> readout_persons([(5, "bayramov"), (6, "bayramov"), (6, "darchiashvili")], set(), 7)
    ['bayramov', 'darchiashvili']
    """

    def last_two(lo: int) -> list[str]:
        out: list[str] = []
        for j, key in reversed(named):
            if j >= lo and key not in out:
                out.append(key)
            if len(out) == 2:
                return out[::-1]
        return []

    near = last_two(idx - 2)
    if near:
        return near
    if any(j in told for j in (idx - 1, idx - 2)):
        return last_two(idx - READOUT_REACH)
    return []


def readout_speakers(v: View, before: int) -> list[str]:
    """The persons of the talks an agentless readout cue at ``before`` reports
    (``readout_persons``): persons named (not by a title) outside quotes, and the units whose subject is the
    talks' sides (a group pronoun, a phrase of the pair's states or leaders)."""
    idx = v.unit_of(before).index
    lo = v.units[max(0, idx - READOUT_REACH)].start
    named = [
        (v.unit_of(m.start).index, m.key)
        for m in v.mentions_in(lo, before)
        if m.cls == "Person"
        and not m.affil
        and m.label != "DESC"  # named, not a title ("the agreements reached by the heads of state")
        and not v.in_quote(m.start)
    ]
    told = {j for j in (idx - 1, idx - 2) if j >= 0 and sides_subject(v, v.units[j])}
    return readout_persons(named, told, idx)


def sides_subject(v: View, u: _Unit) -> bool:
    """Whether a subject of unit ``u`` names the sides of talks: a group pronoun ("They also
    discussed"), the pair's states or leaders ("The parties", "The leaders discussed")."""
    group = v.tab.words("group_pronoun")
    for t in u.toks:
        if t.dep_ not in SUBJ_DEPS:
            continue
        words = sorted(_phrase(t), key=lambda w: w.i)
        if v.tk(t) & group or v.has_phrase(words, "states") or v.has_phrase(words, "persons"):
            return True
    return False


def plural_speaker(v: View, said: Said, before: int) -> list[str]:
    """Who "they" are when no talks were just reported: the speakers of a statement of
    several speakers in the unit before ("The sides stressed … They expressed confidence")."""
    idx = v.unit_of(before).index
    for st in sorted(said.statements, key=lambda st: st.cue[0], reverse=True):
        if st.cue[0] < before and st.unit.index >= idx - 1:
            return list(st.speaker) if len(st.speaker) >= 2 else []
    return []


def recent_org(
    v: View, said: Said, before: int, nouns: frozenset[str], country: str | None = None
) -> str | None:
    """The organization a bare noun stands for ("the agency", "ведомство", "the company"): the
    most recent one whose name has that word, else the most recent body named in the
    sentences just before (a title's too: "замглавы таджикского МИДа … сообщила пресс-служба
    внешнеполитического ведомства республики"), else the most recent organization speaker;
    of ``country`` when the phrase names one ("в российском ведомстве"); a company or
    organization when the nouns are all nouns of a firm (``firm_fits``: "The company has vowed
    to appeal" after the watchdog that went to court, "The carrier announced" after the embassy)."""
    firm = firm_only(nouns, v.tab.words("company_noun"))

    def fits(key: str) -> bool:
        if firm and not firm_fits(v.cls(key)):
            return False
        return country is None or v.cls(key) in ORG_CLASSES and v.country(key) == country

    # a body that spoke before with that word in its name ("The Belarusian Foreign Ministry …
    # the statement said: "… summoned to the Foreign Ministry …". The ministry noted …": the one
    # that spoke, not one named in its quoted words; en_by-lt_51)
    for st in sorted(said.statements, key=lambda st: st.cue[0], reverse=True):
        if st.cue[0] >= before:
            continue
        for k in st.speaker:
            if v.cls(k) in ORG_CLASSES - {"MediaOutlet"} and fits(k) and body_named(v, k, None) & nouns:
                return k
    for m in reversed(v.mentions):
        # (an outlet too: '"…," the agency said' after "…, Interfax news agency said": an
        # outlet's own words, as the gold reads "the news agency said")
        if m.start < before and m.cls in ORG_CLASSES and fits(m.key):
            if body_named(v, m.key, m) & nouns:
                return m.key
    lo = v.units[max(0, v.unit_of(before).index - BODY_REACH)].start
    # what the statements of those units report, after their cue: what was said, not who says
    # it ("Дипломата предупредили, что … соучастию в преступлении Кремля … «…», — подчеркнуло
    # ведомство": the ministry named before, not the Kremlin; ru_ua-by_51)
    # (a firm is no body that speaks in them: "The diplomatic mission confirmed it is coordinating
    # with Aeroflot …. The carrier announced …": the airline)
    told = [(st.cue[1], st.unit.end) for st in said.statements if lo <= st.cue[0] < before]
    for m in reversed(v.mentions_in(lo, before)):
        if (
            m.cls in ORG_CLASSES - {"MediaOutlet"}
            and m.label != "ADJ"
            and fits(m.key)
            and not v.in_quote(m.start)
            and (firm or not any(a <= m.start < b for a, b in told))
        ):  # not a body named in the quoted words ('«… предложение Росатома», – говорится
            # в заявлении ведомства': the agency that spoke before)
            return m.key
    if nouns & v.tab.words("ministry_noun"):
        # "…, reports the ministry's press service" after "Minister of Foreign Affairs of
        # Kazakhstan Mukhtar Tileuberdi met …": the ministry of the minister named just before
        # (en_kz-us_01)
        for m in reversed(v.mentions_in(lo, before)):
            if m.cls == "Person" and not v.in_quote(m.start):
                k = next(
                    (
                        b
                        for title, org, end in posts_of(v, m.key)
                        if end is None and (b := ministry_of(title, org, government_bodies(v.kb)))
                    ),
                    None,
                )
                if k and fits(k):
                    return k
    for st in reversed(said.statements):
        orgs = [k for k in st.speaker if v.cls(k) in ORG_CLASSES and fits(k)]
        if orgs:
            return orgs[0]
    return None


#: the classes a noun of a firm ("the company", "the carrier", "авиакомпания") may stand for
FIRM_CLASSES = frozenset({"Company", "Organization"})


def firm_only(nouns: Collection[str], company_nouns: Collection[str]) -> bool:
    """Whether a bare noun phrase's body nouns are all nouns of a firm.

    >>> C = {"company", "carrier"}
    >>> firm_only({"company"}, C), firm_only({"ministry"}, C), firm_only(set(), C)
    (True, False, False)
    """
    return bool(nouns) and all(n in company_nouns for n in nouns)


def firm_fits(cls: str | None) -> bool:
    """Whether a noun of a firm may stand for a body of class ``cls``: a company or an
    organization, not a government body, a state or an outlet.

    >>> firm_fits("Company"), firm_fits("Organization"), firm_fits("GovernmentBody"), firm_fits(None)
    (True, True, False, False)
    """
    return cls in FIRM_CLASSES


#: what begins a deputy minister's title ("First Deputy Minister of Foreign Affairs")
DEPUTY_PREFIXES = ("First Deputy ", "Deputy ")


def ministry_of(title: str, state: str | None, bodies: list[tuple[str, str | None, list[str]]]) -> str | None:
    """The ministry a minister's or a deputy minister's post belongs to: of ``state``, the one
    body whose name is the title's with "Ministry" for "Minister" ("Minister of Foreign Affairs"
    of Kazakhstan, "First Deputy Minister of Foreign Affairs" → "Ministry of Foreign Affairs of
    Kazakhstan"); None for any other title, or none or several.

    >>> bodies = [("mfa-kz", "kz", ["Ministry of Foreign Affairs of Kazakhstan"]),
    ...           ("mod-kz", "kz", ["Ministry of Defence of Kazakhstan"])]
    >>> ministry_of("Minister of Foreign Affairs", "kz", bodies), ministry_of("President", "kz", bodies)
    ('mfa-kz', None)
    >>> ministry_of("Deputy Minister of Defence", "kz", bodies)
    'mod-kz'
    >>> ministry_of("Minister of Energy", "kz", bodies) is None
    True
    """
    for deputy in DEPUTY_PREFIXES:
        if title.startswith(deputy + "Minister of "):
            title = title[len(deputy) :]  # a deputy minister's ministry is the minister's
    if not title.startswith("Minister of ") or state is None:
        return None
    name = "ministry" + title[len("minister") :].lower() + " of "
    found = {key for key, c, names in bodies if c == state and any(n.lower().startswith(name) for n in names)}
    return found.pop() if len(found) == 1 else None


def posts_of(v: View, person: str) -> list[tuple[str, str | None, str | None]]:
    """(title, organization, end) of a person's posts: the knowledge base's at the article's
    date (today's when it has none: an end of None is "held now") and those the text gives."""
    e = v.kb.get(person)
    date = v.base[:10] if v.base else None
    posts = [
        (
            t.title_en,
            t.org,
            None if (t.end is None if date is None else t.held_at(date)) else (t.end or "later"),
        )
        for t in (e.tenures if e is not None else ())
    ]
    return posts + [
        (p.title_en, p.org, None) for p in v.positions if p.person == person and p.status != "former"
    ]


def country_hint(v: View, phrase) -> str | None:
    ms = v.mentions_of_tokens(phrase)
    for m in ms:
        if m.cls == "Country":
            return m.key
    for m in ms:
        c = v.country(m.key)
        if c:
            return c
    return None


def near_speaker(v: View, u: _Unit, toks, orgs: bool = False):
    """A person named just before the cue (same clause) or right after it ("said Lavrov");
    with ``orgs``, an organization right after it too."""
    i0 = u.toks.index(toks[0])
    i1 = u.toks.index(toks[-1])
    # a plural verb with no subject ("…, заявили ранее в МИД России") is no person's before it
    plural = "Number=Plur" in str(head_of(toks).morph)
    before = [] if plural else u.toks[max(0, i0 - NOMINATIVE_REACH) : i0]
    for n, t in enumerate(reversed(before)):
        if t.pos_ == "PUNCT" and t.text not in ("-",):
            break
        if "Case=Dat" in str(t.morph):
            continue  # the one told ("Послу заявлено, что …"), not the speaker
        ms = [m for m in speakers_in(v, [t]) if m.cls == "Person"]
        if ms and (n < SPEAKER_WINDOW or "Case=Nom" in str(t.morph)):
            # (further back, a name the morphology gives as a subject: "Лавров в ответ на
            # вопрос Hindustan Times подчеркнул, что …", where the parse hung it on the
            # reported verb)
            return [ms[0].key], [(ms[0].key, ms[0].start, ms[0].end)]
    allowed = {"Person"} | (ORG_CLASSES - {"MediaOutlet"} if orgs else set())
    # a parenthetical reporting clause ("Как заявил по итогам сессии в Нью-Йорке глава МИД
    # РФ Сергей Лавров, …") names its speaker anywhere before its comma, a person before a body
    if any(c.dep_ == "mark" for c in kids(head_of(toks))):
        for t in u.toks[i1 + 1 : i1 + 1 + SPEAKER_WINDOW * 3]:
            if t.pos_ == "PUNCT":
                break
            ms = [m for m in speakers_in(v, [t]) if m.cls == "Person"]
            if ms:
                return [ms[0].key], [(ms[0].key, ms[0].start, ms[0].end)]
    for t in u.toks[i1 + 1 : i1 + 1 + 4]:
        if t.pos_ == "PUNCT":
            break
        ms = [m for m in speakers_in(v, [t]) if m.cls in allowed]
        if ms:
            return [ms[0].key], [(ms[0].key, ms[0].start, ms[0].end)]
    return comma_speaker(v, u, toks)


def comma_speaker(v: View, u: _Unit, toks):
    """A person set off by commas right before the cue, which the parse did not give the verb:
    "For his part, Tokayev, said Türkiye is …"; "Lavrov, in turn, said …"; with the title
    apposed to the name ("…, Magzum Mirzagaliyev, Chair of the Management Board of KMG, told
    Trend", ``apposed_subject``)."""
    i0 = u.toks.index(toks[0])
    if "Number=Plur" in str(head_of(toks).morph):
        return [], []
    before = u.toks[max(0, i0 - SPEAKER_WINDOW - 4) : i0]
    n = comma_subject([(t.text, t.pos_ == "PUNCT", bool(speakers_in(v, [t]))) for t in before])
    ms = [m for m in speakers_in(v, [before[n]]) if m.cls == "Person"] if n is not None else []
    if not ms:
        before = u.toks[max(0, i0 - APPOSITION_WORDS - 4) : i0]
        n = apposed_subject(
            [
                (
                    t.text,
                    t.pos_ == "PUNCT",
                    any(m.cls == "Person" for m in speakers_in(v, [t])),
                    t.pos_ == "VERB",
                )
                for t in before
            ]
        )
        ms = [m for m in speakers_in(v, [before[n]]) if m.cls == "Person"] if n is not None else []
    if ms:
        return [ms[0].key], [(ms[0].key, ms[0].start, ms[0].end)]
    return [], []


#: words a title apposed to a speaker's name may have ("Chair of the Management Board of KMG")
APPOSITION_WORDS = 12


def apposed_subject(before: list[tuple]) -> int | None:
    """The index in ``before`` (the words before a reporting verb: text, punctuation?, a
    person?, and optionally a verb?) of a person's name followed by a title set off by commas
    right before the verb ("…, Magzum Mirzagaliyev, Chair of the Management Board of KMG, told
    Trend", en_az-kz_02; "…, Sergey Lavrov, Russia's foreign minister, told reporters"): the
    title names no person, has no verb ("Putin met Tokayev, discussed trade, said …": a clause,
    not a title) and has at most ``APPOSITION_WORDS`` words; None otherwise.

    >>> w = lambda s, people=(): [(t, t == ",", t in people) for t in s.split()]
    >>> apposed_subject(w("oil , Magzum Mirzagaliyev , Chair of the Board of KMG ,", {"Mirzagaliyev"}))
    3
    >>> apposed_subject(w("to Havana , Lavrov , Russia 's foreign minister ,", {"Lavrov"}))
    3
    >>> apposed_subject(w("Putin met Tokayev , Lavrov and Shoigu ,", {"Tokayev", "Lavrov", "Shoigu"}))
    >>> apposed_subject(w("Putin met Tokayev in Astana ,", {"Tokayev"}))
    >>> clause = "met Tokayev , discussed trade ,".split()
    >>> apposed_subject([(t, t == ",", t == "Tokayev", t == "discussed") for t in clause])
    """
    if not before or before[-1][0] != ",":
        return None
    i, words = len(before) - 2, 0
    while i >= 0 and not before[i][1] and not before[i][2] and words < APPOSITION_WORDS:
        if len(before[i]) > 3 and before[i][3]:
            return None  # a verb: a clause of its own
        i, words = i - 1, words + 1
    if words and i >= 1 and before[i][0] == "," and before[i - 1][2]:
        return i - 1
    return None


#: words a parenthetical set off by commas may have between a subject and its verb ("Lavrov,
#: in turn, said")
PARENTHETICAL_WORDS = 3


def comma_subject(before: list[tuple[str, bool, bool]]) -> int | None:
    """The index in ``before`` (the words before a reporting verb: text, punctuation?, names
    someone?) of the name set off by a comma right before the verb, a parenthetical of a few
    words naming no one between them allowed: "For his part, Tokayev, said" (en_kz-tr_01),
    "Lavrov, in turn, said"; None when the comma does not follow a name.

    >>> w = lambda s, name=(): [(t, t == ",", t in name) for t in s.split()]
    >>> comma_subject(w("For his part , Tokayev ,", {"Tokayev"}))
    4
    >>> comma_subject(w("Lavrov , in turn ,", {"Lavrov"}))
    0
    >>> comma_subject(w("Putin met Tokayev in Astana ,", {"Tokayev"}))
    >>> comma_subject(w("Tokayev", {"Tokayev"}))
    """
    if not before or before[-1][0] != ",":
        return None
    i = len(before) - 2
    if i >= 0 and before[i][2]:
        return i
    words = 0
    while i >= 0 and not before[i][1] and not before[i][2] and words < PARENTHETICAL_WORDS:
        i, words = i - 1, words + 1
    if words and i >= 1 and before[i][0] == "," and before[i - 1][2]:
        return i - 1
    return None


#: sentences after a bare title of a state that may name its holder
NAMED_AFTER_REACH = 2


def named_after(v: View, before: int, country: str | None) -> str | None:
    """The person a bare title of a state stands for when no one of it was named before (a
    lead: "…, заявил глава КНР" before "… переговоры с председателем КНР Си Цзиньпином",
    ru_cn-kz_03): the first person of that state given a post in the text and named in the
    next ``NAMED_AFTER_REACH`` sentences."""
    if country is None or any(
        m.cls == "Person" and v.country(m.key) == country for m in v.mentions_in(0, before)
    ):
        return None
    idx = v.unit_of(before).index
    end = v.units[min(len(v.units) - 1, idx + NAMED_AFTER_REACH)].end
    posted = {p.person for p in v.positions}
    for m in v.mentions_in(before, end):
        if m.cls == "Person" and m.key in posted and v.country(m.key) == country:
            return m.key
    return None


def titled_person(v: View, said: Said, before: int, nouns: frozenset[str], country: str | None) -> str | None:
    """The person a bare title stands for ("The Federal Chancellor said", "Rosatom CEO
    added"): the most recent person, as ``recent_person`` finds them, among those the
    text has given that title — a mention right after the title word ("Federal Chancellor
    Olaf Scholz") or a post with it; any recent person when nobody has it."""
    titled = persons_titled(v, before, nouns)
    if country is None:
        # "the Prime Minister" after "Prime Minister Narendra Modi and Japanese Prime Minister
        # Shinzo Abe": the one whose title the text gave no state is the home official
        titled = home_titled(titled, state_before_title(v, before, nouns))
    if titled:
        others = {m.key for m in v.mentions if m.cls == "Person"} - titled
        k = recent_person(v, said, before, country, exclude=others)
        if k:
            return k
    # nobody has the title: not a person the text or the knowledge base gives another post
    # when the title names one ("The Kazakh ambassador said" is not President Tokayev)
    posted = nouns & v.tab.words("post_noun")
    elsewhere = persons_titled_otherwise(v, before, posted) if posted and nouns <= posted else set()
    k = recent_person(v, said, before, country, exclude=elsewhere)
    if k is None and country is not None:
        # a person whose state nothing tells ("Дипломат Евгений Терехин сообщил … , заявил ТАСС
        # посол России в Эфиопии"), not one of another state
        foreign = {m.key for m in v.mentions if m.cls == "Person" and v.country(m.key) not in (None, country)}
        k = recent_person(v, said, before, None, exclude=foreign | elsewhere)
    return k


def persons_titled_otherwise(v: View, before: int, nouns: frozenset[str]) -> set[str]:
    """The persons named before ``before`` whom the text (a title right before a name, or a
    post found) or the knowledge base (a post at the article's date) gives a title, none of
    whose words is among ``nouns``."""
    posts: dict[str, set[str]] = {}
    for p in v.positions:
        posts.setdefault(p.person, set()).update(post_words(p))
    out = set()
    for m, lo in persons_before(v, before):
        if m.key in out:
            continue
        words = {lemma(w) for w in title_stretch(v.text, lo, m.start)[1]}
        words |= held_words(v, m.key) | posts.get(m.key, set())
        if words & v.tab.words("post_noun") and not words & nouns:
            out.add(m.key)
    return out


def persons_before(v: View, before: int):
    """Each person mention before ``before``, in text order, with where the words that may
    title it begin: 40 characters before it, not before the person named last (a title is not
    read across a name)."""
    last_end = 0
    for m in v.mentions:
        if m.start >= before:
            break
        if m.cls != "Person":
            continue
        lo, last_end = max(0, m.start - 40, last_end), max(last_end, m.end)
        yield m, lo


def post_words(p) -> set[str]:
    """The words (lemmas) of a post's title, in English and in the source language."""
    return {lemma(w) for t in (p.title_en, p.title_src or "") for w in re.findall(r"[\w-]+", t)}


def home_titled(titled: set[str], qualified: dict[str, bool]) -> set[str]:
    """Of the persons given a title, those the text gave it with no state (``qualified``: person
    → whether a state stood before their title), when others had it with one: an unqualified
    title is the home country's ("Prime Minister Narendra Modi and Japanese Prime Minister
    Shinzo Abe"); all of them otherwise.

    >>> sorted(home_titled({"modi", "abe"}, {"modi": False, "abe": True}))
    ['modi']
    >>> sorted(home_titled({"modi", "abe"}, {"modi": True, "abe": True}))
    ['abe', 'modi']
    >>> sorted(home_titled({"modi", "abe"}, {"abe": True}))
    ['abe', 'modi']
    """
    home = {k for k in titled if qualified.get(k) is False}
    if home and any(qualified.get(k) for k in titled):
        return home
    return titled


def title_stretch(text: str, lo: int, name_start: int) -> tuple[int, list[str]]:
    """Where the stretch of ``text`` before a name (from ``lo``, after its last punctuation)
    begins, and its last ``TITLE_REACH`` words: where the name's title may stand.

    >>> title_stretch("Talks ended. Japanese Prime Minister Abe left", 0, 37)
    (12, ['Japanese', 'Prime', 'Minister'])
    """
    seg = re.split(r"[.,;:!?\"«»“”()]", text[lo:name_start])[-1]
    return name_start - len(seg), re.findall(r"[\w-]+", seg)[-TITLE_REACH:]


def state_before_title(v: View, before: int, nouns: frozenset[str]) -> dict[str, bool]:
    """For each person named before ``before`` right after a title of ``nouns`` (within
    ``TITLE_REACH`` words, in one stretch of text with no punctuation), whether a state's name
    or adjective stands in that stretch ("Japanese Prime Minister Shinzo Abe": True, "Prime
    Minister Narendra Modi": False); a person titled several times is qualified only when every
    such title is."""
    out: dict[str, bool] = {}
    for m, lo in persons_before(v, before):
        if m.label == "DESC":
            continue  # (a description is no name a title stands before)
        start, words = title_stretch(v.text, lo, m.start)
        if not {lemma(w) for w in words} & nouns:
            continue
        qualified = any(c.cls == "Country" for c in v.mentions_in(start, m.start))
        out[m.key] = out.get(m.key, True) and qualified
    return out


def persons_titled(v: View, before: int, nouns: frozenset[str], posts: bool = True) -> set[str]:
    """The persons named before ``before`` whom the text gives a title of ``nouns``: by the
    words right before a name (or a descriptive mention's own words), and, with ``posts``,
    by the posts found (whose titles are canonical: "председатель КНР" → "президент")."""
    # the words of the posts a bare title covers ("diplomat": ambassador, envoy, foreign …)
    nouns = nouns | {seq[1] for seq in v.tab.phrases("title_alias") if len(seq) == 2 and seq[0] in nouns}
    out = set()
    for p in v.positions if posts else ():
        if p.start < before and post_words(p) & nouns:
            out.add(p.person)
    for m, lo in persons_before(v, before):
        if m.key in out:
            continue
        if posts and held_words(v, m.key) & nouns:
            # the post the knowledge base gives him at the article's date ("Путин указал … /
            # Президент подтвердил", the text giving Putin no title, Xi Jinping "председатель
            # КНР": ru_ru-cn_01)
            out.add(m.key)
            continue
        words = title_stretch(v.text, lo, m.start)[1]
        if m.label == "DESC":
            words += re.findall(r"[\w-]+", v.text[m.start : m.end])
        if {lemma(w) for w in words} & nouns:
            out.add(m.key)
    return out


def held_words(v: View, person: str) -> set[str]:
    """The words (lemmas) of the titles of the posts the knowledge base gives ``person`` at the
    article's date (today's when it has none), in English and in the article's language
    (``title_words``: "President" → "president", "президент")."""
    e = v.kb.get(person)
    if e is None:
        return set()
    date = v.base[:10] if v.base else None
    held = [t.title_en for t in e.tenures if (t.end is None if date is None else t.held_at(date))]
    return {w for title in held for w in title_words(v.lang, title)}


def title_words(lang: str, title_en: str) -> frozenset[str]:
    """The words (lemmas) of a canonical title in English and in ``lang`` (the title table's
    own name for it: "President" → "president", "президент" in Russian).

    >>> sorted(title_words("ru", "President"))
    ['president', 'президент']
    """
    return _canonical_words(lang).get(title_en, frozenset()) | frozenset(
        lemma(w) for w in re.findall(r"[\w-]+", title_en)
    )


@functools.lru_cache(maxsize=8)
def _canonical_words(lang: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for t in title_table(lang):
        if t.title_ru and not t.title_ru.startswith("="):
            out.setdefault(t.title_en, set()).update(lemma(w) for w in re.findall(r"[\w-]+", t.title_ru))
    return {k: frozenset(ws) for k, ws in out.items()}


def recent_person(
    v: View,
    said: Said,
    before: int,
    country: str | None = None,
    exclude: set[str] | frozenset[str] = frozenset(),
) -> str | None:
    """The person a pronoun or bare title stands for: a speaker of the same or the previous
    unit first, then the most recent person speaker or subject, then the most recent
    person named."""
    unit = v.unit_of(before)
    for qs, qe, speaker in said.quote_speakers:
        if qs <= before < qe:
            # a third-person pronoun in someone's own words is not the speaker: the person
            # named last in the quote ('"I thank Putin. He responded at once," X said')
            exclude = frozenset(exclude) | frozenset(speaker)
            for m in reversed(v.mentions_in(qs, before)):
                if (
                    m.cls == "Person"
                    and m.key not in exclude
                    and (country is None or v.country(m.key) == country)
                ):
                    return m.key
            break
    # a person subject earlier in the same sentence, outside any quote ("Свое решение
    # американский лидер объяснил …, который, как он сказал, …"), not the subject of the
    # words a parenthetical reporting clause reports ("President Tokayev, he said, had …")
    word = next((t for t in unit.toks if t.idx == before), None)
    reported = word.head.head.i if word is not None else -1
    for t in reversed(unit.toks):
        if t.idx >= before or t.dep_ not in SUBJ_DEPS or t.head.i == reported:
            continue
        if v.in_quote(t.idx):
            continue
        words = [w for w in _phrase(t) if unit.start <= w.idx < before]
        for m in speakers_in(v, words):
            if (
                m.cls == "Person"
                and m.key not in exclude
                and (country is None or v.country(m.key) == country)
            ):
                return m.key
    # the statement whose cue stands last before (a document noun's statement is added
    # after the reporting verbs of its unit, wherever it stands); for a pronoun outside
    # quotes, not one inside someone's quoted words ('INA quoted Sahhaf as saying Lavrov's
    # visit "confirms …". He also underlined …': Sahhaf; en_ru-iq_61)
    outside = not v.in_quote(before)
    for st in sorted(said.statements, key=lambda st: st.cue[0], reverse=True):
        if outside and v.in_quote(st.cue[0]):
            continue
        if st.cue[0] < before and st.unit.index >= unit.index - 1:
            for key in st.speaker:
                if (
                    v.cls(key) == "Person"
                    and key not in exclude
                    and (country is None or v.country(key) == country)
                ):
                    return key
    for off, key in reversed(said.people):
        if off < before and key not in exclude and (country is None or v.country(key) == country):
            return key
    named = [
        m
        for m in v.mentions
        if m.start < before
        and m.cls == "Person"
        and m.key not in exclude
        and (country is None or v.country(m.key) == country)
    ]
    m = last_outside_quotes(named, before, v.quotes)
    return m.key if m is not None else None


def last_outside_quotes(named: list, before: int, spans) -> object | None:
    """The last of ``named`` (mentions, in text order) a pronoun at ``before`` stands for: a
    pronoun outside quotes ('"… I, along with my counterpart Rovshan Najafov, plan to sign …,"
    he said') passes over the persons named inside someone's quoted words, unless only they are
    named; a pronoun inside a quote takes the last person named."""
    if any(qs <= before < qe for _ms, _me, qs, qe in spans):
        return named[-1] if named else None
    outside = [m for m in named if not any(qs <= m.start < qe for _ms, _me, qs, qe in spans)]
    return (outside or named or [None])[-1]


def track_subjects(v: View, said: Said, u: _Unit) -> Said:
    """``said`` with the persons of unit ``u`` met as subjects (outside quotes) added to its
    people: a person named, or the person a singular bare title stands for."""
    people = list(said.people)  # (this unit's, as they are found: a bare title reads them)
    for t in u.toks:
        # a subject inside someone's quoted words is not who the article goes on about
        # ('«Мы видим, что и сам Зеленский пытается это отрицать …», — заявил он': Peskov)
        if t.dep_ in SUBJ_DEPS and not v.in_quote(t.idx):
            phrase = _phrase(t)
            persons = [m for m in speakers_in(v, phrase) if m.cls == "Person"]
            for m in persons:
                people.append((m.start, m.key))
            nouns = v.tk(t) & v.person_nouns
            if not persons and nouns and "Number=Plur" not in str(t.morph):
                # a bare title as subject ("Russian diplomat, in turn, thanked …"): the
                # person it stands for is who a later "his"/"he" means
                so_far = dataclasses.replace(said, people=tuple(people))
                k = titled_person(v, so_far, t.idx, nouns, country_hint(v, phrase))
                if k:
                    people.append((t.idx, k))
    people_sorted = tuple(sorted(people))
    if people_sorted == said.people:
        return said  # (no one met, and those before in order: the record as it was)
    return dataclasses.replace(said, people=people_sorted)
