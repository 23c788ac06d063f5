"""English: what its profile (``data/en/profile.tsv``) cannot say as data.

``build_pipeline`` is the spaCy pipeline of English text: the packaged small English model with
the ``line_starts`` component (a line break starts a sentence) before the parser.
"""

from __future__ import annotations

from typing import Any


def build_pipeline() -> Any:
    """spaCy's English model, with line starts marked before the parser."""
    import spacy

    from bilat.extract import nlp as _nlp  # registers the components

    pipeline = spacy.load(_nlp.EN_MODEL)
    pipeline.add_pipe("line_starts", before="parser")
    return pipeline
