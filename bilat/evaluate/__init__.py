"""``bilat eval GOLD_DIR``: measure what users get out of the store against annotated articles.

Every gold file of ``GOLD_DIR`` (format: ``eval/GOLD_FORMAT.md``) is ingested through
:func:`bilat.app.ingest` into a fresh temporary store; the results are then read back only
through the SPARQL queries ``graph/queries/eval_*.rq`` over the public vocabulary, never
through the extractor's Python objects. The figures, per language (``en``, ``ru``) and overall
(``all``, micro-averaged over documents):

``entities.precision / recall / f1``
    A gold entity is *found* in a document when an entity bilat says is mentioned there
    (``bl:mentionedIn``) has an ``rdfs:label`` or ``skos:altLabel`` equal, case- and
    ``ё``-insensitively, to its canonical name (``name_en`` or ``name_ru``) or one of its
    ``mentions``. Precision: bilat's entities of the document that match a gold entity, over
    those that match one or match nothing; entities matching only ``implicit_entities`` or
    ``other_names`` are left out (neither right nor wrong).
``entities.canonical_label``
    Found entities whose ``rdfs:label`` in the document's language is the gold canonical name
    of that language (same case/``ё`` folding).
``entities.type_coarse / type_fine``
    Found entities with the right coarse class (person / organization / place / project) and
    the right class (``type`` or one of ``alt_types``, or a subclass of one of them).
``identity.within_language / across_languages``
    Gold entities (by ``name_en``) found in several documents of one language (or in documents
    of both languages) whose documents all gave the same IRI. The *found entity* of a document
    is its best-matching bilat entity (label before alternative label, canonical name before
    mention, then IRI order).
``positions.precision / recall / f1``
    A gold role is found when a post (``bl:holdsPosition``) extracted from the document, held
    by an entity matching the gold person, has an English ``bl:title`` equal to the gold
    position after :func:`normalize_title` and a ``bl:ofOrganization`` matching the gold
    ``of`` entity. Only posts that the document itself states (its own named graph has the
    post's ``bl:extractedFrom`` and evidence) count. Precision: stored posts of the document
    matching a gold role.
``events.recall / precision / f1``, ``events.recall.TYPE``, ``events.precision.Class``
    Sentence-matched: a gold event is found only by an event extracted from the document
    whose sentence in this document (its ``bl:evidence`` located in the text, or its trigger's
    offsets) overlaps the gold ``evidence`` (or an ``other_evidence``) span, of a compatible
    class (:data:`EVENT_CLASSES`; a subclass counts), with, for a STATEMENT, a ``bl:speaker``
    matching a gold speaker, or otherwise at least two gold participants among its
    ``bl:participant`` (all of them when the gold has fewer than two). Gold and stored events
    are paired one to one (maximum matching). Neither right nor wrong: gold OTHER events and
    stored events left unpaired on their sentences; events bilat marks ``negated`` or
    ``hypothetical``. Precision per stored class: stored events paired with a gold event.
``events.statement_speaker``
    Gold STATEMENTs found with a stored event whose speaker is right.
``events.context``
    Found events whose ``bl:context`` is what the gold ``status`` says ("planned" →
    "planned", "negated" → "negated", otherwise none); a wrong context does not undo the match.

A per-dyad table gives the main figures for each pair of countries (the gold ``dyad``, else
the two countries the article names most) and for all pairs but the first case together.

Also the number of documents and the ingest speed (words per second, the models loaded
before timing). With ``--baseline FILE`` (the same JSON shape, holding the figures that must
not drop) the exit status is 1 when any figure is below the baseline by more than
:data:`TOLERANCE`.
"""

from __future__ import annotations

from bilat.evaluate.gold import (  # noqa: F401
    COARSE,
    COLUMNS,
    EVENT_CLASSES,
    LANGS,
    STATUS_CONTEXT,
    TITLE_SYNONYMS,
    TOLERANCE,
    UNSCORED,
    GoldDoc,
    GoldEntity,
    GoldError,
    GoldEvent,
    GoldRole,
    evidence_spans,
    fold,
    normalize_title,
    parse_gold,
    read_gold_dir,
)
from bilat.evaluate.report import (  # noqa: F401
    BASELINE_FIGURES,
    DYAD_FIGURES,
    FIGURES,
    HOME_DYAD,
    OTHER_DYADS,
    baseline_from,
    compare,
    dyad_key,
    dyad_of,
    figures_from,
    format_dyads,
    format_report,
    read_baseline,
)
from bilat.evaluate.run import evaluate, main  # noqa: F401
from bilat.evaluate.scoring import (  # noqa: F401
    EntityScore,
    Tally,
    accepted_classes,
    candidates,
    event_match,
    max_matching,
    role_matches,
    score_entities,
    score_events,
    score_identity,
    score_positions,
    spans_overlap,
    subclasses,
)
from bilat.evaluate.stored import (  # noqa: F401
    StoredDoc,
    StoredEntity,
    StoredEvent,
    StoredPosition,
    document_iris,
    read_stored,
)
