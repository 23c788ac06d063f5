"""The linker's gazetteer: every alias of every knowledge-base entry, in any script (Russian
ones by their lemmas), and the per-language tables of the linker (NER labels, cues, titles).
"""

from __future__ import annotations

import fnmatch
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from bilat.extract.languages import PIVOT, codes, profile
from bilat.extract.link_accents import without_accents
from bilat.extract.records import KBEntry
from bilat.extract.text import (
    DATA,
    Word,
    fold,
    is_cyrillic,
    lemma,
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
# the words of a possessive ending after a state's name ("Kazakhstan’s" = Kazakhstan ’ s)
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s"})
# a surname shorter than this is never looked up alone ("Ван И": "И" is the conjunction)
MIN_SURNAME_LETTERS = 3
_DOMAIN = re.compile(r"(?:www\.)?([A-Za-z][\w-]*)\.(?:[a-z]{2,3})")


@dataclass(frozen=True)
class Candidate:
    key: str
    kind: str  # label | alt | abbr | former | adjective | surname


# a hyphen between two capitalized names ("Asia-China", "UK-Central")
_NAME_HYPHEN = re.compile(r"(?<=\w)-(?=[A-ZА-ЯЁ][a-zа-яё])")
_AFTER_HYPHEN = re.compile(r"-([\w.]+)")
_WORD_CHAR = re.compile(r"[\w.]")


def _run_before(text: str, end: int) -> str:
    """The run of word characters and dots that ends at ``end`` (what ``([\\w.]+)-$`` finds
    before a hyphen at ``end``), read backwards from there rather than searched from the start
    of the text.

    >>> _run_before("Central Asia-China", 12), _run_before("UK-Central", 2), _run_before("-x", 0)
    ('Asia', 'UK', '')
    """
    i = end
    while i > 0 and _WORD_CHAR.match(text, i - 1):
        i -= 1
    return text[i:end]


def _respaced_words(spaced: str, ws: list[Word], joins: list[int]) -> list[Word]:
    """``words(spaced)``, for ``spaced`` the text of the words ``ws`` with a space for the
    hyphen at each of ``joins`` (ascending offsets): only the words that hold one of them are
    split again (a hyphen or a space never lets a word run on past where it ended).

    >>> t = "Central Asia-China, UK-Central x.y-Asia"
    >>> spaced = t.replace("-", " ")
    >>> _respaced_words(spaced, words(t), [12, 22, 34]) == words(spaced)
    True
    >>> [w.text for w in _respaced_words(spaced, words(t), [12, 22, 34])][-3:]
    ['Central', 'x.y', 'Asia']
    """
    out: list[Word] = []
    k = 0
    for w in ws:
        while k < len(joins) and joins[k] < w.start:
            k += 1
        if k < len(joins) and joins[k] < w.end:
            out += [Word(w.start + p.start, w.start + p.end, p.text) for p in words(spaced[w.start : w.end])]
        else:
            out.append(w)
    return out


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
    owner: str | None = None  # the state named before an unknown body ("Kazakhstan's …")
    part: bool = False  # a name that opens a compound word ("Telegram-канале"): a mention, no span


@dataclass(frozen=True)
class Resources:
    """Per-language tables from the data folder."""

    ner_labels: dict[str, str]
    org_cues: tuple[tuple[str, str], ...]
    ignore: frozenset[str]
    region_cues: frozenset[str]
    title_words: frozenset[str] = frozenset()
    #: documents whose name follows them after a word ("Treaty on Allied Relations"): the
    #: document's noun → that word (``ignore.tsv``'s "document" rows)
    documents: dict[str, str] = field(default_factory=dict)
    #: a word right after a body's generic name that means "of the state named last"
    #: ("МИД республики"; ``state_anaphora.tsv``, none when the language has no table)
    state_anaphora: frozenset[str] = frozenset()
    #: the last word of a natural place's name ("Alataw Pass", "Korean Peninsula"): a place,
    #: whatever class the NER gave it (``place_cues.tsv``, none when the language has no table)
    place_cues: frozenset[str] = frozenset()
    #: endings of a patronymic ("Гейдарович"): a given name and a patronymic with no surname
    #: ("Уважаемый Ильхам Гейдарович") are the person the document names with that given name
    #: (``patronymic_endings.tsv``, none when the language has no table)
    patronymic_endings: tuple[str, ...] = ()

    @cached_property
    def org_words(self) -> frozenset[str]:
        """The cue words of organizations' names (``org_cues.tsv``), without their classes."""
        return frozenset(cue for cue, _cls in self.org_cues)


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
        if ws[i].text[:1].isupper() and fold(ws[i].text) in names:
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
        documents={
            fold(r[0]): r[2] for r in read_table(folder / "ignore.tsv") if len(r) > 2 and r[1] == "document"
        },
        region_cues=frozenset(r[0] for r in read_table(folder / "region_cues.tsv")),
        place_cues=frozenset(
            fold(r[0])
            for r in (read_table(folder / "place_cues.tsv") if (folder / "place_cues.tsv").is_file() else ())
        ),
        title_words=frozenset(fold(w) for r in read_table(folder / "title_words.tsv") for w in r[0].split()),
        state_anaphora=frozenset(
            fold(r[0])
            for r in (
                read_table(folder / "state_anaphora.tsv") if (folder / "state_anaphora.tsv").is_file() else ()
            )
        ),
        patronymic_endings=tuple(
            fold(r[0])
            for r in (
                read_table(folder / "patronymic_endings.tsv")
                if (folder / "patronymic_endings.tsv").is_file()
                else ()
            )
        ),
    )


@lru_cache(maxsize=50_000)
def _word_keys(text: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(surface, lemma, stem) keys of the words of an alias or a stretch of text (kept per
    text: the linker looks the same names up in one document after another)."""
    ws = [w.text for w in words(text)]
    return tuple(fold(w) for w in ws), tuple(lemma(w) for w in ws), tuple(stem(w) for w in ws)


def surname_keys(surname: str) -> set[tuple[str, ...]]:
    """The keys a known person's surname is found by alone: its surface, stem and lemma, but
    not a lemma shorter than the stem. The dictionary reads a surname it does not know as the
    plural of a given name ("Камилов" → "камил", "Идрисов" → "идрис"): that lemma would
    make every "Камилом", "Идрисом" (a given name's instrumental) the known person
    (ru_ru-sd_61: "Камилом Идрисом" became Abdulaziz Kamilov and Erlan Idrissov); the
    surname's own cases have its stem.

    >>> sorted(surname_keys("Камилов"))
    [('камилов',)]
    >>> sorted(surname_keys("Путин"))
    [('путин',)]
    >>> sorted(surname_keys("Lavrov"))
    [('lavrov',)]
    """
    surface, lemmas, stems = _word_keys(surname)
    keys = {surface, stems}
    cut = len(lemmas) == len(stems) and any(len(lm) < len(st) for lm, st in zip(lemmas, stems, strict=True))
    if not cut:
        keys.add(lemmas)
    return keys


def generic_keys(entries: dict[str, KBEntry], pattern: str) -> list[str]:
    """The knowledge-base keys a generic name may denote (``generic_names.tsv``): a glob on the
    keys ("ministry-of-foreign-affairs-of-*"), or "alias:" and a glob on the entries' names
    ("alias:Parliament of *": every state's whole parliament, whatever its key).

    >>> from bilat.extract.records import Alias
    >>> armenia = KBEntry("na-of-armenia", "GovernmentBody", aliases=(Alias("Parliament of Armenia", "en"),))
    >>> kb = {"na-of-armenia": armenia, "mfa-of-russia": KBEntry("mfa-of-russia", "GovernmentBody")}
    >>> generic_keys(kb, "alias:Parliament of *"), generic_keys(kb, "mfa-of-*")
    (['na-of-armenia'], ['mfa-of-russia'])
    """
    kind, _, glob = pattern.partition(":")
    if kind != "alias" or not glob:
        return fnmatch.filter(entries, pattern)
    return [k for k, e in entries.items() if any(fnmatch.fnmatchcase(a.text, glob) for a in e.aliases)]


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
                plain = without_accents(alias.text)
                if plain != alias.text:
                    # "Sebastien Lecornu" for "Sébastien Lecornu" (en_am-fr_01)
                    self._add(plain, Candidate(e.key, alias.kind))
                if (
                    e.cls == "Person"
                    and e.surname_alone
                    and alias.kind in ("label", "alt")
                    and len(alias.text.split()) >= 2
                ):
                    # (not a person whose surname alone names others too: ``bl:surnameAlone``)
                    last = alias.text.split()[-1]
                    if sum(c.isalpha() for c in last) < MIN_SURNAME_LETTERS:
                        continue
                    for k in surname_keys(last):
                        surnames[k].add(e.key)
        for lang in codes():
            table = profile(lang).table("generic_names.tsv")
            for row in read_table(table) if table.is_file() else ():
                for key in generic_keys(self.entries, row[1]):
                    self._add(row[0], Candidate(key, "generic"))
                    if row[0][:1].isupper() and profile(lang).lowercase_generics:
                        self._add(row[0].lower(), Candidate(key, "generic"))
        for k, keys in surnames.items():
            for key in keys:
                self.index[k].add(Candidate(key, "surname"))
            self.cased.setdefault(k, "cap")
        # every opening run of words of a key: a run that opens none ends the search at a word
        self.prefixes = frozenset(k[:n] for k in self.index for n in range(1, len(k) + 1))
        # the words that open a key, and the keys of the words of the texts searched (_forms)
        self.first_words = frozenset(k[0] for k in self.index)
        self.key_words = frozenset(w for k in self.index for w in k)
        self._word_forms: dict[str, tuple[str, str, str, bool, bool, bool]] = {}
        self._found_keys: dict[tuple[str, ...], tuple[str, tuple[Candidate, ...]]] = {}

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

    def _forms(self, word: str) -> tuple[str, str, str, bool, bool, bool]:
        """(surface, lemma, stem) keys of a word; whether any of them opens a key of the index
        (most words open none); whether it holds a dot or a hyphen (a web domain, a compound
        whose parts are names: :meth:`_domain`, :meth:`_hyphen_parts`); whether any of them is
        a word of a key (no match holds a word that is none). Kept per word in
        ``self._word_forms``: the index never changes after it is built, and the keys of a word
        are those of its text alone."""
        got = self._word_forms.get(word)
        if got is None:
            if len(self._word_forms) >= 200_000:
                self._word_forms.clear()
            s, lm, st = fold(word), lemma(word), stem(word)
            first, inner = self.first_words, self.key_words
            got = self._word_forms[word] = (
                s,
                lm,
                st,
                s in first or lm in first or st in first,
                "." in word or "-" in word,
                s in inner or lm in inner or st in inner,
            )
        return got

    def _found(self, seq: tuple[str, ...]) -> tuple[str, tuple[Candidate, ...]]:
        """The coarse label and the sorted candidates of a key of the index, kept per key (the
        index never changes after it is built)."""
        got = self._found_keys.get(seq)
        if got is None:
            cands = self.index[seq]
            got = self._found_keys[seq] = (
                _coarse(cands, self.entries),
                tuple(sorted(cands, key=lambda c: (c.key, c.kind))),
            )
        return got

    def find(self, text: str, whole: bool = True) -> list[_Span]:
        """Longest, leftmost alias matches, never overlapping; with ``whole`` false, no match
        of all of ``text`` (the names a longer name holds)."""
        return self._scan(text, words(text), whole)

    def _scan(self, text: str, ws: list, whole: bool = True, near: Iterable[int] = ()) -> list[_Span]:
        """:meth:`find` over the words ``ws`` of ``text``; with ``near``, only the matches
        around those words: the stretch of words each stands in that runs from the word before
        it that no key holds to the one after it (a match never holds such a word, and the
        search goes on afresh after one, so the stretch's matches are those of the whole)."""
        if not ws:
            return []
        forms_of, known = self._forms, self._word_forms
        surf, lems, stems, opens, marked, held = zip(
            *[known.get(w.text) or forms_of(w.text) for w in ws], strict=True
        )
        forms = (surf, lems, stems)
        count = len(ws)
        todo: Iterable[int] = range(count)
        if near:
            stretch: set[int] = set()
            for k in near:
                lo, hi = k, k
                while lo > 0 and held[lo]:
                    lo -= 1
                while hi < count - 1 and held[hi]:
                    hi += 1
                stretch.update(range(lo, hi + 1))
            todo = sorted(stretch)
        out: list[_Span] = []
        after = 0  # the first word after the last match
        # a word that opens no key and holds no dot or hyphen yields nothing: only the others
        # are looked at
        for i in [i for i in todo if opens[i] or marked[i]]:
            if i < after:
                continue  # inside a match
            # how many words from ``i`` each form can go on opening a key (no key is longer)
            most = min(MAX_ALIAS_WORDS, count - i - (i == 0 and not whole))
            hit = 0
            if most > 0 and opens[i]:
                reach = [self._reach(f, i, most) for f in forms]
                for n in range(max(reach), 0, -1):
                    for seq in (f[i : i + n] for f, r in zip(forms, reach, strict=True) if n <= r):
                        if self.index.get(seq) and self._case_ok(seq, ws[i].text, ws[i : i + n]):
                            hit = n
                            break
                    if hit:
                        break
            if hit:
                start, end = ws[i].start, ws[i + hit - 1].end
                out.append(_Span(start, end, text[start:end], *self._found(seq)))
                after = i + hit
                continue
            w = ws[i]
            dom = self._domain(w) if "." in w.text else ()  # (a domain has a dot)
            if dom:
                out.append(_Span(w.start, w.end, w.text, "ORG", dom))
            else:
                self._hyphen_parts(w, out)
            after = i + 1
        return out

    @staticmethod
    def _persons_joined(text: str, sp: _Span, at_join: set[int], person) -> bool:
        """Whether a one-word name is a person's surname that a hyphen joins to another
        person's ("Putin-Tokayev talks", "Modi-Xi summit"): each is a name of its own."""
        if not person(sp.text):
            return False
        if sp.start - 1 in at_join and person(_run_before(text, sp.start - 1)):
            return True
        m = _AFTER_HYPHEN.match(text, sp.end) if sp.end in at_join else None
        return m is not None and person(m.group(1))

    def find_across_hyphens(self, text: str, found: list[_Span]) -> list[_Span]:
        """``found`` (the matches of :meth:`find`) with the names of several words that a
        hyphen joins to another name: "Central Asia-China", "UK-Central Asia" name Central
        Asia (en_tm-cn_01, en_uz-cn_01, en_kz-gb_02), where ``find`` sees the words
        "Asia-China" and "UK-Central". A name of several words wins over the shorter matches
        it overlaps; a hyphenated name of the index ("Nur-Sultan") is matched as before. Of the
        one-word names, only the surnames of persons a hyphen joins ("Putin-Tokayev talks")."""
        joins = [m.start() for m in _NAME_HYPHEN.finditer(text)]

        def named(part: str) -> bool:
            return (fold(part),) in self.index

        def after_named(j: int) -> bool:
            m = _AFTER_HYPHEN.match(text, j)
            return m is not None and named(m.group(1))

        # a name is kept only beside a hyphen with a name on its other side: the text is
        # searched again around those hyphens alone
        beside = [j for j in joins if named(_run_before(text, j)) or after_named(j)]
        if not beside:
            return found
        spaced = list(text)
        for j in joins:
            spaced[j] = " "
        spaced_text = "".join(spaced)
        ws = _respaced_words(spaced_text, words(text), joins)
        ends = {w.end: n for n, w in enumerate(ws)}
        starts = {w.start: n for n, w in enumerate(ws)}
        near = [n for j in beside for n in (ends.get(j), starts.get(j + 1)) if n is not None]

        def person(part: str) -> bool:
            return any(c.kind == "surname" for c in self.index.get((fold(part),), ()))

        longer = []
        at_join = set(joins)
        for sp in self._scan(spaced_text, ws, near=near):
            if len(words(sp.text)) < 2 and not self._persons_joined(text, sp, at_join, person):
                continue
            # the other side of the hyphen is a name too ("Северо-Восточной Азии" is no
            # "Восточная Азия")
            before = sp.start - 1 in at_join and named(_run_before(text, sp.start - 1))
            if not before and not (sp.end in at_join and after_named(sp.end)):
                continue
            if any(g.start <= sp.start and sp.end <= g.end for g in found):
                continue
            longer.append(replace(sp, text=text[sp.start : sp.end]))
        if not longer:
            return found
        kept = [g for g in found if not any(g.start < sp.end and sp.start < g.end for sp in longer)]
        return sorted(kept + longer, key=lambda g: g.start)

    def _reach(self, forms: Sequence[str], i: int, most: int) -> int:
        """The number of words from ``i`` (``most`` at most) that open a key of the index."""
        n, key = 0, ()
        while n < most:
            key += (forms[i + n],)  # (``most`` never reaches past the last word)
            if key not in self.prefixes:
                break
            n += 1
        return n

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
        name, _, noun = w.text.partition("-")
        if name and noun.isalpha() and noun.islower():
            # "Telegram-канале": a name, then a common noun it qualifies
            cands = self.index.get((fold(name),))
            if cands and len({c.key for c in cands}) == 1 and all(c.kind in ("label", "alt") for c in cands):
                out.append(
                    _Span(
                        w.start,
                        w.start + len(name),
                        name,
                        _coarse(cands, self.entries),
                        tuple(sorted(cands, key=lambda c: (c.key, c.kind))),
                        part=True,
                    )
                )
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
                # "правительства Монголии", "правительства РФ": a lowercase noun, then the state
                # in the genitive
                or (len(ws) >= 2 and is_cyrillic(first) and ws[-1].text[:1].isupper())
                or (len(ws) >= 2 and first in _compass() and all(w.text[:1].isupper() for w in ws[1:]))
            )
        return True


@lru_cache(maxsize=1)
def _compass() -> frozenset[str]:
    return frozenset(r[0] for r in read_table(profile(PIVOT).table("compass.tsv")))


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
