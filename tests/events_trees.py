"""Hand-built dependency trees for the tests of the events steps: spacy.blank documents with
the heads, labels, parts of speech and morphology written out, so that a step's test does not
depend on what a statistical parser makes of a sentence."""

from __future__ import annotations

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
