"""Places, bodies and outlets the NER misses or misnames: facilities named after a noun
("авиабазу Кант"), embassies ("the Kazakh embassy"), editions of an outlet, the document's own
outlet (from its source), and the state a body belongs to.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from bilat.extract.languages import PIVOT, profile
from bilat.extract.link_gazetteer import PLACE_CLASSES, _Span, _word_keys, resources
from bilat.extract.link_missions import (
    english_after_of,
    host_named_in_full,
    last_other_state,
    other_main_state,
)
from bilat.extract.link_names import _Near, _prefix
from bilat.extract.records import Document, KBEntry
from bilat.extract.text import (
    DATA,
    english_name,
    fold,
    is_cyrillic,
    lemma,
    match_key,
    read_table,
    words,
)

# a facility noun right before a name, perhaps with an opening quote: "авиабазу Кант", АЭС "Аккую"
_BEFORE_NAME = re.compile(r"(?<![\w-])(\w+) ([\"«“]?)$")


_QUOTE_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'))


def _closing_quote(name: str) -> str | None:
    """The quote a name opens and leaves open: 'АЭС "Аккую' → '"', "«Сила Сибири" → "»".

    >>> _closing_quote('АЭС "Аккую'), _closing_quote("центр «Астана»"), _closing_quote("Astana")
    ('"', None, None)
    """
    for left, right in _QUOTE_PAIRS:
        opened = name.count(left) if left != right else name.count(left) % 2
        closed = name.count(right) if left != right else 0
        if opened > closed:
            return right
    return None


@lru_cache(maxsize=4)
def _facility_table(lang: str) -> tuple[tuple[str, str, str, str, str], ...]:
    """(noun, class, side, kind, label noun) rows of ``facility_nouns.tsv``."""
    return tuple(
        (r[0], r[1], r[2], r[3] if len(r) > 3 else "", r[4] if len(r) > 4 else "")
        for r in read_table(DATA / lang / "facility_nouns.tsv")
    )


@lru_cache(maxsize=4)
def facility_nouns(lang: str) -> tuple[re.Pattern | None, dict[str, tuple[str, str]]]:
    """The facility nouns of ``facility_nouns.tsv``: a pattern for those written after a
    name (group 1 the noun, case-insensitive, longest first) and the lemmas of those written
    before one, with their (class, kind)."""
    rows = _facility_table(lang)
    after = sorted((n for n, _, side, _, _ in rows if side == "after"), key=len, reverse=True)
    pattern = (
        re.compile(r" (" + "|".join(r"\s".join(map(re.escape, n.split())) for n in after) + r")\b", re.I)
        if after
        else None
    )
    return pattern, {n: (c, k) for n, c, side, k, _ in rows if side == "before"}


def _facility_inside(name: str, lang: str) -> tuple[str, str, str] | None:
    """(class, kind, the name without its noun) of a name that holds its facility noun:
    "Lachin Corridor", 'АЭС "Аккую"'; None for another name."""
    after, before = facility_nouns(lang)
    if after is not None:
        m = after.search(name)
        if m and m.end() == len(name) and m.start() > 0 and name[: m.start()].strip():
            return *after_noun(lang, m.group(1)), name[: m.start()]
    first, _, rest = name.partition(" ")
    if before and rest.strip('"«»“” ') and lemma(first) in before:
        return *before[lemma(first)], rest.strip('"«»“” ')
    return None


_WORD_AT_END = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*)$")


def _names_before_nouns(text: str, spans: list[_Span], lang: str, after: re.Pattern | None) -> list[_Span]:
    """Names the NER missed right before a facility noun written after its name: one word
    that no span covers and the language module's ``name_word`` calls a name ("The Akkuyu
    nuclear power plant project", "the Paks nuclear plant"); no word of a language without
    that function."""
    name_word = getattr(profile(lang).module, "name_word", None)
    if after is None or name_word is None:
        return []
    taken = [(sp.start, sp.end) for sp in spans]
    out = []
    for m in after.finditer(text):
        w = _WORD_AT_END.search(text, max(0, m.start() - 40), m.start())
        if w is None or not name_word(w.group(1)):
            continue
        if any(a < w.end() and w.start() < b for a, b in taken):
            continue
        out.append(_Span(w.start(), w.end(), w.group(1), "LOC", normal=w.group(1)))
    return out


def after_noun(lang: str, noun: str) -> tuple[str, str]:
    """(class, kind) of a facility noun written after a name."""
    key = " ".join(noun.lower().split())
    return next(
        ((c, k) for n, c, side, k, _ in _facility_table(lang) if side == "after" and n.lower() == key),
        ("Place", ""),
    )


def label_noun(lang: str, noun: str) -> str:
    """How a facility's label writes a noun written after its name: the fifth column of its
    row in ``facility_nouns.tsv`` when given ("NPP", "nuclear plant" → "nuclear power plant";
    "space launch centre" → "cosmodrome"), else the noun as written."""
    key = " ".join(noun.lower().split())
    return next(
        (lab for n, _, side, _, lab in _facility_table(lang) if side == "after" and lab and n.lower() == key),
        noun,
    )


def _labelled(name: str, noun: str, lang: str) -> str:
    """A facility's name and its noun as its label writes it: "Leningrad NPP" → "Leningrad
    nuclear power plant"."""
    return name.rstrip() + " " + label_noun(lang, noun)


def facility_key(cls: str, kind: str, name: str) -> str:
    """The key of a facility: its name and its noun's kind, the same in every language; the
    name alone for a noun that names the place itself ("Medeu district").

    >>> facility_key("Project", "air-base", "Kant"), facility_key("Place", "", "Medeu")
    ('org/kant-air-base', 'place/medeu')
    """
    return _prefix(cls) + "/" + match_key(name) + ("-" + kind if kind else "")


@lru_cache(maxsize=4)
def state_form(lang: str) -> str | None:
    """How an unknown body's label names the state written after it (``state`` row of
    ``data/<lang>/body_state.tsv``: "{state:gent}"), or None to keep the text's words."""
    rows = read_table(DATA / lang / "body_state.tsv")
    return next((r[1] for r in rows if r[0] == "state" and len(r) > 1), None)


def state_label(pattern: str | None, label: str | None, lang: str) -> str | None:
    """A state's label as ``pattern`` wants it: "{state:gent}" and "Киргизия" → "Киргизии"
    (inflected by the language's module), "{state}" → the label; None when it cannot be.

    >>> state_label("{state:gent}", "Киргизия", "ru"), state_label(None, "Киргизия", "ru")
    ('Киргизии', None)
    """
    m = re.fullmatch(r"\{state(?::(\w+))?\}", pattern or "")
    if m is None or not label:
        return None
    if m.group(1) is None:
        return label
    inflect = getattr(profile(lang).module, "inflect", None)
    return inflect(label, m.group(1)) if inflect is not None else None


@lru_cache(maxsize=4)
def body_state(lang: str) -> tuple[re.Pattern, str | None]:
    """How a body's name joins its state's after it (a pattern matching from the name's end
    to the state's start, on one line), and the English label pattern of a body its state
    names before it ({body}, {state}); from ``data/<lang>/body_state.tsv`` (read once per
    language)."""
    joins, label = [], None
    for kind, value in read_table(DATA / lang / "body_state.tsv"):
        if kind == "and":
            continue
        if kind == "join":
            joins.append(" " if value == "-" else " " + " ".join(map(re.escape, value.split())) + " ")
        elif kind == "label":
            label = value
    alts = "|".join(sorted(joins, key=len, reverse=True))
    return re.compile(f"(?:{alts})" if alts else r"(?!)"), label


@lru_cache(maxsize=4)
def _embassy_words(lang: str) -> tuple[dict[str, str], dict[str, str], dict[str, str], str | None]:
    """``embassy.tsv``: each word's role, each noun's English kind and native label noun, the
    native label pattern."""
    path = DATA / lang / "embassy.tsv"
    roles, kinds, nouns, label = {}, {}, {}, None
    for r in read_table(path) if path.exists() else ():
        if r[0] == "label":
            label = r[1]
            continue
        roles[r[0]] = r[1]
        if len(r) > 2:
            kinds[r[0]] = r[2]
        if len(r) > 3:
            nouns[r[0]] = r[3]
    return roles, kinds, nouns, label


def _headline_case(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in name.split())


def _native_label(e: KBEntry | None, lang: str) -> str | None:
    return dict(e.labels).get(profile(lang).label_tag) if e is not None else None


def _mission_label(
    pattern: str | None,
    noun: str | None,
    sender: str | None,
    in_word: str,
    host: str | None,
    lang: str,
    *,
    host_written: bool = False,
) -> str | None:
    """A mission's label from ``embassy.tsv``'s pattern: "{noun} {sender:gent} {in}
    {host:loct}" → "Посольство России в Молдове" (the states' labels inflected by the
    language's module; ``host`` kept when ``host_written``: the text's form after the "in"
    word); None when a part is missing or cannot be inflected.

    >>> _mission_label("{noun} {sender:gent} {in} {host:loct}", "Посольство", "Россия", "в", "Молдова", "ru")
    'Посольство России в Молдове'
    """
    if not (pattern and noun and sender and host):
        return None
    inflect = getattr(profile(lang).module, "inflect", None)
    if inflect is None:
        return None
    parts = {"noun": noun, "in": in_word.lower()}
    for field, value in (("sender", sender), ("host", host)):
        m = re.search(r"\{" + field + r":(\w+)\}", pattern)
        if m is None:
            continue
        form = value if field == "host" and host_written else inflect(value, m.group(1))
        if form is None:
            return None
        parts[field + ":" + m.group(1)] = form
    try:
        return re.sub(r"\{([\w:]+)\}", lambda m: parts[m.group(1)], pattern)
    except KeyError:
        return None


@lru_cache(maxsize=1)
def _outlet_words() -> tuple[re.Pattern, frozenset[str]]:
    rows = read_table(DATA / "common" / "outlet_source.tsv")
    joins = [r[0] for r in rows if r[1] == "join"]
    bodies = frozenset(r[0] for r in rows if r[1] == "body")
    return re.compile(r"\s*(?:,|\b(?:" + "|".join(map(re.escape, joins)) + r")\b)\s*"), bodies


@lru_cache(maxsize=512)
def outlet_names(source: str) -> tuple[str, ...]:
    """The outlets a document's source metadata names, without the bracketed domains and
    notes; sources that are state bodies or officials are not outlets.

    >>> outlet_names("AKIpress via NSN (nsn.asia)")
    ('AKIpress', 'NSN')
    >>> outlet_names("CentrAsia (centrasia.org), reprint of Kommersant")
    ('CentrAsia', 'Kommersant')
    >>> outlet_names("Ministry of Foreign Affairs of Russia (mid.ru)")
    ()
    """
    joins, bodies = _outlet_words()
    plain = re.sub(r"\([^()]*\)", " ", source)
    out = []
    for part in joins.split(plain):
        part = " ".join(part.split())
        if len(part) < 3 or not part[:1].isupper() or any(w.lower() in bodies for w in part.split()):
            continue
        out.append(part)
    return tuple(out)


@lru_cache(maxsize=512)
def _outlet_patterns(form: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The patterns of an outlet's name in a text (compiled once per name: the same outlets
    publish article after article): the name anywhere in any case (a quick test: the text
    has no match of the others without one of it), the name as written, with a domain
    ending ("Trend", "Trend.az"), and the same in any case (the caller keeps the capitalized
    and dotted matches: "AKIPRESS.COM")."""
    return (
        re.compile(re.escape(form), re.I),
        re.compile(r"(?<![\w.])" + re.escape(form) + r"(?:\.[a-z]{2,4})?(?![\w-]|\.\w)"),
        re.compile(r"(?<![\w.])(?i:" + re.escape(form) + r")(?:\.(?i:[a-z]{2,4}))?(?![\w-]|\.\w)"),
    )


@lru_cache(maxsize=512)
def _domain_patterns(domain: str) -> tuple[re.Pattern, re.Pattern]:
    """The patterns of an outlet's domain in a text, in any case: anywhere (a quick test, as in
    :func:`_outlet_patterns`), and alone ("sotreport.kz", not "sotreport.kz/news")."""
    return re.compile(re.escape(domain), re.I), re.compile(
        r"(?<![\w./])" + re.escape(domain) + r"(?![\w/-])", re.I
    )


def _may_open(key: str, ws: list, i: int, n: int) -> bool:
    """Whether the ``n`` words of ``ws`` from ``i`` may have ``key`` as their ``match_key``, by
    the first word alone (a quick test before :func:`_window_key`): a first word with a key of
    its own and a space after it (or alone) keys the start of the window, up to a "-".

    >>> ws = words("Times of Central Asia Today")
    >>> _may_open("times-of-central-asia", ws, 0, 4), _may_open("times-of-central-asia", ws, 2, 4)
    (True, False)
    >>> _may_open("timesof", ws, 0, 2), _may_open("central", ws, 2, 1), _may_open("asia", ws, 2, 1)
    (False, True, False)
    """
    first = match_key(ws[i].text)
    if not first or (n > 1 and ws[i + 1].start == ws[i].end):
        return True  # no key of its own, or a word that touches the next ("O'Brien"): cannot tell
    return key == first or key.startswith(first + "-")


def _window_key(text: str, ws: list, i: int, n: int) -> str:
    """``match_key`` of the ``n`` words of ``ws`` from ``i``. Words with spaces between them
    are keyed one by one (each word's key is kept by ``match_key``), and the keys of those that
    have one are joined by "-": what ``match_key`` of the whole gives, since it keys
    space-separated parts alike; words that touch ("O'Brien": "O", "'", "Brien") are keyed
    together.

    >>> t = "the Times  of Central Asia, O'Brien"
    >>> ws = words(t)
    >>> [_window_key(t, ws, i, n) == match_key(t[ws[i].start : ws[i + n - 1].end])
    ...  for i, n in ((1, 3), (0, 6), (4, 2), (6, 3), (5, 4))]
    [True, True, True, True, True]
    >>> _window_key(t, ws, 1, 3), _window_key(t, ws, 6, 3)
    ('times-of-central', 'obrien')
    """
    if n == 1:
        return match_key(ws[i].text)
    if all(ws[j].start > ws[j - 1].end for j in range(i + 1, i + n)):
        return "-".join(k for k in map(match_key, [w.text for w in ws[i : i + n]]) if k)
    return match_key(text[ws[i].start : ws[i + n - 1].end])


def _source_domains(source: str) -> list[tuple[str, str]]:
    """(domain, outlet name) pairs of the source metadata: "Sotreport (sotreport.kz)".

    >>> _source_domains("Sotreport (sotreport.kz)")
    [('sotreport.kz', 'Sotreport')]
    """
    out = []
    for m in re.finditer(r"([^()]+?)\s*\(([\w.-]+\.[a-z]{2,4})\)", source):
        names = outlet_names(m.group(1))
        if names:
            out.append((m.group(2).lower(), names[-1]))
    return out


def _lines(start: int, text: str, normal: str) -> list[tuple[int, str, str]]:
    r"""A name never crosses a line break: the parts of a span on each line, with their share of
    the normalized form when it has as many words ("Олаф Шольц\nШольц" → two names).

    >>> _lines(5, "Олаф Шольц\nШольц", "Олаф Шольц Шольц")
    [(5, 'Олаф Шольц', 'Олаф Шольц'), (16, 'Шольц', 'Шольц')]
    """
    if "\n" not in text:
        return [(start, text, normal)]
    norm = normal.split() if len(normal.split()) == len(text.split()) else None
    out, pos, used = [], 0, 0
    for line in text.split("\n"):
        part = line.strip(' \t"«»“”,.;:')
        n = len(part.split())
        if part and any(c.isalpha() for c in part):
            off = text.find(part, pos)
            out.append((start + off, part, " ".join(norm[used : used + n]) if norm else part))
        pos += len(line) + 1
        used += len(line.split())
    return out


class PlaceRules:
    """The linker's rules for facilities, embassies, editions and outlets (a part of
    :class:`bilat.extract.link.Linker`)."""

    def _facilities(self, text: str, gaz: list[_Span], ner: list[_Span], lang: str) -> list[_Span]:
        """A name and the facility noun written with it ("Lachin road", "Ak-Jol checkpoint",
        "Leningrad NPP", "авиабазу Кант", АЭС "Аккую") make one place or project
        (``facility_nouns.tsv``). A known city or country takes only a capitalized noun
        ("Ulaanbaatar Railway"); people, adjectives, bodies and companies the knowledge base
        knows take none."""
        after, before = facility_nouns(lang)
        out: list[_Span] = []
        unnamed = _names_before_nouns(text, gaz + ner, lang, after)
        for sp in sorted(gaz + ner + unnamed, key=lambda x: (x.start, -x.end)):
            if sp.label in ("ADJ", "NORP") or "\n" in sp.text:
                continue
            kb_classes = {self.kb[c.key].cls for c in sp.keys if c.kind != "surname"}
            if kb_classes - PLACE_CLASSES or (sp.label == "PER" and sp.keys):
                continue
            m = after.match(text, sp.end) if after else None
            if m and kb_classes and not m.group(1)[:1].isupper():
                m = None
            inner = None if sp.keys else _facility_inside(sp.text, lang)
            name = sp.normal or sp.text
            if inner is not None:
                # the NER took the noun in: "Lachin Corridor", 'АЭС "Аккую"'
                start, end, (cls, kind, name) = sp.start, sp.end, inner
                normal = sp.normal or sp.text
                written = after.search(normal) if after else None
                if written and written.end() == len(normal):
                    normal = _labelled(normal[: written.start()], written.group(1), lang)
            elif m:
                start, end, noun = sp.start, m.end(), m.group(1)
                cls, kind = after_noun(lang, noun)
                normal = _labelled(text[start : m.start()], noun, lang)
            else:
                lo = max(0, sp.start - 40)
                m = _BEFORE_NAME.search(text[lo : sp.start]) if before else None
                if not m or lemma(m.group(1)) not in before:
                    continue
                start, end, noun = lo + m.start(), sp.end, m.group(1)
                if text[end : end + 1] in '"»”' and m.group(2):
                    end += 1  # the closing quote of a quoted name
                cls, kind = before[lemma(noun)]
                # the noun in its dictionary form, the name as written: "авиабаза Кант"
                normal = (noun if noun.isupper() else lemma(noun)) + text[start + len(noun) : end]
            if out and out[-1].end > start:
                continue
            # "Kant air base" and "авиабаза Кант", "Lachin road" and "Lachin corridor" meet
            key = facility_key(cls, kind, name)
            out.append(_Span(start, end, text[start:end], "LOC", normal=normal, key=key, cls=cls))
        return out

    def _editions(self, text: str, gaz: list[_Span]) -> list[_Span]:
        """An outlet's edition for a country is an outlet of its own: "Sputnik Azerbaijan",
        "Sputnik Казахстан" (the outlet's name, then the country's, on one line)."""
        out = []
        for n, g in enumerate(gaz):
            outlet = [c for c in g.keys if self.kb[c.key].cls == "MediaOutlet"]
            if not outlet:
                continue
            e = self.kb[outlet[0].key]
            country = None
            nxt = gaz[n + 1] if n + 1 < len(gaz) else None
            if nxt is not None and text[g.end : nxt.start] == " " and self._country_of(nxt.text):
                country, end = self._country_of(nxt.text), nxt.end
            else:
                for _, lab in e.labels:
                    head = fold(lab) + " "
                    if fold(g.text).startswith(head) and self._country_of(g.text[len(head) :]):
                        country, end = self._country_of(g.text[len(head) :]), g.end
                        break
            if country is None:
                continue
            name = text[g.start : end]
            en = dict(e.labels).get(PIVOT, name.split()[0]) + " " + dict(country.labels).get(PIVOT, "")
            out.append(
                _Span(
                    g.start,
                    end,
                    name,
                    "ORG",
                    normal=name,
                    key="org/" + match_key(en),
                    cls="MediaOutlet",
                    english=en,
                )
            )
        return out

    def _embassies(self, text: str, gaz: list[_Span], lang: str, ner: Sequence[_Span] = ()) -> list[_Span]:
        """A mission named by its two states is one body: "the Russian Embassy in Uzbekistan",
        "Embassy of Russia in Uzbekistan", "посольство России в Узбекистане" → "Embassy of Russia
        in Uzbekistan" (the knowledge base's entry when it has one), whatever the language. An
        embassy is the host state's (the capital written for it: "посольства России в
        Кишиневе" is the Embassy of Russia in Moldova); a consulate is its city's, known or
        found by the NER ("генконсульства РФ в Гданьске": Consulate General of Russia in
        Gdansk) (``embassy.tsv``)."""
        roles, kinds, nouns, label = _embassy_words(lang)
        P = profile(lang)
        state = {}
        for n, g in enumerate(gaz):
            e = self._state_of(g)
            if e is not None:
                state[n] = e
        gaz_at = {g.start: n for n, g in enumerate(gaz)}
        ner_places = {sp.start: sp for sp in ner if sp.label in ("GPE", "LOC") and "\n" not in sp.text}
        out = []
        full: list[tuple[str, str]] = []  # (sender, host) of the missions named with both states
        pending = []  # embassies named by their sender only: host found below (link_missions)
        for w in words(text):
            noun = P.word_key(w.text)  # "посольства" → "посольство", "Embassy" → "embassy"
            if roles.get(noun) != "noun":
                continue
            kind = kinds.get(noun, "Embassy")
            sender = host = None
            first = last = None
            for n, g in enumerate(gaz):
                if n not in state:
                    continue
                gap = text[g.end : w.start]
                if g.end <= w.start and gap in (" ", "’s ", "'s ") and state[n].cls == "Country":
                    sender, first = state[n], g  # "Russian Embassy", "Russia's embassy"
                after = text[w.end : g.start]
                if g.start > w.end and re.fullmatch(r"\s+(\w+)\s+(?:the\s+)?", after):
                    word = re.fullmatch(r"\s+(\w+)\s+(?:the\s+)?", after).group(1).lower()
                    if roles.get(word) == "of" and sender is None and state[n].cls == "Country":
                        sender, first = state[n], g
                if (
                    P.genitive_after_noun
                    and g.start == w.end + 1
                    and sender is None
                    and state[n].cls == "Country"
                ):
                    sender, first = state[n], g  # "посольство России"
                if sender is not None:
                    break
            if sender is None:
                continue
            m = re.compile(r"\s+(\w+)\s+(?:the\s+)?").match(text, max(w.end, first.end))
            if not m or roles.get(m.group(1).lower()) != "in":
                if kind == "Embassy":
                    pending.append((w, noun, sender, first, None))
                continue
            in_word, city = m.group(1), None
            n = gaz_at.get(m.end())
            if n is not None and n in state and gaz[n].label != "ADJ":
                host, last = state[n], gaz[n]
                e = self.kb[next(c.key for c in last.keys if c.kind != "surname")]
                if e.cls == "City":
                    city = (e, last.text)
            elif m.end() in ner_places and kind != "Embassy":
                last = ner_places[m.end()]
                city = (None, last.text)
            if last is None and kind == "Embassy":
                pending.append((w, noun, sender, first, m))  # "в республике", "in a statement"
                continue
            if last is None or host is not None and sender.key == host.key:
                continue
            if host is not None:
                full.append((sender.key, host.key))
            start = min(w.start, first.start)
            if kind == "Embassy" or city is None:
                if host is None:
                    continue
                place_en = english_after_of(host, PIVOT)
                written = None if city is not None else last.text  # a capital: the state's name
            else:
                known, written = city
                place_en = (
                    dict(known.labels)[PIVOT] if known else _headline_case(english_name(lemma(written)))
                )
            en = f"{kind} of {english_after_of(sender, PIVOT)} in {place_en}"
            key = self._mission_key(en)
            surface = text[start : last.end]
            name = en
            if lang != PIVOT:
                name = _mission_label(
                    label,
                    nouns.get(noun),
                    _native_label(sender, lang),
                    in_word,
                    written or _native_label(host, lang),
                    lang,
                    host_written=written is not None,
                )
                name = name or surface[:1].upper() + surface[1:]
            out.append(
                _Span(start, last.end, surface, "ORG", normal=name, key=key, cls="GovernmentBody", english=en)
            )
        if pending:
            out += self._embassies_by_sender(text, gaz, state, pending, full, lang)
        return out

    def _mission_key(self, en: str) -> str:
        """A mission's key: the knowledge base's entry of its English name, else one of its own."""
        from bilat.graph.kb import slugify

        return slugify(en) if slugify(en) in self.kb else "org/" + match_key(en)

    def _embassies_by_sender(self, text, gaz, state, pending, full, lang) -> list[_Span]:
        """Embassies named by their sending state only ("the Russian Embassy confirmed",
        "посольства Венесуэлы", "посольство России в республике"), the host found by
        ``link_missions``; one span each, from the state's word to the noun (or the anaphor)."""
        roles, kinds, nouns, label = _embassy_words(lang)
        in_words = [w for w, r in roles.items() if r == "in"]
        # the anaphor in any case: "МИД республики" lists the word, "в республике" its other form
        anaphora = {fold(lemma(w)) for w in resources(lang).state_anaphora}
        counts = Counter(state[n].key for n in state)  # a state's name or adjective, a city's state
        out = []
        for w, noun, sender, first, m in pending:
            end = max(w.end, first.end)
            host = host_named_in_full(sender.key, full)
            if m is not None:
                after = re.match(r"\w+", text[m.end() :])
                if after is None or fold(lemma(after.group(0))) not in anaphora:
                    if host is None:
                        host = other_main_state(sender.key, counts)
                else:
                    before = [state[n].key for n in sorted(state) if gaz[n].end <= w.start]
                    host = last_other_state(sender.key, before)
                    end = m.end() + after.end()
            elif host is None:
                host = other_main_state(sender.key, counts)
            if host is None or host == sender.key or host not in self.kb:
                continue
            host_e = self.kb[host]
            en = f"Embassy of {english_after_of(sender, PIVOT)} in {english_after_of(host_e, PIVOT)}"
            key = self._mission_key(en)
            start = min(w.start, first.start)
            name = en
            if lang != PIVOT:
                # the language's first "in" word, or the one a host takes ("на Кубе": host_on rows)
                in_word = kinds[host] if roles.get(host) == "host_on" else in_words[0]
                name = (
                    _mission_label(
                        label,
                        nouns.get(noun),
                        _native_label(sender, lang),
                        in_word,
                        _native_label(host_e, lang),
                        lang,
                    )
                    or text[start:end][:1].upper() + text[start:end][1:]
                )
            out.append(
                _Span(
                    start, end, text[start:end], "ORG", normal=name, key=key, cls="GovernmentBody", english=en
                )
            )
        return out

    def _state_of(self, g: _Span) -> KBEntry | None:
        """The country a gazetteer span names: the country itself, its adjective, or a city's."""
        keys = {c.key for c in g.keys if c.kind != "surname"}
        if len(keys) != 1:
            return None
        e = self.kb[next(iter(keys))]
        if e.cls == "Country":
            return e
        if e.cls == "City" and e.country in self.kb:
            return self.kb[e.country]
        return None

    def _country_of(self, name: str) -> KBEntry | None:
        for seq in _word_keys(name):
            keys = {c.key for c in self.gazetteer.index.get(seq, ()) if c.kind in ("label", "alt", "abbr")}
            if len(keys) == 1 and self.kb[next(iter(keys))].cls == "Country":
                return self.kb[keys.pop()]
        return None

    def _own_outlet(self, doc: Document, text: str, gaz: list[_Span]) -> list[_Span]:
        """The outlet that published the document, named in its text: the metadata names it
        ("Trend (trend.az)", "AKIpress via NSN (nsn.asia)"); the text writes it as there, in
        capitals ("AKIPRESS.COM"), as its domain ("sotreport.kz"), in the other script
        ("КазТАГ" for KazTAG) or by its initials ("The Times of Central Asia" → "TCA")."""
        out: list[_Span] = []
        taken = [(g.start, g.end) for g in gaz]
        outlets_known = _Near(
            [(g.start, g.end) for g in gaz if any(self.kb[c.key].cls == "MediaOutlet" for c in g.keys)]
        )
        domains = dict(_source_domains(doc.source or ""))
        ws: list | None = None  # the words of the text, once a name asks
        for name in outlet_names(doc.source or ""):
            forms = [name] + ([name[4:]] if name.startswith("The ") else [])
            initials = "".join(w[0] for w in forms[-1].split() if w[:1].isupper())
            if len(initials) >= 3 and initials.isupper():
                forms.append(initials)
            hits = []
            for form in forms:
                anywhere, exact, caseless = _outlet_patterns(form)
                if anywhere.search(text) is None:
                    continue  # (the quick test: both patterns below hold the name)
                hits += list(exact.finditer(text))
                for m in caseless.finditer(text):
                    if m.group().isupper() or "." in m.group():
                        hits.append(m)
            for dom, owner in domains.items():
                if owner == name:
                    anywhere, alone = _domain_patterns(dom)
                    if anywhere.search(text) is not None:
                        hits += list(alone.finditer(text))
            key = match_key(name)
            n = len(name.split())
            if ws is None:
                ws = words(text)
            for i in range(len(ws) - n + 1):
                if (
                    ws[i].text[:1].isupper()
                    and _may_open(key, ws, i, n)
                    and _window_key(text, ws, i, n) == key
                ):
                    hits.append(
                        re.compile(re.escape(text[ws[i].start : ws[i + n - 1].end])).match(text, ws[i].start)
                    )
            if any(m.start() == g[0] and m.end() == g[1] for m in hits for g in taken) or any(
                m is not None and outlets_known.overlapping(m.start(), m.end()) for m in hits
            ):
                continue  # the knowledge base knows it ("Kazinform News Agency" holds "Kazinform")
            for m in sorted({(m.start(), m.end()): m for m in hits if m}.values(), key=lambda m: m.start()):
                if any(o.start < m.end() and m.start() < o.end for o in out):
                    continue
                out.append(
                    _Span(
                        m.start(),
                        m.end(),
                        m.group(),
                        "ORG",
                        key="org/" + key,
                        normal=m.group() if is_cyrillic(m.group()) else name,
                        cls="MediaOutlet",
                    )
                )
        return out
