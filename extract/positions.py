"""Posts held by people: a title next to a name.

"Russian Foreign Minister Sergey Lavrov", "Minister of Foreign Affairs of the Republic of
Kazakhstan Mukhtar Tleuberdi", "глава МИД РФ Сергея Лаврова", "посол Казахстана в России",
"Sergey Lavrov, Russia's foreign minister," — a title from the language's title table, the
country or body it belongs to (an adjective or a name before it, a complement after it), and the
person it names. A title with no name ("the foreign minister", "the top diplomat") becomes a
descriptive mention of the person who holds that post in the document.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from bilat.extract.link import Linked
from bilat.extract.records import Document, KBEntry, Position
from bilat.extract.text import DATA, fold, lemma, read_table, words

MAX_GAP_WORDS = 12


WILD = "*"  # in a title: one adjective naming a country ("замглавы таджикского МИДа")


@dataclass(frozen=True)
class Title:
    words: tuple[str, ...]  # folded words or lemmas; WILD for one adjective
    title_en: str
    title_ru: str
    scope: str  # country | body
    named: bool = False  # only with a name: "leader" never resolves to a holder on its own

    @property
    def wild(self) -> bool:
        return WILD in self.words


@dataclass(frozen=True)
class Descriptive:
    """A title used instead of a name: it refers to ``key``."""

    start: int
    end: int
    text: str
    key: str


@lru_cache(maxsize=4)
def titles(lang: str) -> tuple[Title, ...]:
    """The title table: ``titles.tsv``, then the ministers' titles that ``minister_forms.tsv``
    makes of each portfolio of ``portfolios.tsv`` ("Minister of Agriculture", "замминистра
    сельского хозяйства"); longest first, the first row of the same words winning."""
    rows = [
        (r[0], r[1], r[2], r[3] if len(r) > 3 else "country", len(r) > 4 and r[4] == "named")
        for r in read_table(DATA / lang / "titles.tsv")
    ]
    for form, en, ru in read_table(DATA / lang / "minister_forms.tsv"):
        for written, p_en, p_ru in read_table(DATA / lang / "portfolios.tsv"):
            rows.append(
                (form.replace("X", written), en.format(en=p_en), ru.format(ru=p_ru), "country", False)
            )
    out = []
    seen = set()
    for written, en, ru, scope, named in rows:
        ws = tuple(WILD if w.text == WILD else _key(w.text, lang) for w in words(written))
        if ws not in seen:
            seen.add(ws)
            out.append(Title(ws, en, ru, scope, named))
    return tuple(sorted(out, key=lambda t: -len(t.words)))


@lru_cache(maxsize=4)
def link_words(lang: str) -> frozenset[str]:
    return frozenset(_key(r[0], lang) for r in read_table(DATA / lang / "position_links.tsv"))


def _key(word: str, lang: str) -> str:
    """Russian words by lemma; English words folded, plural -s dropped ("ministers")."""
    if lang == "ru":
        return lemma(word)
    w = fold(word)
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w


@lru_cache(maxsize=4)
def _titles_by_first_word(lang: str) -> dict[str, tuple[Title, ...]]:
    """The title table by first word, each list in the table's order (longest first)."""
    out: dict[str, list[Title]] = {}
    for t in titles(lang):
        if t.words:
            out.setdefault(t.words[0], []).append(t)
    return {k: tuple(v) for k, v in out.items()}


def find_titles(
    text: str, lang: str, ws=None, keys=None, adjective=None
) -> list[tuple[int, int, Title, int, int]]:
    """Title matches as (start, end, title, first word index, last word index + 1); a WILD word
    of a title matches word ``i`` when ``adjective(i)``."""
    if ws is None:
        ws = words(text)
    if keys is None:
        keys = [_key(w.text, lang) for w in ws]
    by_first = _titles_by_first_word(lang)
    out = []
    i = 0
    while i < len(ws):
        for t in by_first.get(keys[i], ()):
            n = len(t.words)
            if tuple(keys[i : i + n]) == t.words or (
                t.wild
                and adjective is not None
                and len(keys[i : i + n]) == n
                and all(
                    k == w or (w == WILD and adjective(i + m))
                    for m, (k, w) in enumerate(zip(keys[i : i + n], t.words, strict=True))
                )
            ):
                out.append((ws[i].start, ws[i + n - 1].end, t, i, i + n))
                i += n
                break
        else:
            i += 1
    return out


class _Spans:
    """The linked spans of a document, sorted, with the look-ups the stage needs in
    logarithmic time (no scan of every span for every title or word)."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s[0] for s in self.spans]
        self.longest = max((s[1] - s[0] for s in self.spans), default=0)
        self.persons = [s for s in self.spans if s[3] == "PER"]
        self.person_starts = [s[0] for s in self.persons]
        self.person_by_end: dict[int, tuple] = {}
        for s in self.persons:
            self.person_by_end.setdefault(s[1], s)

    def near(self, start: int, end: int):
        """The spans that may overlap [start, end), in sorted order."""
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return self.spans[lo:hi]

    def of_words(self, ws) -> list:
        """For each word, the first span (in sorted order) holding its first character."""
        out: list = [None] * len(ws)
        word_starts = [w.start for w in ws]
        for s in self.spans:
            i = bisect.bisect_left(word_starts, s[0])
            while i < len(ws) and word_starts[i] < s[1]:
                if out[i] is None:
                    out[i] = s
                i += 1
        return out


def extract_positions(
    doc: Document, linked: Linked, kb: dict[str, KBEntry]
) -> tuple[tuple[Position, ...], tuple[Descriptive, ...]]:
    """Posts named in ``doc`` and the descriptive mentions of their holders."""
    lang = doc.lang or "en"
    text = doc.text
    ws = words(text)
    keys = [_key(w.text, lang) for w in ws]
    index = _Spans(linked.spans)
    cls_of = {e.key: e.cls for e in linked.entities}
    links = link_words(lang)
    word_span = index.of_words(ws)

    def span_at(i: int):
        return word_span[i]

    positions: dict[tuple, Position] = {}
    unattached = []
    dashed: list = []
    no_name: list = []

    def adjective(i: int) -> bool:
        return word_span[i] is not None and word_span[i][3] == "ADJ"

    for start, end, title, i0, i1 in find_titles(text, lang, ws, keys, adjective):
        inside = span_at(i0)
        if inside is not None and inside[3] == "PER":
            continue
        # complements after the title, up to the person
        complements = []
        persons = []
        j = i1
        prev_word = None
        walked = False  # a complement named after the title ("President of Uzbekistan, …")
        while j < len(ws) and j - i1 <= MAX_GAP_WORDS:
            if "\n" in text[ws[j - 1].end : ws[j].start]:
                break  # never across a line break
            s = span_at(j)
            if s is not None and s[3] == "PER":
                # "the Chinese leader, Kassym-Jomart Tokayev noted": a comma before the name
                # is a clause comma unless the name is a closed apposition
                if ws[j - 1].text != "," or _closed(text, s[1]) or walked:
                    persons.append(s)
                break
            if s is not None:
                complements.append((s, prev_word))
                walked = True
                while j < len(ws) and ws[j].start < s[1]:
                    j += 1
                prev_word = None
                continue
            if keys[j] in links:
                if prev_word is None:
                    prev_word = keys[j]  # the first link word: "to the Republic of"
                j += 1
                continue
            break
        list_orgs: list = []
        if persons:
            more = _coordinated(text, persons[0], index)
            # "Presidents of Russia and Belarus Putin and Lukashenko", "Главы МИД России и
            # Индии Лавров и Джайшанкар", "президентами Азербайджана Алиевым и США Трампом"
            if more and (
                _plural(ws[i1 - 1].text, lang)
                or _plural(ws[i0].text, lang)
                or any(o is not None for _, o in more)
                or sum(1 for c in complements if c[0][3] != "PER") >= 2
            ):
                first_org = None
                if more[0][0] == persons[0]:
                    first_org = more.pop(0)[1]
                persons += [m for m, _ in more]
                list_orgs = [first_org] + [o for _, o in more]
        # an inner span the title itself overlaps ("глава МИД РФ": МИД РФ is one entity)
        inner = []
        for s in index.near(start, end):
            if s[0] < end and start < s[1] and s[3] != "PER" and s not in [c[0] for c in complements]:
                complements.append((s, None))
                if start <= s[0] and s[1] <= end and not (title.wild and s[3] == "ADJ"):
                    inner.append(s)
        modifier = _modifier(text, start, index, lang)
        if modifier is not None and modifier[3] == "PER":
            # "Putin's aide": the country of the post the person holds at the date
            t = _tenure_at(kb.get(modifier[2]), doc.date) if doc.date else None
            modifier = (modifier[0], modifier[1], t.org, "GPE") if t is not None and t.org else None
        # apposition: "Sergey Lavrov, Russia's foreign minister,"
        if not persons:
            # closed by a comma or the sentence's end: "…, the Kazakh president noted" is a clause
            tail = max([end] + [c[0][1] for c in complements])
            found = _apposition(text, modifier[0] if modifier else start, index, lang)
            persons = [found] if found and _closed(text, tail) else []
        org, to, orgs = _org(title, modifier, complements, cls_of, kb, inner)
        # "глава России", "head of Kazakhstan": a country named (not an adjective) after the title
        head_country = next(
            (s[2] for s, _ in complements if s[3] != "ADJ" and _country_of(s[2], cls_of, kb) == s[2]), None
        )
        if not persons:
            # "Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan Mukhtar
            # Tileuberdi": a title joined by a dash to the next one shares its holder
            dashed.append((start, end, title, org, modifier))
            unattached.append((start, end, title, org))
            # "The presidents of Belarus and Russia": each body its holder
            plural = _plural(ws[i1 - 1].text, lang) or _plural(ws[i0].text, lang)
            no_name.append(
                (start, end, title, list(dict.fromkeys(orgs)) if plural and len(orgs) > 1 else [org])
            )
            continue
        for n, person in enumerate(persons):
            # "Presidents of Russia, Belarus and Kazakhstan Putin, Lukashenko and Nazarbayev"
            p_org = orgs[n] if len(persons) > 1 and len(orgs) == len(persons) else org
            if n < len(list_orgs) and list_orgs[n] is not None:
                p_org = _country_of(list_orgs[n][2], cls_of, kb) or list_orgs[n][2]
            if title.title_en.startswith(TENURE + ":"):
                # "министра Сергея Лаврова": the post of that kind the knowledge base gives him then
                t = _tenure_prefixed(kb.get(person[2]), doc.date, title.title_en[len(TENURE) + 1 :], p_org)
                if t is None:
                    continue
                title_en, title_src, p_org = t.title_en, None, t.org
            elif title.title_en == TENURE:
                title_en, title_src, p_org = _counterpart(
                    title, kb.get(person[2]), p_org, doc.date, positions.values(), start
                )
            else:
                title_en, title_src, p_org = _resolve_title(
                    title, kb.get(person[2]), p_org, doc.date, kb, lang
                )
            if title_en is None:
                continue
            title_en, title_src, p_org = _head_of(
                title_en, title_src, p_org, kb.get(person[2]), doc.date, head_country, kb
            )
            if to and title_en == "Ambassador":
                title_en = f"Ambassador to {_label(kb, to)}"
            if p_org is None:
                continue
            ev_start = min(modifier[0] if modifier else start, person[0])
            ev_end = max(end, person[1])
            key = (person[2], title_en, p_org)
            if key in positions:
                continue
            positions[key] = Position(
                person=person[2],
                title_en=title_en,
                org=p_org,
                start=ev_start,
                end=ev_end,
                evidence=text[ev_start:ev_end],
                title_src=title_src if lang != "en" else None,
                lang=lang,
                date=doc.date,
                conflict=_conflict(kb.get(person[2]), title_en, p_org, doc.date),
            )
            if n == 0:
                _join_dashed(dashed, start, text, person, p_org, positions, doc, kb, lang)
    # "Президент России" with no name: the person the document names who held that post then
    held = {(p.title_en, p.org) for p in positions.values()}
    persons_named = [e.key for e in linked.entities if e.cls == "Person"]
    holders_of: dict[tuple, set] = {}
    for start, end, title, org in [(a, b, t, o) for a, b, t, os_ in no_name for o in os_]:
        if org is None or title.title_en.startswith(TENURE) or title.named:
            continue
        if (title.title_en, org) in held:
            continue
        post = (title.title_en, org)
        if post not in holders_of:
            # with no date: whoever the knowledge base gives that post at any time
            holders_of[post] = {
                k
                for k in persons_named
                if _tenure_at(kb.get(k), doc.date, title_en=title.title_en, org=org) is not None
            }
        holders = set(holders_of[post])
        if len(holders) == 1:
            person = holders.pop()
            held.add((title.title_en, org))
            positions[(person, title.title_en, org)] = Position(
                person=person,
                title_en=title.title_en,
                org=org,
                start=start,
                end=end,
                evidence=text[start:end],
                title_src=title.title_ru if lang != "en" else None,
                lang=lang,
                date=doc.date,
            )
    descriptive = _descriptive(text, unattached, positions.values())
    return tuple(positions.values()), descriptive


MODIFIER_GAP = 3  # characters between a modifier and its title at most ("'s ")


def _modifier(text: str, start: int, index: _Spans, lang: str = "en"):
    """A name or adjective right before the title, on the same line: "Russian", "Russia's",
    "Kremlin"; in Russian only an adjective ("российский"), since a noun before a title
    belongs to the clause before ("в Анкаре президент Казахстана")."""
    best = None
    # only a span ending at most MODIFIER_GAP characters before the title can qualify
    for s in index.near(start - MODIFIER_GAP, start):
        if s[1] <= start:
            if start - s[1] > MODIFIER_GAP:
                continue
            if lang == "ru" and s[3] != "ADJ":
                continue
            gap = text[s[1] : start]
            if s[3] == "PER" and gap.strip() not in ("'s", "’s"):
                continue
            if "\n" not in gap and gap.strip() in ("", "'s", "’s"):
                best = s
    return best


def _closed(text: str, i: int) -> bool:
    """Does a name ending at ``i`` close its apposition ("…, Battsetseg Batmunkh, said")?"""
    rest = text[i : i + 6].lstrip(" \t")
    return not rest or rest[0] in ',.;:)]\n»”"' or rest.startswith(("and ", "и "))


def _space_before(text: str, i: int) -> int:
    """The offset where the run of whitespace ending at ``i`` starts."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


ARTICLES = {"en": ("the", "a", "an"), "ru": ()}


def _apposition(text: str, start: int, index: _Spans, lang: str = "en"):
    """The name before ", [the] title": "Maria Zakharova, the official representative of the
    Russian Foreign Ministry"; never across a line break."""
    i = _space_before(text, start)
    for art in ARTICLES.get(lang, ()):
        if text[max(0, i - len(art) - 1) : i].lower() in (" " + art, "," + art):
            i = _space_before(text, i - len(art))
            break
    if i == 0 or text[i - 1] != ",":
        return None
    j = _space_before(text, i - 1)
    if "\n" in text[j:start]:
        return None
    return index.person_by_end.get(j)


def _org(title: Title, modifier, complements, cls_of, kb, inner=()):
    """The country or body the post belongs to, and the destination of an ambassador."""
    cands = []
    to = None
    if modifier is not None:
        cands.append(modifier)
    for s, prev in complements:
        if (
            prev in ("to", "в")
            and cls_of.get(s[2]) in ("Country", "City")
            or (prev in ("to", "в") and s[3] == "ADJ")
        ):
            to = _country_of(s[2], cls_of, kb) or s[2]
        else:
            cands.append(s)
    orgs = []
    for s in cands:
        if title.scope == "country":
            c = _country_of(s[2], cls_of, kb)
            if c is not None:
                orgs.append(c)
        elif cls_of.get(s[2]) not in (None, "Person"):
            orgs.append(s[2])
    if orgs:
        return orgs[0], to, orgs
    if title.scope == "country":
        # "External Affairs Minister", "Secretary of State": a span the title's own words make
        # is no body
        cands = [s for s in cands if s not in inner]
    return (cands[0][2] if cands else None), to, orgs


def _plural(word: str, lang: str) -> bool:
    """Is the head word of a title plural ("ministers", "Президенты")?"""
    if lang == "ru":
        from bilat.extract.nlp import morph_analyzer

        return morph_analyzer().parse(word.lower())[0].tag.number == "plur"
    w = word.lower()
    return len(w) > 4 and w.endswith("s") and not w.endswith("ss")


_LIST_GAPS = (",", "and", ", and", "и", ", и")


def _gap_text(text: str, a: int, b: int, longest: int) -> str | None:
    """``text[a:b].strip()`` when it has at most ``longest`` characters, else None (without
    copying a long gap)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return text[a:b] if b - a <= longest else None


def _coordinated(text: str, first, index: _Spans):
    """Further people listed after the first, each with the span naming its own body when
    the list gives one: "Sergey Lavrov and Erlan Idrissov", "Владимир Путин, Александр
    Лукашенко и Нурсултан Назарбаев", "Ильхамом Алиевым и США Дональдом Трампом"."""
    out = []
    last = first
    longest = max(len(g) for g in _LIST_GAPS)
    i = bisect.bisect_left(index.person_starts, first[1])
    for s in index.persons[i:]:
        if s[0] < last[1]:
            continue
        gap = _gap_text(text, last[1], s[0], longest + 40)
        if gap is None or "\n" in gap:
            break
        if gap in _LIST_GAPS:
            out.append((s, None))
            last = s
            continue
        # "Vladimir Putin of Russia and Kassym-Jomart Tokayev of Kazakhstan"
        after = _of_after(text, last, index)
        if after is not None and _gap_text(text, after[1], s[0], longest) in _LIST_GAPS:
            if not out:
                out.append((first, after))  # the first person's own body
            elif out[-1][1] is None:
                out[-1] = (out[-1][0], after)
            out.append((s, _of_after(text, s, index)))
            last = s
            continue
        # a list gap, then one name of a body: "и США"
        own = [o for o in index.near(last[1], s[0]) if last[1] <= o[0] and o[1] <= s[0] and o[3] != "PER"]
        if (
            len(own) == 1
            and _gap_text(text, last[1], own[0][0], longest) in _LIST_GAPS
            and not text[own[0][1] : s[0]].strip()
        ):
            out.append((s, own[0]))
            last = s
            continue
        break
    return out


def _of_after(text: str, person, index: _Spans):
    """The body named right after a name by "of": "Vladimir Putin of Russia"."""
    k = person[1]
    if text[k : k + 4] not in (" of ",):
        return None
    i = bisect.bisect_left(index.starts, k + 4)
    if i < len(index.spans) and index.spans[i][0] == k + 4 and index.spans[i][3] != "PER":
        return index.spans[i]
    return None


TENURE = "=tenure"


def _tenure_prefixed(entry: KBEntry | None, date: str | None, prefix: str, org: str | None):
    """The knowledge base's post at ``date`` whose title starts with ``prefix``."""
    if entry is None:
        return None
    if not date:
        # no date: only when every such post the person held is the same one
        same = {
            (t.title_en, t.org)
            for t in entry.tenures
            if t.title_en.startswith(prefix) and (org is None or t.org == org)
        }
        return next(t for t in entry.tenures if (t.title_en, t.org) in same) if len(same) == 1 else None
    for t in entry.tenures:
        if (
            t.title_en.startswith(prefix)
            and (org is None or t.org == org)
            and (t.start is None or t.start <= date)
            and (t.end is None or date <= t.end)
        ):
            return t
    return None


def _tenure_at(
    entry: KBEntry | None, date: str | None, *, title_en: str | None = None, org: str | None = None
):
    """The knowledge base's post of ``entry`` at ``date`` (with that title and/or org)."""
    if entry is None:
        return None
    for t in entry.tenures:
        if title_en is not None and t.title_en != title_en:
            continue
        if org is not None and t.org != org:
            continue
        if date is None or ((t.start is None or t.start <= date) and (t.end is None or date <= t.end)):
            return t
    return None


def _resolve_title(title: Title, entry: KBEntry | None, org: str | None, date: str | None, kb, lang: str):
    """(English title, source-language title, organization): a title that leaves its
    organization unsaid takes it from the knowledge base's tenure, and "counterpart" takes the
    whole post from there."""
    if title.title_en == "=tenure":
        t = _tenure_at(entry, date, org=org)
        if t is None:
            return None, None, org
        return t.title_en, None, t.org
    if org is None:
        # the post held at the date, else the last one with that title (flagged as a conflict)
        t = _tenure_at(entry, date, title_en=title.title_en) or _tenure_at(
            entry, None, title_en=title.title_en
        )
        if t is not None:
            org = t.org
    return title.title_en, title.title_ru, org


def _country_of(key: str, cls_of, kb) -> str | None:
    if cls_of.get(key) == "Country":
        return key
    e = kb.get(key)
    if e is not None:
        if e.cls == "Country":
            return key
        return e.country
    return None


def _label(kb, key: str) -> str:
    e = kb.get(key)
    return (e.label("en") if e else None) or key


def _conflict(entry: KBEntry | None, title_en: str, org: str | None, date: str | None) -> str | None:
    """Why the post contradicts the knowledge base's tenure for that date, if it does."""
    if entry is None or not entry.tenures or date is None:
        return None
    same = [t for t in entry.tenures if t.title_en == title_en and (org is None or t.org == org)]
    if not same:
        return None
    for t in same:
        if (t.start is None or t.start <= date) and (t.end is None or date <= t.end):
            return None
    spans = ", ".join(f"{t.start or '?'}..{t.end or ''}" for t in same)
    return f"the knowledge base gives this post for {spans}, not {date}"


def _descriptive(text: str, unattached, positions) -> tuple[Descriptive, ...]:
    out = []
    positions = tuple(positions)
    by_title: dict[str, list] = {}  # title of the table → the posts whose title starts with it
    holders_of: dict[tuple, set] = {}
    for start, end, title, org in unattached:
        if title.title_en not in by_title:
            by_title[title.title_en] = [p for p in positions if p.title_en.startswith(title.title_en)]
        if (title.title_en, org) not in holders_of:
            holders_of[(title.title_en, org)] = {
                p.person for p in by_title[title.title_en] if org is None or p.org == org
            }
        holders = set(holders_of[(title.title_en, org)])
        if len(holders) == 1:
            # include a leading article in the span: "the foreign minister"
            s = start
            for art in ("the ", "The "):
                if text[max(0, start - len(art)) : start] == art:
                    s = start - len(art)
            out.append(Descriptive(s, end, text[s:end], holders.pop()))
    return tuple(out)


@lru_cache(maxsize=1)
def head_titles() -> dict[str, tuple[str, str]]:
    """The formal head title of an organization (``extract/data/common/head_titles.tsv``)."""
    return {r[0]: (r[1], r[2]) for r in read_table(DATA / "common" / "head_titles.tsv")}


HEAD = "Head"
DEPUTY_HEAD = "Deputy Head"
HEAD_OF_STATE = ("President", "президент")


def _ministry_title(label: str | None) -> str | None:
    """ "Ministry of Foreign Affairs of Tajikistan" → "Minister of Foreign Affairs"."""
    if not label or not label.startswith("Ministry of "):
        return None
    rest = label[len("Ministry of ") :]
    cut = rest.find(" of ")
    return "Minister of " + (rest[:cut] if cut > 0 else rest)


def _head_of(
    title_en: str,
    title_src: str | None,
    org: str | None,
    entry: KBEntry | None,
    date: str | None,
    head_country: str | None,
    kb,
) -> tuple[str, str | None, str | None]:
    """A generic head title made formal: the head of a listed organization takes its formal
    title ("глава Росатома" → Director General), the head of a ministry is its minister (of
    the ministry's country), and the head of a country named right after the title ("глава
    России", "head of Kazakhstan") is its head of state (the knowledge base's post at the
    date, else President). Anything else stays "Head"."""
    if title_en not in (HEAD, DEPUTY_HEAD) or org is None:
        return title_en, title_src, org
    deputy = title_en == DEPUTY_HEAD
    if not deputy and org in head_titles():
        en, ru = head_titles()[org]
        return en, ru, org
    e = kb.get(org)
    minister = _ministry_title(e.label("en") if e else None)
    if minister and e.country:
        return ("Deputy " + minister if deputy else minister), None, e.country
    if not deputy and head_country == org:
        t = _tenure_at(entry, date, org=org) if date else None
        if t is not None:
            return t.title_en, None, t.org
        return HEAD_OF_STATE[0], HEAD_OF_STATE[1], org
    return title_en, title_src, org


def _counterpart(title: Title, entry: KBEntry | None, org: str | None, date: str | None, earlier, start: int):
    """ "his Kazakh counterpart Kassym-Jomart Tokayev": the post of the nearest person named
    before with a post of another country (that title, this country), else the post the
    knowledge base gives the person at the document's date in that country."""
    before = [p for p in earlier if p.start < start and p.org != org]
    if before and org is not None:
        p = max(before, key=lambda p: p.start)
        return p.title_en, p.title_src, org
    if date:
        t = _tenure_at(entry, date, org=org)
        if t is not None:
            return t.title_en, None, t.org
    if date is None:
        t = _tenure_at(entry, None, org=org)
        if t is not None:
            return t.title_en, None, t.org
    return None, None, org


DASHES = ("–", "—", "-")


def _join_dashed(
    dashed: list, start: int, text: str, person, org, positions: dict, doc: Document, kb, lang: str
) -> None:
    """A title with no name of its own, joined by a dash to the title at ``start``, names the
    same person: "Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan"."""
    if not dashed:
        return
    d_start, d_end, d_title, d_org, _ = dashed[-1]
    if text[d_end:start].strip() not in DASHES or d_title.title_en == "=tenure":
        return
    title_en, title_src, p_org = _resolve_title(d_title, kb.get(person[2]), d_org or org, doc.date, kb, lang)
    if title_en is None or p_org is None or (person[2], title_en, p_org) in positions:
        return
    positions[(person[2], title_en, p_org)] = Position(
        person=person[2],
        title_en=title_en,
        org=p_org,
        start=d_start,
        end=person[1],
        evidence=text[d_start : person[1]],
        title_src=title_src if lang != "en" else None,
        lang=lang,
        date=doc.date,
        conflict=_conflict(kb.get(person[2]), title_en, p_org, doc.date),
    )
