"""Context and dates of an event, from its trigger's place in the parse.

``context``: planned / hypothetical / negated from the cues of ``data/{lang}/events_context.tsv``
(auxiliaries, negation, governing verbs — "expected to", "отложен" —, modifiers — "next",
"предстоящий" —, infinitive complements, morphology such as the future tense).
``clause_key`` / ``date_for``: the date expression of the trigger's own clause (a participial
phrase belongs to its clause, a relative or subordinate clause does not), resolved against the
document's date; a planned event reads "on Friday" forward.
"""

from __future__ import annotations

from collections.abc import Sequence

from bilat.extract.events.tree import (
    AUX_DEPS,
    CLAUSE_DEPS,
    DATE_CLAUSE_DEPS,
    OBJ_DEPS,
    SUBJ_DEPS,
    clause_root,
)

CONTEXT_ORDER = ("negated", "hypothetical", "planned")


def attributive_evaluation(direction: str, pos: str, dep: str) -> bool:
    """Whether a trigger is an evaluation that qualifies a noun (an adjective of direction
    "speech" or "charge" attached as a modifier): the speaker voices it whatever the verb above
    the noun says — "Вильнюс не станет предпринимать провокационных шагов", "will not comment on
    the absolutely unacceptable wording", "«незаконные» шаги не имеют под собой оснований" are
    accusations made — so the context of an accusation's adjective (``triggers.candidates``, which
    checks the class) is read from it and its noun only ("no provocative steps" stays negated);
    a praise adjective names a kind of act ("обменяются поздравительными посланиями": planned).

    >>> attributive_evaluation("speech", "ADJ", "amod"), attributive_evaluation("charge", "ADJ", "amod")
    (True, True)
    >>> attributive_evaluation("speech", "ADJ", "ROOT"), attributive_evaluation("subj>obj", "ADJ", "amod")
    (False, False)
    """
    return direction in ("speech", "charge") and pos == "ADJ" and dep == "amod"


def own_tense(verb) -> bool:
    """Whether a coordinated verb carries a tense of its own — it is finite, or has an auxiliary
    of its own ("we will cooperate … and we agreed", "будем сотрудничать и договорились") — and
    so does not share the first conjunct's auxiliary or future, as a bare conjunct does ("will
    meet and discuss", "будут подписаны и ратифицированы")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if "VerbForm=Fin" in str(verb.morph).split("|"):
        return True
    return any(ch.dep_ in AUX_DEPS for ch in verb.children)


def first_person(verb) -> bool:
    """Whether ``verb`` is said by its speaker of themselves: a first-person subject ("I would
    like", "we wish"), a first-person verb ("хочу", "хотим") or no subject at all ("хотелось
    бы", "хотел бы поздравить")."""
    subjects = [ch for ch in verb.children if ch.dep_ in SUBJ_DEPS]
    if subjects:
        return any("Person=1" in str(s.morph).split("|") for s in subjects)
    person = [f for f in str(verb.morph).split("|") if f.startswith("Person=")]
    return not person or person == ["Person=1"]


def context(
    head,
    anchor,
    keys: Sequence[frozenset[str]],
    rows: Sequence[tuple[str, str, str]],
    cls: str | None = None,
    climb: bool = True,
) -> str | None:
    """The context of a trigger (``head``, hanging on ``anchor``; of event class ``cls``): the
    strongest of the contexts whose cue rows (cue, context, where) fire, or None. ``keys`` holds
    every token's folded text and lemma (by ``tok.i``). A governing cue with context "-" is
    implicative ("managed to"): it stops an infinitive complement from making the event planned.
    A "perf" governor in the first person ("I would like to thank", "хочу поблагодарить") makes
    an event of a "class" row's class performative: done in the saying, neither planned nor
    hypothetical (class rows are read folded, "support"). A "stance" word above the trigger in
    its own statement (:func:`stance_keys`) makes an event of a "stance_class" row's class
    hypothetical: a wish, obligation or potential of cooperation, not a reported act of it.
    With ``climb`` False only the trigger and its anchor are read, not the verbs above them
    (``attributive_evaluation``)."""
    chain = [head]
    if anchor.i != head.i:
        chain.append(anchor)
    x = anchor
    via_inf: set[int] = set()  # governors reached through an infinitive complement
    for _ in range(12 if climb else 0):
        if x.dep_ in CLAUSE_DEPS or x.head.i == x.i or x.dep_ == "ROOT":
            break
        if x.dep_ == "conj" and own_tense(x):
            break
        if x.dep_ == "xcomp" or "VerbForm=Inf" in str(x.morph):
            via_inf.add(x.head.i)
        x = x.head
        chain.append(x)
    found: set[str] = set()
    implicative = False
    performative = False
    by_where, classes = _rows_by_where(rows)
    perf_class = cls is not None and cls.lower() in classes
    # what the rows look at, read once: the children of the chain (the auxiliaries among them,
    # those off the chain — tokens equal by offset), of the trigger and its anchor, the features
    # (each as one set of words: a cue is among a group's words when it is among one's)
    # (each chain token's children read once, with their labels: chain[0] is the trigger,
    # chain[1] its anchor when that is another token, else the first governor)
    chain_kids = [[(ch, ch.dep_) for ch in v.children] for v in chain]
    kids = [ch for pairs in chain_kids for ch in pairs]
    at_chain = {v.idx for v in chain}
    aux_keys = frozenset().union(*(keys[ch.i] for ch, dep in kids if dep in AUX_DEPS))
    child_keys = frozenset().union(*(keys[ch.i] for ch, _dep in kids if ch.idx not in at_chain))
    own = chain_kids[:2] if anchor.i != head.i else chain_kids[:1]  # (of the trigger and anchor)
    mod_keys = frozenset().union(*(keys[ch.i] for pairs in own for ch, _dep in pairs))
    governors = [v for v in chain[1:] if v.i != anchor.i or anchor.i == head.i]
    gov_keys = {
        "gov": frozenset().union(*(keys[v.i] for v in governors)),
        "xgov": frozenset().union(*(keys[v.i] for v in governors if v.i in via_inf)),
    }
    # the rows of each kind (a row adds a context, or sets a flag, whatever the others do)
    if perf_class:
        for cue, _ctx in by_where.get("perf", ()):
            if any(cue in keys[v.i] and v.i in via_inf and first_person(v) for v in chain[1:]):
                performative = True
    for where, looked in (("aux", aux_keys), ("child", child_keys), ("mod", mod_keys)):
        found.update(ctx for cue, ctx in by_where.get(where, ()) if cue in looked)
    for where in ("gov", "xgov"):
        for cue, ctx in by_where.get(where, ()):
            if cue in gov_keys[where]:
                if ctx == "-":
                    implicative = True
                else:
                    found.add(ctx)
    morph_rows = by_where.get("morph", ())
    if morph_rows:
        feats = [str(v.morph).split("|") for v in chain if v.pos_ in ("VERB", "AUX")]
        feats += [str(ch.morph).split("|") for ch, dep in kids if dep in AUX_DEPS]
        found.update(ctx for cue, ctx in morph_rows if any(cue in f for f in feats))
    if not implicative:
        for cue, ctx in by_where.get("inf", ()):
            # an infinitive complement ("agreed to hold talks"), not a purpose clause
            if any(
                dep in AUX_DEPS and cue in keys[ch.i]
                for v, pairs in zip(chain, chain_kids, strict=True)
                if v.pos_ in ("VERB", "AUX") and v.dep_ == "xcomp"
                for ch, dep in pairs
            ):
                found.add(ctx)
    if performative:
        found -= {"planned", "hypothetical"}
    if cls is not None and any(c == cls.lower() for c, _ in by_where.get("stance_class", ())):
        stance = dict(by_where.get("stance", ()))
        if stance:
            found.update(stance[k] for k in stance_keys(anchor, keys) & stance.keys())
    for ctx in CONTEXT_ORDER:
        if ctx in found:
            return ctx
    return None


_BY_WHERE: dict[int, tuple] = {}  # id of a table of context rows → (the table, its grouping)


def _rows_by_where(rows: Sequence[tuple[str, str, str]]) -> tuple[dict[str, tuple], frozenset[str]]:
    """The context rows (cue, context, where) as (cue, context) pairs by ``where``, in table
    order, and the cues of the "class" rows; made once per table.

    >>> rows = (("will", "planned", "aux"), ("support", "", "class"), ("may", "", "aux"))
    >>> by, classes = _rows_by_where(rows)
    >>> by, classes
    ({'aux': (('will', 'planned'), ('may', '')), 'class': (('support', ''),)}, frozenset({'support'}))
    """
    hit = _BY_WHERE.get(id(rows))
    if hit is not None and hit[0] is rows:
        return hit[1]
    by: dict[str, list[tuple[str, str]]] = {}
    for cue, ctx, where in rows:
        by.setdefault(where, []).append((cue, ctx))
    out = ({k: tuple(v) for k, v in by.items()}, frozenset(c for c, _, w in rows if w == "class"))
    if isinstance(rows, tuple):  # (a list may change: only a table's tuple is kept)
        _BY_WHERE[id(rows)] = (rows, out)
    return out


#: dependencies that open a clause a stance above it does not reach: reported speech, relative
#: clauses, loose parataxis ("said that …", "which …")
STANCE_STOP = frozenset({"ccomp", "parataxis", "relcl", "acl:relcl", "ROOT"})


def stance_keys(anchor, keys: Sequence[frozenset[str]], steps: int = 12) -> frozenset[str]:
    """The words of the governors above ``anchor`` within its sentence's own statement — through
    infinitive complements, purpose clauses, conjuncts, clausal subjects and noun phrases, not
    into a reported or relative clause — and of their auxiliaries: where a readiness, wish,
    obligation or potential ("stand ready to work with … to enlarge gas cooperation", "should
    strengthen cooperation to jointly promote", "выразили готовность развивать сотрудничество",
    "необходимо укреплять сотрудничество") frames what is done together."""
    out: set[str] = set()
    x = anchor
    for _ in range(steps):
        if x.dep_ in STANCE_STOP or x.head.i == x.i:
            break
        x = x.head
        out |= keys[x.i]
        for ch in x.children:
            if ch.dep_ in AUX_DEPS:
                out |= keys[ch.i]
    return frozenset(out)


def reported_past(anchor) -> bool:
    """Whether the trigger hanging on ``anchor`` is told as done, in a finite past or perfect
    clause ("we signed", "we have agreed", "negotiations were held", "мы подписали", "был
    подписан") — not a present, a progressive or a bare participle ("agreements being signed",
    "I am pleased to meet"). A noun trigger is told by the verb it is the subject or object of
    ("the talks took place"); the future and conditional are left to :func:`context`."""
    verb = anchor
    if verb.pos_ not in ("VERB", "AUX"):
        if verb.dep_ not in SUBJ_DEPS | OBJ_DEPS or verb.head.i == verb.i:
            return False
        verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return False
    feats = [str(verb.morph).split("|")] + [
        str(ch.morph).split("|") for ch in verb.children if ch.dep_ in AUX_DEPS
    ]
    if "Tense=Past" not in feats[0] or any("Aspect=Prog" in f for f in feats):
        return False
    return any("VerbForm=Fin" in f for f in feats)


def clause_key(tok, unit_start: int, depth: int = 0) -> int:
    """The clause a token belongs to for dating (the index of its clause root): relative,
    adverbial, reported, infinitive ("agreed to meet next year": the meeting is next year, the
    agreement is not) and prepositional ("after taking office last month") clauses are clauses
    of their own; a participle ("published on Tuesday") belongs to the clause of its noun. A
    verbless fragment continues the clause before it, within the unit starting at
    ``unit_start`` ("…: Cooperation Without Borders, published by Rossiyskaya Gazeta on
    Tuesday.")."""
    r = clause_root(tok, DATE_CLAUSE_DEPS)
    if depth < 3 and (r.dep_ == "ROOT" or r.head.i == r.i) and r.pos_ not in ("VERB", "AUX"):
        first = r.sent.start
        sdoc = tok.doc
        if first > 0 and sdoc[first - 1].idx >= unit_start:
            return clause_key(sdoc[first - 1].sent.root, unit_start, depth + 1)
    return r.i


def date_for(unit, tok, base: str | None, future: bool, past: bool = False) -> tuple[str, str] | None:
    """(value, precision) of the date expression of ``tok``'s clause in ``unit`` closest to it,
    resolved against ``base`` (read forward when ``future``, back when ``past``); None when the
    clause states none."""
    if not unit.dates:
        return None
    key = clause_key(tok, unit.start)
    best = None
    for d in unit.dates:
        dtoks = [t for t in unit.toks if d.start <= t.idx < d.end and not t.is_punct]
        if not dtoks:
            continue
        dtok = dtoks[-1]
        if clause_key(dtok, unit.start) != key:
            continue
        dist = abs(dtok.i - tok.i)
        if best is None or dist < best[0]:
            best = (dist, d)
    if best is None:
        return None
    return best[1].resolve(base, future, past)
