"""Pure steps of the events stage: plain values in, plain values out.

Each step here works on small records built from the parse (no spaCy objects), so that it can be
tested with a table of cases and moved as is into the ``extract/events/`` package that will
replace ``events.py`` (issue 9). The words and orders they use live in the data files:

* ``data/{lang}/events_cues.tsv``: ``coop_generic`` (the Cooperate triggers that need a named
  object), ``coop_prep`` (a preposition or case word that opens the object: "cooperation *in*
  energy", "сотрудничество *в* сфере"), ``coop_object`` (a noun that is an object by itself:
  "joint *venture*", "совместный *проект*"), ``coop_field`` (an adjective naming a field:
  "*nuclear* cooperation"),
  ``restate`` (a meeting or visit word that may restate one reported before).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

#: an object dependency of a verb ("jointly develop *the section*")
OBJ_DEPS = frozenset({"dobj", "obj"})

# ------------------------------------------------------------------------------ Cooperate

@dataclass(frozen=True)
class CoopCues:
    generic: frozenset[str]
    preps: frozenset[str]
    objects: frozenset[str]
    fields: frozenset[str] = frozenset()

def cooperation_has_object(trigger: str, anchor: str, anchor_is_verb: bool,
                           deps: Iterable[tuple[str, str]], project_named: bool,
                           cues: CoopCues) -> bool:
    """Whether a Cooperate trigger names what is done together. ``trigger`` and ``anchor`` are
    the lemmas of the trigger and of the word it hangs on ("joint" → "venture"); ``deps`` the
    (dependency label, preposition or case word or "") of the dependents of both;
    ``project_named``: a project is named in the trigger's phrase; an adjective naming a field
    (``coop_field``: "nuclear cooperation", "военно-техническое сотрудничество") names it too. A generic word ("cooperation",
    "partnership", "сотрудничество") with nothing of the kind is no event: "strengthen
    bilateral cooperation", "strategic partnership".

    >>> cues = CoopCues(frozenset({"cooperation", "joint"}), frozenset({"in"}), frozenset({"venture"}))
    >>> cooperation_has_object("cooperation", "cooperation", False, [("amod", "")], False, cues)
    False
    >>> cooperation_has_object("cooperation", "cooperation", False, [("prep", "in")], False, cues)
    True
    """
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

# ------------------------------------------------------------------------------ coreference of events

@dataclass(frozen=True)
class Typed:
    """What the steps across sentences see of a typed event."""
    unit: int  # the clause unit (sentence) it was found in
    cls: str
    mode: str | None = None
    context: str | None = None
    participants: frozenset[str] = frozenset()
    trigger: str = ""  # the trigger's lemma

RESTATED_MODES = frozenset({"meet", "phone", "visit"})

def restatements(events: Sequence[Typed], headline: int | None = None,
                 restating: frozenset[str] | None = None) -> set[int]:
    """The indexes of Consult events that restate one already reported: the same mode, not
    planned, and no participant the first one lacks ("The talks were held in Moscow. … During
    the meeting, the sides discussed …"). A headline (unit ``headline``) announces what the
    body tells: its event gives way to the body's event of the same class and mode that shares
    a participant. With ``restating``, only triggers of those words restate ("talks",
    "discussed", "the visit"); a forum or a summit the same people attend is another event.

    >>> a = Typed(1, "Consult", "meet", None, frozenset({"putin", "tokayev", "russia"}))
    >>> b = Typed(3, "Consult", "meet", None, frozenset({"russia"}))
    >>> h = Typed(0, "Consult", "meet", None, frozenset({"tokayev"}))
    >>> sorted(restatements([h, a, b], headline=0))
    [0, 2]
    """
    out: set[int] = set()
    for i, ev in enumerate(events):
        if ev.cls != "Consult" or ev.mode not in RESTATED_MODES or ev.context is not None:
            continue
        if restating is not None and ev.trigger not in restating:
            continue
        if ev.unit == headline:
            if any(o.unit != headline and o.cls == ev.cls and o.mode == ev.mode and o.context is None
                   and o.participants & ev.participants for o in events):
                out.add(i)
            continue
        for j, o in enumerate(events[:i]):
            if j in out or o.unit == headline or o.unit == ev.unit:
                continue
            if o.cls == ev.cls and o.mode == ev.mode and o.context is None \
                    and ev.participants and ev.participants <= o.participants:
                out.add(i)
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
    return followed_by_newline and s[-1] not in ".!?…:\"»”"

# ------------------------------------------------------------------------------ transcripts

TURN_MAX_WORDS = 8
_SENTENCE_END = re.compile(r"\w{4,}\.(\s|$)")  # "Mr." and "S.V." may open a name; "met him." may not

def turn_prefix(line: str) -> int | None:
    """Where the speaker's name ends in a transcript turn ("President of Russia Vladimir Putin:
    Mr Nazarbayev, …", "SECRETARY BLINKEN: Well, …", "Песков: …"): the offset of the colon that
    closes a short opening phrase (at most ``TURN_MAX_WORDS`` words, no sentence punctuation,
    no quotation mark) followed by the turn's words; None when the line is no turn.

    >>> turn_prefix("Песков: мы не комментируем"), turn_prefix("He said: no.")
    (6, 7)
    """
    i = line.find(":")
    if i <= 0 or i + 1 >= len(line) or not line[i + 1].isspace() or not line[i + 1:].strip():
        return None
    head = line[:i]
    if len(head.split()) > TURN_MAX_WORDS or any(ch in head for ch in "!?;\"«»“”„()[]") \
            or _SENTENCE_END.search(head):
        return None
    return i

def turn_spans(lines: Sequence[tuple[int, int, bool]]) -> list[tuple[int, int, int]]:
    """The turns of a transcript: for each line (start, end, whether it opens with a speaker's
    name), the span of the turn's words — the line that names the speaker and the lines after it
    up to the next named speaker — as (first line index, start, end). Continuation lines belong
    to a turn only when the text has at least two turns (a single "Name: …" line is a headline
    or a quote, not a transcript).

    >>> turn_spans([(0, 10, True), (11, 20, False), (21, 30, True), (31, 40, False)])
    [(0, 0, 20), (2, 21, 40)]
    >>> turn_spans([(0, 10, True), (11, 20, False)])
    [(0, 0, 10)]
    """
    opens = [i for i, (_, _, named) in enumerate(lines) if named]
    out = []
    for n, i in enumerate(opens):
        last = i
        if len(opens) >= 2:
            last = (opens[n + 1] if n + 1 < len(opens) else len(lines)) - 1
        out.append((i, lines[i][0], lines[last][1]))
    return out


# ------------------------------------------------------------------------------ two sides

#: classes of events that need two sides: with one participant, the other side was not found and
#: the event is more often a misreading ("We greatly appreciate this", "a deal") than news. (A
#: criticism, a refusal or an order may name only who voices it: "Russia summoned the Kazakh
#: ambassador", "Tokayev instructed the government".)
TWO_SIDED = frozenset({"Support", "Agree", "Cooperate"})


def lone(events: Sequence[Typed], classes: frozenset[str] = TWO_SIDED) -> set[int]:
    """The indexes of events of a two-sided class with fewer than two participants.

    >>> sorted(lone([Typed(0, "Support", participants=frozenset({"russia"})),
    ...              Typed(1, "Consult", "meet", participants=frozenset({"putin"})),
    ...              Typed(2, "Agree", participants=frozenset({"russia", "kazakhstan"}))]))
    [0]
    """
    return {i for i, ev in enumerate(events) if ev.cls in classes and len(ev.participants) < 2}
