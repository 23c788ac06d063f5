"""Entity linking: every mention resolves to one entity.

Two sources of mentions meet here. The knowledge-base gazetteer finds every alias of every
entry (labels, other names, abbreviations, former names, adjectives and demonyms), in any
script, Russian ones by their lemmas ("Лаврова", "Нур-Султане"). The NER of the language's
pipeline finds the names the knowledge base does not know. The knowledge base wins where both
speak (its class overrides a wrong NER type); surname-only mentions join the person already
named in the document; unknown names get a stable key from a transliteration-aware spelling key,
so that "Мухтар Тлеуберди" and "Mukhtar Tleuberdi" are one entity in every document.
"""

from __future__ import annotations

import bisect
import fnmatch
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bilat.extract.records import Document, Entity, KBEntry, Mention
from bilat.extract.text import (
    DATA,
    english_name,
    fold,
    is_cyrillic,
    lemma,
    match_key,
    read_table,
    stem,
    words,
)

# Preference among entries sharing an alias (a name shared by a project and its city belongs
# to the project), then by the document's dominant country.
CLASS_PREFERENCE = (
    "Project",
    "Country",
    "GovernmentBody",
    "InternationalOrganization",
    "MediaOutlet",
    "Company",
    "Organization",
    "Person",
    "City",
    "Place",
)
MAX_ALIAS_WORDS = 12
_NEXT_WORD = re.compile(r" (\w+)")
PLACE_CLASSES = {"Country", "City", "Place"}
ORG_CLASSES = {"GovernmentBody", "InternationalOrganization", "MediaOutlet", "Company", "Organization"}
_DOMAIN = re.compile(r"(?:www\.)?([A-Za-z][\w-]*)\.(?:[a-z]{2,3})")


@dataclass(frozen=True)
class Candidate:
    key: str
    kind: str  # label | alt | abbr | former | adjective | surname


@dataclass
class _Span:
    start: int
    end: int
    text: str
    label: str  # coarse label: PER ORG LOC GPE FAC NORP ADJ
    keys: tuple[Candidate, ...] = ()  # KB candidates (gazetteer)
    normal: str = ""
    sentence: int = 0
    key: str | None = None
    cls: str | None = None  # the class a rule decided
    english: str = ""  # the English name a rule built (an unknown entity's English label)


@dataclass(frozen=True)
class Resources:
    """Per-language tables from the data folder."""

    ner_labels: dict[str, str]
    org_cues: tuple[tuple[str, str], ...]
    ignore: frozenset[str]
    region_cues: frozenset[str]
    title_words: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return frozenset(fold(r[0]) for r in read_table(DATA / "common" / "given_names.tsv"))


def name_rule_spans(text: str) -> list[tuple[int, int]]:
    """Person names the NER missed: a known given name followed by one or two capitalized
    words ("Alexei Maishev", "Kassym-Jomart Tokayev").

    >>> name_rule_spans("The talks were held by Alexei Maishev yesterday.")
    [(23, 37)]
    """
    names = given_names()
    ws = words(text)
    out = []
    i = 0
    while i < len(ws):
        if fold(ws[i].text) in names and ws[i].text[:1].isupper():
            j = i + 1
            while (
                j < len(ws)
                and j - i <= 2
                and ws[j].text[:1].isupper()
                and ws[j].text.isalpha() is not False
                and any(c.islower() for c in ws[j].text)
                and text[ws[j - 1].end : ws[j].start] == " "
            ):
                j += 1
            if j > i + 1:
                out.append((ws[i].start, ws[j - 1].end))
                i = j
                continue
        i += 1
    return out


@lru_cache(maxsize=4)
def resources(lang: str) -> Resources:
    folder = DATA / lang
    return Resources(
        ner_labels={r[0]: r[1] for r in read_table(folder / "ner_labels.tsv")},
        org_cues=tuple((r[0], r[1]) for r in read_table(folder / "org_cues.tsv")),
        ignore=frozenset(fold(r[0]) for r in read_table(folder / "ignore.tsv")),
        region_cues=frozenset(r[0] for r in read_table(folder / "region_cues.tsv")),
        title_words=frozenset(fold(w) for r in read_table(folder / "title_words.tsv") for w in r[0].split()),
    )


def _word_keys(text: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(surface, lemma, stem) keys of the words of an alias or a stretch of text."""
    ws = [w.text for w in words(text)]
    return tuple(fold(w) for w in ws), tuple(lemma(w) for w in ws), tuple(stem(w) for w in ws)


class Gazetteer:
    """Finds every knowledge-base alias in a text, by surface form and by lemmas."""

    def __init__(self, kb: Sequence[KBEntry]):
        self.entries = {e.key: e for e in kb}
        self.index: dict[tuple[str, ...], set[Candidate]] = defaultdict(set)
        self.cased: dict[tuple[str, ...], str] = {}  # how the alias is written: "abbr" | "cap" | "low"
        surnames: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for e in kb:
            for alias in e.aliases:
                self._add(alias.text, Candidate(e.key, alias.kind))
                if e.cls == "Person" and alias.kind in ("label", "alt") and len(alias.text.split()) >= 2:
                    last = alias.text.split()[-1]
                    for k in set(_word_keys(last)):
                        surnames[k].add(e.key)
        for lang in ("en", "ru"):
            for row in read_table(DATA / lang / "generic_names.tsv"):
                for key in fnmatch.filter(self.entries, row[1]):
                    self._add(row[0], Candidate(key, "generic"))
                    if row[0][:1].isupper() and lang == "en":
                        self._add(row[0].lower(), Candidate(key, "generic"))
        for k, keys in surnames.items():
            for key in keys:
                self.index[k].add(Candidate(key, "surname"))
            self.cased.setdefault(k, "cap")

    def _add(self, text: str, cand: Candidate) -> None:
        if text[:4].lower() == "the ":
            text = text[4:]  # the text's own article is not part of the name
        surface, lemmas, stems = _word_keys(text)
        if not surface or len(surface) > MAX_ALIAS_WORDS:
            return
        letters = [c for c in text if c.isalpha()]
        if letters and all(c.isupper() for c in letters) and len(letters) <= 6:
            case = "abbr"
        elif text[:1].isupper():
            case = "cap"
        else:
            case = "low"
        keys = {surface, lemmas, stems}
        if (
            case == "cap"
            and 2 <= len(surface) <= 3
            and "-" not in text
            and all(w[:1].isupper() for w in text.split())
        ):
            keys.add(("-".join(surface),))  # "Saint Petersburg" written "Saint-Petersburg"
        for k in keys:
            self.index[k].add(cand)
            old = self.cased.get(k)
            # the loosest writing wins when two aliases share a key
            if old is None or ("abbr", "cap", "low").index(case) > ("abbr", "cap", "low").index(old):
                self.cased[k] = case

    def find(self, text: str) -> list[_Span]:
        """Longest, leftmost alias matches, never overlapping."""
        ws = words(text)
        surf = [fold(w.text) for w in ws]
        lems = [lemma(w.text) for w in ws]
        stems = [stem(w.text) for w in ws]
        out: list[_Span] = []
        i = 0
        while i < len(ws):
            hit = None
            for n in range(min(MAX_ALIAS_WORDS, len(ws) - i), 0, -1):
                for seq in (tuple(surf[i : i + n]), tuple(lems[i : i + n]), tuple(stems[i : i + n])):
                    cands = self.index.get(seq)
                    if cands and self._case_ok(seq, ws[i].text, ws[i : i + n]):
                        hit = (n, cands)
                        break
                if hit:
                    break
            if hit is None:
                dom = self._domain(ws[i])
                if dom:
                    out.append(_Span(ws[i].start, ws[i].end, ws[i].text, "ORG", dom))
                else:
                    self._hyphen_parts(ws[i], out)
                i += 1
                continue
            n, cands = hit
            start, end = ws[i].start, ws[i + n - 1].end
            out.append(
                _Span(
                    start,
                    end,
                    text[start:end],
                    _coarse(cands, self.entries),
                    tuple(sorted(cands, key=lambda c: (c.key, c.kind))),
                )
            )
            i += n
        return out

    def _domain(self, w) -> tuple[Candidate, ...]:
        """A web domain names the body or outlet that owns it: "akorda.kz", "Kazinform.kz"."""
        m = _DOMAIN.fullmatch(w.text)
        if not m:
            return ()
        cands = self.index.get((fold(m.group(1)),), ())
        cands = [
            c for c in cands if c.kind in ("label", "alt", "abbr") and self.entries[c.key].cls in ORG_CLASSES
        ]
        return tuple(sorted(cands, key=lambda c: (c.key, c.kind)))

    def _hyphen_parts(self, w, out: list[_Span]) -> None:
        """Parts of a hyphenated compound that are adjectives or names on their own
        ("российско-казахстанский", "Russian-Kazakh")."""
        if "-" not in w.text:
            return None
        pos = w.start
        for part in w.text.split("-"):
            if part:
                seq_s, seq_l = (fold(part),), (lemma(part),)
                for seq in (seq_s, seq_l):
                    cands = self.index.get(seq)
                    if cands and all(c.kind == "adjective" for c in cands):
                        out.append(
                            _Span(
                                pos,
                                pos + len(part),
                                part,
                                "ADJ",
                                tuple(sorted(cands, key=lambda c: (c.key, c.kind))),
                            )
                        )
                        break
            pos += len(part) + 1
        return None

    def _case_ok(self, seq, first: str, ws) -> bool:
        case = self.cased.get(seq, "low")
        if case == "abbr":
            # a Russian abbreviation takes a lowercase case ending: "МИДа", "МВД", "ОДКБ"
            letters = [
                c for w in ws for c in re.sub(r"(?<=[А-ЯЁ]{2})[а-яё]{1,3}$", "", w.text) if c.isalpha()
            ]
            return bool(letters) and all(c.isupper() for c in letters)
        if case == "cap":
            # "the government of Uzbekistan", "ministry of defence of Kazakhstan": a body named by
            # a lowercase noun and its state's name
            return (
                first[:1].isupper()
                or first[:1].isdigit()
                or (len(ws) >= 3 and ws[-1].text[:1].isupper() and fold(ws[-2].text) == "of")
                or (len(ws) >= 2 and first in _compass() and all(w.text[:1].isupper() for w in ws[1:]))
            )
        return True


@lru_cache(maxsize=4)
def _embassy_words(lang: str) -> dict[str, str]:
    path = DATA / lang / "embassy.tsv"
    return {r[0]: r[1] for r in read_table(path)} if path.exists() else {}


@lru_cache(maxsize=1)
def _compass() -> frozenset[str]:
    return frozenset(r[0] for r in read_table(DATA / "en" / "compass.tsv"))


def _coarse(cands: Iterable[Candidate], entries: dict[str, KBEntry]) -> str:
    cands = list(cands)
    if all(c.kind == "adjective" for c in cands):
        return "ADJ"
    classes = {entries[c.key].cls for c in cands if c.key in entries}
    if classes & {"Person"}:
        return "PER"
    if classes & PLACE_CLASSES:
        return "GPE"
    return "ORG"


@dataclass
class Linked:
    """The entities of a document and, for the later stages, every linked span."""

    entities: tuple[Entity, ...]
    spans: tuple[tuple[int, int, str, str], ...]  # (start, end, entity key, coarse label)


class Linker:
    """Resolves a parsed document's mentions to entities of the knowledge base or new ones."""

    def __init__(self, kb: Sequence[KBEntry]):
        self.kb = {e.key: e for e in kb}
        self.gazetteer = Gazetteer(kb)

    # -- candidates ---------------------------------------------------------------------------
    def _ner_spans(self, sdoc, lang: str) -> list[_Span]:
        res = resources(lang)
        sent_of = _sentence_index(sdoc)
        full = sdoc.text  # Doc.text joins every token: read it once
        out = []
        for ent in sdoc.ents:
            label = res.ner_labels.get(ent.label_)
            if label is None:
                continue
            start, end, text = ent.start_char, ent.end_char, ent.text
            # drop a leading article and a trailing possessive
            for prefix in ("the ", "The "):
                if text.startswith(prefix):
                    start += len(prefix)
                    text = text[len(prefix) :]
            for suffix in ("'s", "’s"):
                if text.endswith(suffix):
                    end -= len(suffix)
                    text = text[: -len(suffix)]
            text = text.strip(' \n\t"«»“”,.;:')
            if not text or fold(text) in res.ignore or not any(c.isalpha() for c in text):
                continue
            start = full.find(text, start)
            if label in ("GPE", "LOC"):
                # "Sverdlovsk Region": the NER stopped before the region word
                m = _NEXT_WORD.match(full, start + len(text))
                if m and m.group(1)[:1].isupper() and m.group(1).lower() in res.region_cues:
                    text = full[start : m.end()]
            normal = getattr(ent._, "normal", None) or text
            for s, t, nrm in _lines(start, text, normal):
                out.append(_Span(s, s + len(t), t, label, normal=nrm, sentence=sent_of(s)))
        # The rule wins over NER spans it contains ("Daulet Kemelbekov" over "Kemelbekov") and
        # yields to one it only overlaps. Rule spans never overlap each other, so only the NER
        # spans matter, looked up by position.
        near = _Near([(sp.start, sp.end) for sp in out])
        dropped: set[int] = set()
        added = []
        for start, end in name_rule_spans(full):
            inside = []
            clash = False
            for n in near.overlapping(start, end):
                if n in dropped:
                    continue
                sp = out[n]
                if start <= sp.start and sp.end <= end:
                    inside.append(n)
                else:
                    clash = True
                    break
            if clash:
                continue
            dropped.update(inside)
            text = full[start:end]
            added.append(_Span(start, end, text, "PER", normal=text, sentence=sent_of(start)))
        return [sp for n, sp in enumerate(out) if n not in dropped] + added

    # -- main ---------------------------------------------------------------------------------
    def link(self, doc: Document, sdoc) -> Linked:
        lang = doc.lang or "en"
        text = doc.text
        sent_of = _sentence_index(sdoc)
        gaz = self.gazetteer.find(text)
        for sp in gaz:
            sp.sentence = sent_of(sp.start)
        fixed = self._editions(text, gaz)
        fixed += [
            o
            for o in self._embassies(text, gaz, lang)
            if not any(f.start < o.end and o.start < f.end for f in fixed)
        ]
        fixed += [
            o
            for o in self._own_outlet(doc, text, gaz)
            if not any(f.start < o.end and o.start < f.end for f in fixed)
        ]
        for f in fixed:
            f.sentence = sent_of(f.start)
        gaz = [g for g in gaz if not any(f.start < g.end and g.start < f.end for f in fixed)]
        ner_all = self._ner_spans(sdoc, lang)
        regions = [sp for sp in ner_all if self._is_region(sp, lang)]
        in_region = _Near([(r.start, r.end) for r in regions])
        gaz = [g for g in gaz if not in_region.contains(g.start, g.end)]
        region_ids = {id(r) for r in regions}
        known = gaz + fixed
        known_near = _Near([(g.start, g.end) for g in known])
        ner = [sp for sp in ner_all if id(sp) in region_ids or not self._covered(sp, known, known_near)]

        # the document's dominant country decides generic names ("the Foreign Ministry")
        countries = Counter()
        for sp in gaz:
            if len(sp.keys) == 1 and self.kb[sp.keys[0].key].cls == "Country":
                countries[sp.keys[0].key] += 1

        persons_in_doc: set[str] = set()
        for sp in gaz:
            if sp.label == "PER" and any(c.kind != "surname" for c in sp.keys):
                persons_in_doc.update(c.key for c in sp.keys if c.kind != "surname")
        for n, sp in enumerate(gaz):
            if any(c.kind == "generic" for c in sp.keys):
                narrowed = n > 0 and self._narrow_by_modifier(text, gaz[n - 1], sp)
                if (
                    lang == "en"
                    and sp.text[:1].islower()
                    and not narrowed
                    and all(c.kind == "generic" for c in sp.keys)
                ):
                    continue  # "the government", "ministry of defence": no state named, no entity
            sp.key = self._choose(sp, countries, persons_in_doc)
        gaz = [sp for sp in gaz if sp.key is not None]

        # unknown names: surnames join full names, others get a spelling key
        new_entities: dict[str, dict] = {}
        for f in fixed:
            if f.key not in self.kb:
                ent = new_entities.setdefault(f.key, {"cls": f.cls, "names": Counter()})
                ent["names"][f.normal] += 1
                if f.english:
                    ent["en"] = f.english
        full_names: dict[str, str] = {}  # match key of a surname → entity key
        kb_surnames: dict[str, str] | None = None  # match key of a surname → KB person named
        for sp in sorted(ner, key=lambda s: (-len(s.normal.split()), s.start)):
            hit = self._lookup(sp)
            if hit is not None:
                sp.key = hit
                continue
            if not self._trim(sp, text, gaz, lang):
                continue
            hit = self._lookup(sp)
            if hit is not None:
                sp.key = hit
                continue
            cls = self._class_of(sp, lang)
            if cls is None:
                continue
            name = _clean_name(sp.normal if lang == "ru" else sp.text)
            if cls == "Person":
                parts = _without_initials(name)
                if len(parts) == 1:
                    known = full_names.get(match_key(parts[0]))
                    if known is None:
                        if kb_surnames is None:
                            kb_surnames = self._surnames_in_doc(gaz)
                        known = kb_surnames.get(match_key(parts[0]))
                    if known is not None:
                        sp.key = known
                        continue
                key = "person/" + match_key(name)
                if len(parts) > 1:
                    full_names.setdefault(match_key(parts[-1]), key)
            else:
                key = _prefix(cls) + "/" + match_key(name)
            if key.endswith("/"):
                continue
            sp.key = key
            ent = new_entities.setdefault(key, {"cls": cls, "names": Counter()})
            ent["names"][name] += 1

        spans = [sp for sp in gaz + ner + fixed if sp.key is not None]
        spans += self._more_surnames(text, spans, full_names, sent_of)
        for sp in spans:
            if sp.label == "PER":  # "С.В.Лавров", "M. Tleuberdi": the initials belong to the name
                # (two initials and a space each at most: look only just before the name)
                m = _INITIALS_BEFORE.search(text, max(0, sp.start - _INITIALS_REACH), sp.start)
                if m and m.end() == sp.start:
                    sp.start, sp.text = m.start(), text[m.start() : sp.end]
        spans.sort(key=lambda s: (s.start, s.end))
        return self._entities(doc, spans, new_entities)

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
            en = dict(e.labels).get("en", name.split()[0]) + " " + dict(country.labels).get("en", "")
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

    def _embassies(self, text: str, gaz: list[_Span], lang: str) -> list[_Span]:
        """An embassy named by its two states is one body: "the Russian Embassy in Uzbekistan",
        "Embassy of Russia in Uzbekistan", "посольство России в Узбекистане" → "Embassy of Russia
        in Uzbekistan" (the knowledge base's entry when it has one), whatever the language."""
        roles = _embassy_words(lang)
        state = {}
        for n, g in enumerate(gaz):
            e = self._state_of(g)
            if e is not None:
                state[n] = e
        out = []
        for w in words(text):
            if roles.get(lemma(w.text) if lang == "ru" else w.text.lower()) != "noun":
                continue
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
                if sender is not None and host is None and g.start > max(w.end, (first.end if first else 0)):
                    between = text[max(w.end, first.end) : g.start]
                    m = re.fullmatch(r"\s+(\w+)\s+(?:the\s+)?", between)
                    if m and roles.get(m.group(1).lower()) == "in":
                        host, last = state[n], g
                        break
                if lang == "ru" and g.start == w.end + 1 and sender is None and state[n].cls == "Country":
                    sender, first = state[n], g  # "посольство России"
            if sender is None or host is None or sender.key == host.key:
                continue
            start = min(w.start, first.start)
            end = last.end
            en = f"Embassy of {dict(sender.labels)['en']} in {dict(host.labels)['en']}"
            from bilat.graph.kb import slugify

            key = slugify(en) if slugify(en) in self.kb else "org/" + match_key(en)
            surface = text[start:end]
            label = en if lang == "en" else surface[:1].upper() + surface[1:]
            out.append(
                _Span(start, end, surface, "ORG", normal=label, key=key, cls="GovernmentBody", english=en)
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
        domains = dict(_source_domains(doc.source or ""))
        for name in outlet_names(doc.source or ""):
            forms = [name] + ([name[4:]] if name.startswith("The ") else [])
            initials = "".join(w[0] for w in forms[-1].split() if w[:1].isupper())
            if len(initials) >= 3 and initials.isupper():
                forms.append(initials)
            hits = []
            for form in forms:
                hits += list(
                    re.finditer(r"(?<![\w.])" + re.escape(form) + r"(?:\.[a-z]{2,4})?(?![\w-]|\.\w)", text)
                )
                for m in re.finditer(
                    r"(?<![\w.])(?i:" + re.escape(form) + r")(?:\.(?i:[a-z]{2,4}))?(?![\w-]|\.\w)", text
                ):
                    if m.group().isupper() or "." in m.group():
                        hits.append(m)
            for dom, owner in domains.items():
                if owner == name:
                    hits += list(re.finditer(r"(?<![\w./])" + re.escape(dom) + r"(?![\w/-])", text, re.I))
            key = match_key(name)
            n = len(name.split())
            ws = words(text)
            for i in range(len(ws) - n + 1):
                if ws[i].text[:1].isupper() and match_key(text[ws[i].start : ws[i + n - 1].end]) == key:
                    hits.append(
                        re.compile(re.escape(text[ws[i].start : ws[i + n - 1].end])).match(text, ws[i].start)
                    )
            if any(m.start() == g[0] and m.end() == g[1] for m in hits for g in taken):
                continue  # the knowledge base knows it
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

    def _trim(self, sp: _Span, text: str, gaz: list[_Span], lang: str) -> bool:
        """Cut an unknown NER span to the name in it; False when no name is left.

        * a hyphenated compound of known names is an adjective ("Kazakh-Chinese",
          "Yerevan-Moscow"), never an organization;
        * a plural demonym ("Azerbaijanis") is a group of people, not an organization;
        * a single word the document also writes in lowercase ("Energy", "Minister") is a
          common word;
        * leading states, adjectives and title words are not part of a name ("Azerbaijan Araz
          Azimov", "Federal Chancellor Olaf Scholz");
        * a name cut before "of" takes the known name after it ("Council of Foreign Ministers of
          the Shanghai Cooperation Organization").
        """
        index = self.gazetteer.index
        res = resources(lang)

        def known(part: str) -> bool:
            return any(
                seq in index and any(c.kind != "surname" for c in index[seq])
                for seq in ((fold(part),), (lemma(part),))
            )

        body = sp.text
        if " " not in body and "-" in body and sp.label != "PER":
            parts = [p for p in body.split("-") if p]
            if len(parts) > 1 and all(known(p) for p in parts):
                return False
        ws = words(body)
        if len(ws) == 1:
            w = ws[0].text
            if sp.label != "PER" and len(w) > 3 and w.endswith("s") and known(w[:-1]) and not known(w):
                return False  # "Azerbaijanis"
            if w[:1].isupper() and re.search(r"(?<![\w-])" + re.escape(w.lower()) + r"(?![\w-])", text):
                return False
            if fold(w) in res.title_words:
                return False
        # leading states/adjectives/title words
        i, titled = 0, False
        while i < len(ws) - 1:
            w = ws[i].text
            inside = any(
                g.start <= sp.start + ws[i].start
                and sp.start + ws[i].end <= g.end
                and g.label in ("GPE", "ADJ")
                for g in gaz
            )
            if inside or fold(w) in res.title_words or w in ("'s", "’s", "s"):
                titled = titled or fold(w) in res.title_words
                i += 1
                continue
            break
        if i:
            rest = ws[i:]
            if all(fold(w.text) in res.title_words for w in rest):
                return False
            if len(rest) == 1 and any(fold(rest[0].text) == cue for cue, _ in res.org_cues):
                return False  # "Russian Embassy": a body the text does not name
            cut = rest[0].start
            sp.start += cut
            sp.text = sp.text[cut:]
            normal = (sp.normal or "").split()
            sp.normal = " ".join(normal[i:]) if lang == "ru" and len(normal) == len(ws) else sp.text
            if sp.label != "PER" and len(rest) >= 2 and (titled or fold(rest[0].text) in given_names()):
                sp.label = "PER"  # "Federal Chancellor Olaf Scholz"
        # a trailing "of" takes the known name that follows
        if ws and fold(ws[-1].text) in ("of",) and sp.label != "PER":
            after = text[sp.end :]
            m = re.match(r"\s+(?:the\s+)?", after)
            nxt = sp.end + (m.end() if m else 0)
            follow = [g for g in gaz if g.start == nxt and g.label != "ADJ"]
            if follow:
                if any(self.kb[c.key].cls == "InternationalOrganization" for c in follow[0].keys):
                    sp.cls = "InternationalOrganization"  # a body of an international organization
                sp.end = follow[0].end
                sp.text = text[sp.start : sp.end]
                sp.normal = sp.text
            else:
                return False
        return True

    def _more_surnames(
        self, text: str, spans: list[_Span], full_names: dict[str, str], sent_of
    ) -> list[_Span]:
        """Surnames of people named in full elsewhere in the document that the NER missed
        ("Лавров об отношении…" in a headline)."""
        if not full_names:
            return []
        taken = _Near([(sp.start, sp.end) for sp in spans])
        out = []
        for w in words(text):
            if not w.text[:1].isupper() or taken.holds(w.start):
                continue
            key = full_names.get(match_key(w.text)) or full_names.get(match_key(lemma(w.text)))
            if key is not None:
                out.append(
                    _Span(w.start, w.end, w.text, "PER", normal=w.text, sentence=sent_of(w.start), key=key)
                )
        return out

    def _is_region(self, sp: _Span, lang: str) -> bool:
        """A named region ("Sverdlovsk Region", "Омская область") is a place of its own."""
        if sp.label not in ("GPE", "LOC", "ORG") or len(sp.text.split()) < 2:
            return False
        cues = resources(lang).region_cues
        return any((lemma(w.text) if lang == "ru" else w.text.lower()) in cues for w in words(sp.text))

    def _covered(self, sp: _Span, gaz: list[_Span], near: _Near | None = None) -> bool:
        """A NER span is dropped when the knowledge base speaks for it: a gazetteer match
        overlaps it, unless every overlapping match is a place or adjective nested inside a
        longer name ("Kazakh Ministry of Energy")."""
        if near is None:
            near = _Near([(g.start, g.end) for g in gaz])
        overlapping = [gaz[n] for n in near.overlapping(sp.start, sp.end)]
        if not overlapping:
            return False
        for g in overlapping:
            nested = sp.start <= g.start and g.end <= sp.end and (g.end - g.start) < (sp.end - sp.start)
            if not nested or g.label not in ("GPE", "ADJ"):
                return True
        return sp.label in ("GPE", "LOC", "NORP")

    def _choose(self, sp: _Span, countries: Counter, persons_in_doc: set[str]) -> str | None:
        cands = list(sp.keys)
        surnames = [c for c in cands if c.kind == "surname"]
        others = [c for c in cands if c.kind != "surname"]
        if not others:
            in_doc = [c for c in surnames if c.key in persons_in_doc]
            if len({c.key for c in in_doc}) == 1:
                return in_doc[0].key
            if len({c.key for c in surnames}) == 1:
                return surnames[0].key
            return None
        named = [c for c in others if c.kind != "generic"]
        if named:
            others = named
        elif not any(countries.get(self.kb[c.key].country or "", 0) for c in others):
            return None  # "the Foreign Ministry" of a country the document does not name
        keys = sorted({c.key for c in others})
        if len(keys) == 1:
            return keys[0]

        def score(key: str):
            e = self.kb[key]
            cls_rank = CLASS_PREFERENCE.index(e.cls) if e.cls in CLASS_PREFERENCE else len(CLASS_PREFERENCE)
            return (-countries.get(e.country or key, 0), cls_rank, key)

        return min(keys, key=score)

    def _narrow_by_modifier(self, text: str, prev: _Span, sp: _Span) -> bool:
        """ "Kazakhstan's Foreign Ministry", "the Russian Foreign Ministry": a country named
        right before a generic name decides whose body it is."""
        gap = text[prev.end : sp.start]
        if gap.strip() not in ("", "'s", "’s") or len(gap) > 3:
            return False
        countries = {c.key for c in prev.keys if self.kb.get(c.key) and self.kb[c.key].cls == "Country"}
        narrowed = tuple(c for c in sp.keys if c.kind != "generic" or self.kb[c.key].country in countries)
        if narrowed and countries:
            sp.keys = narrowed
            return True
        return False

    def _lookup(self, sp: _Span) -> str | None:
        """A NER span whose (normalized) text is a knowledge-base alias."""
        for form in (sp.text, sp.normal):
            for seq in _word_keys(form):
                cands = self.gazetteer.index.get(seq)
                if cands:
                    keys = {c.key for c in cands if c.kind != "surname"}
                    if not keys and sp.label == "PER":  # "Токаева": a surname only one person has
                        keys = {c.key for c in cands}
                    if len(keys) == 1:
                        return keys.pop()
        return None

    def _surnames_in_doc(self, gaz: list[_Span]) -> dict[str, str]:
        """The match keys of the surnames of the knowledge-base persons the document names,
        each to the first such person."""
        out: dict[str, str] = {}
        seen: set[str] = set()
        for g in gaz:
            e = self.kb.get(g.key or "")
            if e is not None and e.cls == "Person" and e.key not in seen:
                seen.add(e.key)
                for _lg, lab in e.labels:
                    out.setdefault(match_key(lab.split()[-1]), e.key)
        return out

    def _surname_in_doc(self, surname: str, gaz: list[_Span]) -> str | None:
        return self._surnames_in_doc(gaz).get(match_key(surname))

    def _class_of(self, sp: _Span, lang: str) -> str | None:
        if sp.label == "PER":
            return "Person"
        if sp.cls:
            return sp.cls
        if sp.label == "NORP":
            return None  # demonyms the knowledge base does not know are not entities
        res = resources(lang)
        toks = [lemma(w.text) if lang == "ru" else w.text.lower() for w in words(sp.text)]
        for cue, cls in res.org_cues:
            if cue in toks and (sp.label == "ORG" or cls == "GovernmentBody"):
                return cls  # "Russian Embassy" tagged as a facility is a body
        if sp.label in ("GPE", "LOC", "FAC"):
            return "Place"
        return "Organization"

    def _entities(self, doc: Document, spans: list[_Span], new: dict[str, dict]) -> Linked:
        lang = doc.lang or "en"
        by_key: dict[str, list[_Span]] = defaultdict(list)
        for sp in spans:
            by_key[sp.key].append(sp)
        entities = []
        for key, sps in sorted(by_key.items()):
            mentions = tuple(
                Mention(s.start, s.end, s.text, s.label, s.normal or s.text, s.sentence) for s in sps
            )
            alts = sorted(
                {(lang, s.text) for s in sps}
                | {(lang, s.normal) for s in sps if s.normal and s.label != "ADJ"}
            )
            if key in self.kb:
                e = self.kb[key]
                labels = tuple((lg, t) for lg, t in e.labels if lg in ("en", "ru", "kk"))
                entities.append(Entity(key, e.cls, labels, tuple(alts), mentions, e.wikidata, True))
            else:
                info = new[key]
                name = _best_name(info["names"])
                labels = ((lang, name),)
                if lang == "ru" and info["cls"] == "Person" and re.fullmatch(r"[А-ЯЁа-яё\- ]+", name):
                    labels = (("en", english_name(name)), (lang, name))  # one IRI, both spellings
                elif lang != "en" and info.get("en"):
                    labels = (("en", info["en"]), (lang, name))
                entities.append(Entity(key, info["cls"], labels, tuple(alts), mentions, None, False))
        flat = tuple((sp.start, sp.end, sp.key, sp.label) for sp in spans)
        return Linked(tuple(entities), flat)


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


_INITIAL = re.compile(r"^(?:\w\.)+$")
_INITIALS_BEFORE = re.compile(r"(?<!\w)(?:[A-ZА-ЯЁ]\. ?){1,2}$")
_INITIALS_REACH = 16  # characters before a name that _INITIALS_BEFORE can span (6), with room


class _Near:
    """Spans (start, end), possibly overlapping, with position look-ups in logarithmic time
    plus the spans actually near: the stages never scan every span for every span or word."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.order = sorted(range(len(spans)), key=lambda n: spans[n][0])
        self.starts = [spans[n][0] for n in self.order]
        self.ends = [spans[n][1] for n in self.order]
        self.longest = max((e - s for s, e in spans), default=0)
        self.max_end = []  # the largest end among the first k spans (by start)
        m = -1
        for e in self.ends:
            m = max(m, e)
            self.max_end.append(m)

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indexes (in the given list) of the spans overlapping [start, end), in input order."""
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return sorted(self.order[k] for k in range(lo, hi) if self.ends[k] > start)

    def contains(self, start: int, end: int) -> bool:
        """Whether a span holds [start, end) whole."""
        k = bisect.bisect_right(self.starts, start)
        return k > 0 and self.max_end[k - 1] >= end

    def holds(self, offset: int) -> bool:
        """Whether a span holds the character at ``offset``."""
        k = bisect.bisect_right(self.starts, offset)
        return k > 0 and self.max_end[k - 1] > offset


def _without_initials(name: str) -> list[str]:
    """The words of a person's name without initials: "С.В. Лавров" → ["Лавров"].

    >>> _without_initials("М.В.Захарова"), _without_initials("Mukhtar Tleuberdi")
    (['Захарова'], ['Mukhtar', 'Tleuberdi'])
    """
    spaced = re.sub(r"(\w\.)(?=\w)", r"\1 ", name)
    return [p for p in spaced.split() if not _INITIAL.match(p)] or name.split()


def _best_name(names: Counter) -> str:
    """The fullest, most frequent form: more words first, then frequency, then text."""
    return sorted(names.items(), key=lambda kv: (-len(kv[0].split()), -kv[1], kv[0]))[0][0]


def _clean_name(name: str) -> str:
    return " ".join(name.replace("\n", " ").split()).strip(' ,.;:"«»“”')


def _prefix(cls: str) -> str:
    return {"Person": "person", "Place": "place", "City": "place", "Country": "place"}.get(cls, "org")


def _sentence_index(sdoc):
    starts = [s.start_char for s in sdoc.sents]

    def sent_of(char: int) -> int:
        return max(0, bisect.bisect_right(starts, char) - 1)

    return sent_of


__all__ = ["Linker", "Linked", "Gazetteer", "Candidate", "resources", "name_rule_spans"]
