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
