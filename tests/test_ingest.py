"""Reading files and folders into Documents (bilat.extract.ingest)."""

from __future__ import annotations

import codecs
import json
import unicodedata
from pathlib import Path

import pytest

from bilat.extract.ingest import (
    DecodeError,
    Notice,
    Problem,
    decode_bytes,
    normalize_id,
    normalize_text,
    parse_date,
    parse_size,
    read_documents,
    read_paths,
)
from bilat.extract.records import Document

DATA = Path(__file__).parent / "data" / "ingest"

RU_TEXT = (
    "МОСКВА, 9 ноября. Министр иностранных дел России Сергей Лавров провёл переговоры "
    "с главой МИД Казахстана Мухтаром Тлеуберди.\nСтороны обсудили аренду космодрома "
    "«Байконур» — и сотрудничество в ОДКБ.\n"
)
EN_TEXT = (
    "ASTANA, March 3. Kazakhstan\u2019s President Kassym-Jomart Tokayev said the \u201c"
    "strategic partnership\u201d with Russia remains a priority \u2014 and praised the "
    "caf\u00e9 owners of Astana.\n"
)


def read_all(*paths):
    return list(read_paths([str(p) for p in paths]))


def only_doc(items):
    docs = [x for x in items if isinstance(x, Document)]
    assert len(docs) == 1 and len(items) == 1, items
    return docs[0]


def only_problem(items):
    problems = [x for x in items if isinstance(x, Problem)]
    assert len(problems) == 1 and len(items) == 1, items
    return problems[0]


# ---------------------------------------------------------------------------- encodings


def _utf16le_no_bom(s: str) -> bytes:
    return s.encode("utf-16-le")


ENCODINGS = [
    ("utf-8", RU_TEXT, lambda s: s.encode("utf-8")),
    ("utf-8-bom", RU_TEXT, lambda s: codecs.BOM_UTF8 + s.encode("utf-8")),
    ("utf-16-le-bom", RU_TEXT, lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le")),
    ("utf-16-be-bom", RU_TEXT, lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be")),
    ("utf-16-le-no-bom", RU_TEXT, _utf16le_no_bom),
    ("utf-32-bom", RU_TEXT, lambda s: s.encode("utf-32")),
    ("cp1251", RU_TEXT, lambda s: s.encode("cp1251")),
    ("koi8-r", RU_TEXT.replace("«", '"').replace("»", '"').replace("—", "-"), lambda s: s.encode("koi8-r")),
    ("crlf-utf-8", RU_TEXT, lambda s: s.replace("\n", "\r\n").encode("utf-8")),
    ("crlf-cp1251", RU_TEXT, lambda s: s.replace("\n", "\r\n").encode("cp1251")),
    ("en-utf-8", EN_TEXT, lambda s: s.encode("utf-8")),
    ("en-cp1252", EN_TEXT, lambda s: s.encode("cp1252")),
    ("en-utf-16-bom", EN_TEXT, lambda s: s.encode("utf-16")),
]


@pytest.mark.parametrize("name,text,encode", ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_every_encoding_decodes_to_the_same_text(tmp_path, name, text, encode):
    path = tmp_path / "article.txt"
    path.write_bytes(encode(text))
    doc = only_doc(read_all(path))
    assert doc.text == text
    assert doc.id == "article"
    assert doc.path == str(path)
    assert doc.title is None and doc.lang is None


def test_nfd_text_is_composed(tmp_path):
    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", RU_TEXT), encoding="utf-8")
    assert "й" not in unicodedata.normalize("NFD", "й")  # sanity: NFD splits it
    assert only_doc(read_all(path)).text == RU_TEXT


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("a\r\nb\rc\n", "a\nb\nc\n"),
        ("\ufeffHello", "Hello"),
        ("tab\there", "tab\there"),
        ("bell\x07 and \x00nul", "bell and nul"),
        ("page\x0cbreak", "page\nbreak"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        (unicodedata.normalize("NFD", "Ёлка"), "Ёлка"),
    ],
)
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


# ---------------------------------------------------------------------------- bad files

BAD_FILES = [
    (
        "picture.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        "binary file",
    ),
    ("random.txt", bytes((i * 7919 + 13) % 256 for i in range(4000)), "binary file"),
    ("controls.md", b"\x01\x02\x03\x04\x05\x06\x07\x08" * 50 + b"\xff\xfe", "binary file"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \r\n\t\n   \n", "empty file"),
    ("blank-utf16.txt", codecs.BOM_UTF16_LE + "   \n ".encode("utf-16-le"), "empty file"),
    ("bad-bom.txt", codecs.BOM_UTF8 + b"caf\xe9", "invalid UTF-8"),
    ("empty.jsonl", b"\n\n", "empty file"),
    ("binary.jsonl", b'{"id": "a"}\x00\x00\x00\x01', "binary file"),
    ("binary.html", b"<html>\x00\x00\x01\x02" * 100, "binary file"),
    ("empty.json", b"", "empty file"),
]


@pytest.mark.parametrize("name,data,message", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_give_a_problem_naming_the_file(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    problem = only_problem(read_all(path))
    assert problem.path == str(path)
    assert message in problem.message
    assert str(problem).startswith(f"{path}: ")


@pytest.mark.parametrize(
    "name,message",
    [
        ("missing.txt", "no such file or directory"),
        ("notes.pdf", "unsupported file type '.pdf'"),
        ("README", "unsupported file type '(no extension)'"),
    ],
)
def test_explicit_paths_that_cannot_be_read(tmp_path, name, message):
    path = tmp_path / name
    if name != "missing.txt":
        path.write_text("some text here", encoding="utf-8")
    problem = only_problem(read_all(path))
    assert problem.path == str(path) and problem.line is None
    assert message in problem.message


def test_empty_folder_is_a_problem(tmp_path):
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    problem = only_problem(read_all(tmp_path))
    assert "no input files" in problem.message


@pytest.mark.parametrize(
    "problem,text",
    [
        (Problem("a/b.jsonl", 2, "missing 'text'"), "a/b.jsonl:2: missing 'text'"),
        (Problem("a/b.txt", None, "binary file"), "a/b.txt: binary file"),
    ],
)
def test_problem_is_one_line(problem, text):
    assert str(problem) == text


# ---------------------------------------------------------------------------- JSONL / JSON


def test_jsonl_broken_second_line(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "a1",
                "text": RU_TEXT,
                "date": "2021-11-09",
                "lang": "ru",
                "source": "TASS",
                "url": "https://tass.ru/1",
                "title": "Лавров",
            },
            ensure_ascii=False,
        )
        + "\n"
        + '{"id": "a2", "text": "broken\n',
        encoding="utf-8",
    )
    items = read_all(path)
    assert len(items) == 2
    doc, problem = items
    assert doc == Document(
        id="a1",
        text=RU_TEXT,
        lang="ru",
        title="Лавров",
        date="2021-11-09",
        url="https://tass.ru/1",
        source="TASS",
        path=str(path),
        line=1,
    )
    assert isinstance(problem, Problem)
    assert (problem.path, problem.line) == (str(path), 2)
    assert problem.message.startswith("invalid JSON")
    assert str(problem).startswith(f"{path}:2: invalid JSON")


BAD_LINES = [
    ('{"id": "x", "text": "ok", ', "invalid JSON"),
    ('["id", "text"]', "expected a JSON object, got a list"),
    ('{"text": "no id"}', "missing 'id'"),
    ('{"id": "x"}', "missing 'text'"),
    ('{"id": 7, "text": "numeric id"}', "'id' must be a string, got a number"),
    ('{"id": "  ", "text": "blank id"}', "'id' is empty"),
    ('{"id": "x", "text": ["a"]}', "'text' must be a string, got a list"),
    ('{"id": "x", "text": "   "}', "'text' is empty"),
    ('{"id": "x", "text": "t", "title": 5}', "'title' must be a string"),
    ('{"id": "x", "text": "t", "date": "09.11.2021"}', "'date' must be YYYY-MM-DD"),
    ('{"id": "x", "text": "t", "date": "2021-02-30"}', "'date' must be YYYY-MM-DD"),
    ('{"id": "x", "text": "t", "date": 20211109}', "'date' must be a string"),
    ('{"id": "x", "text": "t", "lang": "de"}', "unsupported language 'de'"),
]


@pytest.mark.parametrize("line,message", BAD_LINES, ids=[m for _, m in BAD_LINES])
def test_jsonl_bad_lines_are_reported_and_reading_goes_on(tmp_path, line, message):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "first", "text": "First."}\n\n' + line + '\n{"id": "last", "text": "Last."}\n',
        encoding="utf-8",
    )
    items = read_all(path)
    assert [type(x).__name__ for x in items] == ["Document", "Problem", "Document"]
    first, problem, last = items
    assert (first.id, first.line) == ("first", 1)
    assert (problem.line, last.id, last.line) == (3, "last", 4)
    assert message in problem.message


@pytest.mark.parametrize(
    "fields,expected",
    [
        ({"lang": "EN"}, {"lang": "en"}),
        ({"lang": "ru-RU"}, {"lang": "ru"}),
        ({"lang": None, "title": None, "date": None}, {}),
        ({"date": "2021-11-09T23:30:00+06:00"}, {"date": "2021-11-09"}),
        ({"outlet": "TASS (tass.com)"}, {"source": "TASS (tass.com)"}),
        ({"source": "Kazinform", "outlet": "other"}, {"source": "Kazinform"}),
        ({"title": "  Title  ", "url": ""}, {"title": "Title"}),
        ({"entities": [], "notes": "extra keys are ignored"}, {}),
    ],
)
def test_jsonl_optional_fields(tmp_path, fields, expected):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "d", "text": "Text.", **fields}) + "\n", encoding="utf-8")
    doc = only_doc(read_all(path))
    assert doc == Document(id="d", text="Text.", path=str(path), line=1, **expected)


def test_jsonl_mostly_utf8_with_one_bad_line(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "a", "text": RU_TEXT}, ensure_ascii=False).encode("utf-8")
    bad = '{"id": "b", "text": "Лавров"}'.encode("cp1251")
    good2 = json.dumps({"id": "c", "text": "Москва"}, ensure_ascii=False).encode("utf-8")
    path.write_bytes(good + b"\n" + bad + b"\n" + good2 + b"\n")
    items = read_all(path)
    assert [(type(x).__name__, x.line) for x in items] == [("Document", 1), ("Problem", 2), ("Document", 3)]
    assert "invalid UTF-8" in items[1].message
    assert items[0].text == RU_TEXT


def test_jsonl_in_cp1251_and_utf16(tmp_path):
    line = json.dumps({"id": "a", "text": RU_TEXT}, ensure_ascii=False) + "\r\n"
    for name, data in [("a.jsonl", line.encode("cp1251")), ("b.jsonl", line.encode("utf-16"))]:
        (tmp_path / name).write_bytes(data)
    a, b = read_all(tmp_path / "a.jsonl"), read_all(tmp_path / "b.jsonl")
    assert only_doc(a).text == RU_TEXT and only_doc(b).text == RU_TEXT


def test_json_list(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(
        json.dumps(
            [
                {"id": "en-1", "text": EN_TEXT, "lang": "en", "date": "2022-03-03"},
                {"id": "ru-1", "text": RU_TEXT, "source": "ТАСС"},
                {"id": "bad", "text": "x", "date": "yesterday"},
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    items = read_all(path)
    assert [x.id for x in items[:2]] == ["en-1", "ru-1"]
    assert items[0].date == "2022-03-03" and items[0].lang == "en"
    assert items[1].source == "ТАСС" and items[1].path == str(path) and items[1].line is None
    assert isinstance(items[2], Problem) and items[2].message.startswith("item 3: ")


def test_json_single_object_and_gold_file(tmp_path):
    gold = {
        "id": "seed_000_en",
        "lang": "en",
        "url": None,
        "outlet": "TASS (tass.com)",
        "date": "2021-11-09",
        "title": None,
        "text": EN_TEXT,
        "entities": [{"key": "russia"}],
        "events": [],
        "notes": "gold",
    }
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"text": RU_TEXT}, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "other.json").write_text('{"precision": 0.9}', encoding="utf-8")
    items = read_all(tmp_path)
    gold_doc, one, other = items
    assert gold_doc == Document(
        id="seed_000_en",
        text=EN_TEXT,
        lang="en",
        date="2021-11-09",
        source="TASS (tass.com)",
        path=str(tmp_path / "gold.json"),
    )
    assert (one.id, one.text) == ("one", RU_TEXT)  # no id: the file's id
    assert isinstance(other, Problem) and "not a document" in other.message


def test_json_syntax_error_has_a_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[\n {"id": "a", "text": "t"},\n {"id": }\n]', encoding="utf-8")
    problem = only_problem(read_all(path))
    assert problem.line == 3 and "invalid JSON" in problem.message


# ---------------------------------------------------------------------------- HTML


def test_html_news_page():
    path = DATA / "tass_lavrov.html"
    doc = only_doc(read_all(path))
    assert doc.id == "tass_lavrov"
    assert doc.text.startswith("MOSCOW, November 9. Russian Foreign Minister Sergey Lavrov")
    assert doc.text.rstrip().endswith("between their ministries for 2022 and 2023.")
    assert "Tleuberdi said that Kazakhstan values" in doc.text
    for boilerplate in (
        "cookie",
        "Subscribe",
        "Politics",
        "All rights reserved",
        "Privacy",
        "newsletter",
        "Read more",
        "Oil prices",
        "Share on",
    ):
        assert boilerplate not in doc.text, boilerplate
    assert doc.title == "Lavrov, Tleuberdi discuss Baikonur lease and CSTO agenda"
    assert doc.date == "2021-11-09"  # published, not modified
    assert doc.url == "https://news.example.com/world/2021/11/09/lavrov-tleuberdi"
    assert doc.source == "World News Daily"


def test_html_in_windows_1251(tmp_path):
    body = "".join(f"<p>{para}</p>" for para in RU_TEXT.strip().split("\n")) * 2
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; '
        'charset=windows-1251"><title>Лавров и Тлеуберди</title>'
        '<meta property="article:published_time" content="2021-11-09"></head>'
        f'<body><nav><a href="/">Главная</a></nav><article>{body}</article>'
        "<footer>© ТАСС</footer></body></html>"
    )
    path = tmp_path / "ru.htm"
    path.write_bytes(page.encode("cp1251"))
    doc = only_doc(read_all(path))
    assert "Сергей Лавров провёл переговоры" in doc.text
    assert "Главная" not in doc.text
    assert doc.title == "Лавров и Тлеуберди" and doc.date == "2021-11-09"


def test_html_without_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text(
        '<html><head><title>Nothing</title></head><body><nav><a href="/">Home</a>'
        ' <a href="/world">World</a></nav><footer>(c) 2021 News. All rights '
        "reserved.</footer></body></html>",
        encoding="utf-8",
    )
    problem = only_problem(read_all(path))
    assert problem.path == str(path) and "no article text" in problem.message


# ---------------------------------------------------------------------------- folders


def _tree(root: Path) -> None:
    files = {
        "b.txt": "Second file.",
        "a.md": "# Lavrov visits Astana\n\nThe text.",
        "2021/11/tass-001.txt": RU_TEXT,
        "2021/11/tass-001.meta.json": json.dumps(
            {
                "title": "Лавров",
                "date": "2021-11-09",
                "source": "ТАСС",
                "lang": "ru",
                "url": "https://tass.ru/1",
            }
        ),
        "2021/page.html": (DATA / "tass_lavrov.html").read_text(encoding="utf-8"),
        "2021/page.meta.json": json.dumps({"source": "TASS"}),
        "feeds/x.jsonl": '{"id": "feed-1", "text": "From a feed."}\n',
        "notes.pdf": "%PDF-1.4 skipped silently",
        "image.png": "skipped",
        ".hidden/secret.txt": "hidden folders are skipped",
        ".DS_Store.txt": "hidden files are skipped",
        "orphan.meta.json": "{}",
    }
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def test_folder_recursion_ids_and_sidecars(tmp_path):
    root = tmp_path / "in"
    _tree(root)
    items = read_all(root)
    summary = [(x.id, x.path) if isinstance(x, Document) else ("PROBLEM", x.path) for x in items]
    assert summary == [
        ("2021/11/tass-001", str(root / "2021/11/tass-001.txt")),
        ("2021/page", str(root / "2021/page.html")),
        ("a", str(root / "a.md")),
        ("b", str(root / "b.txt")),
        ("feed-1", str(root / "feeds/x.jsonl")),
        ("PROBLEM", str(root / "orphan.meta.json")),
    ]
    tass, page, md, _, _, orphan = items
    assert (tass.title, tass.date, tass.source, tass.lang, tass.url) == (
        "Лавров",
        "2021-11-09",
        "ТАСС",
        "ru",
        "https://tass.ru/1",
    )
    assert page.source == "TASS" and page.date == "2021-11-09"  # sidecar overrides site name
    assert md.title == "Lavrov visits Astana" and md.text.startswith("# Lavrov visits Astana")
    assert "without a document" in orphan.message
    # the same folder again gives the same sequence (deterministic)
    assert read_all(root) == items


def test_ids_relative_to_the_folder_given(tmp_path):
    _tree(tmp_path / "in")
    items = read_all(tmp_path / "in" / "2021")
    assert [x.id for x in items] == ["11/tass-001", "page"]
    single = read_all(tmp_path / "in" / "2021" / "11" / "tass-001.txt")
    assert only_doc(single).id == "tass-001" and single[0].title == "Лавров"


def test_bad_sidecar_is_a_problem(tmp_path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"date": "9 Nov 2021"}', encoding="utf-8")
    problem = only_problem(read_all(tmp_path))
    assert problem.path == str(tmp_path / "a.meta.json") and "'date'" in problem.message


def test_duplicate_ids_and_repeated_paths(tmp_path):
    (tmp_path / "a.txt").write_text("Text one.", encoding="utf-8")
    (tmp_path / "a.md").write_text("Text two.", encoding="utf-8")
    items = read_all(tmp_path, tmp_path / "a.txt")  # a.txt twice: read once
    assert [type(x).__name__ for x in items] == ["Document", "Problem"]
    assert items[0].path == str(tmp_path / "a.md")
    assert "duplicate id 'a'" in items[1].message and items[1].path == str(tmp_path / "a.txt")


def test_read_documents_splits(tmp_path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    docs, problems = read_documents([tmp_path])
    assert [d.id for d in docs] == ["a"] and [p.message for p in problems] == ["empty file"]


# ---------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2021-11-09", "2021-11-09"),
        (" 2021-11-09 ", "2021-11-09"),
        ("", None),
        (None, None),
        ("2021-11-09T10:00:00Z", "2021-11-09"),
        ("2021-11-09 10:00", "2021-11-09"),
        ("2021-11-9", ValueError),
        ("2021-13-01", ValueError),
        ("09.11.2021", ValueError),
        ("2021-11-09garbage", ValueError),
        (20211109, ValueError),
    ],
)
def test_parse_date(value, expected):
    if expected is ValueError:
        with pytest.raises(ValueError):
            parse_date(value)
    else:
        assert parse_date(value) == expected


def test_decode_bytes_raises_decode_error_only():
    with pytest.raises(DecodeError, match="binary file"):
        decode_bytes(b"\x00\x01\x02\x03")
    assert decode_bytes("Привет".encode("cp1251")) == "Привет"


# ---------------------------------------------------------------------------- issue 11: no silent loss


def _with_bad_byte(text: str, at: int, byte: bytes = b"\xff") -> tuple[bytes, int]:
    """UTF-8 of ``text`` with ``byte`` inserted before character ``at``; (data, byte offset)."""
    head = text[:at].encode("utf-8")
    return head + byte + text[at:].encode("utf-8"), len(head)


def test_utf8_with_one_bad_byte_stays_utf8_and_says_where():
    data, offset = _with_bad_byte(RU_TEXT, 40)
    notes: list[str] = []
    text = decode_bytes(data, notes=notes)
    assert text == normalize_text(RU_TEXT[:40] + "\ufffd" + RU_TEXT[40:])  # not KOI8-R
    assert notes == [f"invalid UTF-8 at byte {offset} (line 1): read as UTF-8, the byte replaced by U+FFFD"]


def test_bad_bytes_become_one_warning_line_before_the_document(tmp_path):
    text = RU_TEXT * 3
    data = text.encode("utf-8")
    for at in (30, 200, 300):  # three bad bytes, on lines 1, 3 and 3
        i = len(text[:at].encode("utf-8"))
        data = data[:i] + b"\xc3" + data[i:]
        text = text[:at] + "\x00" + text[at:]  # keep the character positions aligned
    path = tmp_path / "ru.txt"
    path.write_bytes(data)
    notice, doc = read_all(path)
    assert isinstance(notice, Notice) and isinstance(doc, Document)
    line = str(notice)
    assert line.startswith(f"{path}: warning: invalid UTF-8 at byte ") and "\n" not in line
    assert line.count("byte ") == 3 and "(line 1)" in line and line.count("(line 3)") == 2
    assert doc.text.count("\ufffd") == 3 and "Лавров" in doc.text


@pytest.mark.parametrize(
    "name,data,expected",
    [
        # not UTF-8 at all: the 8-bit encodings still decide, with no warning
        ("cp1251", RU_TEXT.encode("cp1251"), RU_TEXT),
        (
            "koi8-r",
            RU_TEXT.replace("«", '"').replace("»", '"').replace("—", "-").encode("koi8-r"),
            RU_TEXT.replace("«", '"').replace("»", '"').replace("—", "-"),
        ),
        ("latin", "caf\u00e9 na\u00efve".encode("cp1252"), "caf\u00e9 na\u00efve"),
        # too many invalid bytes for a UTF-8 text: not trusted as UTF-8
        ("mostly-bad", "Лавров".encode() + b"\xe0\xe1\xe2\xe3\xe4\xe5 \xf0\xf1\xf2 \xe6\xe7", None),
    ],
)
def test_other_encodings_are_not_mistaken_for_damaged_utf8(name, data, expected):
    notes: list[str] = []
    text = decode_bytes(data, notes=notes)
    assert notes == []
    if expected is not None:
        assert text == expected
    else:
        assert "\ufffd" not in text


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("Lav\u200brov", "Lavrov"),  # zero-width space
        ("\u202eevil\u202c name", "evil name"),  # right-to-left override, pop
        ("a\u2066b\u2069c\u200fd\u200ee", "abcde"),  # isolates, marks
        ("zero\u200d\u200cjoin\u2060er", "zerojoiner"),  # joiners, word joiner
        ("soft\u00adhyphen \ufeffbom", "softhyphen bom"),
        ("line\u2028para\u2029end", "line\npara\nend"),
        ("Россия — Казахстан", "Россия — Казахстан"),  # visible characters stay
    ],
)
def test_normalize_text_removes_invisible_characters(raw, expected):
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("../x", "x"),
        ("a/../../x", "x"),
        ("./a//b/", "a/b"),
        ("/abs/path", "abs/path"),
        ("news/2021/../2022/a", "news/2022/a"),
        ("...", "..."),  # not a dot segment
        ("a\u200b/b", "a/b"),
        (unicodedata.normalize("NFD", "ёлка"), "ёлка"),
        ("..", ""),
        ("plain-id", "plain-id"),
    ],
)
def test_normalize_id(raw, expected):
    assert normalize_id(raw) == expected


def test_changed_ids_are_told_and_dot_only_ids_refused(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {"id": "../../etc/passwd", "text": "One."},
                {"id": "..", "text": "Two."},
                {"id": "ok", "text": "Three."},
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    items = read_all(path)
    assert [type(x).__name__ for x in items] == ["Notice", "Document", "Problem", "Document"]
    assert (
        str(items[0])
        == f"{path}:1: warning: id '../../etc/passwd' is written 'etc/passwd' (safe IRI segments)"
    )
    assert items[1].id == "etc/passwd"
    assert items[2].line == 2 and "empty once its '.' and '..' segments are resolved" in items[2].message


@pytest.mark.parametrize(
    "text,expected",
    [
        ("16M", 16 << 20),
        ("16m", 16 << 20),
        ("500K", 500 << 10),
        ("500 kb", 500 << 10),
        ("2G", 2 << 30),
        ("1.5M", 3 << 19),
        ("12", 12),
        ("0", 0),
        (" 3MiB ", 3 << 20),
    ],
)
def test_parse_size(text, expected):
    assert parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "M", "-1", "ten", "5 MBs", "1e6"])
def test_parse_size_refuses(text):
    with pytest.raises(ValueError, match="not a size"):
        parse_size(text)


def test_a_file_above_the_limit_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:  # 20 GB, sparse: reading it would take the machine's memory
        f.truncate(20 << 30)
    small = tmp_path / "small.txt"
    small.write_text("Sergey Lavrov met Mukhtar Tleuberdi.", encoding="utf-8")
    items = list(read_paths([huge, small], max_bytes=1 << 20))
    assert str(items[0]) == (
        f"{huge}: too large: 20480.0 MB, more than the limit of 1.0 MB per "
        "document (raise it with --max-size or $BILAT_MAX_SIZE)"
    )
    assert isinstance(items[1], Document) and items[1].id == "small"


def test_a_record_above_the_limit_is_a_problem_of_its_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        json.dumps({"id": "big", "text": "Слово " * 400}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": "small", "text": "Слово."}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    problem, doc = read_paths([path], max_bytes=1000)
    assert problem.line == 1 and problem.message.startswith("'text' is too large: 4,400 bytes")
    assert doc.id == "small"


def test_a_large_jsonl_file_is_read_line_by_line(tmp_path, monkeypatch):
    import bilat.extract.readers as readers

    monkeypatch.setattr(readers, "STREAM_JSONL_BYTES", 100)  # every file here is "large"
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "a", "text": RU_TEXT}, ensure_ascii=False).encode("utf-8")
    bad = '{"id": "b", "text": "Лавров"}'.encode("cp1251")
    path.write_bytes(codecs.BOM_UTF8 + good + b"\r\n" + bad + b"\n\n" + good.replace(b'"a"', b'"c"') + b"\n")
    calls = []
    real = readers._read_bytes
    monkeypatch.setattr(readers, "_read_bytes", lambda p: calls.append(p) or real(p))
    items = list(read_paths([path]))
    assert calls == []  # never read whole
    assert [type(x).__name__ for x in items] == ["Document", "Problem", "Document"]
    assert items[0].text == RU_TEXT and items[0].line == 1
    assert str(items[1]) == f"{path}:2: invalid UTF-8 at column 22"
    assert items[2].id == "c" and items[2].line == 4
    # a wholly 8-bit file is still read whole, as one text
    path.write_bytes((json.dumps({"id": "d", "text": RU_TEXT}, ensure_ascii=False) + "\n").encode("cp1251"))
    assert [x.text for x in read_paths([path])] == [RU_TEXT]
