"""What reading the input tells the user: a :class:`Problem` (something skipped) or a
:class:`Notice` (something read all the same). Both are one line naming the file and, when
there is one, the line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """Something in the input that could not be used: shown as ``path:line: message``."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}: {self.message}"
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Notice(Problem):
    """Something the user should know about input that was read all the same (bytes
    replaced, an id changed); the document follows it. Shown as ``path:line: warning: …``."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: warning: {self.message}"


def notices(path: str, line: int | None, notes: list[str]) -> Iterator[Notice]:
    """The notes gathered while reading ``path`` as Notices (the list is emptied)."""
    for note in notes:
        yield Notice(path, line, note)
    notes.clear()


__all__ = ["Problem", "Notice", "notices"]


def first_line(e: BaseException) -> str:
    """An exception as one line: its type and the first line of its message.

    >>> first_line(ValueError("min() arg is an empty sequence\\nmore"))
    'ValueError: min() arg is an empty sequence'
    >>> first_line(KeyError())
    'KeyError'
    """
    text = str(e).strip()
    return f"{type(e).__name__}: {text.splitlines()[0]}" if text else type(e).__name__
