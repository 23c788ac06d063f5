"""Whose press service speaks: "пресс-служба Токаева", "the Kazakh President's press service"
speak for the body of the post the person holds — for a head of state, the state's presidential
administration (Akorda, the Kremlin); for a head of government, his office, else the
government ("PM Garibashvili's administration": Government of Georgia, en_az-ge_51) — as the real-news
gold names them (tests/corpus:
ru_kz-kg_02 "Как сообщила пресс-служба Токаева", "По данным пресс-службы"; the Akorda or Kremlin
press service in en_cn-kz_03, en_kz-ae_01, en_kz-it_01, en_ru-kz_08, en_ru-kg_01, ru_ru-kz_15).
Plain values in (the person's posts, the bodies of the knowledge base), a key out."""

from __future__ import annotations

from collections.abc import Iterable


def head_office(
    posts: Iterable[tuple[str, str | None, str | None]],
    bodies: Iterable[tuple[str, str | None, Iterable[str]]],
    head_titles: Iterable[str],
    office_names: Iterable[str],
) -> str | None:
    """The body a head of state's press service speaks for: ``posts`` are the person's posts
    (title, organization, end date), ``bodies`` the government bodies of the knowledge base
    (key, country, names); a post of ``head_titles`` held now (no end) at a state gives the
    body of that state one of whose names holds one of ``office_names`` (the first of them
    that one holds: "office of the prime minister" before "government of").

    >>> posts = [("Minister of Foreign Affairs", "kz", "1999-10"), ("President", "kz", None)]
    >>> bodies = [("government-of-kz", "kz", ["Government of Kazakhstan"]),
    ...           ("akorda", "kz", ["Akorda", "Presidential Administration of Kazakhstan"]),
    ...           ("kremlin", "ru", ["Presidential Administration of Russia"])]
    >>> head_office(posts, bodies, {"president"}, {"presidential administration"})
    'akorda'
    >>> head_office(posts[:1], bodies, {"president"}, {"presidential administration"}) is None
    True
    >>> pm = [("Prime Minister", "am", None)]
    >>> am = [("government-of-am", "am", ["Government of Armenia"]),
    ...       ("office-of-the-pm-of-am", "am", ["Office of the Prime Minister of Armenia"])]
    >>> head_office(pm, am, {"prime minister"}, ["office of the prime minister", "government of"])
    'office-of-the-pm-of-am'
    >>> head_office(pm, am[:1], {"prime minister"}, ["office of the prime minister", "government of"])
    'government-of-am'
    """
    heads = {t.lower() for t in head_titles}
    states = [org for title, org, end in posts if end is None and org and title.lower() in heads]
    if not states:
        return None
    mine = [(key, [n.lower() for n in names]) for key, country, names in bodies if country in states]
    for w in (n.lower() for n in office_names):  # the first office name that fits wins
        for key, names in mine:
            if any(w in n for n in names):
                return key
    return None
