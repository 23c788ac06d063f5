"""Cooperate: whether a generic cooperation word names what is done together.

``data/{lang}/events_cues.tsv``: ``coop_generic`` (the Cooperate triggers that need a named
object), ``coop_prep`` (a preposition or case word that opens the object: "cooperation *in*
energy", "сотрудничество *в* сфере"), ``coop_object`` (a noun that is an object by itself:
"joint *venture*", "совместный *проект*"), ``coop_field`` (an adjective naming a field:
"*nuclear* cooperation"), ``coop_vague`` (a noun that names no field when a ``coop_every``
word quantifies it: "cooperation in *all areas*", "взаимодействие *по всем направлениям*").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: an object dependency of a verb ("jointly develop *the section*")
OBJ_DEPS = frozenset({"dobj", "obj"})


@dataclass(frozen=True)
class CoopCues:
    generic: frozenset[str]
    preps: frozenset[str]
    objects: frozenset[str]
    fields: frozenset[str] = frozenset()
    vague: frozenset[str] = frozenset()
    every: frozenset[str] = frozenset()
    carry: frozenset[str] = frozenset()
    carried: frozenset[str] = frozenset()
    manner: frozenset[str] = frozenset()
    material: frozenset[str] = frozenset()
    placed: frozenset[str] = frozenset()
    stage: frozenset[str] = frozenset()


def vague_object(noun: str, modifiers: Iterable[str], cues: CoopCues) -> bool:
    """Whether the object after a preposition ("cooperation *in* …") names no field: a
    ``coop_vague`` noun quantified by a ``coop_every`` word ("strengthening cooperation in all
    areas", "across various sectors", "взаимодействие по всем направлениям"); "in the field of
    transport" and "в торгово-экономической сфере" name one. A ``coop_stage`` noun names where
    states act together, never a field ("coordination on the international arena", "boosting
    collaboration in international forums", "на международных площадках": no Cooperate in the
    real-news gold). ``modifiers``: the lemmas of the noun's dependents.

    >>> cues = CoopCues(frozenset(), frozenset(), frozenset(), vague=frozenset({"area"}),
    ...                 every=frozenset({"all"}), stage=frozenset({"arena"}))
    >>> vague_object("area", ["all"], cues), vague_object("area", ["the", "of"], cues)
    (True, False)
    >>> vague_object("arena", ["the", "international"], cues)
    True
    """
    return noun in cues.stage or noun in cues.vague and any(m in cues.every for m in modifiers)


#: the classes of a mention that names where capital is placed: a state, a city, a place
PLACED_IN = frozenset({"Country", "City", "Place"})


def placed_in_state(words: Iterable[str], object_classes: Iterable[str], cues: CoopCues) -> bool:
    """Whether a Cooperate trigger of capital placed (``coop_placed``: "investment in",
    "investor in") names a state or place it is placed in: the classes of the mentions in
    the object of its preposition (``object_classes``) hold one ("German direct investments in
    Kazakhstan", "the largest investor in the Kazakh economy"), not an undertaking ("ready to
    invest in its modernisation", "investors engaged in exploration"). Other triggers pass.

    >>> cues = CoopCues(frozenset(), frozenset(), frozenset(), placed=frozenset({"investment"}))
    >>> [placed_in_state(["investment", "in"], cl, cues) for cl in (["Country"], ["Organization"], [])]
    [True, False, False]
    >>> placed_in_state(["transit"], [], cues)
    True
    """
    if not any(w in cues.placed for w in words):
        return True
    return any(c in PLACED_IN for c in object_classes)


def cooperation_has_object(
    trigger: str,
    anchor: str,
    anchor_is_verb: bool,
    deps: Iterable[tuple[str, str]],
    project_named: bool,
    cues: CoopCues,
    near: Iterable[str] = (),
) -> bool:
    """Whether a Cooperate trigger names what is done together. ``trigger`` and ``anchor`` are
    the lemmas of the trigger and of the word it hangs on ("joint" → "venture"); ``deps`` the
    (dependency label, preposition or case word or "") of the dependents of both;
    ``project_named``: a project is named in the trigger's phrase; ``near``: the lemmas of the
    nouns the trigger governs or qualifies. A word of carrying out (``coop_carry``: "implement",
    "реализация") is an event only when what it carries out is a ``coop_carried`` noun or a project
    named ("projects are being implemented in Kazakhstan together with Russia", "реализации проекта
    «Байтерек»"), not "implementation of the agreements"; an adjective naming a field
    (``coop_field``: "nuclear cooperation", "военно-техническое сотрудничество") names it too. A generic
    word ("cooperation",
    "partnership", "сотрудничество") with nothing of the kind is no event: "strengthen
    bilateral cooperation", "strategic partnership". A word of manner (``coop_manner``:
    "jointly", "совместно") makes an event of a verb of material work only (``coop_material``:
    "jointly develop the section", "jointly explore the north Caspian"), not of what is said or
    stood for together ("jointly advocated the Five Principles", "jointly safeguard
    international justice", "jointly determine the direction of relations").

    >>> cues = CoopCues(frozenset({"cooperation", "joint"}), frozenset({"in"}), frozenset({"venture"}))
    >>> cooperation_has_object("cooperation", "cooperation", False, [("amod", "")], False, cues)
    False
    >>> cooperation_has_object("cooperation", "cooperation", False, [("prep", "in")], False, cues)
    True
    >>> cues = CoopCues(frozenset(), frozenset(), frozenset(), carry=frozenset({"implement"}),
    ...                 carried=frozenset({"project"}))
    >>> [cooperation_has_object("implement", "implement", True, [("dobj", "")], False, cues, near)
    ...  for near in (["project"], ["agreement"])]
    [True, False]
    >>> cues = CoopCues(frozenset({"jointly"}), frozenset(), frozenset(), manner=frozenset({"jointly"}),
    ...                 material=frozenset({"develop"}))
    >>> [cooperation_has_object("jointly", verb, True, [("dobj", "")], False, cues)
    ...  for verb in ("develop", "advocate")]
    [True, False]
    """
    if trigger in cues.carry:
        return project_named or any(n in cues.carried for n in near)
    if trigger in cues.manner and anchor_is_verb:
        return project_named or anchor in cues.material
    if trigger not in cues.generic:
        return True  # a concrete trigger ("trade turnover", "transit", "lease")
    if project_named or anchor in cues.objects:
        return True
    deps = list(deps)
    if any(word in cues.preps for dep, word in deps if dep not in ("amod", "compound")):
        return True
    if any(word in cues.fields for dep, word in deps if dep in ("amod", "compound")):
        return True
    return anchor_is_verb and any(dep in OBJ_DEPS for dep, _ in deps)


#: dependencies that open a clause of its own: a cooperation word reached through one of them is
#: no longer what the talks above it were about ("the talks, after which the sides cooperated …")
TOPIC_STOP = frozenset({"relcl", "acl:relcl", "advcl", "ccomp", "csubj", "parataxis"})


def topic_of_talks(heads: Iterable[tuple[str, str, bool]], steps: int = 4) -> bool:
    """Whether a Cooperate word is the topic of talks: ``heads`` are the words above it, nearest
    first, each as (the dependency label by which the word below hangs on it, its part of speech,
    whether it is a meeting or call word of the trigger table). Within ``steps`` heads (an
    adposition or a conjunct counting as none) and not through a clause of its own, a talks word makes the
    cooperation what was discussed, not an event ("the sides discussed prospects for
    strengthening bilateral cooperation in trade", "обсудили ряд вопросов сотрудничества в сфере
    энергетики", "talks on cooperation in energy": the real-news gold, tests/corpus, has no
    Cooperate there).

    >>> topic_of_talks([("pobj", "ADP", False), ("prep", "NOUN", False), ("dobj", "VERB", True)])
    True
    >>> topic_of_talks([("nsubj", "VERB", False), ("advcl", "VERB", True)])
    False
    """
    n = 0
    for dep, pos, talks in heads:
        if dep in TOPIC_STOP:
            return False
        if talks:
            return True
        if pos == "ADP" or dep == "conj":
            continue
        n += 1
        if n >= steps:
            return False
    return False


def nested(words: Sequence[tuple[int, frozenset[int]]]) -> set[int]:
    """The indexes of the Cooperate words of a clause that lie below another's word (``words``:
    each word's token index and the token indexes below the word it hangs on): a field or step
    of the other's joint work, one event with it ("Tehran and Moscow are collaborating on the
    construction of the railway segment, which will facilitate direct *transit*", "joint projects
    in the fields of trade, industrial *cooperation*"). Two words below each other (one phrase)
    are both kept.

    >>> sorted(nested([(3, frozenset({3, 4, 9})), (9, frozenset({9})), (12, frozenset({12}))]))
    [1]
    """
    return {
        j
        for j, (head, under_j) in enumerate(words)
        if any(
            k != j and head in under_k and k_head not in under_j for k, (k_head, under_k) in enumerate(words)
        )
    }
