"""Evaluations and appeals: who voices them and which are events — small pure tests on plain
values.

An evaluation told in the very clause that reports someone's words ("В российском ведомстве
назвали этот случай недружественным шагом", ru_ru-md_02; "В Кремле назвали …") is voiced by the
speaker of that statement: its subjectless verb is the reporting verb, not an agentless act whose
doer is the agent of the last act of its class told before ("ноту вручили послу").

A request or appeal that addresses no one ("urging to move forward", en_kz-tj_01; "The sides also
called for the intensification of interregional exchanges", en_uz-cn_01; "issues … that call for
prompt response", en_ru-am_01) is what a statement says, not an act between two actors: the
real-news gold reads these sentences as STATEMENT (or MEET) and has no REQUEST type at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

#: classes of appeals that are events only when they address someone
ADDRESSED_CLASSES = frozenset({"Request"})

#: dependents of a trigger that name whom it addresses (objects; a dative is one in any role)
ADDRESS_DEPS = frozenset({"dobj", "obj", "iobj", "dative"})


def voiced_in_clause(direction: str, clause_verb: int, reporting_heads: Iterable[int]) -> bool:
    """Whether an evaluation (direction ``speech``) is told in the clause of a reporting verb
    (``clause_verb``, the index of the trigger's clause verb, is one of ``reporting_heads``, the
    indexes of the statements' cue heads): the statement's speaker voices it, and the
    agentless reading (the agent of an act told before) does not apply.

    >>> voiced_in_clause("speech", 7, [3, 7])
    True
    >>> voiced_in_clause("speech", 7, [3])
    False
    >>> voiced_in_clause("subj>obj", 7, [7])  # an act ("ноту вручили послу"), not an evaluation
    False
    """
    return direction == "speech" and clause_verb in set(reporting_heads)


def issuer_acts(direction: str, source: Iterable[str], agentless: bool, issuers: Iterable[str]) -> list[str]:
    """Who did an agentless act (direction ``subj>obj``) that no act of its class told before
    names the agent of: the issuer of the statement that reports it (``issuers``, the speakers
    of the statement whose quote or reported clause holds the trigger) — "the ambassador was
    protested …, the ministry said" (en_kz-ua_51), "«Германской стороне заявлен решительный
    протест …», — сказано в сообщении" (ru_ru-de_01): the ministry protested. An act with a
    source of its own keeps it; an evaluation (``speech``) has its own rule.

    >>> issuer_acts("subj>obj", [], True, ["mfa-kz"])
    ['mfa-kz']
    >>> issuer_acts("subj>obj", ["russia"], True, ["mfa-kz"])
    ['russia']
    >>> issuer_acts("subj>obj", [], False, ["mfa-kz"])
    []
    """
    source = list(source)
    if source or not agentless or direction != "subj>obj":
        return source
    return list(issuers)


def unaddressed(cls: str, target: Iterable[str], dependents: Iterable[tuple[str, str]]) -> bool:
    """Whether an event of ``cls`` is an appeal that addresses no one: no target found and no
    dependent of its trigger (``dependents``: (dependency, morphology) pairs) is an object or a
    dative ("instructed the government to …", "поручил правительству …" address someone not
    named; "urging to move forward", "called for the intensification of …", "по просьбе
    Астаны" address no one). Such an appeal is no event.

    >>> unaddressed("Request", [], [("xcomp", ""), ("punct", "")])
    True
    >>> unaddressed("Request", [], [("prep", ""), ("nsubj", "")])
    True
    >>> unaddressed("Request", [], [("dobj", ""), ("xcomp", "")])
    False
    >>> unaddressed("Request", [], [("obl", "Case=Dat|Gender=Neut|Number=Sing")])
    False
    >>> unaddressed("Request", ["kazakhstan"], [])
    False
    >>> unaddressed("Demand", [], [])
    False
    """
    if cls not in ADDRESSED_CLASSES or any(True for _ in target):
        return False
    return not any(dep in ADDRESS_DEPS or "Case=Dat" in morph for dep, morph in dependents)


def city_states(sides: Iterable[str], classes: Mapping[str, str], states: Mapping[str, str]) -> list[str]:
    """The states that the cities among the source and target of an evaluation or act
    (``sides``) stand for ("Moscow deeply regrets Finland's decision", "российская сторона
    сожалеет о позиции Вашингтона", "commended … cooperation between Astana and Moscow"): a
    capital that acts or is addressed speaks for its state, as in talks ("Doha and Astana
    signed"). ``classes`` and ``states`` give each key's class and state.

    >>> C = {"moscow": "City", "washington": "City", "russia": "Country", "lavrov": "Person"}
    >>> S = {"moscow": "russia", "washington": "united-states", "lavrov": "russia"}
    >>> city_states(["lavrov", "washington"], C, S)
    ['united-states']
    >>> city_states(["moscow", "russia"], C, S)
    ['russia']
    >>> city_states(["lavrov"], C, S)
    []
    """
    return list(dict.fromkeys(states[k] for k in sides if classes.get(k) == "City" and states.get(k)))


#: classes a denial of a charge would otherwise be read as: the refusal itself, and the charge
#: named as the thing denied
DENIAL_CLASSES = frozenset({"Reject", "Accuse"})


def denies_a_charge(
    cls: str,
    trigger: frozenset[str],
    objects: Iterable[frozenset[str]],
    governor: frozenset[str] | None,
    deny_verbs: frozenset[str],
    charge_nouns: frozenset[str],
) -> bool:
    """Whether a Reject or Accuse candidate tells a charge denied ("He rejected Finland's
    accusations against Russian border guards", "We reject such accusations", "Russia has
    denied any involvement in Moldova's internal affairs", "отвергает обвинения"): a public
    statement (CAMEO 016, deny responsibility; the real-news gold reads a STATEMENT there), no
    Reject and no new accusation. ``trigger`` is the word keys of the trigger's head,
    ``objects`` those of its objects, ``governor`` those of the verb it is the object of
    (None when it is no object).

    >>> D = frozenset({"reject", "deny", "отвергнуть"})
    >>> C = frozenset({"accusation", "involvement", "обвинение"})
    >>> W = frozenset
    >>> denies_a_charge("Reject", W({"rejected", "reject"}), [W({"accusations", "accusation"})], None, D, C)
    True
    >>> denies_a_charge("Accuse", W({"accusations", "accusation"}), [], W({"reject"}), D, C)
    True
    >>> denies_a_charge("Reject", W({"refused", "refuse"}), [W({"meeting"})], None, D, C)
    False
    >>> denies_a_charge("Reject", W({"rejected", "reject"}), [W({"proposal"})], None, D, C)
    False
    >>> denies_a_charge("Accuse", W({"accused", "accuse"}), [W({"russia"})], W({"say"}), D, C)
    False
    """
    if cls not in DENIAL_CLASSES:
        return False
    if cls == "Reject":
        return bool(trigger & deny_verbs) and any(o & charge_nouns for o in objects)
    return bool(trigger & charge_nouns) and governor is not None and bool(governor & deny_verbs)


def names_your_state(
    head: frozenset[str],
    children: Iterable[frozenset[str]],
    second_person: frozenset[str],
    state_nouns: frozenset[str],
) -> bool:
    """Whether a noun phrase (its head's word keys and its children's) is "your country" /
    "ваша страна": in words addressed to someone, the addressee's state ("Your country has
    been supporting Kazakhstan since the first days of Independence", en_kz-ae_01; "The entire
    international community respects your country", en_kz-tr_01; "the trade and economic
    relations of your country", en_ru-kg_01).

    >>> S, N = frozenset({"your", "ваш"}), frozenset({"country", "страна"})
    >>> names_your_state(frozenset({"country"}), [frozenset({"your"})], S, N)
    True
    >>> names_your_state(frozenset({"страной", "страна"}), [frozenset({"вашей", "ваш"})], S, N)
    True
    >>> names_your_state(frozenset({"country"}), [frozenset({"our"})], S, N)
    False
    >>> names_your_state(frozenset({"visit"}), [frozenset({"your"})], S, N)
    False
    """
    return bool(head & state_nouns) and any(ch & second_person for ch in children)


#: how a word is the predicate a judging verb gives its object: "called the move *unacceptable*",
#: "назвал Литву *агрессивной*", "called the decision a *violation*", "considers the actions of
#: Lithuania *illegal*"
PREDICATE_DEPS = frozenset({"xcomp", "oprd", "acomp", "ccomp"})

#: dependencies of the thing judged under the judging verb
JUDGED_DEPS = frozenset({"dobj", "obj"})

#: dependencies of the subject of a predicate clause ("considers [the actions] illegal")
CLAUSE_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})


def judged(trigger, keys, judging_verbs: frozenset[str], as_preps: frozenset[str]):
    """The judging verb and the thing it judges when an evaluative trigger is the predicate that
    verb gives its object (VerbNet characterize-29.2, dub-29.3: "call", "describe as", "view
    as", "consider", "назвать", "считать", "расценить как"): the thing judged (its owner) did the
    act the trigger brands, and the verb's subject brands it — "Lavrov called Lithuania's
    actions illegal": Lavrov accuses Lithuania, not himself. ``trigger`` is a parse token
    (``i``, ``dep_``, ``head``, ``children``), ``keys`` maps a token index to its word keys. None
    when the trigger is no such predicate.

    An adjective judges through the noun it qualifies ("an aggressive opponent"); a predicate
    "as X" hangs on its preposition (or, in Russian, has "как" for its case word); the thing
    judged is the verb's object, or the subject of a predicate clause ("considers the actions
    illegal"). A predicate that is itself the object ("видит в Вашингтоне оппонента") is left
    alone: "видит подрывную работу в ситуации с КТК" has the same parse.

    >>> class T:
    ...     def __init__(self, i, dep, head=None):
    ...         self.i, self.dep_, self.head, self.children = i, dep, head or self, []
    ...         if head is not None:
    ...             head.children.append(self)
    >>> K = {0: frozenset({"lavrov"}), 1: frozenset({"call", "called"}), 2: frozenset({"actions"}),
    ...      3: frozenset({"illegal"}), 4: frozenset({"as"}), 5: frozenset({"opponent"})}
    >>> V, A = frozenset({"call", "view"}), frozenset({"as", "как"})
    >>> call = T(1, "ROOT"); subj = T(0, "nsubj", call); obj = T(2, "dobj", call)
    >>> pred = T(3, "oprd", call)
    >>> judged(pred, K, V, A) == (call, obj)
    True
    >>> view = T(1, "ROOT"); obj = T(2, "dobj", view); as_ = T(4, "prep", view)
    >>> opp = T(5, "pobj", as_); adj = T(3, "amod", opp)
    >>> judged(adj, {**K, 1: frozenset({"view"})}, V, A) == (view, obj)
    True
    >>> stop = T(1, "ROOT"); acts = T(2, "dobj", stop); ill = T(3, "amod", acts)
    >>> judged(ill, {**K, 1: frozenset({"stop"})}, V, A) is None
    True
    >>> see = T(1, "ROOT"); work = T(5, "obj", see); adj = T(3, "amod", work)
    >>> judged(adj, {**K, 1: frozenset({"view"})}, V, A) is None
    True
    """
    p = trigger
    if p.dep_ == "amod" and p.head.i != p.i:
        p = p.head  # "aggressive opponent": the noun is the predicate
    if p.head.i == p.i:
        return None
    node, verb = p, p.head
    if p.dep_ == "pobj" and keys[verb.i] & as_preps and verb.head.i != verb.i:
        node, verb = verb, verb.head  # "views Washington as an aggressive opponent"
    elif p.dep_ == "obl" and any(c.dep_ == "case" and keys[c.i] & as_preps for c in p.children):
        pass  # "расценивает шаг как провокацию"
    elif p.dep_ not in PREDICATE_DEPS:
        return None
    if not keys[verb.i] & judging_verbs:
        return None
    if node.dep_ == "ccomp":
        return next(((verb, c) for c in node.children if c.dep_ in CLAUSE_SUBJ_DEPS), None)
    return next(((verb, c) for c in verb.children if c.i != node.i and c.dep_ in JUDGED_DEPS), None)
