"""tools/make_officials.py, the rules: the post a position label stands for, and why a person
of the source is left out (kb/README.md, "officials.ttl")."""

from __future__ import annotations

import re

from officials_names import russian_word, to_russian

from bilat.extract.text import match_key

MIN_SURNAME = 4
SHORT_TERM_DAYS = 90


def _short_term(start: str | None, end: str | None) -> bool:
    """Both ends known to the day and less than SHORT_TERM_DAYS apart."""
    import datetime as dt

    if not start or not end or len(start) != 10 or len(end) != 10:
        return False
    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days < SHORT_TERM_DAYS


def title_of(label: str, table) -> tuple[str, str] | None:
    low = label.lower()
    for rx, en, ru in table:
        if re.search(rx, low):
            return None if en == "-" else (en, ru)
    return None


#: a person all of whose terms ended before this year (the states' histories) is found by the
#: full name only: news of today names them by their surname rarely, and a surname that no
#: office of today holds is more often someone or something else's ("Hague" of The Hague, the
#: Russian "Аббасом" read as Abbasi's "Аббаси", "Дин" as Dini's "Дини"); a bare surname after the
#: full name in one document still joins them
FORMER_BEFORE = "2021"


def former(tenures) -> bool:
    """Whether every term of ``tenures`` ((title, start, end) with ISO dates or years; None: no
    end, in office) ended before :data:`FORMER_BEFORE`.

    >>> former([("PM", "2010-05-11", "2016-07-13")]), former([("PM", "2010", "2016"), ("FM", "2019", None)])
    (True, False)
    """
    return all(end is not None and end[:4] < FORMER_BEFORE for _title, _start, end in tenures)


def cabinet_titles(table_rows) -> dict[str, tuple[str, str, frozenset[str]]]:
    """The rows of ``cabinet_positions.tsv``: lowercased label → (title, Russian title, the
    countries it is read for; empty: any)."""
    return {
        r[0].lower(): (r[1], r[2], frozenset(r[3].split()) if len(r) > 3 else frozenset()) for r in table_rows
    }


def cabinet_title(label: str, country: str, table) -> tuple[str, str] | None:
    """The post a per-country history's position ``label`` stands for: the whole label must be
    a row of ``table`` (:func:`cabinet_titles`), for that ``country`` if the row names some.

    >>> t = cabinet_titles(
    ...     [["president", "President", "президент"], ["secretary of state", "SoS", "-", "united-states"]]
    ... )
    >>> cabinet_title("President", "belarus", t)
    ('President', 'президент')
    >>> cabinet_title("President of the National Academy of Sciences", "belarus", t) is None
    True
    >>> cabinet_title("Secretary of State", "united-states", t)
    ('SoS', '-')
    >>> cabinet_title("Secretary of State", "peru", t) is None
    True
    """
    row = table.get(label.strip().lower())
    if row is None or (row[2] and country not in row[2]):
        return None
    return row[0], row[1]


#: the reasons of ``why_left_out`` that are about the surname alone: such a person is generated
#: all the same, found by the full name only (``bl:surnameAlone false``)
SURNAME_REASONS = frozenset(
    {
        "surname is a common English word",
        "surname is a given name",
        "surname two people of the sources bear",
        "Russian spelling of the surname is a common noun, given name or place",
        f"surname shorter than {MIN_SURNAME} letters",
    }
)


def why_left_out(
    en: str, names: list[str], p: dict, *, name_order, particles, common, given, bearers, hw, lang=None
) -> str | None:
    """Why a person (not a hand-written one) is left out: a risky surname or name order; None
    when they are generated (``lang``: the language the name is romanized from)."""
    surname = en.split()[-1]
    if all(_short_term(t[1], t[2]) for t in p["tenures"]):
        return f"every term shorter than {SHORT_TERM_DAYS} days (acting, caretaker)"
    if p["country"] in name_order:
        return "name order (official_name_rules.tsv)"
    if len(en.split()) > 2 and en.split()[-2].lower() in particles:
        return "surname after a particle (official_name_rules.tsv)"
    if sum(c.isalpha() for c in surname) < MIN_SURNAME:
        return f"surname shorter than {MIN_SURNAME} letters"
    if surname.casefold() in common:
        return "surname is a common English word"
    if match_key(surname) in given:
        return "surname is a given name"
    if any(len(bearers.get(match_key(n.split()[-1]), ())) > 1 for n in [en, *names]):
        return "surname two people of the sources bear"
    if russian_word(to_russian(surname, lang)):
        return "Russian spelling of the surname is a common noun, given name or place"
    if match_key(surname) in hw["words"]:
        return "surname is another entry's one-word name"
    if match_key(surname) in hw["surnames"]:
        return "surname of a hand-written person"
    return None
