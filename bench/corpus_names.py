"""The names of the benchmark corpus (bench/corpus.py): countries, cities, government bodies and
people from the knowledge base and ``bench/people.tsv``, the topics, fields and sentences of
``bench/templates.tsv``, and the Russian case forms of names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TEMPLATES = HERE / "templates.tsv"
PEOPLE = HERE / "people.tsv"
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")

# English country names that take "the"
_THE = {
    "Netherlands",
    "Philippines",
    "Bahamas",
    "Maldives",
    "Comoros",
    "Seychelles",
    "Gambia",
    "Vatican City",
    "Czech Republic",
    "Dominican Republic",
    "Central African Republic",
}


# --------------------------------------------------------------------------- names
def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class Name:
    """An entity's names: English text and Russian forms by case (None: not inflectable)."""

    key: str
    en: str
    ru: dict[str, str] = field(default_factory=dict)
    country: str | None = None
    gender: str = "m"
    title_en: str = ""
    title_ru: str = ""
    adj_en: str = ""

    def form(self, lang: str, case: str | None = None) -> str | None:
        if lang == "en":
            return self.en
        return self.ru.get(case or "nomn")


@lru_cache(maxsize=1)
def _morph():
    from bilat.extract.nlp import morph_analyzer

    return morph_analyzer()


def _capitalize_like(word: str, model: str) -> str:
    parts, models = word.split("-"), model.split("-")
    out = []
    for i, p in enumerate(parts):
        m = models[i] if i < len(models) else models[-1]
        if m.isupper() and len(m) > 1:
            out.append(p.upper())
        elif m[:1].isupper():
            out.append(p[:1].upper() + p[1:])
        else:
            out.append(p)
    return "-".join(out)


def inflect_ru(phrase: str, *, person: bool = False) -> dict[str, str] | None:
    """The case forms of a Russian name in the nominative, or None when pymorphy3 does not know
    its words. Words are inflected up to the first (common) noun, which heads the phrase
    ("Министерство иностранных дел России" → "Министерства иностранных дел России"); for people
    every word is."""
    morph = _morph()
    words = phrase.split()
    plans = []  # per word: a parse to inflect, or None to keep the word
    head_seen = False
    for w in words:
        if head_seen:
            plans.append(None)
            continue
        parses = [p for p in morph.parse(w) if "nomn" in p.tag]
        if not parses:
            if w.isupper() or not re.search("[а-яё]", w.lower()):
                plans.append(None)  # abbreviations, Latin: unchanged
                continue
            return None
        p = parses[0]
        if "Fixd" in p.tag:
            plans.append(None)
        elif not p.is_known:
            return None
        else:
            plans.append(p)
        if not person and p.tag.POS == "NOUN" and not ({"Name", "Surn", "Patr"} & p.tag.grammemes):
            head_seen = True
    out = {}
    for case in CASES:
        forms = []
        for w, p in zip(words, plans, strict=True):
            if p is None:
                forms.append(w)
                continue
            q = None
            if case == "accs" and p.tag.POS in ("ADJF", "PRTF"):
                q = p.inflect({case, "inan"})  # places and bodies are inanimate
            q = q or p.inflect({case})
            if q is None:
                return None
            forms.append(_capitalize_like(q.word, w))
        out[case] = " ".join(forms)
    return out


def _the(label: str) -> str:
    if label in _THE or label.startswith("United ") or "Islands" in label or "Republic of" in label:
        return "the " + label
    return label


def _body_en(label: str) -> str:
    return label if " " not in label else "the " + label


@dataclass
class Pools:
    """Everything a template can name."""

    people: list[Name]
    countries: dict[str, Name]
    cities: list[Name]
    bodies: list[Name]
    topics: dict[str, list[str]]
    fields: dict[str, list[str]]
    sentences: dict[str, list[str]]

    def people_of(self, country: str) -> list[Name]:
        return [p for p in self.people if p.country == country]


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=1)
def _country_titles() -> dict[str, tuple[str, str]]:
    """Canonical English title (lower case) → (how English news writes it, Russian canonical
    title), for the posts of a country in the English title list of ``bilat.extract``."""
    path = ROOT / "extract" / "data" / "en" / "titles.tsv"
    out: dict[str, tuple[str, str]] = {}
    if path.is_file():
        for row in read_tsv(path):
            if len(row) >= 4 and row[3].strip() == "country":
                out.setdefault(row[1].strip().lower(), (row[0].strip(), row[2].strip()))
    return out


_HUSHING = "жшчщц"
_VELAR = "гкхжшчщ"
_MALE_IN_A = {"Никита", "Илья", "Кузьма", "Фома", "Лука", "Нарендра", "Мустафа"}


def _person_word(word: str, gender: str) -> dict[str, str]:
    """Case forms of one word of a Russian personal name, by the usual endings; foreign names
    ending in another vowel (Нуртлеу, Матвиенко, Эмомали) do not decline."""
    if "-" in word:  # Касым-Жомарт: the last part declines
        head, _, tail = word.rpartition("-")
        return {c: f"{head}-{f}" for c, f in _person_word(tail, gender).items()}
    w = word
    same = {c: w for c in CASES}

    def ends(*suffixes: str) -> bool:
        return w.endswith(suffixes)

    if gender == "f":
        if ends("ова", "ева", "ёва", "ина", "ына"):
            s = w[:-1]
            return dict(nomn=w, gent=s + "ой", datv=s + "ой", accs=s + "у", ablt=s + "ой", loct=s + "ой")
        if ends("ая"):
            s = w[:-2]
            return dict(nomn=w, gent=s + "ой", datv=s + "ой", accs=s + "ую", ablt=s + "ой", loct=s + "ой")
    if ends("ия"):
        s = w[:-1]
        return dict(nomn=w, gent=s + "и", datv=s + "и", accs=s + "ю", ablt=s + "ей", loct=s + "и")
    if ends("а"):
        s = w[:-1]
        soft = s[-1:] in _VELAR
        return dict(
            nomn=w,
            gent=s + ("и" if soft else "ы"),
            datv=s + "е",
            accs=s + "у",
            ablt=s + ("ей" if s[-1:] in _HUSHING else "ой"),
            loct=s + "е",
        )
    if ends("я"):
        s = w[:-1]
        return dict(nomn=w, gent=s + "и", datv=s + "е", accs=s + "ю", ablt=s + "ей", loct=s + "е")
    if gender == "m" and ends("ский", "цкий", "ской", "цкой", "ый"):  # Зеленский: like an adjective
        s = w[:-2]
        soft = ends("ий")
        return dict(
            nomn=w,
            gent=s + "ого",
            datv=s + "ому",
            accs=s + "ого",
            ablt=s + ("им" if soft else "ым"),
            loct=s + "ом",
        )
    if gender == "f" or w[-1:] in "оеёиыуюэ":
        return same
    if ends("ов", "ев", "ёв", "ин", "ын"):
        return dict(nomn=w, gent=w + "а", datv=w + "у", accs=w + "а", ablt=w + "ым", loct=w + "е")
    if ends("ий"):
        s = w[:-1]
        return dict(nomn=w, gent=s + "я", datv=s + "ю", accs=s + "я", ablt=s + "ем", loct=s + "и")
    if ends("й", "ь"):
        s = w[:-1]
        return dict(nomn=w, gent=s + "я", datv=s + "ю", accs=s + "я", ablt=s + "ем", loct=s + "е")
    if re.match("[а-яё]", w[-1:]):
        return dict(
            nomn=w,
            gent=w + "а",
            datv=w + "у",
            accs=w + "а",
            ablt=w + ("ем" if w[-1] in _HUSHING else "ом"),
            loct=w + "е",
        )
    return same


def inflect_person_ru(name: str, gender: str) -> dict[str, str]:
    """Case forms of a Russian personal name (given name and surname)."""
    words = [_person_word(w, gender) for w in name.split()]
    return {c: " ".join(w[c] for w in words) for c in CASES}


def guess_gender(name_ru: str) -> str:
    first = name_ru.split()[0] if name_ru.split() else ""
    return "f" if first.endswith(("а", "я")) and first not in _MALE_IN_A else "m"


def _kb_person(e, countries: dict[str, Name]) -> Name | None:
    """A knowledge-base person in a current (else the latest) post of a country whose title the
    extractor knows, or None."""
    en, ru = e.label("en"), e.label("ru")
    titles = _country_titles()
    posts = [t for t in e.tenures if t.org in countries and t.title_en.lower() in titles]
    if not (en and ru and posts):
        return None
    current = [t for t in posts if not t.end]
    t = (current or posts)[-1]
    written, title_ru = titles[t.title_en.lower()]
    gender = guess_gender(ru)
    return Name(
        e.key,
        en,
        inflect_person_ru(ru, gender),
        country=t.org,
        gender=gender,
        title_en=written,
        title_ru=title_ru,
    )


@lru_cache(maxsize=1)
def load_pools() -> Pools:
    from bilat.graph.kb import load_kb

    kb = load_kb()
    countries: dict[str, Name] = {}
    cities, bodies, people = [], [], []
    for e in kb:
        en, ru = e.label("en"), e.label("ru")
        if not en or not ru:
            continue
        if e.cls == "Country":
            adj = next((a.text for a in e.aliases if a.kind == "adjective" and a.lang == "en"), "")
            countries[e.key] = Name(e.key, _the(en), inflect_ru(ru) or {"nomn": ru}, adj_en=adj)
        elif e.cls == "City":
            cities.append(Name(e.key, en, inflect_ru(ru) or {"nomn": ru}, country=e.country))
        elif e.cls == "GovernmentBody":
            bodies.append(Name(e.key, _body_en(en), inflect_ru(ru) or {"nomn": ru}, country=e.country))
    for e in kb:  # people last: their posts name countries
        if e.cls == "Person":
            person = _kb_person(e, countries)
            if person is not None:
                people.append(person)
    # the written-out list: its Russian forms win; a person already there by either name is
    # replaced, not added twice
    for row in read_tsv(PEOPLE):
        country, en, gender, title_en, title_ru, nomn, gent, accs, ablt = (c.strip() for c in row)
        forms = dict(inflect_person_ru(nomn, gender), gent=gent, accs=accs, ablt=ablt)
        same = [p for p in people if p.en == en or p.ru.get("nomn") == nomn]
        if same:  # the knowledge base's names and post stay
            same[0].gender = gender
            if same[0].ru.get("nomn") == nomn:
                same[0].ru = forms
            continue
        people.append(
            Name(slug(en), en, forms, country=country, gender=gender, title_en=title_en, title_ru=title_ru)
        )
    # people of countries whose Russian name declines (every slot of a template can be filled)
    people = [p for p in people if p.country in countries and len(countries[p.country].ru) == len(CASES)]
    topics: dict[str, list[str]] = {"en": [], "ru": []}
    fields: dict[str, list[str]] = {"en": [], "ru": []}
    sentences: dict[str, list[str]] = {"en": [], "ru": []}
    for kind, lang, text in read_tsv(TEMPLATES):
        {"topic": topics, "field": fields, "sentence": sentences}[kind][lang].append(text)
    return Pools(people, countries, cities, bodies, topics, fields, sentences)
