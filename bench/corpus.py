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
from pathlib import Path

from bench.corpus_names import (
    CASES,
    PEOPLE,
    ROOT,
    TEMPLATES,
    Name,
    Pools,
    inflect_person_ru,  # noqa: F401 (bench.corpus.inflect_person_ru, as before)
    inflect_ru,  # noqa: F401
    load_pools,
)
from bilat.extract.records import Document

CACHE_DIR = ROOT / ".cache" / "bench"
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
    # the code that generates (this file and bench/corpus_names.py) is part of the key
    for p in (TEMPLATES, PEOPLE, Path(__file__), Path(__file__).with_name("corpus_names.py"), *kb_files()):
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
