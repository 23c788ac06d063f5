"""Posts of collegial state bodies named as their state's posts, and counterparts resolved by
the knowledge base (real sentence shapes of the dev corpus)."""

import pytest

from bilat.extract.positions_bodies import body_name, state_post
from bilat.extract.positions_posts import _one_post_in
from bilat.extract.records import Document, KBEntry, Tenure


def _kb():
    return {
        "russia": KBEntry("russia", "Country", (("en", "Russia"),)),
        "security-council-of-russia": KBEntry(
            "security-council-of-russia",
            "GovernmentBody",
            (("en", "Security Council of Russia"),),
            country="russia",
        ),
        "ministry-of-foreign-affairs-of-russia": KBEntry(
            "ministry-of-foreign-affairs-of-russia",
            "GovernmentBody",
            (("en", "Ministry of Foreign Affairs of Russia"),),
            country="russia",
        ),
        "rosatom": KBEntry("rosatom", "Company", (("en", "Rosatom"),), country="russia"),
    }


@pytest.mark.parametrize(
    "label,country,name",
    [
        ("Security Council of Russia", "Russia", "Security Council"),
        ("Senate of Kazakhstan", "Kazakhstan", "Senate"),
        ("Ministry of Foreign Affairs of Russia", "Russia", None),
        ("Embassy of Russia", "Russia", None),
        ("State Duma", "Russia", "State Duma"),
        ("Presidential Administration of Russia", "Russia", "Presidential Administration"),
        # agencies and committees keep their posts (regression ru_011, ru_020)
        ("Agency for Atomic Energy of Kazakhstan", "Kazakhstan", None),
        ("Aerospace Committee of Kazakhstan", "Kazakhstan", None),
        ("Rosatom", "Russia", None),
        ("Security Council of Russia", None, None),
    ],
)
def test_body_name(label, country, name):
    assert body_name(label, country) == name


@pytest.mark.parametrize(
    "title,org,post",
    [
        # "Russian Security Council Deputy Chairman Dmitry Medvedev" (en_ru-md_01)
        (
            "Deputy Chairman",
            "security-council-of-russia",
            ("Deputy Chairman of the Security Council", "russia"),
        ),
        # "Secretary of the Russian Security Council Nikolai Patrushev" (en_ru-lt_01)
        ("Secretary", "security-council-of-russia", ("Secretary of the Security Council", "russia")),
        # a ministry keeps its spokesperson; a company its head; other titles stay
        (
            "Spokesperson",
            "ministry-of-foreign-affairs-of-russia",
            ("Spokesperson", "ministry-of-foreign-affairs-of-russia"),
        ),
        ("Chairman", "rosatom", ("Chairman", "rosatom")),
        ("Director", "security-council-of-russia", ("Director", "security-council-of-russia")),
        ("President", "russia", ("President", "russia")),
        ("Chairman", None, ("Chairman", None)),
    ],
)
def test_state_post(title, org, post):
    assert state_post(title, org, _kb()) == post


LAVROV = KBEntry(
    "sergey-lavrov",
    "Person",
    (("en", "Sergey Lavrov"),),
    tenures=(
        Tenure("Permanent Representative to the United Nations", "russia", "1994", "2004"),
        Tenure("Minister of Foreign Affairs", "russia", "2004-03-09", None),
    ),
)


@pytest.mark.parametrize(
    "date,org,title",
    [
        ("2022-01-10", "russia", "Minister of Foreign Affairs"),
        ("2000-01-10", "russia", "Permanent Representative to the United Nations"),
        (None, "russia", "Minister of Foreign Affairs"),  # no date: the post he still holds
        ("2022-01-10", "kazakhstan", None),
        ("2022-01-10", None, None),
    ],
)
def test_one_post_in(date, org, title):
    t = _one_post_in(LAVROV, date, org)
    assert (t.title_en if t else None) == title


@pytest.mark.parametrize(
    "text,post",
    [
        (
            "US Secretary of State Antony Blinken met with his Russian counterpart Sergey Lavrov in Geneva.",
            ("sergey-lavrov", "Minister of Foreign Affairs", "russia"),
        ),
        (
            "According to the Secretary of the Russian Security Council Nikolai Patrushev, this will hurt.",
            ("nikolai-patrushev", "Secretary of the Security Council", "russia"),
        ),
        (
            "Russian Security Council Deputy Chairman Dmitry Medvedev said so.",
            ("dmitry-medvedev", "Deputy Chairman of the Security Council", "russia"),
        ),
    ],
)
def test_posts_in_state_bodies_and_counterparts(extractor, text, post):
    ex = extractor(Document(id="t", text=text, lang="en", date=None))
    found = {(p.person, p.title_en, p.org) for p in ex.positions}
    assert post in found
    assert ("sergey-lavrov", "Secretary of State", "russia") not in found


_CLS = {
    "china": "Country",
    "turkey": "Country",
    "org/ccpit": "GovernmentBody",
    "ministry-of-energy-of-russia": "GovernmentBody",
    "security-council-of-russia": "GovernmentBody",
}


@pytest.mark.parametrize(
    "modifier,complements,org",
    [
        # "председатель Китайского комитета по содействию … Жэнь Хунбинь" (ru_cn-kz_04): the body
        ((0, 10, "china", "ADJ"), [((11, 60, "org/ccpit", "ORG"), None)], "org/ccpit"),
        # "глава турецкого Минэнерго" linked to Russia's ministry (ru_ru-tr_01): not another state's body
        (
            (0, 9, "turkey", "ADJ"),
            [((10, 19, "ministry-of-energy-of-russia", "ORG"), None)],
            "turkey",
        ),
        # "Russian Security Council Deputy Chairman": the body before the title
        ((0, 24, "security-council-of-russia", "ORG"), [], "security-council-of-russia"),
    ],
)
def test_a_body_post_belongs_to_the_body_the_text_names(modifier, complements, org):
    from bilat.extract.positions_parts import _org
    from bilat.extract.positions_titles import Title

    title = Title(("председатель",), "Chairman", "председатель", "body")
    kb = {
        "ministry-of-energy-of-russia": KBEntry(
            "ministry-of-energy-of-russia", "GovernmentBody", country="russia"
        )
    }
    assert _org(title, modifier, complements, _CLS, kb)[0] == org


@pytest.mark.parametrize(
    "text,lang,post",
    [
        (
            "Alexei Overchuk, co-chair of the Russia-Kazakhstan Intergovernmental Commission, arrived.",
            "en",
            ("alexei-overchuk", "Co-Chairman", "russia-kazakhstan-intergovernmental-commission"),
        ),
        (
            "Co-chairman of the Russia-Kazakhstan Intergovernmental Commission Alexei Overchuk arrived.",
            "en",
            ("alexei-overchuk", "Co-Chairman", "russia-kazakhstan-intergovernmental-commission"),
        ),
    ],
)
def test_co_chairs_of_a_commission(extractor, text, lang, post):
    ex = extractor(Document(id="t", text=text, lang=lang, date="2024-01-01"))
    assert post in {(p.person, p.title_en, p.org) for p in ex.positions}
