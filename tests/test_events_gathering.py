"""``gathering.takes_a_thing``: a meeting verb whose object is a thing tells no meeting (real
sentence shapes of tests/corpus: en_kz-tj_02, en_kg-tj_01, en_ru-kz_13, en_ru-cn_01,
en_ru-kg_02, en_ru-za_01, en_tm-cn_01, en_ru-kz_01)."""

from __future__ import annotations

import pytest

from bilat.extract.events.gathering import takes_a_thing
from bilat.extract.events.tables import tables

TAB = tables("en")
VERBS = TAB.words("gathering_verb")
GATHERINGS = TAB.words("gathering") | frozenset(
    r.words[0].text for r in TAB.triggers if r.cls == "Consult" and len(r.words) == 1
)


def k(*words: str) -> frozenset[str]:
    return frozenset(words)


CASES = [
    # (id, trigger keys, objects (keys, names an actor), takes a thing)
    ("meets-the-interests", [k("meets", "meet")], [(k("interests", "interest"), False)], True),
    ("host-military-bases", [k("host")], [(k("bases", "base"), False)], True),
    ("take-part-in-construction", [k("take"), k("part")], [(k("construction"), False)], True),
    ("met-wang-yi", [k("met", "meet")], [(k("yi"), True)], False),
    ("hosted-putin", [k("hosted", "host")], [(k("putin"), True)], False),
    ("meets-turkmen-president", [k("meets", "meet")], [(k("president"), True)], False),
    ("host-annual-summit", [k("host")], [(k("summit"), False)], False),
    ("attend-opening-ceremony", [k("attended", "attend")], [(k("ceremony"), False)], False),
    ("take-part-in-celebrations", [k("take"), k("part")], [(k("celebrations", "celebration"), False)], False),
    ("met-with-no-object", [k("met", "meet")], [], False),
    ("discuss-a-topic", [k("discussed", "discuss")], [(k("issues", "issue"), False)], False),
]


@pytest.mark.parametrize("trigger,objects,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_takes_a_thing(trigger, objects, expected):
    assert takes_a_thing(trigger, objects, VERBS, GATHERINGS) is expected


KZ = "Kazakh President Kassym-Jomart Tokayev."


@pytest.mark.parametrize(
    "lang, text, meeting",
    [
        # a thing attended, as the passive subject: no meeting (a probe of real news)
        ("en", "The delivery of aid was attended by Russian President Vladimir Putin and " + KZ, False),
        ("en", "The ceremony was attended by Russian President Vladimir Putin and " + KZ, True),
        # a practice of meetings, named as a noun's complement: no meeting held
        ("en", "They stressed the regularity of political consultations between the ministries.", False),
        ("ru", "Стороны отметили регулярность политических консультаций.", False),
    ],
)
def test_meetings_named_as_things_or_practices(extractor, lang, text, meeting):
    from bilat.extract.records import Document

    ex = extractor(Document(id="t", text=text, lang=lang, date="2024-01-17"))
    assert any(e.cls == "Consult" for e in ex.events) is meeting
