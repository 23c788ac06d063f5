"""Whose body a generic name is ("МИД", "внешнеполитическое ведомство", "the Foreign Ministry"):
a plain step over keys, used by ``link.Linker`` once the name's own sentence has not decided."""

from __future__ import annotations

from collections.abc import Collection, Sequence


def body_named_before(before: Sequence[str | None], candidates: Collection[str]) -> str | None:
    """The body a generic name with no state of its own stands for when one of its kind was
    named before it: the last of ``before`` (the keys of the names before it, in text order;
    None for a name left unresolved) that is one of ``candidates`` (the bodies the generic name
    may be). "МИД России вызвал посла Польши … сообщили во внешнеполитическом ведомстве" is
    Russia's ministry, though the article names Poland more (ru_ru-pl_01); "на сайте российского
    МИД … Во внешнеполитическом ведомстве подчеркнули" (ru_ru-de_01); "замглавы таджикского МИДа
    …, сообщила пресс-служба внешнеполитического ведомства республики" (ru_ru-tj_01). None when
    no such body was named: the document's dominant state decides then.

    >>> mfa = {"mfa-of-russia", "mfa-of-poland", "mfa-of-germany"}
    >>> body_named_before(["mfa-of-poland", "poland", "mfa-of-russia", None], mfa)
    'mfa-of-russia'
    >>> body_named_before(["russia", "germany"], mfa) is None
    True
    """
    for key in reversed(before):
        if key is not None and key in candidates:
            return key
    return None
