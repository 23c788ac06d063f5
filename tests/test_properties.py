"""Property-based tests (Hypothesis) over generated texts, bytes, ids, names and queries.

Each property holds for every input Hypothesis draws; the runs are derandomized, so a failure
shows again on the next run with the same shrunk example. The texts go through the real
pipelines (spaCy, natasha), the queries through a real Oxigraph store.
"""

from __future__ import annotations

import itertools
import re
import string
import sys
import unicodedata

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bilat.extract.ingest import DecodeError, decode_bytes, normalize_id, normalize_text, parse_size
from bilat.extract.pipeline import Extractor, windows
from bilat.extract.records import Document
from bilat.extract.text import match_key, strip_invisible
from bilat.graph import iris
from bilat.graph.sparql import MAX_CHAIN, MAX_NESTING, QueryError, QueryTooDeep, query_kind, run_query

FAST = settings(max_examples=200, deadline=None, derandomize=True)
SLOW = settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\u00ad\ufeff"
)
LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ" + string.ascii_letters
TEXT_CHARS = LETTERS + "0123456789 .,;:!?-—«»\"'()\n\t" + INVISIBLE


def _cf(ch: str) -> bool:
    return unicodedata.category(ch) == "Cf"


# ---------------------------------------------------------------------------- texts


@FAST
@given(st.text(), st.integers(min_value=1, max_value=50))
def test_windows_cover_the_text_in_order(text, size):
    spans = windows(text, size)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (_a, b), (c, _) in itertools.pairwise(spans):
        assert b == c
    assert all(0 < b - a <= size for a, b in spans) or text == ""


@FAST
@given(st.text())
def test_normalized_text_is_clean_and_stable(text):
    out = normalize_text(text)
    assert normalize_text(out) == out
    assert unicodedata.is_normalized("NFC", out)
    assert not any(_cf(c) for c in out), "an invisible format character stayed"
    assert not any(unicodedata.category(c) == "Cc" and c not in "\t\n" for c in out)
    assert not any(unicodedata.category(c) == "Cs" for c in out)


def test_invisible_characters_are_exactly_the_format_category():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    kept = set(strip_invisible(every))
    assert not any(_cf(c) for c in kept)
    removed = {c for c in every if c not in kept}
    # beyond this Python's Unicode version, only code points it does not know yet (Unicode 15's
    # Egyptian hieroglyph format controls)
    assert all(_cf(c) or unicodedata.category(c) == "Cn" for c in removed)


# ---------------------------------------------------------------------------- bytes


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_give_one_decode_error(data):
    try:
        text = decode_bytes(data)
    except DecodeError as e:
        assert str(e) and "\n" not in str(e)
    else:
        assert normalize_text(text) == text and text.strip()


@FAST
@given(st.text(alphabet=TEXT_CHARS, min_size=1, max_size=400))
def test_utf8_text_decodes_to_itself(text):
    assume(normalize_text(text).strip())
    assert decode_bytes(text.encode("utf-8")) == normalize_text(text)


@FAST
@given(
    st.text(alphabet="абвгдежзиклмнопрстуфхцчшщыэюя ,.\n", min_size=60, max_size=600),
    st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from([b"\xff", b"\xfe", b"\xc0", b"\x80", b"\xe2\x82"])),
        min_size=1,
        max_size=3,
    ),
)
def test_damaged_utf8_stays_utf8_and_names_each_bad_byte(text, damage):
    assume(sum(c.isalpha() for c in text) >= 50)
    cuts = sorted({int(f * len(text)): bad for f, bad in damage}.items())
    data, expected, bad_offsets, last = b"", "", set(), 0
    for at, bad in cuts:  # each bad sequence inserted at a character boundary
        data += text[last:at].encode("utf-8")
        expected += text[last:at]
        bad_offsets.update(range(len(data), len(data) + len(bad)))
        data += bad
        expected += "\ufffd" * len(bad)
        last = at
    data += text[last:].encode("utf-8")
    expected += text[last:]
    notes: list[str] = []
    assert decode_bytes(data, notes=notes) == normalize_text(expected)  # never KOI8-R or cp1251
    assert len(notes) == 1 and notes[0].startswith("invalid UTF-8 at byte ")
    named = [int(b) for b in re.findall(r"byte (\d+)", notes[0])]
    assert set(named) <= bad_offsets and len(named) == min(5, len(bad_offsets))


# ---------------------------------------------------------------------------- ids and names

IRI_UNSAFE = re.compile(r"[\s<>\"{}|\\^`]")


@FAST
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)
    | st.lists(st.sampled_from(["..", ".", "", "a", "b", "ёлка", "%2e", "\u202e"]), max_size=8).map("/".join)
)
def test_document_ids_become_safe_iri_segments(doc_id):
    safe = normalize_id(doc_id)
    assert normalize_id(safe) == safe
    assert not any(seg in ("", ".", "..") for seg in safe.split("/")) or safe == ""
    assert not any(_cf(c) for c in safe)
    if safe:
        for iri in (str(iris.document(safe)), str(iris.doc_graph(safe))):
            assert not IRI_UNSAFE.search(iri)
            segments = iri.split("://", 1)[1].split("/")
            assert not any(seg in (".", "..", "%2E", "%2E%2E", "") for seg in segments)


@FAST
@given(st.text(max_size=80))
def test_names_give_plain_entity_iris(name):
    key = "person/" + match_key(name)
    assert re.fullmatch(r"https://w3id\.org/bilat/id/person/[a-z0-9-]*", str(iris.entity(key)))


@FAST
@given(st.integers(min_value=0, max_value=1 << 40), st.sampled_from(["", "K", "M", "G", "kb", "MiB"]))
def test_sizes_read_back(n, unit):
    scale = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[unit[:1].lower()]
    assert parse_size(f"{n}{unit}") == n * scale


# ---------------------------------------------------------------------------- queries


@FAST
@given(st.text(max_size=300))
def test_any_text_is_a_query_or_one_query_error(text):
    try:
        query_kind(text)
    except QueryError as e:
        assert "\n" not in str(e)


LAYERS = {
    "group": ("{ ", " }"),
    "optional": ("{ ?s ?p ?o OPTIONAL { ", " } }"),
    "union": ("{ { ?s ?p ?o } UNION { ", " } }"),
    "filter": ("{ ?s ?p ?o FILTER(", ") }"),
}


@st.composite
def nested_queries(draw):
    """A SELECT nested ``depth`` groups deep with a chain of ``chain`` operators inside."""
    layers = draw(st.lists(st.sampled_from(["group", "optional", "union"]), max_size=180))
    op = draw(st.sampled_from(["+", "&&", "!", "UNION", "|"]))
    chain = draw(st.integers(min_value=0, max_value=1800))
    if op == "UNION":
        core = " UNION ".join(["{ ?s ?p ?o }"] * (chain + 1))
    elif op == "|":
        core = "?s " + "|".join(["<http://x/p>"] * (chain + 1)) + " ?o"
    elif op == "!":
        core = "?s ?p ?o FILTER(" + "!" * chain + "true)"
    else:
        core = (
            "?s ?p ?o FILTER("
            + f" {op} ".join(["true" if op == "&&" else "1"] * (chain + 1))
            + (" > 0" if op == "+" else "")
            + ")"
        )
    q = "{ " + core + " }"
    for name in reversed(layers):
        a, b = LAYERS[name]
        q = a + q + b
    return "SELECT * WHERE " + q, layers, op, chain


@settings(max_examples=120, deadline=None, derandomize=True)
@given(nested_queries())
def test_deep_queries_are_refused_before_the_parser_and_the_rest_run(case):
    query, layers, op, chain = case
    store = ox.Store()
    store.add(
        ox.Quad(
            ox.NamedNode("http://x/s"),
            ox.NamedNode("http://x/p"),
            ox.Literal("o"),
            ox.NamedNode("http://x/g"),
        )
    )
    # what check_nesting counts: brackets open at the core, and operator characters chained
    layer_brackets = sum(2 if n in ("optional", "union") else 1 for n in layers)
    depth = layer_brackets + (1 if op == "|" else 2)
    ops = {"+": chain + 1, "&&": 2 * chain, "!": chain, "UNION": chain, "|": chain}[op]
    at_core = layer_brackets + (2 if op in ("+", "&&", "!") else 1)
    too_deep = depth > MAX_NESTING or (ops > 0 and ops + layers.count("union") + at_core > MAX_CHAIN)
    try:
        run_query(store, query)  # a crash of the parser would end this process
    except QueryTooDeep as e:
        assert "\n" not in str(e) and str(e).startswith("query nested too deeply at line 1")
        assert too_deep
    else:
        assert not too_deep


# ---------------------------------------------------------------------------- the pipeline

NAMES = {
    "en": [
        "Sergey Lavrov",
        "Mukhtar Tleuberdi",
        "Kassym-Jomart Tokayev",
        "Vladimir Putin",
        "Russia",
        "Kazakhstan",
        "Astana",
        "Moscow",
        "the Foreign Ministry",
        "Baikonur",
        "Ivan Petrovsky",
        "Russian Foreign Minister Sergey Lavrov",
    ],
    "ru": [
        "Сергей Лавров",
        "Мухтар Тлеуберди",
        "Касым-Жомарт Токаев",
        "Владимир Путин",
        "Россия",
        "Казахстан",
        "Астана",
        "Москва",
        "МИД России",
        "Байконур",
        "Иван Петровский",
        "министр иностранных дел России Сергей Лавров",
    ],
}
VERBS = {
    "en": [
        "met",
        "said that",
        "visited",
        "thanked",
        "signed an agreement with",
        "criticized",
        "held talks with",
    ],
    "ru": [
        "встретился с",
        "заявил, что",
        "посетил",
        "поблагодарил",
        "подписал соглашение с",
        "провёл переговоры с",
    ],
}


@st.composite
def news_texts(draw, lang):
    """Sentences of names and verbs, with noise: invisible characters, odd spacing, quotes,
    line and paragraph breaks."""
    out = []
    for _ in range(draw(st.integers(min_value=1, max_value=12))):
        a, b = draw(st.sampled_from(NAMES[lang])), draw(st.sampled_from(NAMES[lang]))
        verb = draw(st.sampled_from(VERBS[lang]))
        s = f"{a} {verb} {b}"
        if draw(st.booleans()):
            at = draw(st.integers(min_value=0, max_value=len(s)))
            s = s[:at] + draw(st.sampled_from(INVISIBLE)) + s[at:]
        s += draw(st.sampled_from([".", ". ", "!", ";", ', - "', "»."]))
        out.append(s + draw(st.sampled_from([" ", "\n", "\n\n", "  "])))
    return "".join(out)


def _check_extraction(text: str, ex) -> None:
    for e in ex.entities:
        for _lg, label in e.labels + e.alt_labels:
            assert label.strip() and not any(_cf(c) for c in label), (e.key, label)
        assert re.fullmatch(r"https://w3id\.org/bilat/id/[A-Za-z0-9/%._~-]+", str(iris.entity(e.key)))
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    for ev in ex.events:
        assert text[ev.start : ev.end] == ev.trigger
        assert text[ev.sentence_start : ev.sentence_end] == ev.evidence
        assert ev.participants or ev.speaker or ev.source
    for p in ex.positions:
        assert text[p.start : p.end] == p.evidence


@pytest.fixture(scope="module")
def small_windows(kb_entries):
    ex = Extractor(kb_entries)
    ex.window_chars = 150  # many windows, so that joining them is tested too
    return ex


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_generated_texts_give_consistent_extractions(lang, extractor, small_windows):
    @SLOW
    @given(news_texts(lang))
    def run(raw):
        text = normalize_text(raw)
        assume(text.strip())
        doc = Document(id="p", text=text, lang=lang, date="2022-10-14")
        whole = extractor(doc)
        _check_extraction(text, whole)
        _check_extraction(text, small_windows(doc))
        # a state named in the text is found, whole or in windows
        for name, key in (
            ("Russia", "russia"),
            ("Kazakhstan", "kazakhstan"),
            ("Россия", "russia"),
            ("Казахстан", "kazakhstan"),
        ):
            if re.search(rf"(?<!\w){name}(?!\w)", text):
                assert key in {e.key for e in whole.entities}
                assert key in {e.key for e in small_windows(doc).entities}

    run()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
