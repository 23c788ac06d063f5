"""The state of a national title the text leaves unsaid, from its sentence (pure steps)."""

import pytest

from bilat.extract.positions_state import one_state, sentence_bounds

# en_kz-gb_01 (shortened)
VASSILENKO = (
    "The visit began on Monday. During his program Secretary Cleverly was received by Kazakhstan’s "
    "President Kassym-Jomart Tokayev, and also held talks with Deputy Foreign Minister Roman "
    "Vassilenko, the press office of the Kazakh MFA reported.\nA key aspect was signing."
)


@pytest.mark.parametrize(
    "text,inside,sentence",
    [
        (VASSILENKO, "Deputy Foreign", VASSILENKO[VASSILENKO.index("During") : VASSILENKO.index("\n")]),
        (
            "Suga said so.\nPrime Minister Shinzo Abe received it. Then",
            "Prime",
            "Prime Minister Shinzo Abe received it.",
        ),
        (
            "Deputy Foreign Minister Roman Vassilenko met him. Then",
            "Deputy",
            "Deputy Foreign Minister Roman Vassilenko met him.",
        ),
        ("Он сказал! Вице-премьер Мгер Григорян прибыл", "Вице", "Вице-премьер Мгер Григорян прибыл"),
    ],
)
def test_the_sentence_of_a_title_ends_at_a_stop_or_a_line_break(text, inside, sentence):
    start = text.index(inside)
    lo, hi = sentence_bounds(text, start, start + len(inside))
    assert text[lo:hi] == sentence


# ru_kz-ua_51: the Russian parse starts "sentences" at the names inside one
KONUSPAYEV = (
    "Заместитель министра иностранных дел Ермухамбет Конуспаев выразил протест послу Украины в "
    "Казахстане Петру Врублевскому. «Это недопустимо», — сказал он. Mr. Smith left."
)


@pytest.mark.parametrize(
    "inside,starts,sentence",
    [
        # only a parse start after a stop, a closing quote or a line break ends a sentence
        ("Ермухамбет", (0, 37, 58, 101, 121, 153), KONUSPAYEV[: KONUSPAYEV.index("«")]),
        ("сказал", (0, 37, 58, 101, 121, 153), "«Это недопустимо», — сказал он. "),
        # a stop the parse does not start a sentence after ("Mr.") is none
        ("Smith", (0, 121, 153), "Mr. Smith left."),
    ],
)
def test_the_sentence_of_a_title_is_the_parses_between_stops(inside, starts, sentence):
    start = KONUSPAYEV.index(inside)
    lo, hi = sentence_bounds(KONUSPAYEV, start, start + len(inside), starts)
    assert KONUSPAYEV[lo:hi] == sentence


STATES = {"kazakhstan": "kazakhstan", "russia": "russia", "japan": "japan"}


@pytest.mark.parametrize(
    "spans,expected",
    [
        # "Kazakhstan’s President …", "the Kazakh MFA": one state
        ([(10, 20, "kazakhstan", "GPE"), (90, 95, "kazakhstan", "ADJ")], "kazakhstan"),
        # the visitor's and the host's state: whose post is it? none
        ([(10, 20, "kazakhstan", "GPE"), (90, 96, "russia", "GPE")], None),
        # a person or a city names no state
        ([(10, 20, "vladimir-putin", "PER"), (70, 84, "saint-petersburg", "GPE")], None),
        # the title and its holder are left out; a span outside the sentence too
        ([(40, 60, "japan", "GPE"), (200, 210, "russia", "GPE")], None),
    ],
)
def test_one_state_is_the_only_state_the_sentence_names(spans, expected):
    assert one_state(spans, 0, 150, (40, 60), STATES.get) == expected
