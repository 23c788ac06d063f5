"""Choosing what a span is: trimming and nesting spans, surname-only mentions, the class of an
unknown name, the choice among candidates, and the entities with their identity keys.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from bilat.extract.languages import PIVOT, codes, profile, scripts
from bilat.extract.link_gazetteer import (
    _POSSESSIVE,
    CLASS_PREFERENCE,
    Candidate,
    Resources,
    _Span,
    _word_keys,
    given_names,
    resources,
)
from bilat.extract.link_names import (
    _after_title,
    _and_words,
    _before_title,
    _best_name,
    _guillemets,
    _Near,
    _portfolios,
    field_titles,
    in_title_field,
    national_words,
    same_given_name,
    surname_forms,
)
from bilat.extract.link_places import body_state, state_form, state_label
from bilat.extract.positions_titles import honorifics
from bilat.extract.records import Document, Entity, Mention
from bilat.extract.text import (
    english_name,
    fold,
    lemma,
    match_key,
    words,
)

#: the classes of an unknown body that its owner's name, right after it, completes
_OWNED_CLASSES = frozenset({"GovernmentBody", "Organization"})
#: the NER labels of an owner's name the knowledge base does not know: any, or places only
_OWNER_LABELS = {False: ("ORG", "GPE", "LOC"), True: ("GPE", "LOC")}


_WORD_BEFORE = re.compile(r"(\w+)\)? (\w+) $")


def _document_title(text: str, start: int, documents: dict[str, str]) -> bool:
    """Whether a document's noun and its title word stand right before ``start``.

    >>> _document_title("signed the Treaty on Allied Relations", 21, {"treaty": "on"})
    True
    >>> _document_title("a Memorandum of Understanding (MOU) on Cultural Cooperation", 39, {"mou": "on"})
    True
    """
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return bool(m) and documents.get(fold(m.group(1))) == m.group(2)


def _document_name(name: str, documents: dict[str, str]) -> bool:
    """Whether a name of two words or more begins or ends with a document's noun or its plural
    (``documents``' keys): a document, no body.

    >>> docs = {"agreement": "on", "memoranda": "on"}
    >>> _document_name("Economic and Technical Cooperation Agreement", docs)
    True
    >>> _document_name("Agreement for Scientific Cooperation", docs)
    True
    >>> _document_name("Memoranda of Understanding", docs)
    True
    >>> _document_name("Minsk Agreements", docs), _document_name("Agreement", docs)
    (True, False)
    >>> _document_name("Collective Security Treaty Organization", {"treaty": "on"})
    False
    """
    ws = [fold(w.text) for w in words(name)]
    if len(ws) < 2:
        return False
    return any(w in documents or (w.endswith("s") and w[:-1] in documents) for w in (ws[0], ws[-1]))


_CLAUSE_END = re.compile(r".*(?:\n|[.;:!?] )", re.S)


def _clause_before(text: str, start: int) -> str:
    """The text of ``start``'s line and sentence before it (200 characters at most).

    >>> _clause_before("Talks ended. The Minister of Energy and ", 40)
    'The Minister of Energy and '
    """
    before = text[max(0, start - 200) : start]
    m = _CLAUSE_END.match(before)
    return before[m.end() :] if m else before


def _generic_noun(word: str, res: Resources) -> bool:
    """Whether one capitalized word is a common noun a text capitalizes, no name alone: a title
    word's plural ("Both Ministers") or the noun that ends a natural place's name
    (``place_cues.tsv``: "the Peninsula" after "the Korean Peninsula"). A body's noun alone
    ("the Commission", "Суд") may stand for the body the text named in full: it stays.

    >>> res = Resources({}, (), frozenset(), frozenset(), frozenset({"minister"}),
    ...                 place_cues=frozenset({"peninsula"}))
    >>> [_generic_noun(w, res) for w in ("Ministers", "Peninsula", "Minister", "Minsk", "Commission")]
    [True, True, False, False, False]
    """
    w = fold(word)
    return (w.endswith("s") and w[:-1] in res.title_words) or w in res.place_cues


def _natural_place(name: str, cues: frozenset[str]) -> bool:
    """Whether a capitalized name of two words or more ends in a natural place's noun
    (``place_cues.tsv``).

    >>> cues = frozenset({"pass", "sea"})
    >>> _natural_place("Alataw Pass", cues), _natural_place("Pass", cues), _natural_place("the pass", cues)
    (True, False, False)
    """
    ws = words(name)
    return len(ws) > 1 and ws[0].text[:1].isupper() and fold(ws[-1].text) in cues


def _settlement(name: str, label: str, cues: frozenset[str]) -> bool:
    """Whether an unknown name the NER calls a geopolitical entity (GPE) is a city: the
    knowledge base names every state and its regions, so what is left is a settlement
    ("Rabat", "Podgorica", "The Hague"), unless its last word is a region's or a natural
    place's noun (``cues``: "Hưng Yên Province", "Ayungin Shoal"). A language whose NER has no
    such label (natasha's LOC) gets no city from this.

    >>> cues = frozenset({"province", "shoal"})
    >>> _settlement("Rabat", "GPE", cues), _settlement("Hưng Yên Province", "GPE", cues)
    (True, False)
    >>> _settlement("Rabat", "LOC", cues), _settlement("North-South", "GPE", cues)
    (False, False)
    """
    ws = words(name)
    return (
        label == "GPE"
        and bool(ws)
        and ws[0].text[:1].isupper()
        and "-" not in name.strip("-")
        and fold(ws[-1].text) not in cues
    )


def _plural_head(name: str, lang: str, res: Resources) -> bool:
    """Whether a name opens with the plural of a state body's noun (``org_cues.tsv``): several
    bodies, no one entity ("Ministries of Health, Science, Technology and Innovation",
    en_ar-br_63; "Ministries of Foreign Affairs of the Kyrgyz Republic and the Republic of
    Uzbekistan", en_kg-uz_51). Not a title's plural: "the Ministers of Economy and Economy,
    Sergio Massa and Fernando Haddad" is read by the posts as the NER gave it. The language
    module's ``singular`` reads the plural; a language without one has no such rule."""
    singular = getattr(profile(lang).module, "singular", None)
    ws = words(name)
    if singular is None or len(ws) < 2 or not ws[0].text[:1].isupper():
        return False
    one = singular(ws[0].text)
    return one is not None and (one, "GovernmentBody") in res.org_cues


def _middle_initial(names: list[str]) -> bool:
    """Whether three words are a person's given name, initial and surname: "Angela P Aggeler"
    ("US Charge d’Affaires in Islamabad Angela P Aggeler", en_pk-us_62, was one place).

    >>> _middle_initial(["Angela", "P", "Aggeler"]), _middle_initial(["Angela", "Aggeler"])
    (True, False)
    >>> _middle_initial(["IT", "University"]), _middle_initial(["Pyongyang", "International", "Airport"])
    (False, False)
    """
    if len(names) != 3 or not all(n[:1].isupper() for n in names):
        return False
    first, mid, last = names
    return len(mid.rstrip(".")) == 1 and first[1:].islower() and last[1:].islower()


_CAMEL_TAIL = re.compile(r"(?<=[A-Za-z])[A-Z][a-z]{3,}$")


def camel_tail(word: str) -> tuple[str, ...]:
    """The capitalized word a name written as one word ends with, when another letter comes
    before it ("EADaily": "Daily", "KazMunayGas": none, of too few letters): a cue word of the
    name too.

    >>> camel_tail("EADaily"), camel_tail("Daily"), camel_tail("eurasianet")
    (('Daily',), (), ())
    """
    m = _CAMEL_TAIL.search(word)
    return (m.group(0),) if m else ()


def _cue_languages(name: str, lang: str) -> tuple[str, ...]:
    """The languages whose cue words may class an unknown name: the document's, and the
    pivot's too for a name with no letter of the document's script ("BFM TV", "Hindustan
    Times" in a Russian text are outlets by the English cues: ru_ru-fr_61, ru_ru-in_02).

    >>> _cue_languages("Hindustan Times", "ru"), _cue_languages("Гостелерадио", "ru")
    (('ru', 'en'), ('ru',))
    >>> _cue_languages("Hindustan Times", "en")
    ('en',)
    """
    if lang == PIVOT or scripts()[profile(lang).script].letters.search(name):
        return (lang,)
    return (lang, PIVOT)


def _starts_sentence(text: str, start: int) -> bool:
    """Whether ``start`` begins a line or a sentence (after ". ", "! ", "? ", ": ").

    >>> _starts_sentence("Токаев: Отношения", 8), _starts_sentence("x\\nПод", 2), _starts_sentence("в Под", 2)
    (True, True, False)
    """
    before = text[max(0, start - 3) : start].rstrip(" ")
    return not before or before[-1] in "\n.!?:" or start == 0


@dataclass
class Linked:
    """The entities of a document and, for the later stages, every linked span."""

    entities: tuple[Entity, ...]
    spans: tuple[tuple[int, int, str, str], ...]  # (start, end, entity key, coarse label)
    sentence_starts: tuple[int, ...] = ()  # where the parse's sentences start (the text's offsets)


class Resolution:
    """The linker's choice of an entity for each span (a part of
    :class:`bilat.extract.link.Linker`)."""

    def _trim(self, sp: _Span, text: str, gaz: list[_Span], lang: str, ner: Sequence[_Span] = ()) -> bool:
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

        def state(part: str) -> bool:
            return any(
                self.kb[c.key].cls == "Country"
                for c in index.get((fold(part),), ())
                if c.kind != "surname" and c.key in self.kb
            )

        body = sp.text
        if sp.label != "PER" and (
            _document_title(text, sp.start, res.documents) or _document_name(body, res.documents)
        ):
            return False  # "the Treaty on Allied Relations", "the Cooperation Agreement": documents, no body
        if sp.label not in ("PER", "GPE", "LOC") and in_title_field(
            _clause_before(text, sp.start), body, field_titles(lang)
        ):
            return False  # "Minister of Foreign Affairs and International Cooperation": a post's field
        if sp.label != "PER" and _plural_head(body, lang, res):
            return False  # "the Ministries of Health, Science …": several bodies
        if " " not in body and "-" in body:
            parts = [p for p in body.split("-") if p]
            # a person's name only when every part names a state ("Kazakh-Tajik" is no person)
            if len(parts) > 1 and all((state if sp.label == "PER" else known)(p) for p in parts):
                return False
        elif "-" in body and sp.label != "PER":
            # "Central Asia-China" (en_tm-cn_01, en_uz-cn_01), "UK-Central Asia" (en_kz-gb_02):
            # known names of several words joined by a hyphen name each its own place
            parts = [p.strip() for p in body.split("-") if p.strip()]
            if len(parts) > 1 and all(tuple(fold(w) for w in p.split()) in index for p in parts):
                return False
        ws = words(body)
        if (
            sp.label == "PER"
            and len(ws) > 1
            and fold(ws[-1].text) in res.title_words
            and re.match(r" [A-ZА-ЯЁ]", text[sp.end : sp.end + 2])
        ):
            return False  # "Qatar's Amir Sheikh Tamim …": a title and an honorific before a name
        initial_common = False
        if len(ws) == 1:
            w = ws[0].text
            if sp.label != "PER" and len(w) > 3 and w.endswith("s") and known(w[:-1]) and not known(w):
                return False  # "Azerbaijanis"
            if w[:1].isupper() and re.search(r"(?<![\w-])" + re.escape(w.lower()) + r"(?![\w-])", text):
                return False
            if fold(w) in res.title_words or lemma(w) in res.title_words:
                return False
            if _generic_noun(w, res):
                return False  # "Both Ministers", "the Peninsula"
            common = getattr(profile(lang).module, "common_word", None)
            if common is not None and sp.label != "PER" and _starts_sentence(text, sp.start) and common(w):
                initial_common = True  # "Отношения Астаны и Душанбе …": a sentence's first word
        # leading states/adjectives/title words
        i, titled = 0, False
        while i < len(ws) - 1:
            w = ws[i].text
            holders = [
                g
                for g in gaz
                if g.start <= sp.start + ws[i].start
                and sp.start + ws[i].end <= g.end
                and g.label in ("GPE", "ADJ")
            ]
            inside = bool(holders)
            if inside and i == 0 and sp.label != "PER" and self._city_names_body(holders, ws[1:]):
                break  # "Astana IT University", "Pyongyang International Airport": the city is the name's
            if inside or fold(w) in res.title_words or w in _POSSESSIVE:
                titled = titled or fold(w) in res.title_words
                if inside and sp.owner is None:
                    sp.owner = self._state_at(sp.start + ws[i].start, gaz)
                i += 1
                continue
            break
        if i and not titled:
            titled = _after_title(text, sp.start, res.title_words)
        if i:
            rest = ws[i:]
            if all(fold(w.text) in res.title_words for w in rest):
                return False
            places = [
                (g.start - sp.start, g.end - sp.start)
                for g in gaz
                if g.label == "GPE" and sp.start <= g.start < sp.end
            ]
            if all(
                any(a <= w.start and w.end <= b for a, b in places)
                for w in rest
                if any(c.isalnum() for c in w.text)
            ):
                return False  # "BEIJING/VILNIUS (Reuters)": known places only, no name left
            if titled and rest[0].text[:1].islower():
                return False  # "Heads of State of …": no name is left after the title
            if len(rest) == 1 and fold(rest[0].text) in res.org_words:
                return False  # "Russian Embassy": a body the text does not name
            common = getattr(profile(lang).module, "common_noun", None)
            if titled and len(rest) == 1 and common is not None and common(rest[0].text):
                return False  # "PM Office Media Wing" (en_pk-uz_60): the titled person's office, unnamed
            if (
                not titled
                and fold(rest[0].text) not in _portfolios(lang)
                and not _before_title(text, sp.end, res)
                and self._state_names_company(sp, rest[0].text, ws, known)
            ):
                sp.owner = None  # "Malaysia Airlines", "Lithuanian Railways": the state is the name's
                return True
            cut = rest[0].start
            sp.start += cut
            sp.text = sp.text[cut:]
            normal = (sp.normal or "").split()
            sp.normal = (
                " ".join(normal[i:]) if profile(lang).inflected and len(normal) == len(ws) else sp.text
            )
            named = [w.text for w in rest if w.text.isalnum()]
            if (
                sp.label != "PER"
                and len(rest) >= 2
                and (titled or fold(rest[0].text) in given_names() or _middle_initial(named))
            ):
                sp.label = "PER"  # "Federal Chancellor Olaf Scholz", "Islamabad Angela P Aggeler"
        if (
            sp.label == "ORG"
            and self._class_of(sp, lang) in _OWNED_CLASSES
            and self._owner_after(sp, text, gaz, lang, ner)
        ):
            return True
        if initial_common:
            return False  # a common word, unless a body named with its owner ("Суд Международного …")
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

    def _state_names_company(self, sp: _Span, word: str, ws, known) -> bool:
        """Whether a leading state's name or adjective belongs to the name: one capitalized
        plural common noun follows it, what the company runs, and no known name ("Malaysia
        Airlines", "Lithuanian Railways": en_ru-lt_01 and ru_ru-my_01 were cut to "Railways"
        and "Airlines"); the caller keeps the span whole, with no owner. Only a span the NER calls an
        organization: the model's "Lithuanian Railways" person stays cut (taking those too
        moved posts elsewhere, one right and one wrong)."""
        if len(ws) != 2 or sp.label != "ORG" or not word[:1].isupper() or word.isupper():
            return False
        if known(word):
            return False
        for code in codes():
            module = profile(code).module
            noun = getattr(module, "common_noun", None)
            plural = getattr(module, "is_plural", None)
            if noun is not None and plural is not None and plural(word) and noun(word):
                break
        else:
            return False
        return True

    def _city_names_body(self, holders: list[_Span], rest) -> bool:
        """Whether a leading city belongs to the name of what follows it: the city's name
        before two or more capitalized words ("Astana IT University", "Pyongyang International
        Airport"; not a person or a single noun: "Moscow Kremlin"), or the city's adjective
        before a lowercase noun, the name's head ("Минской группы ОБСЕ", "Ташкентского
        государственного университета": ru_am-tr_51, ru_am-ge_51 made Minsk and a body
        "группа" of the OSCE Minsk Group)."""

        def cities(*labels: str) -> bool:
            return all(
                g.label in labels
                and g.keys
                and all(self.kb[c.key].cls == "City" for c in g.keys if c.key in self.kb)
                for g in holders
            )

        if rest and rest[0].text[:1].islower() and rest[0].text[:1].isalpha():
            return cities("ADJ", "GPE")  # the stem finds "Минской" as Minsk itself
        if len(rest) < 2 or not all(w.text[:1].isupper() for w in rest):
            return False
        if _middle_initial([w.text for w in rest if w.text.isalnum()]):
            return False  # "Islamabad Angela P Aggeler": a person's name after the city
        return cities("GPE")

    def _gaz_at(self, gaz: list[_Span]) -> dict[int, _Span]:
        """The gazetteer spans by start (built once per list)."""
        if getattr(self, "_gaz_for", None) is not gaz:
            self._gaz_for, self._gaz_by_start = gaz, {g.start: g for g in gaz}
        return self._gaz_by_start

    def _state_at(self, offset: int, gaz: list[_Span]) -> str | None:
        """The country a gazetteer span starting at ``offset`` names (not an adjective's)."""
        g = self._gaz_at(gaz).get(offset)
        if g is None or g.label == "ADJ":
            return None
        e = self._state_of(g)
        return e.key if e is not None and e.key == (g.key or e.key) and e.cls == "Country" else None

    def _state_before(self, start: int, text: str, gaz: list[_Span]) -> str | None:
        """The country named with a possessive right before ``start``: "Kazakhstan's …"."""
        for mark in ("'s ", "’s "):
            if text[max(0, start - len(mark)) : start] == mark:
                ends = self._gaz_ends(gaz)
                g = ends.get(start - len(mark))
                if g is not None:
                    return self._state_at(g.start, gaz)
        return None

    def _adjective_state_before(self, start: int, text: str, gaz: list[_Span]) -> str | None:
        """The country whose adjective stands alone right before ``start`` ("the Kazakh Ministry
        of Industry …", "the Russian Ministry of Agriculture"); not one of two joined by a
        hyphen ("Kazakh-Uzbek Supreme Council")."""
        g = self._gaz_ends(gaz).get(start - 1) if text[start - 1 : start] == " " else None
        if g is None or g.label != "ADJ" or text[g.start - 1 : g.start] in ("-", "–"):
            return None
        e = self._state_of(g)
        return e.key if e is not None and e.cls == "Country" else None

    def _adjective_cut(self, sp: _Span, start: int, text: str, gaz: list[_Span], lang: str) -> str | None:
        """The state's adjective :meth:`_trim` cut from the start of an unknown name when it is
        the name's own: the NER's span began with it (``start``: the span's start before the
        cut), it was the only word cut, and a word of ``national_words.tsv`` follows ("the
        Mozambican National Hydrocarbons Company", en_ru-mz_57; not "the Dutch Military
        Intelligence and Security Service", en_ru-nl_61)."""
        if sp.start <= start or not sp.text[:1].isupper():
            return None
        first = words(sp.text)[:1]
        if not first or fold(first[0].text) not in national_words(lang):
            return None
        g = self._gaz_ends(gaz).get(sp.start - 1)
        if g is None or g.start != start or text[g.end : sp.start] != " " or not g.text[:1].isupper():
            return None
        return g.text if self._adjective_state_before(sp.start, text, gaz) is not None else None

    def _gaz_ends(self, gaz: list[_Span]) -> dict[int, _Span]:
        if getattr(self, "_ends_for", None) is not gaz:
            self._ends_for, self._gaz_by_end = gaz, {g.end: g for g in gaz}
        return self._gaz_by_end

    def _owner_after(
        self, sp: _Span, text: str, gaz: list[_Span], lang: str, ner: Sequence[_Span] = ()
    ) -> bool:
        """An unknown body the NER cut before its owner takes the owner's name: "Ministry of
        Education of Russia" (the NER stopped at "of"), "Пограничная служба КР", "Трудовой
        партии Кореи", "Суд Международного финансового центра", "Постоянного комитета
        Политбюро ЦК КПК" (the owner in the genitive right after the name: a state, a known
        body, or a chain of names the NER found). The language's ``join`` rows of
        ``body_state.tsv`` say what stands between; a person never owns a body."""
        join, _ = body_state(lang)
        end = m_first = None
        pos = sp.end
        owners = 0
        while True:
            m = join.match(text, pos)
            if not m:
                break
            if m_first is None:
                m_first = m.end()
            nxt = self._owner_at(m.end(), gaz, ner, states_only=self._class_of(sp, lang) != "GovernmentBody")
            if nxt is None:
                break
            end = pos = nxt.end
            owners += 1
        if end is None:
            return False
        state = self._state_at(m_first, gaz)
        if state is not None:
            sp.cls = "GovernmentBody"  # a body of a state: "Вооруженных сил Украины", "Госсовета КНР"
        # the name as normalized (a Russian head in the nominative), then the owner as written,
        # or a state alone by its label ("Пограничная служба КР" → "… Киргизии")
        head = sp.normal if sp.normal and len(sp.normal.split()) == len(sp.text.split()) else sp.text
        owner = text[sp.end : end]
        if state is not None and owners == 1 and state in self.kb:
            named = state_label(state_form(lang), self.kb[state].label(lang), lang)
            if named:
                owner = text[sp.end : m_first] + named
        sp.normal = head + owner
        sp.end = end
        sp.text = text[sp.start : sp.end]
        return True

    def _owner_at(
        self, offset: int, gaz: list[_Span], ner: Sequence[_Span], *, states_only: bool = False
    ) -> _Span | None:
        """The name starting at ``offset`` that can own a body: a state, a known body or
        organization, or a body or place the NER found (no adjective, no person); only a state
        or place with ``states_only`` (a body no cue word names: "Twitter МИДа" is no body of
        the ministry)."""
        g = self._gaz_at(gaz).get(offset)
        if g is not None and g.label != "ADJ":
            if self._state_at(g.start, gaz) is not None:
                return g
            if states_only:
                return None
            classes = {self.kb[c.key].cls for c in g.keys if c.kind != "surname"}
            if classes and classes <= _OWNED_CLASSES | {"InternationalOrganization", "Company"}:
                return g
            return None
        for sp in ner:
            if sp.start == offset and sp.label in _OWNER_LABELS[states_only] and "\n" not in sp.text:
                return sp
        return None

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

    def _given_names_after_honorifics(
        self,
        text: str,
        spans: list[_Span],
        firsts: dict[str, set[str]],
        surnames: dict[str, str],
        lang: str,
        sent_of,
    ) -> list[_Span]:
        """A capitalized word after an honorific that the NER missed and that is the given name
        of one person the document names in full, and no one's surname: that person, as news of
        South-East Asia names people ("Mr Nikorndej added …" after "spokesman Nikorndej
        Balankura", en_th-kh_68)."""
        if not firsts:
            return []
        table = {h for h in honorifics(lang) if len(h) == 1}
        taken = _Near([(sp.start, sp.end) for sp in spans])
        ws = words(text)
        out = []
        for before, w in zip(ws, ws[1:], strict=False):
            if (
                not w.text[:1].isupper()
                or text[before.end : w.start] not in (" ", ". ")
                or (match_key(before.text),) not in table
                or taken.holds(w.start)
            ):
                continue
            key = match_key(w.text)
            people = firsts.get(key, set())
            if len(people) == 1 and key not in surnames:
                (person,) = people
                out.append(
                    _Span(w.start, w.end, w.text, "PER", normal=w.text, sentence=sent_of(w.start), key=person)
                )
        return out

    def _full_name_only_surnames(self, gaz: list[_Span]) -> dict[str, str]:
        """The surnames (match keys) of the knowledge-base persons found by the full name only
        (``surname_alone`` false) whose full name the document gives, each to that person: a
        bare surname of theirs the NER missed is theirs too ("David Cameron visited Astana.
        Cameron clarified …")."""
        out: dict[str, str] = {}
        for g in gaz:
            e = self.kb.get(g.key or "")
            if e is None or e.cls != "Person" or e.surname_alone or len(g.text.split()) < 2:
                continue
            for _lg, lab in e.labels:
                if len(lab.split()) > 1:
                    for form in surname_forms(lab.split()[-1]):
                        out.setdefault(match_key(form), e.key)
        return out

    def _is_region(self, sp: _Span, lang: str) -> bool:
        """A named region ("Sverdlovsk Region", "Омская область") is a place of its own."""
        if sp.label not in ("GPE", "LOC", "ORG") or len(sp.text.split()) < 2:
            return False
        cues = resources(lang).region_cues
        return any(profile(lang).word_key(w.text) in cues for w in words(sp.text))

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
            if nested and sp.label == "PER" and self._other_given_name(sp, g):
                continue  # "Акылбек Жапаров": a full name, not the surname of Sadyr Japarov
            if not nested or g.label not in ("GPE", "ADJ"):
                return True
        return sp.label in ("GPE", "LOC", "NORP")

    def _other_given_name(self, sp: _Span, g: _Span) -> bool:
        """Whether the NER name ``sp`` holds the surname match ``g`` with a given name none of
        the knowledge-base persons of that surname has ("Акылбек Жапаров" is not Sadyr
        Japarov); initials ("В. Путин"), a KB person's own given name and a name of the KB's
        initial ("Субраманиям" for "S. Jaishankar") are no other name."""
        if not g.keys or not all(c.kind == "surname" for c in g.keys):
            return False
        ws = [w.text for w in words(sp.text[: g.start - sp.start]) if w.text.isalpha()]
        return bool(ws) and len(ws[0]) >= 2 and not self._bearers_of_given(ws[0], g.keys)

    def _given_names_of(self, sp: _Span, g: _Span) -> tuple[Candidate, ...]:
        """The candidates of the surname match ``g`` whose given name (or its initial) opens
        the NER's person name ``sp`` that ends with ``g`` ("Subrahmanyam Jaishankar" for
        S. Jaishankar, "Sergei Lavrov" for Sergey Lavrov): the full name is that person's
        mention, not the surname alone. Empty when ``sp`` is not such a name."""
        if sp.label != "PER" or not g.keys or not (sp.start < g.start and g.end == sp.end):
            return ()
        if not all(c.kind == "surname" for c in g.keys):
            return ()
        ws = [w.text for w in words(sp.text[: g.start - sp.start])]
        if not ws or not all(w[:1].isupper() for w in ws) or not ws[0].isalpha() or len(ws[0]) < 2:
            return ()
        return self._bearers_of_given(ws[0], g.keys)

    def _bearers_of_given(self, word: str, cands: Sequence[Candidate]) -> tuple[Candidate, ...]:
        """The candidates whose knowledge-base person has the given name ``word`` (as written
        or as its lemma), or its initial (``same_given_name``)."""
        given = {match_key(word), match_key(lemma(word))}
        return tuple(
            c
            for c in cands
            if any(same_given_name(given, lab.split()[0]) for _, lab in self.kb[c.key].labels)
        )

    def _choose(
        self, sp: _Span, countries: Counter, persons_in_doc: set[str], in_full: frozenset[str] = frozenset()
    ) -> str | None:
        """The candidate a span names: a surname's person of the document, a named entity over a
        generic name's bodies, else the body of the state the document names most; between
        states named as often, the body the document names in full (``in_full``; a generic
        name's only), then the class and the key."""
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
            in_full = frozenset()  # a name's own candidates ("Байконур": the city, the cosmodrome)
        elif not any(countries.get(self.kb[c.key].country or "", 0) for c in others):
            return None  # "the Foreign Ministry" of a country the document does not name
        keys = sorted({c.key for c in others})
        if len(keys) == 1:
            return keys[0]

        def score(key: str):
            e = self.kb[key]
            cls_rank = CLASS_PREFERENCE.index(e.cls) if e.cls in CLASS_PREFERENCE else len(CLASS_PREFERENCE)
            return (-countries.get(e.country or key, 0), key not in in_full, cls_rank, key)

        return min(keys, key=score)

    def _countries(self, sp: _Span) -> set[str]:
        """The knowledge-base countries a span may name."""
        return {c.key for c in sp.keys if (e := self.kb.get(c.key)) is not None and e.cls == "Country"}

    def _narrow_by_modifier(self, text: str, prev: _Span, sp: _Span) -> bool:
        """ "Kazakhstan's Foreign Ministry", "the Russian Foreign Ministry": a country named
        right before a generic name decides whose body it is."""
        gap = text[prev.end : sp.start]
        if gap.strip() not in ("", "'s", "’s") or len(gap) > 3:
            return False
        countries = self._countries(prev)
        narrowed = tuple(c for c in sp.keys if c.kind != "generic" or self.kb[c.key].country in countries)
        if narrowed and countries:
            sp.keys = narrowed
            return True
        return False

    def _narrow_by_owner(self, text: str, sp: _Span, nxt: _Span) -> bool:
        """ "кабмина КР", "правительства Киргизии": in a language whose owner follows its noun
        in the genitive (profile ``genitive_after_noun``), a country named right after a generic
        name decides whose body it is, before any person named earlier in the sentence
        ("Токаев поздравил главу кабмина КР" is Kyrgyzstan's cabinet, not Tokayev's)."""
        if text[sp.end : nxt.start] != " ":
            return False
        countries = self._countries(nxt)
        if len(countries) != 1 or len(nxt.keys) != 1:
            return False
        narrowed = tuple(c for c in sp.keys if c.kind == "generic" and self.kb[c.key].country in countries)
        if len(narrowed) == 1:
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

    @staticmethod
    def _named_in_full_before(key: str, start: int, *span_lists: list[_Span]) -> bool:
        """Whether a span of two words or more that names ``key`` starts before ``start``."""
        return any(
            sp.key == key and sp.start < start and len(sp.text.split()) > 1
            for spans in span_lists
            for sp in spans
        )

    def _first_words_in_doc(self, gaz: list[_Span]) -> dict[str, set[str]]:
        """The match keys of the first words of the full names of the knowledge-base persons
        the document names, each to those persons ("Wang" of "Wang Yi": a family name first)."""
        if getattr(self, "_firsts_for", None) is gaz:
            return self._firsts
        out: dict[str, set[str]] = defaultdict(set)
        for g in gaz:
            e = self.kb.get(g.key or "")
            if e is not None and e.cls == "Person":
                for _lg, lab in e.labels:
                    if len(lab.split()) > 1:
                        out[match_key(lab.split()[0])].add(e.key)
        self._firsts_for, self._firsts = gaz, out
        return out

    def _city_beside(self, sp: _Span, text: str, gaz: list[_Span], lang: str, strict: bool = False) -> bool:
        """Whether an unknown place is listed with a knowledge-base city, a comma or "and"
        between: "in Dushanbe and Bokhtar", "Almaty, Sary Shagan and Karaganda" (one list,
        one kind of place); ``strict``: "and" between (for a name the NER took for a person's
        or an organization's)."""
        ands = _and_words(lang)

        def joins(gap: str) -> bool:
            gap = gap.strip()
            if strict:  # "and" itself: a comma alone may open an apposition ("in St. Petersburg, Mart Latte")
                return gap.lstrip(", ") in ands
            return gap in ("", ",") or gap.lstrip(", ") in ands

        def city(g: _Span) -> bool:
            return bool(g.keys) and all(c.key in self.kb and self.kb[c.key].cls == "City" for c in g.keys)

        starts, ends = self._gaz_at(gaz), self._gaz_ends(gaz)
        for end in range(max(0, sp.start - 6), sp.start):
            g = ends.get(end)
            if g is not None and city(g) and joins(text[end : sp.start]) and text[end : sp.start].strip():
                return True
        for start in range(sp.end + 1, min(len(text), sp.end + 7)):
            g = starts.get(start)
            if g is not None and city(g) and joins(text[sp.end : start]) and text[sp.end : start].strip():
                return True
        return False

    def _outlet_word_after(self, g: _Span, text: str, outlet_words: set[str], word_key) -> bool:
        """Whether a known name other than an outlet's is followed by a capitalized word that
        names outlets ("APK News", the Assembly's abbreviation and "News"): the two are another
        name, an outlet's."""
        m = re.match(r" ([A-ZА-ЯЁ]\w*)", text[g.end : g.end + 30])
        if not m or word_key(m.group(1)) not in outlet_words:
            return False
        return not any(c.key in self.kb and self.kb[c.key].cls == "MediaOutlet" for c in g.keys)

    def _surname_in_doc(self, surname: str, gaz: list[_Span]) -> str | None:
        return self._surnames_in_doc(gaz).get(match_key(surname))

    def _class_of(self, sp: _Span, lang: str) -> str | None:
        if not sp.cls and _natural_place(sp.text, resources(lang).place_cues):
            return "Place"  # "Alataw Pass" the NER took for a person, "Korean Peninsula"
        if sp.label == "PER":
            return "Person"
        if sp.cls:
            return sp.cls
        if sp.label == "NORP":
            return None  # demonyms the knowledge base does not know are not entities
        for code in _cue_languages(sp.text, lang):
            toks = [profile(code).word_key(t) for w in words(sp.text) for t in (w.text, *camel_tail(w.text))]
            for cue, cls in resources(code).org_cues:
                if cue in toks and (sp.label == "ORG" or cls == "GovernmentBody"):
                    return cls  # "Russian Embassy" tagged as a facility is a body
        if sp.label in ("GPE", "LOC", "FAC"):
            return "Place"
        return "Organization"

    def _entities(
        self, doc: Document, spans: list[_Span], new: dict[str, dict], inner: set[int] = frozenset()
    ) -> Linked:
        """The document's entities and its linked spans; a span in ``inner`` (a state or city
        inside a mission's name: "генконсульства РФ в Гданьске") is a mention of its entity but
        no span of its own for the later stages (the mission is the actor)."""
        lang = doc.lang or PIVOT
        by_key: dict[str, list[_Span]] = defaultdict(list)
        for sp in spans:
            by_key[sp.key].append(sp)
        entities = []
        label_langs = (*codes(), "kk")  # the knowledge base's labels an entity keeps
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
                labels = tuple((lg, t) for lg, t in e.labels if lg in label_langs)
                entities.append(Entity(key, e.cls, labels, tuple(alts), mentions, e.wikidata, True))
            else:
                info = new[key]
                name = _guillemets(_best_name(info["names"]))
                labels = ((lang, name),)
                if info["cls"] == "Person" and info.get("en") and lang != PIVOT:
                    labels = ((PIVOT, info["en"]), (lang, name))  # the name's own reading
                elif info["cls"] == "Person" and _transliterable(name, lang):
                    labels = ((PIVOT, english_name(name)), (lang, name))  # one IRI, both spellings
                elif lang != PIVOT and info.get("en"):
                    labels = ((PIVOT, info["en"]), (lang, name))
                entities.append(Entity(key, info["cls"], labels, tuple(alts), mentions, None, False))
        flat = tuple((sp.start, sp.end, sp.key, sp.label) for sp in spans if id(sp) not in inner)
        return Linked(tuple(entities), flat)


def _transliterable(name: str, lang: str) -> bool:
    """Does an unknown person's name get a pivot label by transliteration: a language whose
    profile says so, in a script not the pivot's, the name written in its alphabet only.

    >>> _transliterable("Мухтар Тлеуберди", "ru"), _transliterable("Mukhtar Tleuberdi", "ru")
    (True, False)
    """
    p = profile(lang)
    if not p.transliterated_names or p.script == profile(PIVOT).script:
        return False
    return bool(name) and all(c in "- " or c.lower() in p.alphabet for c in name)
