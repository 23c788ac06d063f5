"""The steps of the arguments of a typed event (bilat.extract.events.arguments) that read what
the passes found, table-driven: the statements of pass 1 (``records.Said``) and the talks and
directed events pass 2 has reported so far (``records.Reported``), given by hand."""

from __future__ import annotations

import pytest
from events_trees import view_of

from bilat.extract.events.arguments import (
    agent_before,
    interlocutor,
    is_addressed,
    voiced_by,
)
from bilat.extract.events.records import Reported, Said, Statement
from bilat.extract.events.typed import quoted

# the shape of ru_ru-kz calls: a call reported, condolences with no agent, a note handed
TEXT = (
    "Putin held a phone call with Tokayev. "
    "Condolences were expressed. "
    "The parties discussed trade. "
    "A note was handed to the ambassador. "
    "The ministry made a statement. "
    "Another note was handed over."
)
NAMES = {"Putin": ("vladimir-putin", "Person"), "Tokayev": ("kassym-jomart-tokayev", "Person")}
V = view_of(TEXT, NAMES)
CALL = (0, ("vladimir-putin", "kassym-jomart-tokayev"))


def unit(words: str):
    return V.unit_of(TEXT.index(words))


@pytest.mark.parametrize(
    "rep, at, cls, talks, expected",
    [
        # "Выражены взаимные соболезнования" after a call: the persons of the call
        (
            Reported(talks=(CALL,)),
            "Condolences",
            "Support",
            True,
            ["vladimir-putin", "kassym-jomart-tokayev"],
        ),
        # not an evaluation: the call says nothing of who acted
        (Reported(talks=(CALL,)), "Condolences", "Protest", False, []),
        # the same note told again: the source of the last event of its class
        (Reported(agents=((3, "Protest", ("mfa-kz",)),)), "Another note", "Protest", False, ["mfa-kz"]),
        # too far back (more than three sentences)
        (Reported(agents=((0, "Protest", ("mfa-kz",)),)), "Another note", "Protest", False, []),
        (Reported(agents=((3, "Reject", ("mfa-kz",)),)), "Another note", "Protest", False, []),
    ],
)
def test_agent_before(rep, at, cls, talks, expected):
    assert agent_before(V, rep, unit(at), cls, talks=talks) == (expected, [])


@pytest.mark.parametrize(
    "rep, at, source, expected",
    [
        # "Tokayev expressed condolences" after a call between Putin and Tokayev
        (Reported(talks=(CALL,)), "Condolences", ["kassym-jomart-tokayev"], ["vladimir-putin"]),
        (Reported(talks=(CALL,)), "The parties", ["vladimir-putin"], ["kassym-jomart-tokayev"]),
        # the call was reported more than two sentences before
        (Reported(talks=(CALL,)), "A note", ["vladimir-putin"], []),
        # the source took no part in the talks
        (Reported(talks=(CALL,)), "Condolences", ["mfa-kz"], []),
        (Reported(), "Condolences", ["kassym-jomart-tokayev"], []),
    ],
)
def test_interlocutor(rep, at, source, expected):
    assert interlocutor(V, Said(), rep, unit(at), source)[0] == expected


# a statement's quote and its reported clause voice what they hold
SPEECH = (
    '"Such provocative remarks are unacceptable," Zakharova said. '
    "She said that Russia values the partnership. "
    "Thank you, said the minister."
)
SV = view_of(SPEECH, {"Zakharova": ("maria-zakharova", "Person"), "Russia": ("russia", "Country")})
Q_END = SPEECH.index('," ')
ZAKHAROVA = Statement(
    (SPEECH.index("said"), SPEECH.index("said") + 4, "said"),
    SV.unit_of(SPEECH.index("said")),
    ("maria-zakharova",),
    (("maria-zakharova", SPEECH.index("Zakharova"), SPEECH.index("Zakharova") + 9),),
    (1, Q_END),
    0,
    SPEECH.index(" She"),
    None,
)
SAID = Said(statements=(ZAKHAROVA,), quote_speakers=((1, Q_END, ("maria-zakharova",)),))


@pytest.mark.parametrize(
    "word, voiced",
    [
        ("provocative", ["maria-zakharova"]),  # inside the quote
        ("Zakharova", ["maria-zakharova"]),  # in the reported clause
        ("values", []),  # another sentence
    ],
)
def test_voiced_by_and_quoted(word, voiced):
    keys, args = voiced_by(SV, SAID, SPEECH.index(word))
    assert keys == voiced
    assert [a[0] for a in args] == voiced
    assert quoted(SAID, SPEECH.index(word)) == (word == "provocative")


ADDRESSED = '"We welcome you in Astana," Tokayev said. "The talks were useful," he added.'
AV = view_of(ADDRESSED, {"Tokayev": ("kassym-jomart-tokayev", "Person")})


@pytest.mark.parametrize(
    "quotes, expected",
    [
        (((1, ADDRESSED.index('," T'), ("kassym-jomart-tokayev",)),), True),  # "you" in a quote
        ((), False),  # a "you" in no one's quoted words addresses no one
    ],
)
def test_is_addressed(quotes, expected):
    assert is_addressed(AV, Said(quote_speakers=quotes), AV.units[0]) is expected
