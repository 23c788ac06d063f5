"""Heads of companies and governments: the management board's posts, the formal head title of
a listed organization, the head of a state's government (real sentence shapes of the dev corpus)."""

import pytest

from bilat.extract.positions_posts import _head_of, _is_government
from bilat.extract.records import Document, KBEntry

_RUSSIA = KBEntry("russia", "Country", (("en", "Russia"),))
_CZECHIA = KBEntry("czech-republic", "Country", (("en", "Czech Republic"),))


@pytest.mark.parametrize(
    "label,country,ok",
    [
        ("Government of Russia", _RUSSIA, True),
        ("Ministry of Foreign Affairs of Russia", _RUSSIA, False),
        ("Government of Kazakhstan", _RUSSIA, False),
        (None, _RUSSIA, False),
        ("Government of Russia", None, False),
        # states English names with "the" inside a body's name
        ("Government of the Czech Republic", _CZECHIA, True),
        ("Government of the Russia", _CZECHIA, False),
    ],
)
def test_is_government(label, country, ok):
    assert _is_government(label, country) is ok


@pytest.mark.parametrize(
    "title,org,post",
    [
        # "глава российского правительства": the state's Prime Minister
        ("Head", "government-of-russia", ("Prime Minister", "russia")),
        ("Deputy Head", "government-of-russia", ("Deputy Prime Minister", "russia")),
        # "председатель правления «Газпрома»": Gazprom's own title for its head (head_titles.tsv)
        ("Chairman of the Management Board", "gazprom", ("Chairman of the Management Committee", "gazprom")),
        ("Head", "gazprom", ("Chairman of the Management Committee", "gazprom")),
        # a deputy's post and other titles stay
        (
            "Deputy Chairman of the Management Board",
            "gazprom",
            ("Deputy Chairman of the Management Board", "gazprom"),
        ),
        ("Chairman", "gazprom", ("Chairman", "gazprom")),
        ("Head", "org/unknown", ("Head", "org/unknown")),
    ],
)
def test_head_of(title, org, post):
    kb = {
        "russia": _RUSSIA,
        "government-of-russia": KBEntry(
            "government-of-russia", "GovernmentBody", (("en", "Government of Russia"),), country="russia"
        ),
        "gazprom": KBEntry("gazprom", "Company", (("en", "Gazprom"),), country="russia"),
    }
    en, _, o = _head_of(title, None, org, None, None, None, kb)
    assert (en, o) == post


@pytest.mark.parametrize(
    "text,lang,post",
    [
        (
            "Заместитель руководителя правления «Газпрома» Валерий Голубев сообщил журналистам.",
            "ru",
            ("person/valari-galabav", "Deputy Chairman of the Management Board", "gazprom"),
        ),
        (
            "Глава монгольского правительства Гомбожавын Занданшатар приветствовал Путина.",
            "ru",
            ("person/gambajavan-zandanshatar", "Prime Minister", "mongolia"),
        ),
        (
            "Глава российского правительства Михаил Мишустин провел встречу.",
            "ru",
            ("mikhail-mishustin", "Prime Minister", "russia"),
        ),
        (
            "Hungary will not allow that, Foreign Affairs and Trade Minister Peter Szijjarto said.",
            "en",
            ("peter-szijjarto", "Minister of Foreign Affairs", "hungary"),
        ),
    ],
)
def test_heads_of_companies_and_governments(extractor, text, lang, post):
    ex = extractor(Document(id="t", text=text, lang=lang, date="2025-09-04"))
    assert post in {(p.person, p.title_en, p.org) for p in ex.positions}
