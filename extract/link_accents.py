"""The unaccented writing of a Latin-script name: news in English often drops the diacritics
of names ("Sebastien Lecornu" for "Sébastien Lecornu", "Erdogan" for "Erdoğan", "Sao Paulo").
Cyrillic and other scripts are left as they are ("й" is a letter of its own, not an accented
"и")."""

from __future__ import annotations

import unicodedata

#: Latin letters that do not decompose into a base letter and a mark
_PLAIN = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"})


def _latin(c: str) -> bool:
    return "LATIN" in unicodedata.name(c, "")


def without_accents(text: str) -> str:
    """``text`` with the diacritics of its Latin letters removed; other characters unchanged.

    >>> without_accents("Sébastien Lecornu"), without_accents("Recep Tayyip Erdoğan")
    ('Sebastien Lecornu', 'Recep Tayyip Erdogan')
    >>> without_accents("Андрей Йылмаз")
    'Андрей Йылмаз'
    """
    out = []
    for c in text:
        if c.isascii() or not _latin(c):
            out.append(c)
            continue
        c = c.translate(_PLAIN)
        out.append("".join(d for d in unicodedata.normalize("NFKD", c) if not unicodedata.combining(d)))
    return "".join(out)
