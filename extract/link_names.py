"""Unknown names: how a name the knowledge base does not know is spelled, cleaned and keyed
(initials, headline case, the Russian nominative, titled names, the person key that makes
"Мухтар Тлеуберди" and "Mukhtar Tleuberdi" one entity).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache

from bilat.extract.languages import profile
from bilat.extract.link_gazetteer import _NEXT_WORD, Resources, _Span, given_names
from bilat.extract.text import (
    DATA,
    fold,
    is_cyrillic,
    lemma,
    match_key,
    nominative_name,
    read_table,
    words,
)

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


_MINOR_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "to"})


def _headline(name: str) -> str:
    """A name with its words capitalized but the minor ones: "ministry of defence" →
    "Ministry of Defence"."""
    return " ".join(w if w in _MINOR_WORDS else w[:1].upper() + w[1:] for w in name.split())


def _without_initials(name: str) -> list[str]:
    """The words of a person's name without initials: "С.В. Лавров" → ["Лавров"].

    >>> _without_initials("М.В.Захарова"), _without_initials("Mukhtar Tleuberdi")
    (['Захарова'], ['Mukhtar', 'Tleuberdi'])
    """
    spaced = re.sub(r"(\w\.)(?=\w)", r"\1 ", name)
    return [p for p in spaced.split() if not _INITIAL.match(p)] or name.split()


_MIDDLE_INITIAL = re.compile(r"(?<=\w) [A-ZА-ЯЁ]\.?(?= \w)")


def without_middle_initial(name: str) -> str:
    """A person's name without the initial of a middle name between the given name and the
    surname, which English news writes and Russian never ("Angela P Aggeler", "David W.
    Panuelo": one person with "Анджела Аггелер"); initials before the surname alone stay.

    >>> without_middle_initial("Angela P Aggeler"), without_middle_initial("David W. Panuelo")
    ('Angela Aggeler', 'David Panuelo')
    >>> without_middle_initial("S. Jaishankar"), without_middle_initial("Abdullah I")
    ('S. Jaishankar', 'Abdullah I')
    """
    return _MIDDLE_INITIAL.sub("", name)


def with_initial(parts: list[str]) -> str | None:
    """A full name with its given name cut to the initial, as the knowledge base may give it
    ("S. Jaishankar" for "Субраманиям Джайшанкар"); None for one word or an initial already.

    >>> with_initial(["Субраманиям", "Джайшанкар"]), with_initial(["Лавров"])
    ('С. Джайшанкар', None)
    """
    if len(parts) < 2 or _INITIAL.match(parts[0]):
        return None
    return parts[0][:1] + ". " + " ".join(parts[1:])


def same_given_name(written: set[str], known: str) -> bool:
    """Whether a given name written in the text (its match keys: as written and as lemma) can
    be the knowledge base's ``known`` one: the same key, or ``known`` is an initial of its
    first letter ("S. Jaishankar", "С. Джаишанкар" for "Субраманиям Джайшанкар").

    >>> same_given_name({"subramanam"}, "С."), same_given_name({"sergi"}, "Сергей")
    (True, True)
    >>> same_given_name({"ahmed"}, "С."), same_given_name({"akilbek"}, "Садыр")
    (False, False)
    """
    key = match_key(known)
    if key in written:
        return True
    return bool(_INITIAL.match(known)) and len(key) == 1 and any(w[:1] == key for w in written)


def patronymic_given(parts: list[str], endings: tuple[str, ...]) -> str | None:
    """The given name of a name written as a given name and a patronymic with no surname
    (``endings``: the language's patronymic endings), else None.

    >>> endings = ("ович", "евич", "овна")
    >>> patronymic_given(["Ильхам", "Гейдарович"], endings), patronymic_given(["Ильхам", "Алиев"], endings)
    ('Ильхам', None)
    >>> patronymic_given(["Гейдарович"], endings), patronymic_given(["Ильхам", "Ович"], endings)
    (None, None)
    """
    if len(parts) != 2:
        return None
    last = fold(parts[1])
    if any(last.endswith(e) and len(last) > len(e) + 1 for e in endings):
        return parts[0]
    return None


def _best_name(names: Counter) -> str:
    """The fullest, most frequent form: more words first, then frequency, then text."""
    return sorted(names.items(), key=lambda kv: (-len(kv[0].split()), -kv[1], kv[0]))[0][0]


def _nominative(surface: str, normal: str, cls: str) -> str:
    """The nominative of an unknown Cyrillic name the normalizer left in its case: a person's
    from the given name's gender and case ("Содиком Имоми" → "Содик Имоми"), a one-word name's
    by its dictionary form when that only cuts an ending ("Курыке" → "Курык", "Сименса" →
    "Сименс"); any other name as normalized.

    >>> _nominative("Содиком Имоми", "Содиком Имоми", "Person"), _nominative("Курыке", "Курыке", "Place")
    ('Содик Имоми', 'Курык')
    >>> _nominative("Баку", "Баку", "Place"), _nominative("Сергея Лаврова", "Сергей Лавров", "Person")
    ('Баку', 'Сергей Лавров')
    """
    if cls == "Person":
        fixed = nominative_name(surface)
        return fixed if fixed != surface else normal
    if normal != surface or " " in surface or "-" in surface or surface.isupper() or not is_cyrillic(surface):
        return normal
    low = surface.lower().replace("ё", "е")
    lem = lemma(surface)
    if lem != low and low.startswith(lem) and len(lem) >= 3:
        return surface[: len(lem)]
    return normal


_TITLE_OF = re.compile(r"(\w+) (?:of (?:the )?(?:[^\W\d_][\w'’-]* ){1,3}to|of|to) (?:the )?$")
_TITLE_COMMA = re.compile(r" (\w+),(?= )")
_NAME_AFTER = re.compile(r" ([^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*){1,2})")


def _after_title(text: str, start: int, title_words: frozenset[str]) -> bool:
    """Whether a title and "of" stand right before ``start``: "President of Mongolia …"; or
    "to" ("the Ambassador of Azerbaijan to Pakistan Khazar Farhadov", en_az-pk_62).

    >>> words = frozenset({"president", "ambassador"})
    >>> _after_title("President of Mongolia", 13, words), _after_title("Ambassador to Pakistan", 14, words)
    (True, True)
    >>> _after_title("the Ambassador of Azerbaijan to Pakistan", 32, words)
    True
    >>> _after_title("flew to Pakistan", 8, words), _after_title("the envoy of Russia to Pakistan", 23, words)
    (False, False)
    >>> _after_title("President of the Party of Vietnam", 26, words)  # "of", not "to", after the state
    False
    """
    m = _TITLE_OF.search(text, max(0, start - 40), start)
    return bool(m) and fold(m.group(1)) in title_words


def _titled_names(text: str, spans: list[_Span], title_words: frozenset[str], sent_of) -> list[_Span]:
    """A name the NER missed after a title and its state: "Foreign Minister of the Republic
    of Uzbekistan Abdulaziz Kamilov" — two or three capitalized words right after a place
    named after "<title> of", on its line, that no span holds."""
    taken = _Near([(sp.start, sp.end) for sp in spans])
    out = []
    for sp in spans:
        at = sp.end
        if sp.label in ("ADJ", "NORP"):
            # "his North Korean counterpart, Choe Son Hui,": a state's adjective, a title word
            # and a comma, then a name closed by a comma
            t = _TITLE_COMMA.match(text, sp.end)
            if not t or fold(t.group(1)) not in title_words:
                continue
            at = t.end()
        elif sp.label not in ("GPE", "LOC") or not _after_title(text, sp.start, title_words):
            continue
        m = _NAME_AFTER.match(text, at)
        if not m or (sp.label in ("ADJ", "NORP") and text[m.end() : m.end() + 1] != ","):
            continue
        names = m.group(1).split(" ")
        # the name's capitalized words, up to the verb after it ("… Kelly Degnan is visiting")
        k = next((i for i, w in enumerate(names) if not w[:1].isupper()), len(names))
        names = names[:k]
        if len(names) < 2 or not all(any(c.islower() for c in w) for w in names):
            continue
        if any(fold(w) in title_words for w in names):
            continue
        start = m.start(1)
        end = start + len(" ".join(names))
        if taken.overlapping(start, end):
            continue
        name = text[start:end]
        out.append(_Span(start, end, name, "PER", normal=name, sentence=sent_of(start)))
    return out


@cache
def reading_table(table: str) -> dict[str, str]:
    """A syllable table ``data/common/reading_<table>.tsv``: Cyrillic spelling → Latin; a
    syllable with "ё" also as written with "е" where no other syllable is ("Есихидэ")."""
    rows = {r[0]: r[1] for r in read_table(DATA / "common" / f"reading_{table}.tsv") if len(r) > 1}
    return rows | {k.replace("ё", "е"): v for k, v in rows.items() if k.replace("ё", "е") not in rows}


@lru_cache(maxsize=1)
def reading_states() -> dict[str, tuple[str, int]]:
    """State key → the reading table of its names and the syllables of one word at most
    (``data/common/reading_states.tsv``)."""
    return {r[0]: (r[1], int(r[2])) for r in read_table(DATA / "common" / "reading_states.tsv") if len(r) > 2}


@lru_cache(maxsize=1)
def hyphened_tables() -> frozenset[str]:
    """Reading tables whose names English news writes with the given name's syllables joined
    by a hyphen ("Kim Jong-un"): a fourth column "hyphen" of ``data/common/reading_states.tsv``."""
    rows = read_table(DATA / "common" / "reading_states.tsv")
    return frozenset(r[1] for r in rows if len(r) > 3 and r[3] == "hyphen")


def join_given(read: list[str]) -> str:
    """A family name and its given name's syllables, the syllables joined by a hyphen.

    >>> join_given(["Kim", "Jong", "Un"]), join_given(["Choe", "Son", "Hui"]), join_given(["Ri", "Il"])
    ('Kim Jong-un', 'Choe Son-hui', 'Ri Il')
    """
    return " ".join([read[0], "-".join(read[1:]).capitalize()])


def fewest_syllables(word: str, table: dict[str, str]) -> tuple[int, str] | None:
    """``word`` cut wholly into keys of ``table`` with the fewest pieces: (pieces, the values
    joined), or None when it cannot be cut so. The one cutter of both directions (Cyrillic
    names to Latin here, Latin to Cyrillic in ``tools/officials_names.py``).

    >>> fewest_syllables("abcd", {"a": "A", "ab": "X", "cd": "Y", "c": "C", "d": "D"})
    (2, 'XY')
    >>> fewest_syllables("abe", {"a": "A", "b": "B"}) is None
    True
    """
    longest = max(map(len, table), default=0)
    best: list[tuple[int, str] | None] = [None] * (len(word) + 1)
    best[0] = (0, "")
    for i in range(len(word)):
        if best[i] is None:
            continue
        n, out = best[i]
        for j in range(i + 1, min(len(word), i + longest) + 1):
            piece = table.get(word[i:j])
            if piece is not None and (best[j] is None or best[j][0] > n + 1):
                best[j] = (n + 1, out + piece)
    return best[len(word)]


def read_syllables(word: str, table: dict[str, str], most: int = 5) -> str | None:
    """The Latin spelling of a Cyrillic word cut wholly into syllables of ``table`` (the fewest
    syllables, ``most`` at most), or None when it cannot be cut so.

    >>> zh = reading_table("zh")
    >>> read_syllables("Цзиньпин", zh), read_syllables("Хунбинь", zh), read_syllables("Сергей", zh)
    ('Jinping', 'Hongbin', None)
    """
    end = fewest_syllables(word.lower(), table)
    if end is None or end[0] > most:
        return None
    return end[1][:1].upper() + end[1][1:] if word[:1].isupper() else end[1]


def east_asian_reading(name: str, states) -> str | None:
    """The English spelling of a person's name written in Cyrillic by the reading system of a
    state the document names (``states``: state keys): every word cut into the syllables of
    that state's table (Palladius for Chinese, Polivanov for Japanese, reversed), none a given
    name of ``data/common/given_names.tsv``; None when no table reads it. The states in their
    order: the first whose table reads the name gives its spelling.

    >>> east_asian_reading("Си Цзиньпин", ["china"]), east_asian_reading("Синдзо Абэ", ["japan"])
    ('Xi Jinping', 'Shinzo Abe')
    >>> east_asian_reading("Синдзо Абэ", ["russia"]), east_asian_reading("Анна Ли", ["china"])
    (None, None)
    """
    words = [w for w in re.split(r"[ -]+", name.strip()) if w]
    if len(words) < 2 or not all(is_cyrillic(w) and w.isalpha() for w in words):
        return None
    if any(fold(w) in given_names() for w in words):
        return None
    tables = reading_states()
    for table, most in dict.fromkeys(tables[s] for s in states if s in tables):
        read = [read_syllables(w, reading_table(table), most) for w in words]
        if all(read):
            return join_given(read) if table in hyphened_tables() else " ".join(read)
    return None


@lru_cache(maxsize=1)
def _person_key_rules() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple(
        (re.compile(r[0]), r[1] if len(r) > 1 else "") for r in read_table(DATA / "common" / "person_key.tsv")
    )


@lru_cache(maxsize=1)
def _latin_letters() -> tuple[tuple[str, str], ...]:
    return tuple(
        (r[0], r[1] if len(r) > 1 else "") for r in read_table(DATA / "common" / "person_key_letters.tsv")
    )


@lru_cache(maxsize=1)
def _latin_name_rules() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple(
        (re.compile(r[0]), r[1] if len(r) > 1 else "")
        for r in read_table(DATA / "common" / "person_key_latin.tsv")
    )


@lru_cache(maxsize=1)
def _given_name_forms() -> dict[str, str]:
    """The key of each form of a given name (``given_name_forms.tsv``) → the key of its first."""
    rows = [[_spelling_key(n) for n in row] for row in read_table(DATA / "common" / "given_name_forms.tsv")]
    out = {row[0]: row[0] for row in rows}  # a name's own key stays its, whatever row has it
    for row in rows:
        for form in row[1:]:
            out.setdefault(form, row[0])
    return out


_VOWELS_KEY = re.compile(r"[aeiou]+")
_INNER_VOWELS = re.compile(r"[aeiou]+(?=[^aeiou])")


def _spelling_key(name: str) -> str:
    """The match key of a person's name with the folds of its script's spelling (a Latin name's
    letters of ``person_key_letters.tsv``, then ``person_key_latin.tsv``) and those of both
    (``person_key.tsv``)."""
    if not is_cyrillic(name):
        low = fold(name)
        for letter, sound in _latin_letters():
            low = low.replace(letter, sound)
        low = unicodedata.normalize("NFKD", low)
        name = "".join(c for c in low if not unicodedata.combining(c))
        for rx, rep in _latin_name_rules():
            name = rx.sub(rep, name)
    key = match_key(name)
    for rx, rep in _person_key_rules():
        key = rx.sub(rep, key)
    return key


def vowel_class(word: str) -> str:
    """A word of a key with its vowels before a consonant in one class ("a") when it has two
    groups of vowels or more: the vowels Russian hears in a foreign name are not the letters
    its spelling writes (Cameron = Кэмерон, David = Дэвид, Hussain = Хусейн); the vowel a word
    ends with (Petrov ≠ Petrova, Petrovski ≠ Petrovska) and the vowel of a one-syllable word
    (Li ≠ Lu, Wang ≠ Wen) stay.

    >>> vowel_class("kemeron"), vowel_class("kameron"), vowel_class("petrova"), vowel_class("ven")
    ('kamaran', 'kamaran', 'patrava', 'ven')
    """
    if len(_VOWELS_KEY.findall(word)) < 2:
        return word
    return _INNER_VOWELS.sub("a", word)


@lru_cache(maxsize=50_000)
def person_key(name: str) -> str:
    """The key of a person's name, the same for the spellings English and Russian news give one
    name: its match key folded further (``data/common/person_key.tsv``, and
    ``person_key_latin.tsv`` for a name in Latin letters), a given name in one of its forms
    (``given_name_forms.tsv``: Petro = Петр) and the vowels of each word in one class
    (:func:`vowel_class`). The key of an unknown person (its IRI) and the look-up of the
    knowledge base's people by an unknown spelling; a function of the name alone, so that the
    stored graph does not depend on the order of the documents.

    >>> person_key("Olaf Scholz") == person_key("Олаф Шольц") == person_key("Олаф Шолз")
    True
    >>> person_key("David Cameron") == person_key("Дэвид Кэмерон"), person_key("Petro Vrublevsky")
    (True, 'petr-vrablavski')
    >>> person_key("Ivan Petrov") == person_key("Ivana Petrova")
    False
    """
    words = _spelling_key(name).split("-")
    if len(words) > 1:
        forms = _given_name_forms()
        words = [forms.get(w, w) for w in words[:-1]] + words[-1:]
    return "-".join(vowel_class(w) for w in words if w)


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    """The person keys of the words that say "son of" in a full name (``name_particles.tsv``)."""
    return frozenset(person_key(r[0]) for r in read_table(DATA / "common" / "name_particles.tsv"))


@lru_cache(maxsize=1)
def _surname_articles() -> frozenset[str]:
    return frozenset(fold(r[0]) for r in read_table(DATA / "common" / "surname_articles.tsv"))


def surname_forms(surname: str) -> tuple[str, ...]:
    """A family name as written and, when it opens with an article and a hyphen
    (``surname_articles.tsv``), without it: the document may write it either way ("Ahmed
    al-Sahhaf" … "Sahhaf said").

    >>> surname_forms("al-Sahhaf"), surname_forms("аль-Джубейр"), surname_forms("Kenzhekhanuly")
    (('al-Sahhaf', 'Sahhaf'), ('аль-Джубейр', 'Джубейр'), ('Kenzhekhanuly',))
    >>> surname_forms("Al-Jaber"), surname_forms("Nur-Sultan")
    (('Al-Jaber', 'Jaber'), ('Nur-Sultan',))
    """
    head, sep, rest = surname.partition("-")
    if sep and rest[:1].isupper() and fold(head) in _surname_articles():
        return (surname, rest)
    return (surname,)


def part_of_name(key: str, named: dict[tuple[str, ...], str]) -> str | None:
    """The one person of the document whose longer name begins or ends with the words of a name
    of two words or more ("Aung Hlaing" after "Min Aung Hlaing", "Faisal bin Farhan" after
    "Faisal bin Farhan Al Saud"); not the words after "son of" (``name_particles``: "Hamad Al
    Thani" beside "Tamim bin Hamad Al Thani" is the father), None when no person or more than
    one has them. ``key``: the name's :func:`person_key`; ``named``: the words of the person
    keys of the document's names of two words or more (the knowledge base's full names of the
    people it found, the unknown names keyed so far) → the person.

    >>> named = {("min", "aun", "hlan"): "m", ("tamam", "bin", "hamad", "al", "tani"): "t"}
    >>> part_of_name("aun-hlan", named), part_of_name("min-aun", named)
    ('m', 'm')
    >>> part_of_name("tamam-bin-hamad", named)
    't'
    >>> part_of_name("hamad-al-tani", named), part_of_name("hlan", named), part_of_name("ivan-hlan", named)
    (None, None, None)
    """
    words = tuple(key.split("-"))
    n = len(words)
    if n < 2:
        return None
    found = {
        person
        for full, person in named.items()
        if len(full) > n
        and (full[:n] == words or (full[-n:] == words and full[-n - 1] not in name_particles()))
    }
    return next(iter(found)) if len(found) == 1 else None


def described_body(name: str, cues) -> bool:
    """Whether a body's ``name`` describes its kind rather than naming it: a cue noun of the
    kind first, then a lowercase word ("Ministry of Industry and Infrastructure Development",
    "Committee for Regulation …"), so that a state's adjective before it only says whose it
    is; not a name the adjective may belong to ("International Affairs Council"). ``cues``:
    the lowercase cue nouns (``org_cues.tsv``).

    >>> cues = {"ministry", "committee", "council"}
    >>> described_body("Ministry of Agriculture", cues), described_body("Committee for Tourism", cues)
    (True, True)
    >>> described_body("International Affairs Council", cues), described_body("Ministry", cues)
    (False, False)
    >>> described_body("State Committee for National Security", cues)
    False
    """
    ws = name.split()
    return len(ws) > 2 and ws[0].lower() in cues and ws[1].islower()


@lru_cache(maxsize=4)
def national_words(lang: str) -> frozenset[str]:
    """The first words of an unknown name that make a state's adjective before it part of the
    name (``national_words.tsv``): "National" of "the Mozambican National Hydrocarbons Company"."""
    path = DATA / lang / "national_words.tsv"
    return frozenset(fold(r[0]) for r in read_table(path)) if path.exists() else frozenset()


def _all_generic(g: _Span) -> bool:
    return bool(g.keys) and all(c.kind == "generic" for c in g.keys)


@lru_cache(maxsize=4)
def _and_words(lang: str) -> frozenset[str]:
    return frozenset(r[1] for r in read_table(DATA / lang / "body_state.tsv") if r[0] == "and")


def _name_goes_on(text: str, end: int, lang: str) -> bool:
    """Whether "<and> <word>" follows ``end`` on its line: the name coordinates another field."""
    m = re.match(r" (\w+) \w", text[end : end + 40])
    return bool(m) and m.group(1) in _and_words(lang)


@lru_cache(maxsize=4)
def field_titles(lang: str) -> dict[str, frozenset[str]]:
    """The words of ``field_titles.tsv`` by kind (title, link, join, inner); none when the
    language has no table."""
    path = DATA / lang / "field_titles.tsv"
    rows = read_table(path) if path.is_file() else []
    return {k: frozenset(fold(r[1]) for r in rows if r[0] == k) for k in ("title", "link", "join", "inner")}


_FIELD_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*|&|,")


def in_title_field(before: str, name: str, table: dict[str, frozenset[str]]) -> bool:
    """Whether ``name``, written right after ``before`` (its line up to the name), lies wholly
    in the field of a minister's title ("Minister of Foreign Affairs and International
    Cooperation"): a title word and a link word before the name, then only
    capitalized words, commas and joining words up to the name's end (``table``:
    :func:`field_titles`).

    >>> t = {"title": frozenset({"minister", "ministers", "secretary"}), "link": frozenset({"of", "for"}),
    ...      "join": frozenset({"and", "for"}), "inner": frozenset({"of", "the"})}
    >>> in_title_field("the Minister of Foreign Affairs and ", "International Cooperation of the Republic", t)
    True
    >>> in_title_field("as well as the ", "Ministers of Economy and Economy", t)  # the title is the name's
    False
    >>> in_title_field("Senior Minister of ", "State for Trade and Industry", t)
    True
    >>> in_title_field("Secretary of the ", "Security Council", t)  # a body after "the"
    False
    >>> in_title_field("Chairman of ", "Astana International Financial Centre", t)
    False
    >>> in_title_field("the Minister met the ", "Development Bank", t)
    False
    """
    if not table.get("title"):
        return False
    tokens = [(m.start(), m.group()) for m in _FIELD_TOKEN.finditer(before + name)]
    start = len(before)
    for k in range(len(tokens) - 2, -1, -1):
        pos, word = tokens[k]
        if pos >= start:
            continue
        if fold(word) not in table["title"] or fold(tokens[k + 1][1]) not in table["link"]:
            continue
        rest = [w for _, w in tokens[k + 2 :]]
        began = False
        for w in rest:
            if w[:1].isupper():
                began = True
            elif not (w == "," or fold(w) in table["join"] or (began and fold(w) in table["inner"])):
                return False
        return began
    return False


@lru_cache(maxsize=4)
def _portfolios(lang: str) -> frozenset[str]:
    """The fields of ministers' posts as written (``portfolios.tsv``): "external affairs"."""
    return frozenset(fold(r[0]) for r in read_table(DATA / lang / "portfolios.tsv"))


def _before_title(text: str, end: int, res: Resources) -> bool:
    """Whether a title word follows ``end`` directly: "External Affairs Minister"."""
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.group(1)[:1].isupper() and fold(m.group(1)) in res.title_words


_TITLE_CASE_MIN_WORDS = 5
_ALPHA_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _title_case_lines(text: str) -> tuple[_Near, frozenset[str]]:
    """The lines written in title case (headlines: "Putin Says Hopefully Moscow, Ankara Will
    Agree": seven words in ten or more capitalized, five words at least, no closing period) and
    the words of the other lines as written, so that a name found only in such a headline can
    be told from one the text writes (one pass over the text)."""
    spans, others = [], set()
    pos = 0
    for line in text.split("\n"):
        ws = _ALPHA_WORD.findall(line)
        caps = sum(1 for w in ws if w[:1].isupper())
        if len(ws) >= _TITLE_CASE_MIN_WORDS and caps >= 0.7 * len(ws) and not line.rstrip().endswith("."):
            spans.append((pos, pos + len(line)))
        else:
            others.update(ws)
        pos += len(line) + 1
    return _Near(spans), frozenset(others)


def _written_in(name: str, body_words: frozenset[str]) -> bool:
    """Whether the other lines write every word of ``name``, capitals as given."""
    return all(w in body_words for w in _ALPHA_WORD.findall(name))


def _guillemets(name: str) -> str:
    """A Cyrillic name's straight quotes as the Russian typography writes them.

    >>> _guillemets('АЭС "Аккую"'), _guillemets('Sputnik "X"')
    ('АЭС «Аккую»', 'Sputnik "X"')
    """
    if not is_cyrillic(name) or name.count('"') % 2:
        return name
    return re.sub(r'"([^"]*)"', r"«\1»", name)


def _clean_name(name: str) -> str:
    """A name on one line, without the punctuation and quotes around it, but for the quote
    that closes one it opens.

    >>> _clean_name('«Суд центра "Астана",'), _clean_name('"Сила Сибири"')
    ('Суд центра "Астана"', 'Сила Сибири')
    """
    out = " ".join(name.replace("\n", " ").split()).strip(' ,.;:"«»“”')
    end = name.rstrip(" ,.;:\n")[-1:]
    opening = _OPENING_QUOTE.get(end)
    if opening is None:
        return out
    unclosed = out.count(end) % 2 if opening == end else out.count(opening) > out.count(end)
    if unclosed:
        out += end
    return out


_OPENING_QUOTE = {'"': '"', "»": "«", "”": "“"}


def _prefix(cls: str) -> str:
    return {"Person": "person", "Place": "place", "City": "place", "Country": "place"}.get(cls, "org")


def _sentence_index(sdoc, starts: Sequence[int] | None = None):
    """The function from a character offset to its sentence's number; ``starts`` are the
    sentences' first offsets when the caller has them (``Doc.sents`` makes every span anew)."""
    if starts is None:
        starts = [s.start_char for s in sdoc.sents]

    def sent_of(char: int) -> int:
        return max(0, bisect.bisect_right(starts, char) - 1)

    return sent_of


_DEFINED_ABBREVIATION = re.compile(r" \(([^\W\d_]{2,7})\)")


def defined_abbreviations(text: str, spans: list[_Span]) -> list[tuple[_Span, str]]:
    """The names of two words or more followed by the abbreviation they define, in brackets
    (two to seven capitals): (name, abbreviation) pairs for "Вооруженных сил Украины (ВСУ)",
    "China National Petroleum Corporation (CNPC)".

    >>> t = "причастность Вооруженных сил Украины (ВСУ) к атаке"
    >>> [(x.text, y) for x, y in defined_abbreviations(t, [_Span(13, 36, t[13:36], "ORG")])]
    [('Вооруженных сил Украины', 'ВСУ')]
    """
    out = []
    for sp in spans:
        m = _DEFINED_ABBREVIATION.match(text, sp.end)
        if m and len(sp.text.split()) >= 2 and m.group(1).isupper():
            out.append((sp, m.group(1)))
    return out


@cache
def _outlet_nouns(lang: str) -> frozenset[str]:
    return frozenset(r[0] for r in read_table(DATA / lang / "outlet_nouns.tsv"))


#: the (at most three) words right before a name, on its line: a noun and its adjectives, and
#: the opening quote of a name written in quotes ("издание «Ориент»")
_WORDS_BEFORE = re.compile(r"(?:([^\W\d_]+)[ \t]+){1,3}[«\"“„]?$")


def outlet_noun_before(text: str, start: int, lang: str, word_key=str.lower) -> bool:
    """Whether a news-outlet noun stands right before ``start``, an adjective or two between:
    "газета The Print", "таджикского издания Asia-Plus", "the website Lada.kz".

    >>> outlet_noun_before("сообщила газета The Print", 20, "ru", lambda w: w.lower())
    True
    >>> outlet_noun_before("the Russian president met", 21, "en")
    False
    >>> outlet_noun_before("как сообщает издание «Ориент»", 22, "ru")
    True
    """
    return _noun_before(text, start, _outlet_nouns(lang), word_key)


def outlet_noun_after(text: str, end: int, lang: str, word_key=str.lower) -> bool:
    """Whether a news-outlet noun follows ``end`` directly: "the Dawn newspaper reported"
    (en_pk-us_62: the model's person).

    >>> outlet_noun_after("the Dawn newspaper reported", 8, "en")
    True
    >>> outlet_noun_after("the Dawn of a new era", 8, "en")
    False
    """
    m = _NEXT_WORD.match(text, end)
    return bool(m) and word_key(m.group(1)) in _outlet_nouns(lang)


@cache
def _body_nouns(lang: str) -> frozenset[str]:
    path = DATA / lang / "body_nouns.tsv"
    return frozenset(r[0] for r in read_table(path)) if path.is_file() else frozenset()


def body_noun_before(text: str, start: int, lang: str, word_key=str.lower) -> bool:
    """Whether a state body's class noun (``body_nouns.tsv``) stands right before ``start``, an
    adjective or two between: "industrial safety regulator Rostekhnadzor".

    >>> body_noun_before("industrial safety regulator Rostekhnadzor", 28, "en")
    True
    >>> body_noun_before("the Russian president met", 21, "en")
    False
    """
    return _noun_before(text, start, _body_nouns(lang), word_key)


def _noun_before(text: str, start: int, nouns: frozenset[str], word_key) -> bool:
    m = _WORDS_BEFORE.search(text, max(0, start - 60), start)
    if not m:
        return False
    return any(word_key(w) in nouns for w in m.group().split())


#: a web domain as a name: "Lada.kz", "News.ru", "sotreport.kz"
_DOMAIN = re.compile(r"^[^\W_][\w-]*\.[a-z]{2,4}$", re.I)


def is_domain(name: str) -> bool:
    """Whether a name is a web domain ("Lada.kz"), not an abbreviation with dots ("U.S.").

    >>> is_domain("Lada.kz"), is_domain("U.S."), is_domain("Astana")
    (True, False, False)
    """
    return bool(_DOMAIN.match(name.strip())) and name.strip()[-1].isalpha()


def initials(name: str) -> str | None:
    """The initials of a name of two or more capitalized words ("Korean Central News Agency" →
    "KCNA"), None for a shorter one or one with lowercase words between.

    >>> initials("Korean Central News Agency"), initials("Tasnim"), initials("Council of Europe")
    ('KCNA', None, None)
    """
    ws = name.split()
    if len(ws) < 2 or not all(w[:1].isupper() for w in ws):
        return None
    return "".join(w[0] for w in ws)


@cache
def _city_nouns(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    rows = read_table(DATA / lang / "city_nouns.tsv")
    return (
        frozenset(r[0] for r in rows if r[1] in ("before", "both")),
        frozenset(r[0] for r in rows if r[1] in ("after", "both")),
    )


def without_city_noun(text: str, lang: str) -> str:
    """A name the NER ran into a lowercase city noun written after it, without the noun
    ("Horgos city" → "Horgos": the noun then tells the name is a city's, ``city_noun_near``).

    >>> without_city_noun("Horgos city", "en"), without_city_noun("Mexico City", "en")
    ('Horgos', 'Mexico City')
    """
    for noun in _city_nouns(lang)[1]:
        if text.endswith(" " + noun) and len(text) > len(noun) + 1:
            return text[: -len(noun) - 1]
    return text


_BEFORE_NAME = re.compile(r"(?:^|[\s(])((?:\w+ )?[\w.]+)(?: of)?(?: the)? $")
_AFTER_NAME = re.compile(r" (\w+)")


def city_noun_near(text: str, start: int, end: int, lang: str) -> bool:
    """Whether a word of ``city_nouns.tsv`` stands right before or after a name: "the city of
    Bokhtar", "город Тяньцзинь", "г. Курык", "Horgos city".

    >>> city_noun_near("left Horgos city today", 5, 11, "en"), city_noun_near("город Тяньцзинь", 6, 15, "ru")
    (True, True)
    >>> city_noun_near("the region of Kamchatka", 14, 23, "en")
    False
    """
    before, after = _city_nouns(lang)
    m = _BEFORE_NAME.search(text[max(0, start - 30) : start])
    if m:
        ws = m.group(1).lower()
        if ws in before or ws.split()[-1] in before:
            return True
    a = _AFTER_NAME.match(text, end)
    return bool(a) and a.group(1).lower() in after


@cache
def _currency_words(lang: str) -> frozenset[str]:
    return frozenset(r[0] for r in read_table(DATA / lang / "currency_words.tsv"))


def currency_after(text: str, end: int, lang: str, word_key=str.lower) -> bool:
    """Whether a currency sign or word follows a name: "US$62.6 million", "2.5 billion U.S.
    dollars" name a currency, not the state.

    >>> currency_after("US$62.6 million", 2, "en"), currency_after("U.S. dollars", 4, "en")
    (True, True)
    >>> currency_after("U.S. President", 4, "en")
    False
    """
    if text[end : end + 1] == "$":
        return True
    m = re.match(r" (\w+)", text[end : end + 30])
    return bool(m) and word_key(m.group(1)) in _currency_words(lang)


def document_noun_after(text: str, end: int, documents, word_key=str.lower) -> bool:
    """Whether the word right after a name is a document's noun (``documents``, the "document"
    rows of ``ignore.tsv``) or its plural: the name names the document ("the Vienna Convention",
    «Минские соглашения»), not the place.

    >>> document_noun_after("the Vienna Convention on Diplomatic Relations", 10, {"convention": "on"})
    True
    >>> document_noun_after("the Minsk Agreements", 9, {"agreement": "on"})
    True
    >>> document_noun_after("in Vienna on Monday", 9, {"convention": "on"})
    False
    """
    m = re.match(r" (\w+)", text[end : end + 40])
    if not m:
        return False
    w = word_key(m.group(1))
    return w in documents or (w.endswith("s") and w[:-1] in documents)


_HOLDER_OF = re.compile(r"([\w-]+) (?:of|for) (?:the )?$")  # "co-chair of", "spokesman for"
#: the most words of a holder's name the NER ran into a body's name
_HOLDER_WORDS = 3


@lru_cache(maxsize=4)
def _one_word_titles(lang: str) -> frozenset[str]:
    """The titles of one word of the title table ("chair", "chairman"), as title keys."""
    from bilat.extract.positions_titles import titles

    return frozenset(t.words[0] for t in titles(lang) if len(t.words) == 1)


def holder_after_body(
    text: str, sp: _Span, res: Resources, lang: str, bound: frozenset[int] = frozenset()
) -> int | None:
    """Where the name of a post's holder starts inside an organization's name the NER ran on
    into it, after "<title> of": "co-chair of [the Intergovernmental Commission Alexei
    Overchuk]" (en_ru-az_02), "Chairman of the [State Committee for National Security of the
    Kyrgyz Republic Kamchybek Tashiev]" — two or three capitalized words after the body's last
    word (a lowercase word, an organization's cue word, a title word or its plural, a word of a
    minister's portfolio, or a word of a known name: ``bound``, offsets of the text); None when
    the span is no such thing.

    >>> from bilat.extract.link_gazetteer import resources
    >>> text = "co-chair of the Intergovernmental Commission Alexei Overchuk."
    >>> sp = _Span(12, 60, text[12:60], "ORG")
    >>> text[holder_after_body(text, sp, resources("en"), "en") :]
    'Alexei Overchuk.'
    >>> text = "said spokesman for the Ministry of Foreign Affairs Elman Abdullayev while"
    >>> sp = _Span(19, 67, text[19:67], "ORG")
    >>> text[holder_after_body(text, sp, resources("en"), "en") :]
    'Elman Abdullayev while'
    """
    if sp.label != "ORG":
        return None
    m = _HOLDER_OF.search(text, max(0, sp.start - 40), sp.start)
    if not m:
        return None
    key = profile(lang).title_key
    titles = res.title_words | _one_word_titles(lang)
    if key(m.group(1)) not in titles and key(m.group(1).split("-")[-1]) not in titles:
        return None
    cues = res.org_words
    portfolio_words = {w for p in _portfolios(lang) for w in p.split()}
    ws = list(re.finditer(r"[\w'’.-]+", sp.text))
    last = None
    for n, w in enumerate(ws):
        t = fold(w.group())
        if (
            not w.group()[:1].isupper()
            or t in cues
            or t in titles
            or key(w.group()) in titles
            or t in portfolio_words
            or sp.start + w.start() in bound
        ):
            last = n
    if last is None or last == 0 and fold(ws[0].group()) == "the":
        return None
    tail = ws[last + 1 :]
    if not 2 <= len(tail) <= _HOLDER_WORDS:
        return None
    if any(w.group().isupper() or not any(c.islower() for c in w.group()) for w in tail):
        return None
    # a common noun among them is the body's own name going on ("Institute of Oriental
    # Studies", "Center for Strategic Studies"), not a person's
    noun = getattr(profile(lang).module, "common_noun", None)
    if noun is not None and any(noun(w.group()) for w in tail):
        return None
    return sp.start + tail[0].start()


def title_phrase(name: str, title_words: frozenset[str], org_words: frozenset[str]) -> bool:
    """Whether a name the NER took for an organization is a post's title: two words or more,
    the last a title word, none an organization's cue word ("National Security Adviser"; not
    "Foreign Ministry Spokesman", whose ministry is a body).

    >>> tw, ow = frozenset({"adviser", "spokesman"}), frozenset({"ministry"})
    >>> title_phrase("National Security Adviser", tw, ow), title_phrase("Foreign Ministry Spokesman", tw, ow)
    (True, False)
    >>> title_phrase("Adviser", tw, ow), title_phrase("Security Council", tw, ow)
    (False, False)
    """
    ws = [fold(w.text) for w in words(name) if any(c.isalpha() for c in w.text)]
    return len(ws) >= 2 and ws[-1] in title_words and not any(w in org_words for w in ws)


def honorific_cut(name: str, table) -> int:
    """The characters of the honorifics and ranks (``table``: ``positions_titles.honorifics``)
    that open a person's name as the NER took it, each capitalized and with its period ("H.E.
    Lalduhthlana Ralte"); 0 when none, or when less than two words would be left (a given name
    that is also a rank's abbreviation: "Gen Nakatani").

    >>> table = (("h", ".", "e"), ("mr",), ("dr",), ("gen",))
    >>> n = honorific_cut("H.E. Mr. Lalduhthlana Ralte", table); "H.E. Mr. Lalduhthlana Ralte"[n:]
    'Lalduhthlana Ralte'
    >>> [honorific_cut(name, table) for name in ("Manmohan Singh", "Dr.", "Gen Nakatani")]
    [0, 0, 0]
    """
    from bilat.extract.positions_titles import honorific_end

    ws = words(name)
    j = honorific_end(ws, [w.text.lower() for w in ws], 0, table)
    left = [w for w in ws[j:] if any(c.isalpha() for c in w.text)]
    return ws[j].start if j > 0 and len(left) >= 2 else 0


def only_honorifics(name: str, table) -> bool:
    """Whether a name as the NER took it is honorifics and ranks alone (``table``:
    ``positions_titles.honorifics``), no one's name: "Datuk Seri" before a name the NER left
    out (en_my-id_68).

    >>> table = (("datuk", "seri"), ("datuk",), ("mr",))
    >>> only_honorifics("Datuk Seri", table), only_honorifics("Datuk Seri Anifah", table)
    (True, False)
    """
    from bilat.extract.positions_titles import honorific_end

    ws = words(name)
    return bool(ws) and honorific_end(ws, [w.text.lower() for w in ws], 0, table) == len(ws)


_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*)\.? $")


def titled_name(
    text: str, start: int, name: str, title_words: frozenset[str], org_words: frozenset[str]
) -> bool:
    """Whether ``name`` (the NER's organization at ``start``) is a person's name: a
    capitalized title word or honorific stands right before it ("Vice President Dr Bharrat
    Jagdeo", which the NER took for an organization), and it is two to four capitalized words
    of which none is an organization's cue word ("Minister of Foreign Affairs Office" is not).

    >>> dr = frozenset({"dr"})
    >>> titled_name("Vice President Dr Bharrat Jagdeo said", 18, "Bharrat Jagdeo", dr, frozenset())
    True
    >>> titled_name("the Foreign Ministry Press Office said", 21, "Press Office", frozenset({"ministry"}),
    ...             frozenset({"office"}))
    False
    >>> titled_name("visited Bharrat Jagdeo Street", 8, "Bharrat Jagdeo Street", dr, frozenset())
    False
    """
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if m is None or not m.group(1)[:1].isupper() or fold(m.group(1).rstrip(".")) not in title_words:
        return False
    ws = name.split()
    return (
        2 <= len(ws) <= 4
        and all(w[:1].isupper() and any(c.islower() for c in w) for w in ws)
        and not any(fold(w) in org_words or fold(w) in title_words for w in ws)
    )
