"""The speed-ups of issue 12.2 give what the code they replace gave (no NLP model loaded):
the word before a hyphen read backwards, the date scanner's shortcut at words that open no
expression, the words of a long text kept, the cue tables' word sets made once."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from bilat.extract import date_scan
from bilat.extract.events.attribution import say_words
from bilat.extract.events.tables import tables
from bilat.extract.link_gazetteer import _run_before
from bilat.extract.text import fold, words

CORPUS = Path(__file__).parent / "corpus"


def _texts(lang: str, n: int = 25) -> list[str]:
    out = []
    for path in sorted(CORPUS.glob(f"{lang}_*.json"))[:n]:
        out.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    return out


@pytest.mark.parametrize(
    "text",
    [
        "the Central Asia-China summit",  # en_tm-cn_01
        "the UK-Central Asia format",  # en_kz-gb_02
        "в формате Центральная Азия-Китай",
        "С.В.Лавров-Москва",
        "kazlenta.kz-Astana",
        "x_y-Z",
        "2024-Tokyo",
        "(-Asia",
    ],
)
def test_run_before_is_the_regex(text):
    for end in (i for i, c in enumerate(text) if c == "-"):
        old = re.search(r"([\w.]+)-$", text[: end + 1])
        assert _run_before(text, end) == (old.group(1) if old else "")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_date_scan_shortcut_changes_nothing(lang, monkeypatch):
    texts = _texts(lang)
    fast = [date_scan.scan(t, lang) for t in texts]
    # every word of the texts an opener: the shortcut never fires
    voc = date_scan.vocabulary(lang)
    every = frozenset(fold(w.text) for t in texts for w in words(t)) | voc.openers
    every |= frozenset(date_scan.lemma(w.text) for t in texts for w in words(t))
    monkeypatch.setattr(date_scan, "vocabulary", lambda _lang: dataclasses.replace(voc, openers=every))
    assert [date_scan.scan(t, lang) for t in texts] == fast
    assert any(fast)  # the texts hold dates


def test_words_of_a_long_text_kept_as_new_lists():
    text = _texts("en", 1)[0]
    assert len(text) >= 256
    a, b = words(text), words(text)
    assert a == b and a is not b
    assert a == [w for w in words(text[:200] + text[200:])]
    a.clear()
    assert words(text) == b  # a caller's change to its list is its own


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_cue_word_sets_made_once(lang):
    tab = tables(lang)
    assert tab.words("pronoun") is tab.words("pronoun")
    assert tab.words("pronoun") == frozenset(
        w for seq in tab.cues.get("pronoun", ()) for w in seq if len(seq) == 1
    )
    assert tab.coop is tab.coop
    said = say_words(tab.reporting)
    assert said is say_words(tab.reporting)
    assert said == frozenset(r.words[0].text for r in tab.reporting if r.kind == "subj" and len(r.words) == 1)
