"""Cue words of the events tables (``extract/data/{en,ru}/events.tsv``, ``reporting.tsv``) added
or taken out after the error census of the real-news dev corpus, table-driven: the rows
themselves (fast), and short sentences written for these tests through the real pipeline
(slow)."""

from __future__ import annotations

import pytest

from bilat.extract.events.tables import tables
from bilat.extract.records import Document

# (lang, table, cue, class or kind) rows that must be there
PRESENT = [
    ("en", "reporting", "clarify", "subj"),  # "Cameron clarified his visit's purpose, stating …"
    ("ru", "events", "прибытие", "Consult"),  # "В честь прибытия главы Казахстана произвели залп"
    ("ru", "events", "гуманитарный груз", "Aid"),  # "Нур-Султан направил гуманитарный груз"
    ("en", "events", "humanitarian cargo", "Aid"),
    ("ru", "reporting", "заявление сделать", "subj"),  # "Такое заявление сделал … Токаев" (ru_kz-tj_02)
    # negative judgement and complaint verbs of VerbNet judgment-33.1 and complain-37.8
    ("en", "events", "castigate", "Accuse"),
    ("en", "events", "decry", "Accuse"),
    ("en", "events", "object to", "Accuse"),
    ("en", "events", "repudiate", "Reject"),
    ("ru", "events", "заклеймить", "Accuse"),
    ("ru", "events", "пожаловаться", "Accuse"),
]

# (lang, table, cue) rows that must not be there: satisfaction voiced is a Support (the
# "satisfaction" / "удовлетворение" trigger rows), no Statement of its own
ABSENT = [
    ("en", "reporting", "express satisfaction"),
    ("ru", "reporting", "выразить удовлетворение"),
]


def _rows(lang: str, table: str) -> dict[str, set[str]]:
    t = tables(lang)
    out: dict[str, set[str]] = {}
    if table == "events":
        for r in t.triggers:
            out.setdefault(" ".join(w.text for w in r.words), set()).add(r.cls)
    else:
        for r in t.reporting:
            out.setdefault(" ".join(w.text for w in r.words), set()).add(r.kind)
    return out


@pytest.mark.parametrize("lang, table, cue, value", PRESENT)
def test_cue_rows_present(lang, table, cue, value):
    assert value in _rows(lang, table).get(cue, set())


@pytest.mark.parametrize("lang, table, cue", ABSENT)
def test_cue_rows_absent(lang, table, cue):
    assert cue not in _rows(lang, table)


@pytest.mark.parametrize(
    "lang, trigger, cls", [("en", "satisfaction", "Support"), ("ru", "удовлетворение", "Support")]
)
def test_satisfaction_stays_a_support_trigger(lang, trigger, cls):
    assert cls in _rows(lang, "events").get(trigger, set())


def _events(extractor, text: str, lang: str):
    return extractor(Document(id="t", text=text, lang=lang, date="2021-11-09")).events


@pytest.mark.slow
@pytest.mark.parametrize(
    "lang, text, cls, trigger, participant",
    [
        (
            "en",
            "David Cameron visited Astana. Cameron clarified that the UK is not asking Kazakhstan "
            "to choose between partners.",
            "Statement",
            "clarified",
            "david-cameron",  # (officials.ttl: the United Kingdom's history)
        ),
        (
            "ru",
            "В честь прибытия президента Казахстана Касым-Жомарта Токаева в Душанбе произвели 21 "
            "артиллерийский залп.",
            "Consult",
            "прибытия",
            "kassym-jomart-tokayev",
        ),
        ("ru", "Казахстан направил гуманитарный груз в Киргизию.", "Aid", "гуманитарный груз", "kazakhstan"),
        (
            "en",
            "Kazakhstan sent humanitarian cargo to Kyrgyzstan.",
            "Aid",
            "humanitarian cargo",
            "kazakhstan",
        ),
        (
            "en",
            "Sergey Lavrov castigated Lithuania for blocking the transit to Kaliningrad.",
            "Accuse",
            "castigated",
            "lithuania",
        ),
        ("en", "Kazakhstan objected to the Russian ban on grain imports.", "Accuse", "objected to", "russia"),
        (
            "ru",
            "Сергей Лавров заклеймил решение Литвы о запрете транзита.",
            "Accuse",
            "заклеймил",
            "lithuania",
        ),
        ("ru", "Казахстан пожаловался на действия Киргизии.", "Accuse", "пожаловался", "kyrgyzstan"),
    ],
)
def test_new_cues_make_events(extractor, lang, text, cls, trigger, participant):
    evs = _events(extractor, text, lang)
    got = [e for e in evs if e.cls == cls and trigger in e.trigger]
    assert got, [(e.cls, e.trigger) for e in evs]
    assert participant in {p.rsplit("/", 1)[-1] for p in got[0].participants}


@pytest.mark.slow
@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "en",
            "Kassym-Jomart Tokayev met Recep Tayyip Erdogan. The two leaders expressed satisfaction "
            "with the positive dynamics of trade.",
        ),
        (
            "ru",
            "Сергей Лавров встретился с Батцэцэгийн Батмунхом. Глава МИД России выразил "
            "удовлетворение активным сотрудничеством.",
        ),
    ],
)
def test_satisfaction_voiced_is_a_support_and_no_statement(extractor, lang, text):
    evs = _events(extractor, text, lang)
    second = text.index(". ") + 2
    later = [e for e in evs if e.start >= second]
    assert [e.cls for e in later if e.cls == "Support"], [(e.cls, e.trigger) for e in later]
    assert not [e for e in later if e.cls == "Statement"], [(e.cls, e.trigger) for e in later]


@pytest.mark.slow
@pytest.mark.parametrize(
    "lang, text, triggers",
    [
        # the headline's words told again by the body, its reporting clause pointing back to the
        # sentence before ("Такое заявление сделал …"): one statement, the body's
        (
            "ru",
            "Лавров заявил о рекордном росте взаимной торговли с Казахстаном\nРекордный рост взаимной "
            "торговли России и Казахстана составил десять процентов. Такое заявление сделал министр "
            "иностранных дел России Сергей Лавров.\n",
            ["заявление сделал"],
        ),
        (
            "en",
            "Lavrov says trade with Kazakhstan grew by ten percent\nTrade between Russia and Kazakhstan "
            "grew by ten percent, Russian Foreign Minister Sergey Lavrov said on Monday.\n",
            ["said"],
        ),
        # "об этом" inside the quoted words points back to nothing the reporting clause names: the
        # sentence before is not the statement's, the headline shares too few words and stays
        (
            "ru",
            "Лавров заявил о рекордном росте взаимной торговли с Казахстаном\nРекордный рост взаимной "
            "торговли России и Казахстана составил десять процентов. «Мы много говорили об этом с "
            "коллегами», — сказал министр иностранных дел России Сергей Лавров.\n",
            ["заявил", "сказал"],
        ),
        # a transcript's title whose words the body does not tell: both stay
        (
            "en",
            "Foreign Minister Sergey Lavrov's remarks at a joint news conference in Astana\nWe have had "
            "very constructive talks, Sergey Lavrov said.\n",
            ["remarks", "said"],
        ),
    ],
)
def test_a_headline_statement_the_body_tells_again_gives_way(extractor, lang, text, triggers):
    evs = _events(extractor, text, lang)
    got = [e for e in evs if e.cls == "Statement"]
    assert [e.trigger for e in got] == triggers, [(e.cls, e.trigger) for e in evs]
    assert all(e.speaker == ("sergey-lavrov",) for e in got)


@pytest.mark.slow
@pytest.mark.parametrize(
    "lang, text, trigger, source, target",
    [
        # an evaluative word that is the predicate a judging verb gives its object: the thing
        # judged (its owner) is accused, the verb's subject accuses (arguments.judged_side)
        ("ru", "Сергей Лавров назвал Литву агрессивной.", "агрессивной", "sergey-lavrov", "lithuania"),
        ("ru", "Захарова назвала действия Литвы незаконными.", "незаконными", "maria-zakharova", "lithuania"),
        ("en", "Moscow considers the actions of Lithuania illegal.", "illegal", "moscow", "lithuania"),
        (
            "en",
            "Zakharova called the decision of Vilnius a provocation.",
            "provocation",
            "maria-zakharova",
            "vilnius",
        ),
    ],
)
def test_judged_thing_is_accused(extractor, lang, text, trigger, source, target):
    evs = [e for e in _events(extractor, text, lang) if e.cls == "Accuse" and trigger in e.trigger]
    assert evs, [(e.cls, e.trigger) for e in _events(extractor, text, lang)]
    assert source in {k.rsplit("/", 1)[-1] for k in evs[0].source}, evs[0]
    assert target in {k.rsplit("/", 1)[-1] for k in evs[0].target}, evs[0]
