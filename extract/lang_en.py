"""English: what its profile (``data/en/profile.tsv``) cannot say as data.

``build_pipeline`` is the spaCy pipeline of English text: the packaged small English model with
the ``line_starts`` component (a line break starts a sentence) before the parser.
``title_key`` and ``is_plural`` read a title's words: folded, a plural -s dropped.

>>> title_key("Ministers"), is_plural("ministers"), is_plural("Congress")
('minister', True, False)
"""

from __future__ import annotations

from typing import Any

from bilat.extract.text import fold


def build_pipeline() -> Any:
    """spaCy's English model, with line starts marked before the parser."""
    import spacy

    from bilat.extract import nlp as _nlp  # registers the components

    pipeline = spacy.load(_nlp.EN_MODEL)
    pipeline.add_pipe("line_starts", before="parser")
    return pipeline


def title_key(word: str) -> str:
    """A word of a title as ``titles.tsv`` holds it: folded, plural -s dropped ("ministers")."""
    w = fold(word)
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w


def is_plural(word: str) -> bool:
    """Is the head word of a title plural ("ministers")?"""
    w = word.lower()
    return len(w) > 4 and w.endswith("s") and not w.endswith("ss")
