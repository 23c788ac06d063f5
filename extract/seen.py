"""The document ids an input has given so far, and where each was read first, in flat memory.

``read_paths`` refuses a second document with an id already read in the same call; a stream of
100,000 documents kept those ids in a dict (about 180 bytes each: 18 MB). Here they are rows of a
private temporary SQLite database: its page cache (SQLite's default, 2 MB) stays in memory and
the rest spills to a temporary file, deleted on close, so memory stays flat whatever the number
of documents (a look-up and an insert cost ~10-30 µs, against milliseconds per document).
"""

from __future__ import annotations

import sqlite3


class SeenIds:
    r"""Ids with the (path, line) they were first read from.

    >>> seen = SeenIds()
    >>> seen.first("a") is None
    True
    >>> seen.add("a", "in.jsonl", 3)
    >>> seen.add("b", None, None)
    >>> seen.add("\udcff", "b\udc80d.jsonl", 1)  # lone surrogates (undecodable file names) too
    >>> seen.first("a"), seen.first("b"), seen.first("c"), seen.first("\udcff")
    (('in.jsonl', 3), (None, None), None, ('b\udc80d.jsonl', 1))
    >>> seen.close()
    """

    def __init__(self) -> None:
        # "": a private temporary database, on disk only once it outgrows its page cache
        self._db = sqlite3.connect("", isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("CREATE TABLE seen (id BLOB PRIMARY KEY, path BLOB, line INTEGER) WITHOUT ROWID")
        self._db.execute("BEGIN")  # one transaction, never committed: nothing is synced to disk

    def first(self, doc_id: str) -> tuple[str | None, int | None] | None:
        row = self._db.execute("SELECT path, line FROM seen WHERE id = ?", (_key(doc_id),)).fetchone()
        return None if row is None else (None if row[0] is None else _text(row[0]), row[1])

    def add(self, doc_id: str, path: str | None, line: int | None) -> None:
        self._db.execute(
            "INSERT INTO seen VALUES (?, ?, ?)", (_key(doc_id), None if path is None else _key(path), line)
        )

    def close(self) -> None:
        self._db.close()


def _key(text: str) -> bytes:
    """``text`` as bytes, lone surrogates (an undecodable file name's bytes) kept."""
    return text.encode("utf-8", "surrogatepass")


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogatepass")
