"""Talk: a conversation word is a meeting only when someone is talked with.

Seen on the real-news dev corpus (tests/corpus): "Я разговаривал с Алексеем Миллером"
(ru_ru-mn_03), "он добавил, что разговаривал с Касым-Жомартом Токаевым", "назвал «отличным»
разговор с главой республики" (ru_kz-us_01), "Путин и Мадуро общались в Москве" (ru_ru-ve_01)
are meetings; "они общаются без соблюдения мер эпидемиологической безопасности" (ru_ru-id_02:
people mingling) and "У нас состоялся замечательный разговор" (ru_kz-us_01, no one named) are
none. A ``talk_alone`` word (``events_cues.tsv``) needs a partner: a dependent opened by a
``talk_with`` word ("с"), on the word itself or on its subject ("мы с Алексеем Лихачевым
встречались"), or a subject that lists two parties ("Путин и Мадуро").

Plain values: the keys (lemma, form) of the trigger's words; for the trigger's head and its
subject, the case words (keys) of each dependent; whether the subject is a list."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def lacks_partner(
    trigger: Sequence[frozenset[str]],
    cases: Iterable[frozenset[str]],
    subject_listed: bool,
    talk_alone: frozenset[str],
    talk_with: frozenset[str],
) -> bool:
    """Whether a one-word conversation trigger of ``talk_alone`` names no one talked with:
    none of ``cases`` (the keys of the case words of the dependents of the trigger and of its
    subject) is a ``talk_with`` word, and the subject lists no two parties. Other triggers
    (and a table without ``talk_alone`` words) are left alone.

    >>> k = frozenset
    >>> alone, wth = k({"общаться", "разговор"}), k({"с"})
    >>> lacks_partner([k({"общаются", "общаться"})], [k({"без"})], False, alone, wth)
    True
    >>> lacks_partner([k({"общались", "общаться"})], [k({"в"})], True, alone, wth)
    False
    >>> lacks_partner([k({"разговор"})], [k({"с"})], False, alone, wth)
    False
    >>> lacks_partner([k({"встреча"})], [], False, alone, wth)
    False
    """
    if len(trigger) != 1 or not trigger[0] & talk_alone:
        return False
    if subject_listed:
        return False
    return not any(c & talk_with for c in cases)
