"""Statements and their speakers (bilat.extract.events.statements, speakers) through the real
pipeline, table-driven: sentence shapes seen on real news (tests/corpus), rewritten."""

from __future__ import annotations

import pytest

from bilat.extract.records import Document

pytestmark = pytest.mark.slow

BASE = "2021-11-09"


def statements(extractor, text: str, lang: str):
    ex = extractor(Document(id="t", text=text, lang=lang, date=BASE))
    return [e for e in ex.events if e.cls == "Statement"]


def speaker_of(extractor, text: str, lang: str, trigger: str) -> set[str]:
    found = [e for e in statements(extractor, text, lang) if trigger.lower() in e.trigger.lower()]
    assert found, [(e.trigger, e.speaker) for e in statements(extractor, text, lang)]
    return set(found[0].speaker)


@pytest.mark.parametrize(
    "lang, text, trigger, speaker",
    [
        # a reporting verb after the clause it reports, its speaker after it: not the subject
        # of the reported clause
        (
            "en",
            "Kazakh President Kassym-Jomart Tokayev and Chinese Foreign Minister Wang Yi met on May 20 "
            "to address prospects for cooperation, reported the Akorda press service.",
            "reported",
            {"akorda"},
        ),
        (
            "en",
            "Kassym-Jomart Tokayev welcomed Shavkat Mirziyoyev at the presidential residence, "
            "reported Akorda press service.",
            "reported",
            {"akorda"},
        ),
        (
            "ru",
            "Касым-Жомарт Токаев и Садыр Жапаров обсудили открытие границы, сообщает Акорда.",
            "сообщает",
            {"akorda"},
        ),
    ],
)
def test_speaker_after_the_reported_clause(extractor, lang, text, trigger, speaker):
    assert speaker_of(extractor, text, lang, trigger) == speaker


@pytest.mark.parametrize(
    "lang, text, speaker",
    [
        # a quoted paragraph with no reporting clause: whoever acted or spoke just before
        (
            "en",
            "Ararat Mirzoyan also thanked the Kazakh side for initiating this meeting.\n"
            "“I would like to emphasize that Armenia is aimed at peace. "
            "We are involved in the negotiation process very constructively.”",
            "ararat-mirzoyan",
        ),
        (
            "en",
            '"We agreed to continue the dialogue," Sergey Lavrov said during the press conference.\n'
            '"We discussed the situation that has developed around the attempts of the Western '
            "colleagues to strengthen their dominant role in world affairs.",
            "sergey-lavrov",
        ),
        (
            "ru",
            "Касым-Жомарт Токаев подчеркнул, что главной целью визита является укрепление дружбы.\n"
            '"Уважаемый Шавкат Миромонович, благодаря вашим усилиям в Узбекистане происходят '
            'масштабные позитивные изменения."',
            "kassym-jomart-tokayev",
        ),
    ],
)
def test_quoted_paragraph_is_the_last_speakers(extractor, lang, text, speaker):
    found = [e for e in statements(extractor, text, lang) if e.quote and e.start == text.index("\n") + 1]
    assert found and speaker in found[0].speaker, [
        (e.trigger, e.speaker) for e in statements(extractor, text, lang)
    ]


def test_a_quoted_paragraph_with_its_reporting_clause_is_one_statement(extractor):
    text = (
        "Sergey Lavrov met Mukhtar Tleuberdi in Moscow.\n"
        '"We discussed the whole range of our relations in great detail today," Lavrov said.'
    )
    st = statements(extractor, text, "en")
    assert [e.trigger for e in st] == ["said"]
