"""Dates: table-driven resolution against the article's date (bilat.extract.dates)."""

from __future__ import annotations

import pytest

from bilat.extract.date_scan import _word_info, scan_spans
from bilat.extract.dates import dateline, dateline_span, find_dates, resolve, scan

BASE = "2021-11-09"  # a Tuesday


@pytest.mark.parametrize(
    "expr, lang, base, expected",
    [
        # relative to the base date: news report the past
        ("on Tuesday", "en", BASE, ("2021-11-09", "day")),
        ("on Monday", "en", BASE, ("2021-11-08", "day")),
        ("on Friday", "en", BASE, ("2021-11-05", "day")),
        ("last Tuesday", "en", BASE, ("2021-11-02", "day")),
        ("next Tuesday", "en", BASE, ("2021-11-16", "day")),
        ("yesterday", "en", BASE, ("2021-11-08", "day")),
        ("today", "en", BASE, ("2021-11-09", "day")),
        ("last month", "en", BASE, ("2021-10", "month")),
        ("earlier this month", "en", BASE, ("2021-11", "month")),
        ("this year", "en", BASE, ("2021", "year")),
        ("later this year", "en", BASE, ("2021", "year")),
        ("next year", "en", BASE, ("2022", "year")),
        ("last year", "en", "2021-01-15", ("2020", "year")),
        ("in the autumn", "en", BASE, ("2021", "year")),
        # absolute, with or without the year
        ("November 9", "en", BASE, ("2021-11-09", "day")),
        ("Nov. 9, 2021", "en", None, ("2021-11-09", "day")),
        ("Jan. 1, 2015", "en", BASE, ("2015-01-01", "day")),
        ("9 November 2021", "en", None, ("2021-11-09", "day")),
        ("the 9th of November", "en", BASE, ("2021-11-09", "day")),
        ("December 30", "en", "2022-01-05", ("2021-12-30", "day")),
        ("in June", "en", BASE, ("2021-06", "month")),
        ("in February 2021", "en", None, ("2021-02", "month")),
        ("in 2019", "en", None, ("2019", "year")),
        ("2021-11-09", "en", None, ("2021-11-09", "day")),
        # Russian: case forms through lemmas
        ("во вторник", "ru", BASE, ("2021-11-09", "day")),
        ("в среду", "ru", BASE, ("2021-11-03", "day")),
        ("в прошлую пятницу", "ru", BASE, ("2021-11-05", "day")),
        ("вчера", "ru", BASE, ("2021-11-08", "day")),
        ("позавчера", "ru", BASE, ("2021-11-07", "day")),
        ("в прошлом месяце", "ru", BASE, ("2021-10", "month")),
        ("в этом году", "ru", BASE, ("2021", "year")),
        ("в следующем году", "ru", BASE, ("2022", "year")),
        ("в феврале 2021 года", "ru", None, ("2021-02", "month")),
        ("в конце ноября", "ru", BASE, ("2021-11", "month")),
        ("9 ноября", "ru", BASE, ("2021-11-09", "day")),
        ("9 ноября 2021 г.", "ru", None, ("2021-11-09", "day")),
        ("в 2019 году", "ru", None, ("2019", "year")),
        ("09.11.2021", "ru", None, ("2021-11-09", "day")),
        ("осенью", "ru", BASE, ("2021", "year")),
    ],
)
def test_resolve(expr, lang, base, expected):
    assert resolve(expr, lang, base) == expected


@pytest.mark.parametrize(
    "expr, lang, base",
    [
        ("next week", "en", BASE),  # no precision for weeks in the vocabulary
        ("на следующей неделе", "ru", BASE),
        ("on Tuesday", "en", None),  # relative, and no base date
        ("November 9", "en", None),  # no year, and no base date
        ("вчера", "ru", None),
    ],
)
def test_unresolvable(expr, lang, base):
    assert resolve(expr, lang, base) is None


@pytest.mark.parametrize(
    "expr, lang, expected",
    [
        ("on Friday", "en", ("2021-11-12", "day")),  # "will fly to Beijing on Friday"
        ("on Tuesday", "en", ("2021-11-09", "day")),
        ("in June", "en", ("2022-06", "month")),
        ("в четверг", "ru", ("2021-11-11", "day")),
    ],
)
def test_future_reading(expr, lang, expected):
    assert resolve(expr, lang, BASE, future=True) == expected


@pytest.mark.parametrize(
    "expr, lang, base, expected",
    [
        # a clause told as done is dated on or before the article: "talks were held in January"
        # in a November article are this January's, "in December" last December's
        ("in January", "en", BASE, ("2021-01", "month")),
        ("in December", "en", BASE, ("2020-12", "month")),
        ("in November", "en", BASE, ("2021-11", "month")),
        ("в декабре", "ru", BASE, ("2020-12", "month")),
        ("on December 5", "en", BASE, ("2020-12-05", "day")),
        ("5 декабря", "ru", BASE, ("2020-12-05", "day")),
        ("in July", "en", "2024-05-20", ("2023-07", "month")),
    ],
)
def test_past_reading(expr, lang, base, expected):
    assert resolve(expr, lang, base, past=True) == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("The two presidents met on Monday in Astana.", "en", [("on Monday", "2021-11-08", "day")]),
        ("Russia has leased Baikonur since 1994 and will keep it until 2050.", "en", []),
        (
            "Talks were held in 2019, and again on November 2.",
            "en",
            [("in 2019", "2019", "year"), ("on November 2", "2021-11-02", "day")],
        ),
        ("The ministers may meet in the near future.", "en", []),
        (
            "Соглашение подписали 9 ноября, а ратифицируют в следующем году.",
            "ru",
            [("9 ноября", "2021-11-09", "day"), ("в следующем году", "2022", "year")],
        ),
        ("Россия арендует космодром с 1994 года до 2050 года.", "ru", []),
        ("В этой среде важно доверие.", "ru", []),  # «среда» the environment, not Wednesday
        ("It may be signed in May.", "en", [("in May", "2021-05", "month")]),
    ],
)
def test_find_dates(text, lang, expected):
    found = find_dates(text, lang, BASE)
    assert [(text[s:e], v, p) for s, e, v, p in found] == expected


def test_scan_keeps_unresolvable_expressions():
    exprs = scan("They will meet next week.", "en")
    assert [e.text for e in exprs] == ["next week"]
    assert exprs[0].resolve(BASE) is None


@pytest.mark.parametrize(
    "text, lang, base, expected, head",
    [
        (
            "MOSCOW, November 9. /TASS/. Russian Foreign Minister Sergey Lavrov said",
            "en",
            BASE,
            ("2021-11-09", "day"),
            "MOSCOW, November 9. /TASS/. ",
        ),
        (
            "ASTANA, Jan 9 (Reuters) - Russia and Kazakhstan signed",
            "en",
            "2021-01-10",
            ("2021-01-09", "day"),
            "ASTANA, Jan 9 (Reuters) - ",
        ),
        ("OMSK. KAZINFORM – President Tokayev arrived", "en", BASE, None, "OMSK. KAZINFORM – "),
        # a colon after the date (South Asian outlets)
        (
            "KATHMANDU, May 6: Deputy Prime Minister",
            "en",
            "2024-05-06",
            ("2024-05-06", "day"),
            "KATHMANDU, May 6: ",
        ),
        (
            "ISLAMABAD, Jan 17 (APP): Prime Minister",
            "en",
            "2024-01-18",
            ("2024-01-17", "day"),
            "ISLAMABAD, Jan 17 (APP): ",
        ),
        ("Putin said on May 6: we will meet", "en", BASE, None, ""),
        (
            "АСТАНА, 9 ноября. /ТАСС/. Президент Казахстана",
            "ru",
            BASE,
            ("2021-11-09", "day"),
            "АСТАНА, 9 ноября. /ТАСС/. ",
        ),
        (
            "АСТАНА, 22 мая - РИА Новости. Президент России прибыл",
            "ru",
            "2008-05-22",
            ("2008-05-22", "day"),
            "АСТАНА, 22 мая - РИА Новости. ",
        ),
        (
            "Нур-Султан, 16 октября 2019 года – Министр иностранных дел",
            "ru",
            None,
            ("2019-10-16", "day"),
            "Нур-Султан, 16 октября 2019 года – ",
        ),
        ("Russian President Vladimir Putin said on Tuesday", "en", BASE, None, ""),
        ("Лавров об отношении Казахстана и России", "ru", BASE, None, ""),
    ],
)
def test_dateline(text, lang, base, expected, head):
    assert dateline(text, lang, base) == expected
    assert text[: dateline_span(text, lang)[0]] == head


def test_dateline_year_never_after_base():
    # "Dec 30" in an article of January 2 belongs to the year before
    assert dateline("MOSCOW, Dec 30 (Reuters) - Text", "en", "2022-01-02") == ("2021-12-30", "day")


# scan_spans: the units of a text scanned from the words of the whole text read once give what
# scanning each unit's own text gives (offsets those of the text), edges cutting a word included
SPANS_TEXT = {
    "en": "Talks were held on Friday, November 5. No date here. Next: May 5, 2024 in Astana-2021 city",
    "ru": "Переговоры прошли в пятницу, 5 ноября. Без даты. В следующем месяце — визит 12.03.2024 года",
}


@pytest.mark.parametrize(
    "lang, spans",
    [
        ("en", [(0, 38), (39, 52), (53, 89)]),
        ("en", [(0, 24), (24, 52)]),  # cuts "Friday"
        ("en", [(0, 15), (15, 61), (61, 80)]),  # cuts "May" and "Astana-2021"
        ("en", []),
        ("ru", [(0, 38), (39, 48), (49, 92)]),
        ("ru", [(0, 22), (22, 70), (70, 84)]),  # cuts "пятницу" and "2024"
    ],
)
def test_scan_spans_as_each_span_alone(lang, spans):
    text = SPANS_TEXT[lang]
    spans = [(a, min(b, len(text))) for a, b in spans]
    alone = [
        [(e.text, e.start + a, e.end + a, e.kind, e.year, e.month, e.day) for e in scan(text[a:b], lang)]
        for a, b in spans
    ]
    read = [
        [(e.text, e.start, e.end, e.kind, e.year, e.month, e.day) for e in es]
        for es in scan_spans(text, spans, lang)
    ]
    assert read == alone


@pytest.mark.parametrize(
    "word, lang, opens",
    [
        ("Friday", "en", True),
        ("friday", "en", True),
        ("2024", "en", True),
        ("5th", "en", True),
        ("next", "en", True),
        ("the", "en", False),
        ("on", "en", False),  # a preposition opens no core: the word after it does
        ("пятницу", "ru", True),  # (by its lemma)
        ("ноября", "ru", True),
        ("следующем", "ru", True),
        ("переговоры", "ru", False),
        ("в", "ru", False),
    ],
)
def test_word_opens(word, lang, opens):
    assert _word_info(word, lang)[2] is opens
