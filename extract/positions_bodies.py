"""A post in a collegial state body named as the state's post: "Deputy Chairman" of the
Security Council of Russia is the "Deputy Chairman of the Security Council" of Russia, as
"Chairman of the Senate" of Kazakhstan is (``data/common/body_posts.tsv``). The body is
recognized from the knowledge base: a government body of a state whose English label is
"<Body> of <State>"; ministries, embassies and consulates keep their posts."""

from __future__ import annotations

from functools import lru_cache

from bilat.extract.languages import PIVOT
from bilat.extract.text import DATA, read_table


@lru_cache(maxsize=1)
def _table() -> tuple[frozenset[str], tuple[str, ...]]:
    rows = read_table(DATA / "common" / "body_posts.tsv")
    return frozenset(r[1] for r in rows if r[0] == "title"), tuple(r[1] for r in rows if r[0] == "keeps")


def body_name(label: str | None, country_label: str | None) -> str | None:
    """The body's name without its state: ("Security Council of Russia", "Russia") →
    "Security Council"; None when the label does not end with the state or names a body
    that keeps its posts (a ministry).

    >>> body_name("Security Council of Russia", "Russia")
    'Security Council'
    >>> body_name("Ministry of Foreign Affairs of Russia", "Russia") is None
    True
    """
    if not label or not country_label:
        return None
    suffix = " of " + country_label
    if not label.endswith(suffix) or len(label) == len(suffix):
        return None
    name = label[: -len(suffix)]
    if name.split()[0] in _table()[1]:
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
