"""Hand-built dependency trees for the tests of the events steps: spacy.blank documents with
the heads, labels, parts of speech and morphology written out, so that a step's test does not
depend on what a statistical parser makes of a sentence."""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc

from bilat.extract.text import fold

_NLP = {}


def tree(rows: str, lang: str = "en") -> Doc:
    """A document from lines "word head dep POS [lemma] [Morph=...|...]" (head: index of the
    head token, itself for the root; lemma and morph optional, "_" for none)."""
    words, heads, deps, pos, lemmas, morphs = [], [], [], [], [], []
    for line in rows.strip().splitlines():
        parts = line.split()
        words.append(parts[0])
        heads.append(int(parts[1]))
        deps.append(parts[2])
        pos.append(parts[3])
        lem = parts[4] if len(parts) > 4 and parts[4] != "_" else parts[0].lower()
        lemmas.append(lem)
        morphs.append(parts[5] if len(parts) > 5 else "")
    if lang not in _NLP:
        _NLP[lang] = spacy.blank(lang)
    return Doc(_NLP[lang].vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, morphs=morphs)


def keys(doc: Doc) -> list[frozenset[str]]:
    """What the events stage keys every token by: its folded text and lemma."""
    return [frozenset({fold(t.text), fold(t.lemma_)}) for t in doc]


_LABELS = {"Person": "PER", "Country": "GPE", "City": "GPE"}


def view_of(source: str | Doc, names: dict[str, tuple[str, str]] | None = None, lang: str = "en"):
    """The events stage's view (``document.view``) of a text cut into sentences by spaCy's
    rule-based sentencizer (no model: no parse), or of a hand-built tree (``tree``); ``names``:
    the surface text of each entity → (key, class); every occurrence is a linked mention."""
    from types import SimpleNamespace

    from bilat.extract.events.document import view
    from bilat.extract.records import Document

    if isinstance(source, Doc):
        sdoc = source
    else:
        key = lang + "+sents"
        if key not in _NLP:
            _NLP[key] = spacy.blank(lang)
            _NLP[key].add_pipe("sentencizer")
        sdoc = _NLP[key](source)
    text = sdoc.text
    names = names or {}
    spans = sorted(
        (m.start(), m.end(), k, _LABELS.get(c, "ORG"))
        for name, (k, c) in names.items()
        for m in re.finditer(re.escape(name), text)
    )
    linked = SimpleNamespace(
        entities=tuple(SimpleNamespace(key=k, cls=c) for k, c in names.values()), spans=tuple(spans)
    )
    return view(Document(id="t", text=text, lang=lang), sdoc, linked, (), (), {})


#: "Putin held talks with Tokayev. The talks were substantive." (the shape of en_ru-kz reports):
#: talks reported, then a meeting noun that refers back to them
HELD_TALKS = """
Putin 1 nsubj PROPN
held 1 ROOT VERB hold Tense=Past|VerbForm=Fin
talks 1 dobj NOUN talk Number=Plur
with 2 prep ADP
Tokayev 3 pobj PROPN
. 1 punct PUNCT
The 7 det DET the
talks 8 nsubj NOUN talk Number=Plur
were 8 ROOT AUX be
substantive 8 acomp ADJ
. 8 punct PUNCT
"""
HELD_TALKS_NAMES = {"Putin": ("vladimir-putin", "Person"), "Tokayev": ("kassym-jomart-tokayev", "Person")}


def held_talks():
    """The view of ``HELD_TALKS``."""
    return view_of(tree(HELD_TALKS), HELD_TALKS_NAMES)
