"""``bilat eval`` (bilat.evaluate): the scoring rules on small hand-made cases, the gold and
baseline checks, and end-to-end runs through the command line.

The end-to-end tests load the real NLP pipelines (marked ``slow``). The last one is the
regression guards: they fail when a figure on ``tests/corpus`` (real news) drops below the value
recorded in ``tests/eval_baseline.json``, or one on ``tests/regression`` (the written articles)
below ``tests/regression_baseline.json`` (raise those files as quality rises:
``.venv/bin/python -m bilat.evaluate tests/corpus --write-baseline tests/eval_baseline.json``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bilat import evaluate as E
from bilat.evaluate import (
    GoldDoc,
    GoldEntity,
    GoldError,
    GoldEvent,
    GoldRole,
    StoredDoc,
    StoredEntity,
    StoredEvent,
    StoredPosition,
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
BASELINE = ROOT / "tests" / "eval_baseline.json"
REGRESSION = ROOT / "tests" / "regression"
REGRESSION_BASELINE = ROOT / "tests" / "regression_baseline.json"
UNSEEN = ROOT / "tests" / "unseen"  # real news kept out of all tuning
UNSEEN_BASELINE = ROOT / "tests" / "unseen_baseline.json"
ID = "https://w3id.org/bilat/id/"


def ent(key, labels=(), alts=(), classes=()):
    return StoredEntity(ID + key, tuple(labels), tuple(alts), frozenset(classes))


def gold(entities, lang="en", **kw):
    return GoldDoc(id=kw.pop("id", "d1"), lang=lang, text="…", entities=list(entities), **kw)


def stored(*entities, positions=(), events=(), names=None):
    return StoredDoc(
        ID + "doc", {e.iri: e for e in entities}, list(positions), list(events), dict(names or {})
    )


def counts(tally, name, col="all"):
    return tuple(tally.counts[name][col]) if name in tally.counts else (0, 0)


LAVROV = GoldEntity("Sergey Lavrov", "Сергей Лавров", "Person", ("Sergey Lavrov", "Lavrov"))
LAVROV_RU = GoldEntity("Sergey Lavrov", "Сергей Лавров", "Person", ("Сергея Лаврова",))
RUSSIA = GoldEntity("Russia", "Россия", "Country", ("Russia",))
KAZ = GoldEntity("Kazakhstan", "Казахстан", "Country", ("Kazakhstan",))
MFA = GoldEntity(
    "Ministry of Foreign Affairs of Russia",
    "Министерство иностранных дел России",
    "GovernmentBody",
    ("МИД РФ",),
)
ROSATOM = GoldEntity("Rosatom", "Росатом", "Organization", ("Rosatom",), ("GovernmentBody",))
FYODOROV = GoldEntity("Yevgeny Fyodorov", "Евгений Фёдоров", "Person", ("Фёдорова",))
TASS = GoldEntity("TASS", "ТАСС", "MediaOutlet", ("TASS",))


# --------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    "gold_entity, stored_entity, found",
    [
        # canonical name as label
        (LAVROV, ent("lavrov", [("Sergey Lavrov", "en")]), True),
        # case-insensitive: label in capitals, mention in lower case
        (LAVROV, ent("lavrov", [("SERGEY LAVROV", "en")]), True),
        (TASS, ent("tass", [("Tass", "en")]), True),
        # a mention as an alternative label
        (LAVROV, ent("lavrov", [("S. Lavrov", "en")], [("Lavrov", "en")]), True),
        # the Russian canonical name finds the entity in any document
        (LAVROV, ent("lavrov", [("Сергей Лавров", "ru")]), True),
        # inflected mention, as surface form
        (LAVROV_RU, ent("lavrov", [("Sergey Lavrov", "en")], [("Сергея Лаврова", "ru")]), True),
        # ё-insensitive both ways
        (FYODOROV, ent("fedorov", [("Евгений Федоров", "ru")]), True),
        (FYODOROV, ent("fedorov", [], [("Федорова", "ru")]), True),
        (
            GoldEntity("Pyotr Semyonov", "Пётр Семенов", "Person", ()),
            ent("semenov", [("ПЕТР СЕМЁНОВ", "ru")]),
            True,
        ),
        # abbreviation given as a mention
        (MFA, ent("mfa", [("МИД РФ", "ru")]), True),
        # no partial matches
        (LAVROV_RU, ent("lavrov", [("Лавров", "ru")]), False),
        (RUSSIA, ent("russia", [("Russian Federation", "en")]), False),
        (RUSSIA, ent("russia", [], [("Russian", "en")]), False),
    ],
)
def test_entity_matching(gold_entity, stored_entity, found):
    assert bool(E.candidates(gold_entity, [stored_entity])) is found


def test_best_candidate_prefers_label_then_canonical_name():
    a = ent("a", [], [("Sergey Lavrov", "en")])
    b = ent("b", [("Lavrov", "en")])
    c = ent("c", [("Sergey Lavrov", "en")])
    assert [e.iri for e in E.candidates(LAVROV, [a, b, c])] == [ID + "c", ID + "b", ID + "a"]


@pytest.mark.parametrize(
    "title, same_as",
    [
        ("Foreign Minister", "Minister of Foreign Affairs"),
        ("foreign minister", "MINISTER OF FOREIGN AFFAIRS"),
        ("Deputy Foreign Minister", "Deputy Minister of Foreign Affairs"),
        ("First Deputy Foreign Minister", "First Deputy Minister of Foreign Affairs"),
        ("Ambassador to Kazakhstan", "Ambassador"),
        ("Acting President", "President"),
        ("Spokesman", "Spokesperson"),
        ("Secretary-General", "Secretary General"),
        ("Defense Minister", "Minister of Defence"),
    ],
)
def test_title_normalization_same(title, same_as):
    assert E.normalize_title(title) == E.normalize_title(same_as)


@pytest.mark.parametrize(
    "title, other",
    [
        ("Prime Minister", "President"),
        ("Deputy Minister of Foreign Affairs", "Minister of Foreign Affairs"),
        ("Press Secretary", "Spokesperson"),
        ("Deputy Prime Minister", "Prime Minister"),
    ],
)
def test_title_normalization_different(title, other):
    assert E.normalize_title(title) != E.normalize_title(other)


# --------------------------------------------------------------------------- entities


def test_precision_counts_unmatched_and_ignores_implicit_and_other_names():
    g = gold(
        [LAVROV, RUSSIA, KAZ],
        implicit=[GoldEntity("Press office", None, None, ("press office",))],
        other_names=[GoldEntity("Collective Security Treaty", None, None, ("Collective Security Treaty",))],
    )
    s = stored(
        ent("lavrov", [("Sergey Lavrov", "en")], classes={"Person"}),
        ent("russia", [("Russia", "en")], classes={"Country"}),
        ent("junk", [("Tuesday", "en")], classes={"Person"}),  # wrong
        ent("office", [("Press Office", "en")], classes={"Organization"}),  # implicit: neither
        ent("treaty", [("Collective Security Treaty", "en")]),  # other name: neither
    )
    t = E.score_entities(g, s).tally
    assert counts(t, "entities.recall") == (2, 3)
    assert counts(t, "entities.precision") == (2, 3)
    assert counts(t, "entities.precision", "en") == (2, 3)
    assert counts(t, "entities.precision", "ru") == (0, 0)


@pytest.mark.parametrize(
    "lang, gold_entity, stored_entity, label_ok, coarse_ok, fine_ok",
    [
        (
            "en",
            LAVROV,
            ent("l", [("Sergey Lavrov", "en"), ("Сергей Лавров", "ru")], classes={"Person"}),
            1,
            1,
            1,
        ),
        # the label of the document's language counts
        (
            "ru",
            LAVROV_RU,
            ent(
                "l",
                [("Sergey Lavrov", "en"), ("Лавров", "ru")],
                [("Сергея Лаврова", "ru")],
                classes={"Person"},
            ),
            0,
            1,
            1,
        ),
        ("ru", LAVROV_RU, ent("l", [("Сергей Лавров", "ru")], classes={"Person"}), 1, 1, 1),
        # ё in the label is the same name
        ("ru", FYODOROV, ent("f", [("Евгений Федоров", "ru")], classes={"Person"}), 1, 1, 1),
        # coarse class right, fine class wrong
        ("en", MFA, ent("m", [("МИД РФ", "ru")], classes={"Organization"}), 0, 1, 0),
        # alt_types are accepted
        ("en", ROSATOM, ent("r", [("Rosatom", "en")], classes={"GovernmentBody"}), 1, 1, 1),
        # Country is a place; a person is not
        ("en", RUSSIA, ent("r", [("Russia", "en")], classes={"City"}), 1, 1, 0),
        ("en", RUSSIA, ent("r", [("Russia", "en")], classes={"Person"}), 1, 0, 0),
    ],
)
def test_canonical_label_and_types(lang, gold_entity, stored_entity, label_ok, coarse_ok, fine_ok):
    t = E.score_entities(gold([gold_entity], lang=lang), stored(stored_entity)).tally
    assert counts(t, "entities.canonical_label") == (label_ok, 1)
    assert counts(t, "entities.type_coarse") == (coarse_ok, 1)
    assert counts(t, "entities.type_fine") == (fine_ok, 1)


# --------------------------------------------------------------------------- identity


@pytest.mark.parametrize(
    "found, langs, within, across",
    [
        # same IRI in two English documents and one Russian one
        (
            {"a": {"Russia": "r"}, "b": {"Russia": "r"}, "c": {"Russia": "r"}},
            {"a": "en", "b": "en", "c": "ru"},
            {"en": (1, 1), "ru": (0, 0)},
            (1, 1),
        ),
        # split within English
        (
            {"a": {"Russia": "r"}, "b": {"Russia": "r2"}},
            {"a": "en", "b": "en"},
            {"en": (0, 1), "ru": (0, 0)},
            (0, 0),
        ),
        # one IRI per language, but not the same one across languages
        (
            {"a": {"Lavrov": "l"}, "b": {"Lavrov": "l"}, "c": {"Lavrov": "l-ru"}, "d": {"Lavrov": "l-ru"}},
            {"a": "en", "b": "en", "c": "ru", "d": "ru"},
            {"en": (1, 1), "ru": (1, 1)},
            (0, 1),
        ),
        # seen once per language: no within-language item, one cross-language item
        ({"a": {"X": "x"}, "c": {"X": "x"}}, {"a": "en", "c": "ru"}, {"en": (0, 0), "ru": (0, 0)}, (1, 1)),
        # an entity in only one document is not counted
        (
            {"a": {"X": "x", "Y": "y"}, "b": {"X": "x"}},
            {"a": "en", "b": "en"},
            {"en": (1, 1), "ru": (0, 0)},
            (0, 0),
        ),
    ],
)
def test_identity_across_documents(found, langs, within, across):
    t = E.score_identity(found, langs)
    for lang, expected in within.items():
        assert counts(t, "identity.within_language", lang) == expected
    assert counts(t, "identity.within_language") == tuple(map(sum, zip(*within.values(), strict=True)))
    assert counts(t, "identity.across_languages") == across


# --------------------------------------------------------------------------- positions


def test_positions_title_synonyms_and_organization():
    g = gold(
        [LAVROV, RUSSIA, KAZ],
        roles=[
            GoldRole("Sergey Lavrov", "Minister of Foreign Affairs", "Russia"),
            GoldRole("Sergey Lavrov", "President", "Russia"),
        ],
    )
    lav, ru, kz = (
        ent("lavrov", [("Sergey Lavrov", "en")]),
        ent("russia", [("Russia", "en")]),
        ent("kz", [("Kazakhstan", "en")]),
    )
    right = StoredPosition(ID + "p1", lav.iri, frozenset({"Foreign Minister"}), frozenset({ru.iri}))
    wrong_org = StoredPosition(
        ID + "p2", lav.iri, frozenset({"Minister of Foreign Affairs"}), frozenset({kz.iri})
    )
    t = E.score_positions(g, stored(lav, ru, kz, positions=[right, wrong_org]))
    assert counts(t, "positions.recall") == (1, 2)
    assert counts(t, "positions.precision") == (1, 2)


def test_position_holder_named_only_by_positions():
    """A holder or organization not mentioned in the document is matched by its names."""
    g = gold([LAVROV, RUSSIA], roles=[GoldRole("Sergey Lavrov", "Minister of Foreign Affairs", "Russia")])
    pos = StoredPosition(
        ID + "p", ID + "lavrov", frozenset({"Minister of Foreign Affairs"}), frozenset({ID + "russia"})
    )
    s = stored(
        positions=[pos], names={ID + "lavrov": frozenset({"lavrov"}), ID + "russia": frozenset({"russia"})}
    )
    assert counts(E.score_positions(g, s), "positions.recall") == (1, 1)


# --------------------------------------------------------------------------- events

G_DOC = gold([LAVROV, RUSSIA, KAZ, MFA, TASS])
S_ENTS = dict(
    lavrov=ent("lavrov", [("Sergey Lavrov", "en")]),
    russia=ent("russia", [("Russia", "en")]),
    kz=ent("kz", [("Kazakhstan", "en")]),
    mfa=ent("mfa", [("МИД РФ", "ru")]),
    tass=ent("tass", [("TASS", "en")]),
)


def sev(cls, participants=(), speakers=(), context=None, iri="e1", spans=()):
    p = {ID + k for k in participants} | {ID + k for k in speakers}
    return StoredEvent(
        ID + iri,
        frozenset({cls}),
        frozenset(p),
        frozenset(ID + k for k in speakers),
        context,
        spans=tuple(spans),
    )


@pytest.mark.parametrize(
    "gold_event, stored_event, found, speaker_ok",
    [
        # STATEMENT: the speaker is enough
        (
            GoldEvent("STATEMENT", ("Sergey Lavrov", "TASS"), ("Sergey Lavrov",)),
            sev("Statement", speakers=["lavrov"]),
            True,
            True,
        ),
        # STATEMENT with the wrong speaker but both participants right: found, speaker wrong
        (
            GoldEvent("STATEMENT", ("Sergey Lavrov", "TASS"), ("Sergey Lavrov",)),
            sev("Statement", participants=["lavrov"], speakers=["tass"]),
            True,
            False,
        ),
        # STATEMENT with the wrong speaker and one participant of two
        (
            GoldEvent("STATEMENT", ("Sergey Lavrov", "TASS"), ("Sergey Lavrov",)),
            sev("Statement", speakers=["russia"], participants=["lavrov"]),
            False,
            False,
        ),
        # incompatible class
        (
            GoldEvent("STATEMENT", ("Sergey Lavrov",), ("Sergey Lavrov",)),
            sev("Consult", speakers=["lavrov"]),
            False,
            False,
        ),
        # MEET / VISIT → Consult: at least two participants right
        (
            GoldEvent("MEET", ("Russia", "Kazakhstan", "Sergey Lavrov")),
            sev("Consult", ["russia", "kz"]),
            True,
            False,
        ),
        (GoldEvent("VISIT", ("Russia", "Kazakhstan")), sev("Consult", ["russia", "tass"]), False, False),
        # fewer than two gold participants: all of them
        (GoldEvent("COOPERATE", ("Russia",)), sev("Cooperate", ["russia"]), True, False),
        (GoldEvent("COOPERATE", ("Russia",)), sev("Cooperate", ["kz"]), False, False),
        # participants through their mentions ("МИД РФ")
        (
            GoldEvent("AGREE", ("Ministry of Foreign Affairs of Russia", "Kazakhstan")),
            sev("Agree", ["mfa", "kz"]),
            True,
            False,
        ),
        # SUPPORT → Support or Aid; OTHER → any class
        (GoldEvent("SUPPORT", ("Russia", "Kazakhstan")), sev("Aid", ["russia", "kz"]), True, False),
        (GoldEvent("SUPPORT", ("Russia", "Kazakhstan")), sev("Accuse", ["russia", "kz"]), False, False),
        (GoldEvent("OTHER", ("Russia", "Kazakhstan")), sev("Sanction", ["russia", "kz"]), True, False),
        (
            GoldEvent("ANNIVERSARY", ("Russia", "Kazakhstan")),
            sev("Anniversary", ["kz", "russia"]),
            True,
            False,
        ),
        (GoldEvent("ACCUSE", ("Sergey Lavrov",)), sev("Accuse", ["lavrov"]), True, False),
    ],
)
def test_event_matching(gold_event, stored_event, found, speaker_ok):
    s = stored(*S_ENTS.values(), events=[stored_event])
    assert E.event_match(gold_event, stored_event, G_DOC, s) == (found, speaker_ok)


def test_events_are_paired_one_to_one_with_precision_per_class():
    g = gold(
        [LAVROV, RUSSIA, KAZ],
        events=[
            GoldEvent("STATEMENT", ("Sergey Lavrov",), ("Sergey Lavrov",)),
            GoldEvent("STATEMENT", ("Sergey Lavrov",), ("Sergey Lavrov",)),
            GoldEvent("MEET", ("Russia", "Kazakhstan")),
        ],
    )
    s = stored(
        S_ENTS["lavrov"],
        S_ENTS["russia"],
        S_ENTS["kz"],
        events=[
            sev("Statement", speakers=["lavrov"], iri="s1"),
            sev("Consult", ["russia", "kz"], iri="c1"),
            sev("Consult", ["russia", "kz"], iri="c2"),
            sev("Accuse", ["russia"], iri="a1"),
        ],
    )
    t = E.score_events(g, s)
    assert counts(t, "events.recall") == (2, 3)
    assert counts(t, "events.recall.STATEMENT") == (1, 2)
    assert counts(t, "events.recall.MEET") == (1, 1)
    assert counts(t, "events.statement_speaker") == (1, 2)
    assert counts(t, "events.precision") == (2, 4)
    assert counts(t, "events.precision.Consult") == (1, 2)
    assert counts(t, "events.precision.Accuse") == (0, 1)
    assert counts(t, "events.precision.Statement") == (1, 1)


def test_matching_keeps_every_gold_event_it_can():
    """The stored event both gold events could take goes to the one with no other choice."""
    assert E.max_matching({0: [0, 1], 1: [0]}) == {0: 1, 1: 0}
    assert E.max_matching({0: [0], 1: [0], 2: []}) in ({0: 0}, {1: 0})


@pytest.mark.parametrize(
    "status, context, context_ok",
    [
        (None, None, 1),
        ("planned", "planned", 1),
        ("planned", None, 0),  # found all the same, context wrong
        (None, "planned", 0),
        ("ongoing", None, 1),
    ],
)
def test_event_context_is_a_separate_figure(status, context, context_ok):
    g = gold([RUSSIA, KAZ], events=[GoldEvent("MEET", ("Russia", "Kazakhstan"), status=status)])
    s = stored(S_ENTS["russia"], S_ENTS["kz"], events=[sev("Consult", ["russia", "kz"], context=context)])
    t = E.score_events(g, s)
    assert counts(t, "events.recall") == (1, 1)
    assert counts(t, "events.context") == (context_ok, 1)


def test_context_prefers_the_right_partner():
    g = gold(
        [RUSSIA, KAZ],
        events=[
            GoldEvent("MEET", ("Russia", "Kazakhstan"), status="planned"),
            GoldEvent("MEET", ("Russia", "Kazakhstan")),
        ],
    )
    s = stored(
        S_ENTS["russia"],
        S_ENTS["kz"],
        events=[
            sev("Consult", ["russia", "kz"], iri="a"),
            sev("Consult", ["russia", "kz"], context="planned", iri="b"),
        ],
    )
    t = E.score_events(g, s)
    assert counts(t, "events.context") == (2, 2)


# --------------------------------------------------------------------------- figures, baseline


def test_figures_f1_and_undefined_ratios():
    t = E.Tally()
    t.add("entities.precision", "en", 3, 4)
    t.add("entities.recall", "en", 3, 6)
    figs, cnt = E.figures_from(t)
    assert figs["entities.f1"]["en"] == pytest.approx(0.6)
    assert figs["entities.precision"]["ru"] is None
    assert figs["positions.f1"]["all"] is None
    assert cnt["entities.recall"]["all"] == [3, 6]


@pytest.mark.parametrize(
    "now, base, dropped",
    [
        (0.80, 0.80, False),
        (0.796, 0.80, False),  # within the tolerance of 0.005
        (0.79, 0.80, True),
        (0.95, 0.80, False),
        (None, 0.80, True),  # no longer measured
        (None, 0.0, False),
    ],
)
def test_compare_with_baseline(now, base, dropped):
    report = {"figures": {"entities.recall": {"en": now, "ru": 1.0, "all": 1.0}}}
    baseline = {"figures": {"entities.recall": {"en": base}}}
    drops = E.compare(report, baseline)
    assert bool(drops) is dropped
    if dropped:
        assert "entities.recall [en]" in drops[0]


def test_baseline_rounds_down():
    report = {
        "figures": {
            "entities.recall": {"en": 0.2999, "ru": 0.29, "all": None},
            "events.recall.MEET": {"en": 0.5},
        }
    }
    assert E.baseline_from(report) == {"figures": {"entities.recall": {"en": 0.29, "ru": 0.29}}}


# --------------------------------------------------------------------------- gold files


def _write(folder: Path, name: str, data) -> Path:
    p = folder / name
    p.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


GOOD = {
    "id": "x",
    "lang": "en",
    "url": None,
    "outlet": "TASS",
    "date": "2021-11-09",
    "title": None,
    "text": "Lavrov spoke.",
    "entities": [
        {"name_en": "Sergey Lavrov", "name_ru": "Сергей Лавров", "type": "Person", "mentions": ["Lavrov"]}
    ],
    "roles": [],
    "events": [
        {
            "type": "STATEMENT",
            "participants": ["Sergey Lavrov"],
            "speaker": "Sergey Lavrov",
            "date": None,
            "place": None,
            "project": None,
            "evidence": "Lavrov spoke.",
        }
    ],
}


def test_read_gold_dir(tmp_path):
    _write(tmp_path, "a.json", GOOD)
    _write(
        tmp_path,
        "b.json",
        dict(
            GOOD,
            id="y",
            lang="ru",
            implicit_entities=[
                {"name_en": "Press office", "name_ru": None, "type": "GovernmentBody", "mentions": []}
            ],
        ),
    )
    (tmp_path / "notes.txt").write_text("not gold")
    docs = E.read_gold_dir(tmp_path)
    assert [d.id for d in docs] == ["x", "y"]
    assert docs[0].events[0].speakers == ("Sergey Lavrov",)
    assert docs[1].implicit[0].name_en == "Press office"
    assert [d.id for d in E.read_gold_dir(tmp_path, skip=[tmp_path / "b.json"])] == ["x"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "invalid JSON"),
        ([1, 2], "top level"),
        ({k: v for k, v in GOOD.items() if k != "entities"}, "missing entities"),
        (dict(GOOD, lang="de"), "'lang'"),
        (dict(GOOD, entities=[{"name_en": "X", "mentions": []}]), "has no 'type'"),
        (dict(GOOD, events=[{"type": "PARTY", "participants": []}]), "events[0]"),
        (dict(GOOD, roles=[{"person": "X"}]), "roles[0]"),
        (dict(GOOD, date="9 Nov 2021"), "'date'"),
    ],
)
def test_malformed_gold_file_names_the_file(tmp_path, content, message):
    path = _write(tmp_path, "bad.json", content)
    with pytest.raises(GoldError) as err:
        E.read_gold_dir(tmp_path)
    assert str(path) in str(err.value) and message in str(err.value)
    assert "\n" not in str(err.value)


def test_duplicate_ids_are_malformed(tmp_path):
    _write(tmp_path, "a.json", GOOD)
    _write(tmp_path, "b.json", GOOD)
    with pytest.raises(GoldError, match="b.json"):
        E.read_gold_dir(tmp_path)


@pytest.mark.parametrize("setup", ["missing", "empty", "file", "malformed"])
def test_cli_exit_2_for_bad_gold(tmp_path, capsys, setup):
    from bilat.cli import main

    target = tmp_path / "gold"
    if setup == "empty":
        target.mkdir()
    elif setup == "file":
        target.write_text("{}")
    elif setup == "malformed":
        target.mkdir()
        _write(target, "bad.json", "[")
    assert main(["eval", str(target)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(target) in err


def test_cli_exit_2_for_unreadable_baseline(tmp_path, capsys):
    from bilat.cli import main

    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    _write(gold_dir, "a.json", GOOD)
    bad = _write(tmp_path, "baseline-bad.json", "{")
    assert main(["eval", str(gold_dir), "--baseline", str(bad)]) == 2
    assert "baseline-bad.json" in capsys.readouterr().err


def test_eval_queries_bind():
    from rdflib import URIRef

    from bilat.graph.sparql import bind, list_queries, load_query, query_kind

    assert {"eval_documents", "eval_entities", "eval_names", "eval_positions", "eval_events"} <= set(
        list_queries()
    )
    doc = URIRef("https://w3id.org/bilat/doc/x")
    for name in ("eval_entities", "eval_positions", "eval_events"):
        assert "VALUES ?doc" in bind(load_query(name), doc=doc)
    assert query_kind(bind(load_query("eval_documents"), id=["a", "b"])) == "SELECT"
    assert "VALUES ?entity" in bind(load_query("eval_names"), entity=[URIRef(ID + "russia")])


def test_read_stored_through_sparql(tmp_path):
    """What the store holds is read back through eval_*.rq: entities, posts and events."""
    from bilat.extract.records import Document, Entity, Event, Extraction, Position
    from bilat.graph.store import ensure_ontology, open_store
    from bilat.graph.write import write_extraction

    doc = Document(
        id="t/1", text="Russian Foreign Minister Sergey Lavrov met Kazakhstan's minister.", lang="en"
    )
    entities = (
        Entity("russia", "Country", (("en", "Russia"), ("ru", "Россия")), (("en", "Russian"),)),
        Entity("kazakhstan", "Country", (("en", "Kazakhstan"),), (("en", "Kazakhstan"),)),
        Entity("person/sergey-lavrov", "Person", (("en", "Sergey Lavrov"),), (("en", "Sergey Lavrov"),)),
    )
    positions = (
        Position(
            "person/sergey-lavrov",
            "Minister of Foreign Affairs",
            "russia",
            0,
            38,
            "Russian Foreign Minister Sergey Lavrov",
        ),
    )
    events = (
        Event(
            "Consult",
            "met",
            39,
            42,
            doc.text,
            0,
            len(doc.text),
            participants=("person/sergey-lavrov", "kazakhstan"),
            context="planned",
        ),
        Event("Statement", "said", 0, 5, doc.text, 0, len(doc.text), speaker=("person/sergey-lavrov",)),
    )
    with open_store(str(tmp_path / "store"), create=True) as store:
        ensure_ontology(store)
        write_extraction(store, Extraction(doc, entities, positions, events), {})
        iris = E.document_iris(store, ["t/1", "missing"])
        assert set(iris) == {"t/1"}
        s = E.read_stored(store, iris["t/1"])
    assert set(s.entities) == {ID + "russia", ID + "kazakhstan", ID + "person/sergey-lavrov"}
    assert s.entities[ID + "russia"].label("ru") == "Россия"
    assert s.entities[ID + "russia"].classes == {"Country"}
    assert "russian" in s.entities[ID + "russia"].names
    [pos] = s.positions
    assert pos.person == ID + "person/sergey-lavrov" and pos.orgs == {ID + "russia"}
    assert pos.titles == {"Minister of Foreign Affairs"}
    by_cls = {ev.cls: ev for ev in s.events}
    assert set(by_cls) == {"Consult", "Statement"}
    assert by_cls["Consult"].participants == {ID + "person/sergey-lavrov", ID + "kazakhstan"}
    assert by_cls["Consult"].context == "planned"
    assert by_cls["Statement"].speakers == {ID + "person/sergey-lavrov"}

    g = gold(
        [LAVROV, RUSSIA, KAZ],
        roles=[GoldRole("Sergey Lavrov", "Foreign Minister", "Russia")],
        events=[
            GoldEvent("MEET", ("Sergey Lavrov", "Kazakhstan"), status="planned"),
            GoldEvent("STATEMENT", ("Sergey Lavrov",), ("Sergey Lavrov",)),
        ],
    )
    assert counts(E.score_entities(g, s).tally, "entities.recall") == (3, 3)
    assert counts(E.score_positions(g, s), "positions.recall") == (1, 1)
    t = E.score_events(g, s)
    assert counts(t, "events.recall") == (2, 2)
    assert counts(t, "events.context") == (2, 2)
    assert E.read_stored(None, None).entities == {}


# --------------------------------------------------------------------------- end to end


def _figures_in_unit_range(report):
    for name, cols in report["figures"].items():
        for col, v in cols.items():
            assert v is None or 0.0 <= v <= 1.0, (name, col, v)


@pytest.mark.slow
def test_eval_end_to_end_on_the_seed_files(tmp_path, capsys):
    from bilat.cli import main

    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for name in ("seed_000_en.json", "seed_002_ru.json"):
        shutil.copy(REGRESSION / name, gold_dir / name)
    out = tmp_path / "eval.json"
    assert main(["eval", str(gold_dir), "--json", str(out)]) == 0
    table = capsys.readouterr().out
    assert "entities.recall" in table and "ingest words/s" in table
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["documents"] == {"en": 1, "ru": 1, "all": 2}
    for name in (
        "entities.precision",
        "entities.recall",
        "entities.f1",
        "entities.canonical_label",
        "entities.type_coarse",
        "entities.type_fine",
        "positions.recall",
        "events.recall",
        "events.statement_speaker",
    ):
        assert set(report["figures"][name]) == {"en", "ru", "all"}
        assert report["figures"][name]["all"] is not None, name
    _figures_in_unit_range(report)
    assert report["ingest"]["all"]["words"] > 0
    assert report["ingest"]["all"]["words_per_second"] > 0

    # --baseline: exit 1 and name the figure when one drops, 0 otherwise
    high = tmp_path / "high.json"
    high.write_text(json.dumps({"figures": {"entities.recall": {"all": 1.01}}}))
    assert main(["eval", str(gold_dir), "--baseline", str(high)]) == 1
    assert "entities.recall [all]" in capsys.readouterr().err
    low = tmp_path / "low.json"
    low.write_text(json.dumps(E.baseline_from(report)))
    assert main(["eval", str(gold_dir), "--baseline", str(low)]) == 0


@pytest.mark.slow
@pytest.mark.parametrize(
    "corpus, baseline_path",
    [(CORPUS, BASELINE), (REGRESSION, REGRESSION_BASELINE), (UNSEEN, UNSEEN_BASELINE)],
    ids=["real-news", "regression", "unseen"],
)
def test_dev_corpus_not_below_baseline(corpus, baseline_path):
    """The regression guards: no figure on a corpus below its baseline."""
    baseline = E.read_baseline(baseline_path)
    report = E.evaluate(corpus)
    _figures_in_unit_range(report)
    drops = E.compare(report, baseline)
    assert not drops, "below the baseline " + str(baseline_path) + ":\n" + "\n".join(drops)


# --------------------------------------------------------------------------- sentence matching

S1, S2 = (0, 40), (41, 90)  # two sentences of a document


@pytest.mark.parametrize(
    "gold_spans, stored_spans, found",
    [
        ((S1,), (S1,), 1),  # same sentence
        ((S1,), ((10, 14),), 1),  # the trigger inside the gold evidence
        (((5, 20),), (S1,), 1),  # gold evidence a clause of the stored sentence
        ((S1,), (S2,), 0),  # right class and participants, another sentence
        ((S1,), (), 0),  # a stored event placed nowhere
        ((S1, S2), (S2,), 1),  # other_evidence (e.g. the headline) counts too
        ((), (S2,), 1),  # a gold event without evidence is matched anywhere
    ],
)
def test_events_are_found_only_on_their_sentence(gold_spans, stored_spans, found):
    g = gold([RUSSIA, KAZ], events=[GoldEvent("MEET", ("Russia", "Kazakhstan"), spans=gold_spans)])
    s = stored(S_ENTS["russia"], S_ENTS["kz"], events=[sev("Consult", ["russia", "kz"], spans=stored_spans)])
    t = E.score_events(g, s)
    assert counts(t, "events.recall") == (found, 1)
    assert counts(t, "events.precision") == (found, 1)


@pytest.mark.parametrize(
    "gold_events, stored_event, recall, precision",
    [
        # a stored event on the sentence of a gold OTHER event: neither right nor wrong
        (
            [GoldEvent("OTHER", ("Russia", "Kazakhstan"), spans=(S1,))],
            sev("Agree", ["russia", "kz"], spans=[S1]),
            (0, 0),
            (0, 0),
        ),
        # ... but wrong elsewhere
        (
            [GoldEvent("OTHER", ("Russia", "Kazakhstan"), spans=(S1,))],
            sev("Agree", ["russia", "kz"], spans=[S2]),
            (0, 0),
            (0, 1),
        ),
        # events bilat marks negated or hypothetical count neither way
        ([], sev("Consult", ["russia", "kz"], context="negated", spans=[S1]), (0, 0), (0, 0)),
        (
            [GoldEvent("MEET", ("Russia", "Kazakhstan"), spans=(S1,))],
            sev("Consult", ["russia", "kz"], context="hypothetical", spans=[S1]),
            (0, 1),
            (0, 0),
        ),
        # a gold event said not to have happened is not scored
        (
            [GoldEvent("MEET", ("Russia", "Kazakhstan"), status="negated", spans=(S1,))],
            sev("Consult", ["russia", "kz"], spans=[S1]),
            (0, 0),
            (0, 0),
        ),
        # a planned event is scored like any other
        (
            [GoldEvent("MEET", ("Russia", "Kazakhstan"), status="planned", spans=(S1,))],
            sev("Consult", ["russia", "kz"], context="planned", spans=[S1]),
            (1, 1),
            (1, 1),
        ),
    ],
)
def test_events_that_count_neither_way(gold_events, stored_event, recall, precision):
    g = gold([RUSSIA, KAZ], events=gold_events)
    s = stored(S_ENTS["russia"], S_ENTS["kz"], events=[stored_event])
    t = E.score_events(g, s)
    assert counts(t, "events.recall") == recall
    assert counts(t, "events.precision") == precision


def test_one_stored_event_finds_one_gold_event():
    """Two gold meetings on one sentence, one stored: one found, not two."""
    g = gold(
        [RUSSIA, KAZ],
        events=[
            GoldEvent("MEET", ("Russia", "Kazakhstan"), spans=(S1,)),
            GoldEvent("VISIT", ("Russia", "Kazakhstan"), spans=(S1,)),
        ],
    )
    s = stored(S_ENTS["russia"], S_ENTS["kz"], events=[sev("Consult", ["russia", "kz"], spans=[S1])])
    assert counts(E.score_events(g, s), "events.recall") == (1, 2)


def test_gold_evidence_spans_come_from_the_text():
    data = {
        "id": "x",
        "lang": "en",
        "text": "Putin met Tokayev. Putin met Tokayev again.",
        "entities": [],
        "roles": [],
        "events": [
            {
                "type": "MEET",
                "participants": [],
                "evidence": "Putin met Tokayev again",
                "other_evidence": ["Putin met"],
            }
        ],
    }
    [ev] = E.parse_gold(data, "x.json").events
    assert ev.spans == ((0, 9), (19, 28), (19, 42))


@pytest.mark.parametrize(
    "gold_type, stored_class, right",
    [
        ("Organization", "GovernmentBody", 1),  # a subclass of the gold type is right
        ("Organization", "MediaOutlet", 1),
        ("GovernmentBody", "Organization", 0),  # a superclass is not
        ("Place", "City", 1),
        ("Place", "Country", 1),
        ("City", "Country", 0),
    ],
)
def test_entity_type_subclass_counts(gold_type, stored_class, right):
    g = gold([GoldEntity("X", None, gold_type, ("X",))])
    s = stored(StoredEntity(ID + "x", (("X", "en"),), (), frozenset({stored_class})))
    assert counts(E.score_entities(g, s).tally, "entities.type_fine") == (right, 1)


@pytest.mark.parametrize(
    "dyad, entities, text, expected",
    [
        (("Russia", "Armenia"), [], "", ("Russia", "Armenia")),
        # no dyad given: the two countries named most often, adjectives included
        (
            (),
            [
                GoldEntity("Russia", None, "Country", ("Russia",), adjectival=("Russian",)),
                GoldEntity("Armenia", None, "Country", ("Armenia",)),
                GoldEntity("Iran", None, "Country", ("Iran",)),
            ],
            "Russian and Armenian talks: Russia, Armenia, Iran, Armenia.",
            ("Armenia", "Russia"),
        ),
    ],
)
def test_dyad_of_a_gold_article(dyad, entities, text, expected):
    g = gold(entities, dyad=dyad)
    g.text = text
    assert E.dyad_of(g) == expected


def test_what_went_wrong_is_listed():
    """--errors: missed and false entities, posts and events, one dict each."""
    g = gold(
        [LAVROV, RUSSIA, KAZ],
        roles=[GoldRole("Sergey Lavrov", "President", "Russia")],
        events=[GoldEvent("MEET", ("Russia", "Kazakhstan"), spans=(S1,), evidence="talks")],
    )
    s = stored(
        S_ENTS["lavrov"],
        S_ENTS["russia"],
        S_ENTS["tass"],
        events=[sev("Consult", ["russia", "kz"], spans=[S2])],
    )
    errs: list = []
    E.score_entities(g, s, errs)
    E.score_positions(g, s, errs)
    E.score_events(g, s, errs)
    kinds = sorted(e["kind"] for e in errs)
    assert kinds == ["entity.false", "entity.missed", "event.false", "event.missed", "position.missed"]
    assert {e["name"] for e in errs if e["kind"] == "entity.missed"} == {"Kazakhstan"}
    assert [e["evidence"] for e in errs if e["kind"] == "event.missed"] == ["talks"]
