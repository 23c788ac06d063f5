"""A post in a collegial state body named as the state's post: "Deputy Chairman" of the
Security Council of Russia is the "Deputy Chairman of the Security Council" of Russia, as
"Chairman of the Senate" of Kazakhstan is (``data/common/body_posts.tsv``). The body is
recognized from the knowledge base: a government body of a state whose English label is
"<Body> of <State>" (or the body's own name: "State Duma") whose head noun is a collegial
one (council, chamber, government); ministries, agencies and committees keep their posts."""

from __future__ import annotations

from functools import lru_cache

from bilat.extract.languages import PIVOT
from bilat.extract.text import DATA, read_table


@lru_cache(maxsize=1)
def _table() -> tuple[frozenset[str], tuple[str, ...]]:
    rows = read_table(DATA / "common" / "body_posts.tsv")
    return frozenset(r[1] for r in rows if r[0] == "title"), tuple(r[1] for r in rows if r[0] == "collegial")


def body_name(label: str | None, country_label: str | None) -> str | None:
    """The name of a collegial body without its state: ("Security Council of Russia",
    "Russia") → "Security Council"; ("State Duma", "Russia") → "State Duma"; None for a body
    whose head noun is not collegial (a ministry, an agency, a committee).

    >>> body_name("Security Council of Russia", "Russia")
    'Security Council'
    >>> body_name("Ministry of Foreign Affairs of Russia", "Russia") is None
    True
    >>> body_name("Security Council of the Czech Republic", "Czech Republic")
    'Security Council'
    """
    if not label or not country_label:
        return None
    name = label
    for suffix in (" of " + country_label, " of the " + country_label):
        if label.endswith(suffix):
            name = label[: -len(suffix)]
    if not name:
        return None
    head = name.split(" of ")[0].split(" for ")[0].split()
    if not head or head[-1] not in _table()[1]:
        return None
    return name


def state_post(title_en: str, org: str | None, kb) -> tuple[str, str | None]:
    """(title, organization) of a post, the post of a collegial state body made its state's;
    anything else unchanged."""
    titles, _ = _table()
    e = kb.get(org) if org else None
    if title_en not in titles or e is None or e.cls != "GovernmentBody" or not e.country:
        return title_en, org
    state = kb.get(e.country)
    name = body_name(e.label(PIVOT), state.label(PIVOT) if state else None)
    if name is None:
        return title_en, org
    return f"{title_en} of the {name}", e.country
