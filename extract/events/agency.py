"""Agency: an act of the request and conflict families (request, demand, threat, refusal, aid)
is an event only when an actor does it — a person, body or state (a linked entity, or a
pronoun, bare title or body word standing for one). Its doer is the subject of the trigger
verb (through a relative pronoun, its antecedent), or for a trigger noun its own owner
("Astana's request", "по просьбе Астаны"), else the subject of the clause it hangs in.

Seen on the real-news dev corpus: a relative clause with a thing for subject ("issues … that
call for prompt response", "facilities … which threatened the phytosanitary well-being of
Russia", "дисбаланс …, который «представляет серьезную угрозу»"), a demonstrative ("Это помогает
в работе"), a noun with no owner in a clause whose subject is a thing ("The suspension comes amid
… calls for Western countries to stop …", "such mutual assistance will give an additional
impetus"), a noun restating a request told before ("The request was made because of …").

Plain steps over parse tokens: ``keys`` maps a token index to its word keys, ``linked`` says
whether a token lies in a linked entity, ``actor_words`` are the cue words of actors."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bilat.extract.events.tree import SUBJ_DEPS

#: the classes whose trigger needs an actor as its doer
NEEDS_ACTOR = frozenset({"Request", "Demand", "Threaten", "Reject", "Aid"})

#: dependencies that open a clause of its own under a noun: what it says is not the noun's owner
CLAUSE_DEPS = frozenset({"relcl", "acl", "acl:relcl", "ccomp", "advcl", "parataxis"})

#: dependencies under a trigger noun that name its owner ("Kazakhstan's aid", "Russian
#: assistance", "просьба Астаны", "the request of/by/from X")
OWNER_DEPS = frozenset({"poss", "nmod:poss", "amod", "compound", "nmod", "agent", "obl:agent"})
OWNER_PREPS = frozenset({"of", "by", "from"})

#: how far up a trigger noun looks for the verb of its clause
MAX_UP = 4


def actor(
    tok, keys: Sequence[frozenset[str]], linked: Callable[[object], bool], actor_words: frozenset[str]
) -> bool:
    """Whether the phrase headed by ``tok`` names an actor: a linked entity or an actor word in
    it (its own clauses left out: "facilities …, which threatened … Russia" names none)."""
    stack, seen = [tok], {tok.i}
    while stack:
        t = stack.pop()
        if linked(t) or keys[t.i] & actor_words:
            return True
        for c in t.children:
            if c.dep_ not in CLAUSE_DEPS and c.i not in seen:
                seen.add(c.i)
                stack.append(c)
    return False


def owner(noun, keys, linked, actor_words) -> bool:
    """Whether a trigger noun names its own doer ("Astana's request", "по просьбе Астаны",
    "Russian assistance"): not what it is for ("calls for Western countries to stop …")."""
    for c in noun.children:
        if c.dep_ == "prep" and keys[c.i] & OWNER_PREPS:
            if actor(c, keys, linked, actor_words):
                return True
        elif c.dep_ in OWNER_DEPS and (c.dep_ != "nmod" or "Case=Gen" in str(c.morph)):
            if actor(c, keys, linked, actor_words):
                return True
    return False


def no_actor(
    trigger,
    subject: Callable[[object], object],
    keys,
    linked,
    actor_words,
    unknown: frozenset[str] = frozenset(),
) -> bool:
    """Whether the act ``trigger`` names has no actor for its doer: its subject (``subject``:
    a verb → the subject of its clause, None when it has none) is a thing; a noun with no owner
    is itself the subject of its clause ("The request was made", "such mutual assistance will
    give …") or hangs in a clause whose subject is a thing. An act with no subject at all is
    left to the agentless steps ("urging to move forward", "готова предоставить помощь"), and so
    is a subject of the ``unknown`` words (a relative pronoun the parse gave no antecedent:
    "Токаева, который … попросил помощи" parsed as a sentence of its own)."""

    def thing(verb) -> bool:
        subj = subject(verb)
        return subj is not None and not keys[subj.i] & unknown and not actor(subj, keys, linked, actor_words)

    if trigger.pos_ in ("VERB", "AUX"):
        return thing(trigger)
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    if owner(trigger, keys, linked, actor_words):
        return False
    x = trigger
    for _ in range(MAX_UP):
        if x.dep_ in SUBJ_DEPS:
            return True
        if x.head.i == x.i:
            return False
        x = x.head
        if x.pos_ in ("VERB", "AUX"):
            return thing(x)
    return False


#: the cue kinds (events_cues.tsv) whose words stand for an actor
ACTOR_CUES = (
    "actor_noun",
    "pronoun",
    "group_pronoun",
    "first_person",
    "first_person_sg",
    "second_person",
    "person_noun",
    "org_noun",
    "spokes_noun",
    "side_noun",
)
