"""The article of an HTML page: text and metadata via trafilatura (:func:`extract_html`)."""

from __future__ import annotations

import datetime as _dt
import logging
import re

from bilat.extract.docfields import parse_date
from bilat.extract.encoding import normalize_text

_quiet_done = False


def _quiet_html_loggers() -> None:
    """trafilatura and htmldate log warnings for ordinary pages; errors come back as Problems."""
    global _quiet_done
    if not _quiet_done:
        for name in ("trafilatura", "htmldate", "courlan", "justext"):
            logger = logging.getLogger(name)
            if logger.level == logging.NOTSET:
                logger.setLevel(logging.ERROR)
        _quiet_done = True


def extract_html(html: str, *, url: str | None = None) -> dict[str, str | None] | None:
    """Article text and metadata of an HTML page via trafilatura: a dict with text, title,
    date, url, source (site name), or None when the page has no extractable text."""
    import trafilatura  # slow to import; only needed for HTML input

    _quiet_html_loggers()
    # lxml refuses str input with an XML encoding declaration; the text is decoded already.
    html = re.sub(r"\A\s*<\?xml[^>]*\?>", "", html)
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,  # else its fallbacks return menus of pages without an article
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,
            "max_date": _dt.date.today().isoformat(),
        },
    )
    if result is None:
        return None
    text = normalize_text(getattr(result, "text", None) or "")
    text = "\n".join(ln.rstrip() for ln in text.split("\n")).strip()
    if not text:
        return None

    def field(name: str) -> str | None:
        value = getattr(result, name, None)
        if not isinstance(value, str):
            return None
        value = normalize_text(value).strip()
        return value or None

    try:
        date = parse_date(field("date"))
    except ValueError:
        date = None
    return {
        "text": text,
        "title": field("title"),
        "date": date,
        "url": field("url"),
        "source": field("sitename"),
    }


__all__ = ["extract_html"]
