"""The one spaCy Doc API for both languages, on the real pipelines."""

import pytest

from bilat.extract import nlp


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "Russian Foreign Minister Sergey Lavrov met Kazakh officials in Astana.\n\n" * 30),
        ("ru", "Глава МИД РФ Сергей Лавров встретился с коллегой в Астане.\n\n" * 30),
    ],
)
def test_long_texts_are_parsed_in_pieces_with_the_same_offsets(lang, text):
    whole = nlp.parse(text, lang)
    pieces = nlp.parse(text, lang, piece_chars=500)
    assert pieces.text == text == whole.text
    assert [(e.start_char, e.end_char, e.label_) for e in pieces.ents] == [
        (e.start_char, e.end_char, e.label_) for e in whole.ents
    ]
    for e in pieces.ents:
        assert text[e.start_char : e.end_char] == e.text


@pytest.mark.parametrize(
    "text,size",
    [
        ("a. b. c.", 3),
        ("x" * 50, 7),
        ("line one\nline two\n\npara two", 10),
        ("", 5),
    ],
)
def test_pieces_join_back_to_the_text(text, size):
    parts = nlp.pieces(text, size)
    assert "".join(parts) == text
    assert all(len(p) <= size for p in parts) or len(parts) == 1


def test_russian_names_are_nominative_and_lemmas_from_pymorphy():
    doc = nlp.parse("Встреча Сергея Лаврова с Мухтаром Тлеуберди прошла в Нур-Султане.", "ru")
    names = {e._.normal for e in doc.ents if e.label_ == "PER"}
    assert "Сергей Лавров" in names
    assert [t.lemma_ for t in doc if t.text == "Нур-Султане"] == ["нур-султан"]
    assert all(t.pos_ for t in doc if not t.is_space)


def test_russian_tokenizer_keeps_every_character():
    text = "  Лавров:\t«Вбить клин»  —  никому.\n\nФото: РИА Новости/Алексей Майшев "
    doc = nlp.parse(text, "ru")
    assert doc.text == text
    assert len(list(doc.sents)) >= 2


@pytest.mark.parametrize(
    "surface,normal,kept",
    [
        (
            "Высшего межгосударственного совета",
            "Высочайший межгосударственный совет",
            "Высший межгосударственный совет",
        ),
        (
            "Высшим государственным советом",
            "Высочайший государственный совет",
            "Высший государственный совет",
        ),
        ("Высшей школы экономики", "Высочайшая школа экономики", "Высшая школа экономики"),
        ("Высочайшего указа", "Высочайший указ", "Высочайший указ"),
        ("Верховного суда", "Верховный суд", "Верховный суд"),
        ("Сергея Лаврова", "Сергей Лавров", "Сергей Лавров"),
    ],
)
def test_superlatives_keep_their_degree(surface, normal, kept):
    assert nlp.keep_degree(surface, normal) == kept


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "en",
            "Kazakhstan, South Korea sign 11 cooperation documents\n"
            "President Kassym-Jomart Tokayev called the visit a historic event.",
        ),
        ("en", "Lavrov to visit Astana next week\nThe minister will hold talks with his counterpart."),
        (
            "ru",
            "Казахстан и Южная Корея подписали 11 документов\n"
            "Президент Касым-Жомарт Токаев назвал визит историческим.",
        ),
        ("ru", "Лавров посетит Астану\n\nМинистр проведет переговоры с коллегой."),
    ],
)
def test_no_dependency_crosses_a_line_break(lang, text):
    doc = nlp.parse(text, lang)
    line = [text.count("\n", 0, t.idx) for t in doc]
    crossing = [(t.text, t.head.text) for t in doc if not t.is_space and line[t.i] != line[t.head.i]]
    assert crossing == []


@pytest.mark.parametrize(
    "text, start, stop, want",
    [
        ("Headline\nLavrov said.", 0, 21, [(0, 8), (9, 21)]),
        ("a\n\n b \nc", 0, 8, [(0, 1), (4, 5), (7, 8)]),
        ("one line", 0, 8, [(0, 8)]),
        ("x\n\n", 0, 3, [(0, 1)]),
    ],
)
def test_line_pieces(text, start, stop, want):
    assert nlp.line_pieces(text, start, stop) == want


def test_a_russian_line_is_parsed_on_its_own():
    # natasha parses each line's sentences apart: the verb of the line after a headline
    # without a full stop has its own subject
    text = (
        "Армения и Азербайджан в Вашингтоне парафируют соглашение о мире\n"
        "Премьер-министр Армении Никол Пашинян на встрече с Дональдом Трампом заявил о парафировании."
    )
    doc = nlp.parse(text, "ru")
    verb = [t for t in doc if t.text == "заявил"][0]
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["Премьер-министр"]


@pytest.mark.parametrize(
    "word", ["встречи", "лавров", "переговорах", "казахстанской", "мид", "стали", "ёлки"]
)
def test_morph_parses_are_the_analyzers_kept(word):
    """The parses the lemmatizer and the linker share are pymorphy3's own, the same object
    each time a word is asked again."""
    fresh = nlp.morph_analyzer().parse(word)
    kept = nlp.morph_parses(word)
    assert [(p.word, str(p.tag), p.normal_form, p.score) for p in kept] == [
        (p.word, str(p.tag), p.normal_form, p.score) for p in fresh
    ]
    assert nlp.morph_parses(word) is kept


@pytest.mark.parametrize(
    "word, asked, want",
    [
        ("Лаврова", "лаврова", "лавров"),  # capitalized: its parse as a name
        ("встречи", "встречи", "встреча"),
        ("российско-казахстанской", "казахстанской", "российско-казахстанский"),  # the last part
        ("Минска", "минска", "минск"),
        ("Talks", None, "talks"),  # no Russian word: no parse asked
    ],
)
def test_link_lemmas_read_the_shared_parses(word, asked, want):
    """The linker's lemma of a word the parse's lemmatizer asked for before reads the parses kept
    (a hit of ``morph_parses``, no new analysis), and is the lemma it gives with none kept."""
    from bilat.extract.text import lemma

    lemma.cache_clear()
    nlp.morph_parses.cache_clear()
    assert lemma(word) == want
    lemma.cache_clear()
    nlp.morph_parses.cache_clear()
    if asked is not None:
        nlp.morph_parses(asked)  # asked before by the parse's lemmatizer
    before = nlp.morph_parses.cache_info()
    assert lemma(word) == want
    after = nlp.morph_parses.cache_info()
    assert after.misses == before.misses
    assert after.hits - before.hits == (asked is not None)


def test_english_nouns_are_read_from_the_models_files_as_its_pipeline_holds_them():
    from bilat.extract import lang_en

    lang_en._lexicon.cache_clear()
    nouns = lang_en._lexicon()["noun"]
    table = nlp.load("en").get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert nouns == frozenset(table["noun"]) and len(nouns) > 10_000
    assert lang_en._lookups_folder("no_such_model_package") is None


def _reading(doc):
    """What a parse says of a text: tokens with their tags, heads, lemmas and sentence starts,
    and the entities with their normal forms."""
    return (
        [(t.text, t.pos_, str(t.morph), t.dep_, t.head.i, t.lemma_, t.is_sent_start) for t in doc],
        [(e.start_char, e.end_char, e.label_, e._.normal) for e in doc.ents],
    )


RUSSIAN_BATCH = [
    "Лавров провёл переговоры\nГлава МИД России Сергей Лавров встретился в Москве с министром "
    "иностранных дел Казахстана Мураттом Нуртлеу. Стороны обсудили сотрудничество.",
    "",
    "   \n ",
    "Токаев.",
    "Президент Казахстана Касым-Жомарт Токаев направил поздравительную телеграмму Владимиру "
    "Путину. В телеграмме говорится о стратегическом партнёрстве двух стран, о совместных "
    "проектах на Байконуре и о встрече в Астане в ноябре. «Мы ценим дружбу», — сказал он.",
    "Посол Великобритании был вызван в МИД Ирана",
]


def test_russian_texts_parsed_together_read_as_each_alone():
    # the documents of a batch go through natasha's models together, grouped by length: the
    # models mask the padding, so every parse is the one of the text alone
    together = nlp.parse_many(RUSSIAN_BATCH, "ru")
    assert [_reading(d) for d in together] == [_reading(nlp.parse(t, "ru")) for t in RUSSIAN_BATCH]
    assert [d.text for d in together] == RUSSIAN_BATCH
    assert together[0].ents and together[4].ents


@pytest.mark.parametrize(
    "lengths,size,words,want",
    [
        ([], 8, 100, []),
        ([3], 8, 100, [[0]]),
        ([5, 1, 3, 1], 2, 100, [[1, 3], [2, 0]]),  # shortest first, ties in order
        ([5, 1, 3, 1], 8, 100, [[1, 3, 2, 0]]),
        ([10, 10, 10, 40], 8, 30, [[0, 1, 2], [3]]),  # padded size within the budget
        ([50, 60], 8, 30, [[0], [1]]),  # longer than the budget: alone
        ([2, 2, 2, 2, 2], 2, 100, [[0, 1], [2, 3], [4]]),
    ],
)
def test_length_groups(lengths, size, words, want):
    assert nlp.length_groups(lengths, size=size, words=words) == want


class _Echo:
    """A stand-in for a slovnet model: its ``map`` answers each item, and records the calls."""

    def __init__(self):
        self.calls = []

    def map(self, items):
        self.calls.append(list(items))
        return (f"<{x}>" for x in items)


def test_tag_grouped_answers_in_the_items_order():
    model = _Echo()
    items = ["ccc", "a", "bb", "a"]
    assert nlp.tag_grouped(model, items, len) == ["<ccc>", "<a>", "<bb>", "<a>"]
    assert model.calls == [["a", "a", "bb", "ccc"]]


@pytest.mark.parametrize(
    "text",
    [
        "Стороны обсудили сотрудничество, заявил председатель КНР Си Цзиньпин на встрече с президентом "
        "Казахстана Касым-Жомартом Токаевым, передает ТАСС. Глава КНР подчеркнул важность связей.",
        "Премьер-министр Армении Никол Пашинян провёл встречу с президентами Азербайджана Ильхамом Алиевым "
        "и США Дональдом Трампом в Вашингтоне.",
        "«Безосновательный шаг»: МИД Белоруссии заявил протест в связи с решением Варшавы.",
    ],
)
def test_a_russian_sentence_is_one_tree(text):
    # the sentences of the parse are the tokenizer's: natasha's heads written all at once
    # against the tokenizer's sentence starts, a second root of a sentence made a dependent
    doc = nlp.parse(text, "ru")
    cut = nlp.load("ru").tokenizer(text)
    assert [s.start for s in doc.sents] == [t.i for t in cut if t.is_sent_start]
    for sent in doc.sents:
        assert sum(1 for t in sent if t.head.i == t.i and not t.is_space) == 1


@pytest.mark.parametrize(
    "heads,starts,spaces,want",
    [
        ([0, 0, 2, 2, 5, 5], [1, 0, 0, 0, 1, 0], [0] * 6, [(2, 0)]),  # two roots in the first sentence
        ([1, 1, 1, 3], [1, 0, 0, 0], [0] * 4, [(3, 1)]),  # the root heading most tokens stays
        ([0, 0, 3, 3], [1, 0, 0, 0], [0] * 4, [(3, 0)]),  # a tie: the first root stays
        ([0, 1], [1, 0], [0, 1], []),  # a whitespace token is left alone
        ([2, 0, 1, 3], [1, 0, 0, 0], [0] * 4, [(0, 3)]),  # a cycle (0 → 2 → 1 → 0) under the root
        ([1, 0, 2], [1, 0, 0], [0] * 3, [(0, 2)]),  # a cycle of two under the root
        ([1, 0], [1, 0], [0, 0], [(0, 0)]),  # no root: the cycle's first token becomes it
        ([0, 1, 2], [1, 1, 1], [0] * 3, []),  # one root per sentence: nothing to do
        ([], [], [], []),
    ],
)
def test_extra_roots(heads, starts, spaces, want):
    assert nlp.extra_roots(heads, [bool(s) for s in starts], [bool(s) for s in spaces]) == want
