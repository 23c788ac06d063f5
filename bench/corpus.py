"""The benchmark corpus: news-like English and Russian documents generated from templates.

Sentences come from ``bench/templates.tsv``, filled with names from the knowledge base
(countries, cities, government bodies; people from ``bench/people.tsv`` plus any ``bl:Person``
of the knowledge base), in the right case for Russian. Each document (150–400 words) is about
one pair of states, mostly Russia and Kazakhstan. Generation is seeded, so the same arguments
give the same corpus; it is cached as JSON lines under ``.cache/bench/``.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bilat.extract.records import Document

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE_DIR = ROOT / ".cache" / "bench"
TEMPLATES = HERE / "templates.tsv"
PEOPLE = HERE / "people.tsv"
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_VERSION = "1"  # bump when generation changes, to invalidate caches

MIN_WORDS, MAX_WORDS = 150, 400
# The pair of states a document is about: mostly Russia and Kazakhstan, as in the project's news
FOCUS = ("russia", "kazakhstan")

_WEEKDAYS = {
    "en": ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday"],
    "ru": ["в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье"],
}
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTHS_RU_GENT = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
_MONTHS_RU_LOCT = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
]
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


# --------------------------------------------------------------------------- filling
_SLOT = re.compile(r"\{(\w+)(?:\|(\w+))?\}|\{(g2?):([^|}]*)\|([^}]*)\}")


class _Filler:
    def __init__(self, pools: Pools, rng: random.Random, lang: str):
        self.p, self.rng, self.lang = pools, rng, lang
        self.main = self._pair()

    def _pair(self) -> tuple[Name, Name]:
        rng, p = self.rng, self.p
        with_people = sorted({x.country for x in p.people})
        if rng.random() < 0.5 and all(p.people_of(c) for c in FOCUS):
            a, b = FOCUS if rng.random() < 0.5 else FOCUS[::-1]
        else:
            a = rng.choice([c for c in FOCUS if p.people_of(c)] or with_people)
            b = rng.choice([c for c in with_people if c != a] or with_people)
        return rng.choice(p.people_of(a)), rng.choice(p.people_of(b))

    def _pick(self, items: list[Name], countries: tuple[str, ...]) -> Name:
        # Russian: only names with every case form, whatever case the template asks for
        ok = [x for x in items if self.lang == "en" or len(x.ru) == len(CASES)]
        local = [x for x in ok if x.country in countries]
        return self.rng.choice(local if local and self.rng.random() < 0.85 else ok)

    def sentence(self, template: str) -> str:
        rng = self.rng
        person, person2 = self.main if rng.random() < 0.8 else self._pair()
        pair = (person.country, person2.country)
        chosen: dict[str, Name] = {}

        def name(slot: str, case: str | None) -> str:
            if slot == "person":
                n = person
            elif slot == "person2":
                n = person2
            elif slot == "country":
                n = self.p.countries[person.country]
            elif slot == "country2":
                n = self.p.countries[person2.country]
            elif slot in ("city", "body", "body2", "other"):
                if slot not in chosen:
                    if slot == "other":
                        pool = [c for k, c in self.p.countries.items() if k not in pair]
                        chosen[slot] = self._pick(pool, ())
                    elif slot == "city":
                        chosen[slot] = self._pick(self.p.cities, pair)
                    else:
                        owner = pair[0] if slot == "body" else pair[1]
                        taken = chosen["body"].key if "body" in chosen else None
                        pool = [b for b in self.p.bodies if b.key != taken]
                        chosen[slot] = self._pick(pool, (owner,))
                n = chosen[slot]
            else:
                raise KeyError(slot)
            return n.form(self.lang, case) or n.form(self.lang) or n.en

        def repl(m: re.Match) -> str:
            if m.group(3):
                who = person if m.group(3) == "g" else person2
                return m.group(4) if who.gender == "m" else m.group(5)
            slot, case = m.group(1), m.group(2)
            if slot in ("person", "person2", "country", "country2", "city", "body", "body2", "other"):
                return name(slot, case)
            if slot == "title":
                return person.title_en if self.lang == "en" else person.title_ru
            if slot == "title2":
                return person2.title_en if self.lang == "en" else person2.title_ru
            if slot in ("adj", "adj2"):
                c = self.p.countries[(person if slot == "adj" else person2).country]
                return c.adj_en or f"{c.en}'s"
            if slot == "topic":
                return rng.choice(self.p.topics[self.lang])
            if slot == "field":
                return rng.choice(self.p.fields[self.lang])
            if slot == "weekday":
                return rng.choice(_WEEKDAYS[self.lang])
            if slot == "date":
                d, mth = rng.randint(1, 28), rng.randrange(12)
                return f"on {d} {_MONTHS_EN[mth]}" if self.lang == "en" else f"{d} {_MONTHS_RU_GENT[mth]}"
            if slot == "month":
                mth = rng.randrange(12)
                return f"in {_MONTHS_EN[mth]}" if self.lang == "en" else f"в {_MONTHS_RU_LOCT[mth]}"
            if slot == "year":
                return str(rng.randint(2015, 2024))
            if slot == "pct":
                return str(rng.randint(3, 40))
            if slot == "number":
                return str(rng.randint(5, 40))
            if slot == "amount":
                n = rng.randint(2, 95)
                if self.lang == "en":
                    return f"{n / 10:.1f} billion" if n % 3 else f"{n * 10} million"
                return f"{n / 10:.1f}".replace(".", ",") + " млрд" if n % 3 else f"{n * 10} млн"
            raise KeyError(slot)

        text = _SLOT.sub(repl, template)
        return text[:1].upper() + text[1:]


def _document(pools: Pools, rng: random.Random, lang: str, index: int) -> Document:
    filler = _Filler(pools, rng, lang)
    target = rng.randint(MIN_WORDS + 10, MAX_WORDS - 10)
    templates = pools.sentences[lang]
    paragraphs, sentences, words = [], [], 0
    # a meeting opens the document: the first two English, the first Russian template
    first = templates[rng.randrange(2)] if lang == "en" else templates[0]
    order: list[str] = []
    while True:
        if not order:  # every template once before any twice
            order = rng.sample(templates, len(templates))
        s = filler.sentence(first if not paragraphs and not sentences else order.pop())
        n = len(s.split())
        if words + n > MAX_WORDS:
            if words >= MIN_WORDS:
                break
            continue
        sentences.append(s)
        words += n
        if len(sentences) >= rng.randint(2, 4):
            paragraphs.append(" ".join(sentences))
            sentences = []
        if words >= target:
            break
    if sentences:
        paragraphs.append(" ".join(sentences))
    date = f"{rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return Document(
        id=f"bench-{lang}-{index:05d}", text="\n".join(paragraphs), lang=lang, date=date, source="bench"
    )


def generate(
    lang: str, *, seed: int = 1, min_chars: int | None = None, n_docs: int | None = None
) -> list[Document]:
    """Documents in ``lang`` until ``n_docs`` of them or at least ``min_chars`` characters."""
    if (min_chars is None) == (n_docs is None):
        raise ValueError("give exactly one of min_chars and n_docs")
    pools = load_pools()
    rng = random.Random(f"{seed}-{lang}")
    docs: list[Document] = []
    chars = 0
    while (n_docs is not None and len(docs) < n_docs) or (min_chars is not None and chars < min_chars):
        d = _document(pools, rng, lang, len(docs))
        docs.append(d)
        chars += len(d.text)
    return docs


def _cache_key(lang: str, seed: int, min_chars: int | None, n_docs: int | None) -> str:
    from bilat.graph.kb import kb_files

    h = hashlib.sha256()
    h.update(json.dumps([_VERSION, lang, seed, min_chars, n_docs]).encode())
    for p in (TEMPLATES, PEOPLE, Path(__file__), *kb_files()):
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def corpus(
    lang: str, *, seed: int = 1, min_chars: int | None = None, n_docs: int | None = None, cache: bool = True
) -> list[Document]:
    """:func:`generate`, cached under ``.cache/bench/`` (regenerated when anything it depends on
    changes: templates, people, this module, the knowledge base)."""
    if not cache:
        return generate(lang, seed=seed, min_chars=min_chars, n_docs=n_docs)
    path = CACHE_DIR / f"corpus-{lang}-{_cache_key(lang, seed, min_chars, n_docs)}.jsonl"
    if path.is_file():
        try:
            return [Document.from_json(line) for line in path.read_text(encoding="utf-8").splitlines()]
        except Exception:  # noqa: BLE001 - a broken cache is regenerated
            pass
    docs = generate(lang, seed=seed, min_chars=min_chars, n_docs=n_docs)
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text("".join(d.to_json() + "\n" for d in docs), encoding="utf-8")
        tmp.replace(path)
        for old in CACHE_DIR.glob(f"corpus-{lang}-*.jsonl"):
            if old != path and old.stat().st_mtime < path.stat().st_mtime - 3600 * 24:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return docs


def describe(docs: list[Document]) -> dict:
    """Size of a corpus: documents, words, characters, UTF-8 bytes, words per document."""
    import statistics

    words = [len(d.text.split()) for d in docs]
    return {
        "documents": len(docs),
        "words": sum(words),
        "chars": sum(len(d.text) for d in docs),
        "bytes": sum(len(d.text.encode("utf-8")) for d in docs),
        "words_per_doc": {"min": min(words), "median": statistics.median(words), "max": max(words)}
        if words
        else {},
    }
