"""Events told twice in one clause: one speaker's words reported by two reporting cues, one
meeting told by two words of talks. Plain values in (``Told`` views of the statement events,
tuples of the typed ones), indexes out; the caller drops them. The real-news gold gives such a
clause one event.

Across sentences, typed events told twice are ``coref``'s (restatements, headlines,
evaluations retold).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Told:
    """What the steps see of a statement event."""

    unit: int  # the clause unit of its reporting cue
    speakers: frozenset[str]  # its speaker's keys
    size: int = 0  # the characters of its evidence (a quote may run over several sentences)
    quote: str | None = None  # the quoted words it reports
    words: frozenset[str] = frozenset()  # the content words (lemmas) of its evidence
    joint: bool = False  # a joint appearance before the press ("jointly met the press")


def one_voice_per_clause(statements: Sequence[Told], gone: Collection[int] = ()) -> set[int]:
    """The indexes of the statements that another statement of the same clause unit and a
    speaker in common tells already: two reporting cues of one clause ("President Tokayev, he
    said, had presented him …, Scholz underlined"; "Как сообщила … пресс-служба Токаева, он
    также выразил готовность …"; a quote and its "отметил" when both give one speaker; "…,
    stressed the Tajik President, adding …" where "adding" took the persons around him too).
    The one with fewer speakers stays, then the one with the longer evidence (its quote may run
    over sentences before), then the first; statements already dropped (``gone``) are left out.

    >>> P = frozenset
    >>> told = [Told(2, P({"scholz"}), 90), Told(2, P({"scholz"}), 120), Told(2, P({"tokayev"}), 90),
    ...         Told(3, P({"scholz"}), 90), Told(5, P({"rahmon", "tokayev"}), 90), Told(5, P({"rahmon"}), 90)]
    >>> sorted(one_voice_per_clause(told))
    [0, 4]
    """
    out: set[int] = set()
    kept: list[int] = []
    for i, s in enumerate(statements):
        if i in gone or not s.speakers:
            continue
        j = next((j for j in kept if one_voice(s, statements[j])), None)
        if j is None:
            kept.append(i)
        elif _rank(s) < _rank(statements[j]):
            out.add(j)
            kept[kept.index(j)] = i
        else:
            out.add(i)
    return out


def one_voice(a: Told, b: Told) -> bool:
    """Whether two statements are one voice of one clause unit: a speaker in common and not
    two quotes of their own ("Putin stressed that Russia and Kazakhstan "are bound by …",
    echoing an article …, in which he described the two countries as "allies …"" are two).

    >>> P = frozenset
    >>> one_voice(Told(1, P({"putin"}), quote="are bound"), Told(1, P({"putin"}), quote="allies"))
    False
    >>> one_voice(Told(1, P({"putin"}), quote="are bound"), Told(1, P({"putin"}), quote="are bound"))
    True

    A joint appearance of two is another voice than one of them: '«…», said Tokayev, while making a
    joint statement for mass media' (en_kz-tj_02) tells his words and the joint statement.

    >>> one_voice(Told(1, P({"tokayev"})), Told(1, P({"tokayev", "rahmon"}), joint=True))
    False
    """
    if a.unit != b.unit or not a.speakers & b.speakers or a.joint != b.joint:
        return False
    return not (a.quote and b.quote and a.quote != b.quote)


def _rank(s: Told) -> tuple[int, int]:
    """The better of two statements of one voice: the fewer speakers (the one voice named, not
    the people around it), then the longer evidence."""
    return (len(s.speakers), -s.size)


#: content words a headline statement shares with a statement of the body, at least, to be the
#: same words told again (no name, reporting cue or bare title counts: those are often all a
#: headline shares with the body's other statements of its speaker). On the dev corpus a
#: headline the gold tells once with the body shares 2 to 7 such words with it, one the gold
#: keeps apart (a transcript's title, a quote the excerpt leaves out) 0 or 1.
SHARED_WORDS = 3


def headline_said_again(
    statements: Sequence[Told], lines: Collection[int], gone: Collection[int] = (), shared: int = SHARED_WORDS
) -> set[int]:
    """The indexes of the statements told in a headline line (``lines``: the units of the
    headline and the lines after it that end no sentence) that a statement of the body tells
    again: a speaker in common and at least ``shared`` content words in common ("Миллер заявил
    об интересе Китая к большим поставкам российского газа" / "Китай заинтересован в поставках
    газа из России … Об этом заявил глава «Газпрома» Алексей Миллер"). The headline announces
    what the body reports; the real-news gold tells it once, in the body. A headline whose
    words the body does not tell again (the title of a transcript, "Foreign Minister Sergey
    Lavrov's remarks …"; a quote the excerpt leaves out) stays. Statements already dropped
    (``gone``) neither go nor tell.

    >>> P = frozenset
    >>> head = Told(0, P({"miller"}), words=P({"интерес", "поставка", "газ", "больший"}))
    >>> body = Told(2, P({"miller"}), words=P({"заинтересованный", "поставка", "газ", "больший", "объем"}))
    >>> other = Told(3, P({"miller"}), words=P({"газ", "проект"}))
    >>> sorted(headline_said_again([head, body], {0})), sorted(headline_said_again([head, other], {0}))
    ([0], [])
    """
    out: set[int] = set()
    for i, s in enumerate(statements):
        if i in gone or s.unit not in lines or not s.speakers:
            continue
        if any(
            j not in gone
            and o.unit not in lines
            and o.speakers & s.speakers
            and len(o.words & s.words) >= shared
            for j, o in enumerate(statements)
        ):
            out.add(i)
    return out


#: the Consult modes of talks
TALKS = frozenset({"meet", "phone"})


def one_talk_per_clause(
    events: Sequence[tuple[int, str, str | None, str | None, frozenset[str]]], gone: Collection[int] = ()
) -> set[int]:
    """The indexes of the talks (``events``: unit, class, mode, context, participants) that
    talks told before in the same clause unit tell already: the same class, a mode of talks
    and the same context, with the same parties (two shared, or the participants of one among
    those of the other): "Gazprom is in talks with Kazakhstan …, Miller said at a meeting";
    the first told stays. Events already dropped (``gone``) are left out.

    >>> P = frozenset
    >>> gk = P({"gazprom", "kz"})
    >>> ev = [(1, "Consult", "meet", None, gk), (1, "Consult", "meet", None, gk | {"miller"}),
    ...       (1, "Consult", "visit", None, gk), (2, "Consult", "phone", None, gk)]
    >>> sorted(one_talk_per_clause(ev))
    [1]
    """
    out: set[int] = set()
    kept: list[int] = []
    for i, (unit, cls, mode, context, parts) in enumerate(events):
        if i in gone or cls != "Consult" or mode not in TALKS:
            continue
        if any(
            events[j][0] == unit
            and events[j][3] == context
            and (len(parts & events[j][4]) >= 2 or parts <= events[j][4] or events[j][4] <= parts)
            for j in kept
        ):
            out.add(i)
        else:
            kept.append(i)
    return out
