"""Steps over the dependency tree (one label scheme for both languages, adapted in
``extract/nlp.py``): the head of a token run, a token's phrase, its clause verb and clause root,
a verb's subject. Tokens in, tokens out; natasha's trees may hold cycles, so every walk is
bounded."""

from __future__ import annotations

from spacy.attrs import HEAD

CLOSING_QUOTES = frozenset({"»", '"', "”", "“"})  # quote marks that end quoted words in a sentence
SUBJ_DEPS = {"nsubj", "nsubjpass", "nsubj:pass", "csubj", "csubjpass"}
OBJ_DEPS = {"dobj", "obj", "iobj", "dative"}
AUX_DEPS = {"aux", "auxpass", "aux:pass"}
CLAUSE_DEPS = {"relcl", "acl:relcl", "advcl", "ccomp", "csubj", "csubjpass", "parataxis"}
PHRASE_STOP = CLAUSE_DEPS | {"acl", "punct", "cc"}
DATE_CLAUSE_DEPS = CLAUSE_DEPS | {"xcomp", "pcomp"}
SPEAKER_WINDOW = 6

_KIDS: list = [None, None]  # (doc, its children by token index): the last document asked about
_TOKENS: list = [None, None]  # (doc, its tokens): the last document asked about


def tokens(doc) -> list:
    """The tokens of ``doc`` as a list (by ``tok.i``), built once for the document last asked
    about."""
    if _TOKENS[0] is not doc:
        _TOKENS[0], _TOKENS[1] = doc, list(doc)
    return _TOKENS[1]


def kids(tok) -> list:
    """The tokens whose head is ``tok``, read from the heads (a parse whose heads were written
    token by token — natasha's, ``extract/nlp.py`` — may leave spaCy's ``children`` short of
    some of them: "Президент … на встрече с … заявил" without its subject); one pass over the
    document, kept for the document last asked about."""
    doc = tok.doc
    if _KIDS[0] is not doc:
        by_head: list[list] = [[] for _ in range(len(doc))]
        # the heads as offsets from each token, read at once (no Token built for a head)
        offsets = doc.to_array(HEAD).astype("int64").tolist()
        for i, (t, off) in enumerate(zip(tokens(doc), offsets, strict=True)):
            if off:
                by_head[i + off].append(t)
        _KIDS[0], _KIDS[1] = doc, by_head
    return _KIDS[1][tok.i]


def head(toks):
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[-1]


def phrase(tok) -> list:
    """The token and its dependents, clauses and punctuation left out (natasha's trees may
    hold cycles: each token is visited once)."""
    out = [tok]
    seen = {tok.i}
    stack = [tok]
    while stack:
        x = stack.pop()
        for c in kids(x):
            if c.dep_ in PHRASE_STOP or c.i in seen:
                continue
            seen.add(c.i)
            out.append(c)
            stack.append(c)
    return out


def descendants(tok) -> list:
    """The token and every token below it, each once, in text order: ``Token.subtree`` for a
    tree that may hold cycles (natasha's), where spaCy's own walk never ends."""
    out = [tok]
    seen = {tok.i}
    stack = [tok]
    while stack:
        for c in kids(stack.pop()):
            if c.i not in seen:
                seen.add(c.i)
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def clause_verb(tok):
    x = tok
    for _ in range(20):
        if x.pos_ in ("VERB", "AUX") or x.head.i == x.i:
            return x
        x = x.head
    return x


def clause_root(tok, deps=CLAUSE_DEPS):
    x = tok
    for _ in range(40):
        if x.dep_ in deps or x.head.i == x.i or x.dep_ == "ROOT":
            return x
        if x.dep_ == "acl" and "VerbForm=Inf" in str(x.morph) and deps is not CLAUSE_DEPS:
            return x  # "a bid to chair the OSCE in 2010"
        x = x.head
    return x


def nearest_subjects(verb) -> list:
    """A verb's subject children, no punctuation, those not cut off from the verb by a quote
    mark first: a parse that gives a reporting verb a subject inside the quoted words as well
    ('…[Farukh in Azerbaijani]," he added', '…,» Likhachev said') has the right one outside."""
    subs = [c for c in kids(verb) if c.dep_ in SUBJ_DEPS and not c.is_punct]

    def cut_off(c) -> bool:
        lo, hi = sorted((c.i, verb.i))
        return any(t.text in CLOSING_QUOTES for t in verb.doc[lo + 1 : hi])

    return sorted(subs, key=cut_off)


def clause_verb_above(tok):
    """The verb of the clause a noun stands in, walking up through the nouns and prepositions
    it hangs on ("выступил с речью на форуме" from "форуме": "выступил"); None when no verb
    is reached within a few steps."""
    t = tok
    for _ in range(5):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def subject(verb, keys, relatives: frozenset[str]):
    """The subject of a verb's clause (shared by coordinated verbs, infinitive complements and
    gerunds); for a relative clause whose subject is a relative pronoun, its antecedent; for a
    relative clause with no subject that a relative word opens as an adverbial ("опубликовал
    пост, в котором заявил", "выступил с речью, в которой отметил", "направил послание, где
    указал"), the subject of the clause whose noun it describes."""
    v = verb
    for _ in range(4):
        subs = [c for c in nearest_subjects(v) if c.dep_ in SUBJ_DEPS]
        for c in subs:
            if keys[c.i] & relatives and v.dep_ in ("relcl", "acl:relcl", "acl") and v.head.i != v.i:
                return v.head
            return c
        if (
            v.dep_ in ("relcl", "acl:relcl")
            and v.head.i != v.i
            and any(keys[c.i] & relatives for c in kids(v))
        ):
            up = clause_verb_above(v.head)
            if up is not None:
                v = up
                continue
        # a coordinated verb, an infinitive complement or a participle/gerund clause shares
        # the subject of its head ("praised him, calling him …", "выступая на форуме, отметил")
        if (
            v.dep_ in ("conj", "xcomp")
            or (
                v.dep_ == "advcl"
                and (
                    "VerbForm=Ger" in str(v.morph)
                    or "VerbForm=Part" in str(v.morph)
                    or "VerbForm=Conv" in str(v.morph)
                )
            )
        ) and v.head.i != v.i:
            v = v.head
            continue
        break
    return None


def number(tok) -> str | None:
    """The grammatical number the morphology gives a token ("Sing", "Plur"), if any."""
    values = tok.morph.get("Number")
    return values[0] if values else None


def agrees(subj, verb) -> bool:
    """Whether a subject the parse gives a verb can be its subject by number: a singular noun
    (not coordinated) is no subject of a plural verb ("Глава МИД Ирана посетит Россию …,
    заявили в МИД России"); without number on either, it can."""
    n, m = number(subj), number(verb)
    if n is None or m is None or n == m:
        return True
    return not (n == "Sing" and m == "Plur" and not any(c.dep_ == "conj" for c in kids(subj)))


def dominates(a, b) -> bool:
    x = b
    for _ in range(3):
        if x.head.i == x.i:
            return False
        x = x.head
        if x.i == a.i:
            return True
    return False


def above(a, b) -> bool:
    """Whether ``a`` is one of the heads above ``b`` (``a in b.ancestors``, for a tree that may
    hold cycles, natasha's, where spaCy's own walk never ends: each head visited once).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words, heads = ["a", "b", "c"], [1, 2, 2]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=["dep", "dep", "ROOT"])
    >>> above(doc[2], doc[0]), above(doc[0], doc[2])
    (True, False)
    """
    seen = {b.i}
    x = b
    while x.head.i not in seen:
        x = x.head
        if x.i == a.i:
            return True
        seen.add(x.i)
    return False


def governed_by(tok, is_cue, steps: int = 2) -> bool:
    """Whether ``tok`` hangs, within ``steps`` heads (a preposition counting as none), on a word
    for which ``is_cue`` holds: "implement *the agreements*", "implementation of *agreements*",
    "выполнение *соглашений*"."""
    x = tok
    n = 0
    while n < steps and x.head.i != x.i:
        x = x.head
        if x.pos_ == "ADP":
            continue
        if is_cue(x):
            return True
        n += 1
    return False


def nested(noun, verb) -> bool:
    """Whether a noun hangs from its clause verb through another noun that is not the verb's
    object ("are the result of propaganda"); "expressed words of gratitude" is not nested."""
    x = noun
    for _ in range(8):
        if x.head.i == x.i or x.head.i == verb.i:
            return False
        x = x.head
        if x.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and not (x.dep_ in OBJ_DEPS and x.head.i == verb.i):
            return True
    return False


PASSIVE_SUBJ_DEPS = frozenset({"nsubjpass", "nsubj:pass", "csubjpass", "csubj:pass"})
PASSIVE_AUX_DEPS = frozenset({"auxpass", "aux:pass"})


def passive(verb) -> bool:
    """Whether a verb is passive: by its morphology ("вызван"), a passive auxiliary or subject
    ("was summoned"), or as a bare participle coordinated with a passive verb, sharing its
    subject ("was summoned and *handed* a note")."""
    for _ in range(4):
        ks = kids(verb)
        if "Voice=Pass" in str(verb.morph) or any(c.dep_ in PASSIVE_AUX_DEPS | PASSIVE_SUBJ_DEPS for c in ks):
            return True
        own = any(c.dep_ in SUBJ_DEPS or c.dep_ in AUX_DEPS for c in ks)
        if verb.dep_ != "conj" or verb.head.i == verb.i or own or "VerbForm=Part" not in str(verb.morph):
            return False
        verb = verb.head
    return False


def passive_agents(verb, keys, agent_preps, instrumental: bool, called_preps) -> list:
    """The heads of the phrases that name who acts in a passive clause: "by X" (``agent``,
    ``obl:agent``, or a preposition of ``agent_preps``), a bare instrumental when the language
    names its agent so (``instrumental``: "обвинен Россией"), else, for a verb of calling
    someone to a place (``called_preps``: the prepositions of that place; empty for any other
    verb), the place called to: "summoned to the Foreign Ministry", "вызван в МИД" (the
    ministry calls). ``keys``: each token's words by index."""
    found, called = [], []
    for c in kids(verb):
        if c.dep_ == "agent" or (c.dep_ == "prep" and keys[c.i] & agent_preps):
            found.extend(g for g in kids(c) if g.dep_ == "pobj")
        elif c.dep_ == "obl:agent":
            found.append(c)
        elif c.dep_ == "prep" and keys[c.i] & called_preps:
            called.extend(g for g in kids(c) if g.dep_ == "pobj")
        elif c.dep_ in ("obl", "nmod"):
            cases = [g for g in kids(c) if g.dep_ == "case"]
            if not cases and instrumental and "Case=Ins" in str(c.morph) and c.pos_ in ("NOUN", "PROPN"):
                found.append(c)
            elif any(keys[g.i] & called_preps for g in cases):
                called.append(c)
    return found or called
