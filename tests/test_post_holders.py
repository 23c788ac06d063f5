"""A post named without a name stands for its holder: the head of state of "главой
Таджикистана" (ru_kz-tj_02), the one holder of an unnamed counterpart's country, the holder the
knowledge base gives the post at the article's date ("предложения президента РФ",
ru_ru-kz_07); a past holder ("the former president") or a title that names only with a name
("leader") is nobody the knowledge base gives (real sentence shapes of the dev corpus)."""

import pytest

from bilat.extract.positions_posts import _descriptive
from bilat.extract.positions_titles import TENURE, Title, past_stems
from bilat.extract.post_holders import (
    bare_posts_contradicted,
    bare_title_state,
    counterpart_holders,
    dated_by_posts,
    kb_holder,
    kb_holder_between,
    listed_states,
    main_pair,
    past_title,
)
from bilat.extract.records import Position

_KB = [
    ("vladimir-putin", "President", "russia", "2012-05-07", None),
    ("dmitry-medvedev", "President", "russia", "2008-05-07", "2012-05-07"),
    ("emomali-rahmon", "President", "tajikistan", "1994-11-16", None),
    ("sergey-lavrov", "Minister of Foreign Affairs", "russia", "2004-03-09", None),
    ("kassym-jomart-tokayev", "President", "kazakhstan", "2019-03-20", None),
]


@pytest.mark.parametrize(
    "title,org,date,holder",
    [
        ("President", "russia", "2021-04-15", "vladimir-putin"),  # "предложения президента РФ"
        ("President", "russia", "2010-06-01", "dmitry-medvedev"),
        ("President", "tajikistan", "2024-08-22", "emomali-rahmon"),  # "с главой Таджикистана"
        ("President", "russia", None, None),  # no date: nobody
        ("President", "russia", "2012-05-07", None),  # the day of the handover: two
        ("Prime Minister", "russia", "2021-04-15", None),  # nobody in the base
        ("President", None, "2021-04-15", None),  # "the president" of no state
    ],
)
def test_kb_holder(title, org, date, holder):
    assert kb_holder(_KB, title, org, date) == holder


_POSTS = [
    ("sergey-lavrov", "Minister of Foreign Affairs", "russia", 0),
    ("abdoulaye-diop", "Minister of Foreign Affairs", "mali", 96),
    ("assimi-goita", "President", "mali", 300),
]


@pytest.mark.parametrize(
    "posts,org,start,holders",
    [
        # "Sergey Lavrov … his Malian counterpart visited Moscow": the Malian foreign minister
        (_POSTS, "mali", 652, {"abdoulaye-diop"}),
        # no post of another state before: every holder of the country's posts
        (_POSTS[1:], "mali", 652, {"abdoulaye-diop", "assimi-goita"}),
        (_POSTS, "uzbekistan", 652, set()),
        (_POSTS, None, 652, set()),
    ],
)
def test_counterpart_holders(posts, org, start, holders):
    assert counterpart_holders(posts, org, start) == holders


@pytest.mark.parametrize(
    "lang,before,past",
    [
        ("en", "talks with the former ", True),
        ("en", "a message from the late ", True),
        ("en", "talks with the ", False),
        ("ru", "встретился с бывшим ", True),
        ("ru", "на встрече с ", False),
        ("ru", "", False),
    ],
)
def test_past_title(lang, before, past):
    assert past_title(before, past_stems(lang)) is past


_PRESIDENT = Title(("президент",), "President", "президент", "country")
_LEADER = Title(("лидер",), "President", "президент", "country", named=True)
_COUNTERPART = Title(("counterpart",), TENURE, TENURE, "country")


def _pos(person, title, org, start):
    return Position(person, title, org, start, start + 5, "")


@pytest.mark.parametrize(
    "text,word,title,org,positions,date,key",
    [
        # the document gives the post: its holder
        (
            "на встрече с главой Таджикистана",
            "главой",
            _PRESIDENT,
            "tajikistan",
            [_pos("emomali-rahmon", "President", "tajikistan", 100)],
            "2024-08-22",
            "emomali-rahmon",
        ),
        # nobody in the document has it: the knowledge base's holder at the date
        (
            "о поддержке предложения президента РФ",
            "президента",
            _PRESIDENT,
            "russia",
            [],
            "2021-04-15",
            "vladimir-putin",
        ),
        # no date: nobody
        ("о поддержке предложения президента РФ", "президента", _PRESIDENT, "russia", [], None, None),
        # no date, but the article names a post the knowledge base dates (ru_ru-kz_07:
        # "Президент Казахстана Касым-Жомарт Токаев … предложения президента РФ"): the holder
        # on every day since
        (
            "Президент Казахстана Касым-Жомарт Токаев заявил о поддержке предложения президента РФ",
            "президента",
            _PRESIDENT,
            "russia",
            [_pos("kassym-jomart-tokayev", "President", "kazakhstan", 0)],
            None,
            "vladimir-putin",
        ),
        # no date, and the named post was held under two presidents: nobody
        (
            "Глава МИД России Сергей Лавров передал послание президента РФ",
            "президента",
            _PRESIDENT,
            "russia",
            [_pos("sergey-lavrov", "Minister of Foreign Affairs", "russia", 0)],
            None,
            None,
        ),
        # a past holder: not the holder at the date
        (
            "встретился с бывшим президентом России",
            "президентом",
            _PRESIDENT,
            "russia",
            [],
            "2021-04-15",
            None,
        ),
        # "leader" names only with a name
        ("российский лидер заявил", "лидер", _LEADER, "russia", [], "2021-04-15", None),
        # an unnamed counterpart: the one holder of a post of its country
        (
            "but his Malian counterpart visited Moscow",
            "counterpart",
            _COUNTERPART,
            "mali",
            [
                _pos("sergey-lavrov", "Minister of Foreign Affairs", "russia", 0),
                _pos("abdoulaye-diop", "Minister of Foreign Affairs", "mali", 1),
            ],
            "2023-02-07",
            "abdoulaye-diop",
        ),
    ],
)
def test_descriptive(text, word, title, org, positions, date, key):
    start = text.index(word)
    lang = "en" if text.isascii() else "ru"
    got = _descriptive(
        text, [(start, start + len(word), title, org, False)], positions, _KB, date, past_stems(lang)
    )
    assert [d.key for d in got] == ([key] if key else [])


@pytest.mark.parametrize(
    "text,word,title,org,positions",
    [
        # "«Мы благодарны российским коллегам …», – сказал глава казахстанского правительства"
        (
            "Мы благодарны российским коллегам",
            "коллегам",
            _COUNTERPART,
            "russia",
            [_pos("m", "Prime Minister", "russia", 0)],
        ),
        # "Президенты России и Турции": not the one the knowledge base gives
        ("Президенты России и Турции", "Президенты", _PRESIDENT, "russia", []),
    ],
)
def test_plural_title_names_no_one(text, word, title, org, positions):
    start = text.index(word)
    unattached = [(start, start + len(word), title, org, True)]
    assert _descriptive(text, unattached, positions, _KB, "2021-04-15", past_stems("ru")) == ()


_HEADS = [
    ("ali-asadov", "Prime Minister", "azerbaijan", "2019-10-08", None),
    ("arif-alvi", "President", "pakistan", "2018", "2024"),
    ("murat-nurtleu", "Deputy Prime Minister", "kazakhstan", "2023-04-03", "2025-09-26"),
    ("a", "Minister of Energy", "russia", "2020-01-21", None),
    ("b", "Minister of Energy", "russia", "2021-01-01", "2022-01-01"),
]


@pytest.mark.parametrize(
    "candidates,person,title,date,state",
    [
        # the sentence's state, whose post the knowledge base gives another then: the publisher's
        (["azerbaijan", "pakistan"], "person/shehbaz-sharif", "Prime Minister", "2024-05-02", "pakistan"),
        # no one else then (Mamnoon Hussain before Arif Alvi)
        ([None, "pakistan", "kazakhstan"], "person/mamnon-husan", "President", "2017-09-09", "pakistan"),
        ([None, "pakistan"], "person/x", "President", "2019-01-01", None),
        # a deputy's post is several people's: never another's alone
        (["kazakhstan"], "roman-sklyar", "Deputy Prime Minister", "2023-05-01", "kazakhstan"),
        # a post the knowledge base gives two people at once is several people's too
        (["russia"], "c", "Minister of Energy", "2023-01-01", "russia"),
        # no date: nothing tells who held it
        (["azerbaijan"], "person/x", "Prime Minister", None, "azerbaijan"),
        ([None, None], "person/x", "Prime Minister", "2024-05-02", None),
    ],
)
def test_bare_title_state(candidates, person, title, date, state):
    assert bare_title_state(candidates, person, title, _HEADS, date) == state


@pytest.mark.parametrize(
    "bare,stated,dropped",
    [
        # the document gives the same person the same title in another state (en_kz-it_01)
        (
            [("tokayev", "President", "italy")],
            [("tokayev", "President", "kazakhstan"), ("meloni", "Prime Minister", "italy")],
            {("tokayev", "President", "italy")},
        ),
        # another title of the person, or the same state: no contradiction
        ([("x", "President", "a")], [("x", "Prime Minister", "b")], set()),
        ([("x", "President", "a")], [("x", "President", "a")], set()),
        # another person's post is no evidence of this one's here
        ([("x", "President", "a")], [("y", "President", "b")], set()),
        ([("x", "President", "a")], [], set()),
    ],
)
def test_bare_posts_contradicted(bare, stated, dropped):
    assert bare_posts_contradicted(bare, stated) == dropped


@pytest.mark.parametrize(
    "named,pair",
    [
        # the two named most, in the order first named: Argentina before Brazil (en_ar-br_63)
        (
            [(9, "brazil"), (0, "argentina"), (30, "brazil"), (40, "argentina"), (50, "chile")],
            ("argentina", "brazil"),
        ),
        ([(0, "vietnam"), (5, "uzbekistan"), (9, "uzbekistan"), (12, "vietnam")], ("vietnam", "uzbekistan")),
        # a third as often as the second: no pair
        ([(0, "a"), (1, "a"), (2, "b"), (3, "c")], None),
        ([(0, "a"), (5, "a")], None),
        ([], None),
    ],
)
def test_main_pair(named, pair):
    assert main_pair(named) == pair


@pytest.mark.parametrize(
    "known,pair,states",
    [
        # "the respective foreign ministers, Santiago Cafiero and Mauro Vieira": the knowledge
        # base's Cafiero of Argentina, Vieira of the other state (en_ar-br_63)
        (["argentina", None], ("argentina", "brazil"), ["argentina", "brazil"]),
        ([None, "brazil"], ("argentina", "brazil"), ["argentina", "brazil"]),
        # neither known: in the order the document names the states (ru_uz-vn_63)
        ([None, None], ("uzbekistan", "vietnam"), ["uzbekistan", "vietnam"]),
        # a known state outside the pair, or both of one state: nothing guessed
        ([None, "china"], ("argentina", "brazil"), [None, "china"]),
        (["brazil", "brazil"], ("argentina", "brazil"), ["brazil", "brazil"]),
        # no pair, or not two people
        ([None, None], None, [None, None]),
        ([None, None, None], ("a", "b"), [None, None, None]),
    ],
)
def test_listed_states(known, pair, states):
    assert listed_states(known, pair) == states


@pytest.mark.parametrize(
    "posts,span",
    [
        ([("kassym-jomart-tokayev", "President", "kazakhstan", None)], ("2019-03-20", None)),
        (
            [
                ("kassym-jomart-tokayev", "President", "kazakhstan", None),
                ("dmitry-medvedev", "President", "russia", None),
            ],
            None,  # never in office together
        ),
        ([("dmitry-medvedev", "President", "russia", None)], ("2008-05-07", "2012-05-07")),
        ([("dmitry-medvedev", "President", "russia", "former")], None),  # a former post dates nothing
        ([("x", "President", "russia", None)], None),  # a post the knowledge base does not know
        ([], None),
    ],
)
def test_dated_by_posts(posts, span):
    assert dated_by_posts(posts, _KB) == span


@pytest.mark.parametrize(
    "title,org,first,last,holder",
    [
        ("President", "russia", "2019-03-20", None, "vladimir-putin"),
        ("President", "russia", "2009-01-01", "2010-01-01", "dmitry-medvedev"),
        ("President", "russia", "2004-03-09", None, None),  # two presidents since
        ("Prime Minister", "russia", "2019-03-20", None, None),  # nobody in the base
        ("President", None, "2019-03-20", None, None),
    ],
)
def test_kb_holder_between(title, org, first, last, holder):
    assert kb_holder_between(_KB, title, org, first, last) == holder
