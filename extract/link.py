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

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from bilat.extract.languages import PIVOT, profile
from bilat.extract.link_gazetteer import (
    _NEXT_WORD,
    Candidate,
    Gazetteer,
    _Span,
    given_names,
    name_rule_spans,
    resources,
)
from bilat.extract.link_generic import body_named_before
from bilat.extract.link_names import (
    _INITIALS_BEFORE,
    _INITIALS_REACH,
    _all_generic,
    _before_title,
    _clean_name,
    _headline,
    _name_goes_on,
    _Near,
    _nominative,
    _portfolios,
    _prefix,
    _sentence_index,
    _title_case_lines,
    _titled_names,
    _without_initials,
    _written_in,
    body_noun_before,
    city_noun_near,
    currency_after,
    defined_abbreviations,
    described_body,
    document_noun_after,
    east_asian_reading,
    holder_after_body,
    honorific_cut,
    initials,
    is_domain,
    only_honorifics,
    outlet_noun_after,
    outlet_noun_before,
    part_of_name,
    patronymic_given,
    person_key,
    surname_forms,
    title_phrase,
    titled_name,
    with_initial,
    without_city_noun,
    without_middle_initial,
)
from bilat.extract.link_places import PlaceRules, _closing_quote, _lines, body_state
from bilat.extract.link_prepositions import dateline_agency, dateline_place, place_preposition_before
from bilat.extract.link_resolve import Linked, Resolution, _settlement, _starts_sentence
from bilat.extract.positions_titles import honorifics
from bilat.extract.records import Document, KBEntry
from bilat.extract.text import (
    fold,
    lemma,
    match_key,
    oblique_given_name,
    stem,
    words,
)

#: the classes of a known name whose inner states and organizations are mentions too (never a
#: company's: "China National Nuclear Corporation" names no state), and the classes of those
#: inner names
_HOLDERS = frozenset({"GovernmentBody", "InternationalOrganization", "Project"})
_HELD = frozenset({"Country", "InternationalOrganization"})


#: the classes of a known name an unknown name in brackets after it may gloss
_GLOSSED = frozenset(
    {"GovernmentBody", "Organization", "Company", "MediaOutlet", "InternationalOrganization"}
)


def _modifies_noun(name: str, text: str, end: int, module) -> bool:
    """Whether an unknown name ends in an adjective (the language module's
    ``proper_adjective``) and the noun it modifies follows (its ``modified_noun``): "the Turkic
    world", "the Baltic states", "the North Atlantic bloc's" write no name; "Mashuk Knowledge
    Center in Pyatigorsk" does."""
    adjective = getattr(module, "proper_adjective", None)
    noun = getattr(module, "modified_noun", None)
    if adjective is None or noun is None:
        return False
    ws = words(name)
    m = _NEXT_WORD.match(text, end)
    return bool(ws and m) and adjective(ws[-1].text) and noun(m.group(1))


def _cut_opening_word(sp: _Span, module) -> bool:
    """Cut a common word that opens a sentence or a title-case line off a person's name the NER
    ran on from it ("Welcoming Rutte, the President …" → "Rutte"; the language module's
    ``opening_word`` says which words); False when the words left are all common words too
    ("Strategic Context of the Crisis", "Says To Summon Russian Ambassador": no name)."""
    opening = getattr(module, "opening_word", None)
    common = getattr(module, "lexicon_word", None)
    ws = words(sp.text)
    if opening is None or common is None or len(ws) < 2 or not opening(ws[0].text):
        return True
    rest = ws[1:]
    if all(common(w.text) and fold(w.text) not in given_names() for w in rest):
        return False
    cut = rest[0].start
    sp.start += cut
    sp.text = sp.text[cut:]
    sp.normal = sp.text
    return True


def _cut_headline_tail(sp: _Span, body_words: frozenset[str], module) -> None:
    """Cut the common words of a title-case headline off the end of a person's name the NER ran
    on into them ("Trump, Xi Hold Highly Anticipated Phone Call" → "Xi"): the last words that
    the text's other lines never write so (``body_words``) and the language module's
    ``lexicon_word`` knows; the first word stays, and a given name or a word the text writes
    ends the cut."""
    common = getattr(module, "lexicon_word", None)
    ws = words(sp.text)
    if common is None or len(ws) < 2:
        return
    k = len(ws)
    while k > 1:
        w = ws[k - 1].text
        if w in body_words or not common(w) or fold(w) in given_names():
            break
        k -= 1
    if k < len(ws):
        end = ws[k - 1].end
        sp.end = sp.start + end
        sp.text = sp.text[:end]
        sp.normal = sp.text


def comma_cut(start: int, text: str, known) -> int | None:
    """Where an NER name starting at ``start`` is to end when a part of it after a comma is
    exactly a known name (``known``: (start, end) of the gazetteer's names): before the first
    such comma; None when no part is.

    >>> t = "the Russian Ministry of Agriculture, Rosselkhoznadzor"
    >>> comma_cut(10, t, {(47, 63)})
    35
    >>> comma_cut(10, t, {(14, 21)}) is None  # "Russian": not a part after a comma
    True
    >>> comma_cut(0, "Astana, Kazakhstan", {(8, 18)})
    6
    """
    at = 0
    while True:
        comma = text.find(", ", at)
        if comma < 0:
            return None
        part = comma + 2
        nxt = text.find(", ", part)
        end = len(text) if nxt < 0 else nxt
        if (start + part, start + end) in known and text[:comma].strip():
            return comma
        at = part


#: what may stand between a person name the NER found and the surname the knowledge base found
#: after it, for the two to be one name: capitalized words only ("Frederick Musiiwa Makamure
#: Shava"), within a few words
_NAME_WORDS_BETWEEN = re.compile(r"(?: [A-ZА-ЯЁ][\w'’-]*){0,2} ")
_NAME_GAP_CHARS = 40


class Linker(PlaceRules, Resolution):
    """Resolves a parsed document's mentions to entities of the knowledge base or new ones."""

    def __init__(self, kb: Sequence[KBEntry]):
        self.kb = {e.key: e for e in kb}
        self.gazetteer = Gazetteer(kb)
        # the spelling-folding keys of the knowledge base's people's full names, each to the one
        # person that has it ("Олаф Шольц" is id:olaf-scholz whatever the KB's Russian spelling)
        people: dict[str, set[str]] = defaultdict(set)
        # and the words of those keys, person by person, in the order of the person's names
        self._long_names: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for e in kb:
            if e.cls == "Person":
                for alias in e.aliases:
                    if alias.kind in ("label", "alt") and len(alias.text.split()) >= 2:
                        key = person_key(alias.text)
                        people[key].add(e.key)
                        self._long_names[e.key].append(tuple(key.split("-")))
        self.person_keys = {k: next(iter(v)) for k, v in people.items() if len(v) == 1 and k}
        self._within: dict[str, tuple[_Span, ...]] = {}  # name → its names within (_names_within)

    def _own_body(self, gaz: list[_Span], n: int) -> str | None:
        """A generic name ("МИД", "the Foreign Ministry") after a knowledge-base person in its
        sentence is the body of that person's state: "Видео с выступлением Лаврова опубликовано
        в Twitter МИДа" is Russia's ministry, whichever state the document names most."""
        sp = gaz[n]
        if not sp.keys or not all(c.kind == "generic" for c in sp.keys):
            return None
        for prev in reversed(gaz[:n]):
            if prev.sentence != sp.sentence:
                return None
            person = self.kb.get(prev.key or "")
            if person is not None and person.cls == "Person" and person.country:
                return self._body_of(sp, person.country)
        return None

    def _glossed(self, sp: _Span, text: str, gaz: list[_Span]) -> str | None:
        """The known body an unknown name in brackets right after it glosses: "Rosselkhoznadzor
        (Russian Agricultural Control Authority)" is Rosselkhoznadzor (en_ru-kz_18); a body,
        company, outlet or organization only, never a person or a place."""
        # the bracket may hold a state's adjective cut from the name before it ("(Russian …")
        p = text.rfind("(", max(0, sp.start - 30), sp.start)
        if p < 1 or text[p - 1] != " " or ")" in text[p : sp.start] or text[sp.end : sp.end + 1] != ")":
            return None
        before = next((g for g in gaz if g.end == p - 1 and g.key in self.kb), None)
        if before is None or self.kb[before.key].cls not in _GLOSSED:
            return None
        return before.key

    def _body_of(self, sp: _Span, country: str) -> str | None:
        """The one body among a generic name's candidates that is ``country``'s, if one."""
        own = {c.key for c in sp.keys if self.kb[c.key].country == country}
        return own.pop() if len(own) == 1 else None

    def _held_names(self, spans: list[_Span]) -> list[_Span]:
        """The states and international organizations named inside the name of a known body,
        international organization or project ("Russian" in "Russian Foreign Ministry", "ООН" in "Генассамблеи
        ООН"), each a span with its key."""
        out = []
        for sp in spans:
            e = self.kb.get(sp.key or "")
            if e is None or e.cls not in _HOLDERS or " " not in sp.text.strip():
                continue
            for h in self._names_within(sp.text):
                keys = {c.key for c in h.keys if c.kind != "generic"}
                if len(keys) != 1 or len(h.keys) != len(keys):
                    continue
                key = keys.pop()
                if key == sp.key or self.kb[key].cls not in _HELD:
                    continue
                h.start, h.end, h.key, h.sentence = sp.start + h.start, sp.start + h.end, key, sp.sentence
                out.append(h)
        return out

    def _names_within(self, name: str) -> list[_Span]:
        """``gazetteer.find(name, whole=False)``, new spans each call; the finds of the names
        asked about are kept (a body's name recurs from one article to the next)."""
        found = self._within.get(name)
        if found is None:
            if len(self._within) >= 20_000:
                self._within.clear()
            found = self._within[name] = tuple(self.gazetteer.find(name, whole=False))
        return [dataclasses.replace(h) for h in found]

    def _named_last(self, text: str, gaz: list[_Span], n: int, lang: str) -> str | None:
        """A generic name followed by a word meaning "of the state named last" ("МИД
        республики", "пресс-служба внешнеполитического ведомства республики") is the body of
        the last state the text names before it, whichever state the document names most."""
        sp = gaz[n]
        if not sp.keys or not all(c.kind == "generic" for c in sp.keys):
            return None
        m = _NEXT_WORD.match(text, sp.end)
        if m is None or fold(m.group(1)) not in resources(lang).state_anaphora:
            return None
        for prev in reversed(gaz[:n]):
            keys = {c.key for c in prev.keys}
            if len(keys) == 1 and self.kb[next(iter(keys))].cls == "Country":
                return self._body_of(sp, next(iter(keys)))
        return None

    def _full_names_over_surnames(self, text: str, ner: list[_Span], gaz: list[_Span]) -> None:
        """A knowledge-base person found by the surname alone inside a full name the NER gave
        with that person's given name — a spelling the knowledge base does not list
        ("Subrahmanyam Jaishankar" for S. Jaishankar) — is mentioned by the full name: the
        match takes the NER's start, so that the name as written is the mention and one of the
        entity's names (not "Jaishankar" alone). So is a surname the NER cut off from the given
        names it found, with only capitalized words between ("Frederick Musiiwa" | "Makamure" |
        "Shava" for Frederick Shava). Changes the matches of ``gaz`` in place."""
        near = _Near([(g.start, g.end) for g in gaz])
        for sp in ner:
            if sp.label != "PER":
                continue
            for n in near.overlapping(sp.start, sp.end + _NAME_GAP_CHARS):
                g = gaz[n]
                whole = sp
                if g.start >= sp.end:
                    if not _NAME_WORDS_BETWEEN.fullmatch(text, sp.end, g.start):
                        continue
                    whole = dataclasses.replace(sp, end=g.end, text=text[sp.start : g.end], normal="")
                keys = self._given_names_of(whole, g)
                if keys:
                    g.keys, g.start, g.text = keys, sp.start, text[sp.start : g.end]
                    g.normal = whole.normal if whole.normal and whole.normal != whole.text else g.text

    # -- candidates ---------------------------------------------------------------------------
    def _ner_spans(self, sdoc, lang: str, full: str | None = None, sent_of=None) -> list[_Span]:
        """The NER's spans, adapted; ``full`` is the parsed text and ``sent_of`` its sentence
        index when the caller has them (``Doc.text`` joins every token anew)."""
        res = resources(lang)
        sent_of = sent_of or _sentence_index(sdoc)
        full = sdoc.text if full is None else full
        out = []
        for ent in sdoc.ents:
            label = res.ner_labels.get(ent.label_)
            if label is None:
                continue
            start, end, text = ent.start_char, ent.end_char, ent.text
            # drop a leading article and a trailing possessive
            for prefix in ("the ", "The "):
                if text.startswith(prefix) and not (
                    prefix == "The " and label == "GPE" and not ent[0].is_sent_start
                ):
                    # (a place's capitalized article inside a sentence is its name's: "in The Hague")
                    start += len(prefix)
                    text = text[len(prefix) :]
            if only_honorifics(text, honorifics(lang)):
                continue  # "Datuk Seri" before the name the NER left out, whatever its label
            if label == "PER":
                cut = honorific_cut(text, honorifics(lang))
                start, text = start + cut, text[cut:]  # "[H.E.] Lalduhthlana Ralte"
            for suffix in ("'s", "’s"):
                if text.endswith(suffix):
                    end -= len(suffix)
                    text = text[: -len(suffix)]
            text = without_city_noun(text.strip(' \n\t"«»“”,.;:'), lang)
            if not text or fold(text) in res.ignore or not any(c.isalpha() for c in text):
                continue
            if text.count("[") != text.count("]") or text.count("(") != text.count(")"):
                continue  # "[Ukrainian President Vladimir] Zelensky": an editor's bracket cuts the name
            start = full.find(text, start)
            close = _closing_quote(text)
            if close and full.startswith(close, start + len(text)):
                text += close  # 'АЭС "Аккую"': the name's own closing quote
            if label in ("GPE", "LOC"):
                # "Sverdlovsk Region": the NER stopped before the region word
                m = _NEXT_WORD.match(full, start + len(text))
                if m and m.group(1)[:1].isupper() and m.group(1).lower() in res.region_cues:
                    text = full[start : m.end()]
            if label == "ORG" and titled_name(full, start, text, res.title_words, res.org_words):
                label = "PER"  # "Vice President Dr Bharrat Jagdeo", taken for an organization
            normal = getattr(ent._, "normal", None) or text
            if close and not normal.endswith(close) and text.endswith(close):
                normal += close
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
        kept = [sp for n, sp in enumerate(out) if n not in dropped] + added
        return kept + _titled_names(full, kept, res.title_words, sent_of)

    def _holders_out_of_bodies(self, text: str, ner: list[_Span], gaz: list[_Span], lang: str, sent_of):
        """The holder's name an NER organization ran into after "<title> of" ("co-chair of the
        Intergovernmental Commission Alexei Overchuk", en_ru-az_02): the body's span is cut
        before it, and the name is a person's span of its own (none when the knowledge base
        names that person there already). Returns those names, and the ids of the cut spans
        that name no body ("Minister of [Armed Forces Sebastien Lecornu]", en_am-fr_01: the
        post's field, no organization's cue word nor known name left)."""
        res = resources(lang)
        cues = res.org_words
        bound = frozenset(
            g.start + w.start
            for g in gaz
            if g.label != "PER" and not (g.keys and all(c.kind == "surname" for c in g.keys))
            for w in words(g.text)
        )
        people = _Near([(g.start, g.end) for g in gaz if g.label == "PER"])
        out, bare = [], set()
        for sp in ner:
            at = holder_after_body(text, sp, res, lang, bound)
            if at is None:
                continue
            end = sp.end
            head = text[sp.start : at].rstrip(" ,")
            sp.end, sp.text, sp.normal = sp.start + len(head), head, head
            if not any(fold(w.text) in cues or sp.start + w.start in bound for w in words(head)):
                bare.add(id(sp))
            if not people.contains(at, end):
                name = text[at:end]
                out.append(_Span(at, end, name, "PER", normal=name, sentence=sent_of(at)))
        return out, bare

    # -- main ---------------------------------------------------------------------------------
    @staticmethod
    def _cut_before_known(ner: list[_Span], gaz: list[_Span]) -> None:
        """An NER name run on over a comma into a name the knowledge base knows ("[the Russian
        Ministry of Agriculture, Rosselkhoznadzor]") is cut before that comma: the known name
        stands on its own, and the part before it is a name of its own (``comma_cut``)."""
        known = {
            (g.start, g.end)
            for g in gaz
            if g.label != "ADJ" and g.keys and not all(c.kind == "surname" for c in g.keys)
        }
        for sp in ner:
            if ", " not in sp.text:
                continue
            cut = comma_cut(sp.start, sp.text, known)
            if cut is not None:
                head = sp.text[:cut]
                sp.end, sp.text, sp.normal = sp.start + cut, head, head

    def link(self, doc: Document, sdoc) -> Linked:
        lang = doc.lang or PIVOT
        P = profile(lang)
        text = doc.text
        sentence_starts = tuple(s.start_char for s in sdoc.sents)
        sent_of = _sentence_index(sdoc, sentence_starts)
        # "U.S. dollars", "US$": a currency, not the state
        gaz = [
            g
            for g in self.gazetteer.find_across_hyphens(text, self.gazetteer.find(text))
            if g.label == "ADJ" or not currency_after(text, g.end, lang, P.word_key)
        ]
        # "APK News": a known abbreviation and an outlet's word after it name another, an outlet
        outlet_words = {cue for cue, cls in resources(lang).org_cues if cls == "MediaOutlet"}
        gaz = [g for g in gaz if not self._outlet_word_after(g, text, outlet_words, P.word_key)]
        for sp in gaz:
            sp.sentence = sent_of(sp.start)
        ner_all = self._ner_spans(sdoc, lang, text, sent_of)
        self._cut_before_known(ner_all, gaz)
        holders, bare = self._holders_out_of_bodies(text, ner_all, gaz, lang, sent_of)
        ner_all = [sp for sp in ner_all if id(sp) not in bare] + holders
        fixed = self._editions(text, gaz)
        missions = [
            o
            for o in self._embassies(text, gaz, lang, ner_all)
            if not any(f.start < o.end and o.start < f.end for f in fixed)
        ]
        fixed += missions
        # the states and the city a mission's name holds stay entities of their own
        in_mission = _Near([(o.start, o.end) for o in missions])
        fixed += [
            o
            for o in self._own_outlet(doc, text, gaz)
            if not any(f.start < o.end and o.start < f.end for f in fixed)
        ]
        for f in fixed:
            f.sentence = sent_of(f.start)
        gaz = [
            g
            for g in gaz
            if not any(f.start < g.end and g.start < f.end for f in fixed)
            or (in_mission.contains(g.start, g.end) and self._state_of(g) is not None)
        ]
        inner = {id(g) for g in gaz if in_mission.contains(g.start, g.end)}
        regions = [sp for sp in ner_all if self._is_region(sp, lang)]
        in_region = _Near([(r.start, r.end) for r in regions])
        gaz = [g for g in gaz if not in_region.contains(g.start, g.end)]
        region_ids = {id(r) for r in regions}
        # a generic body's name that goes on ("Министерство энергетики и природных ресурсов")
        # is another body: the NER's name stands
        gaz = [g for g in gaz if not (_all_generic(g) and _name_goes_on(text, g.end, lang))]
        self._full_names_over_surnames(text, ner_all, gaz)
        gaz_near = _Near([(g.start, g.end) for g in gaz])
        known = gaz + fixed
        known_near = _Near([(g.start, g.end) for g in known])
        ner = [
            sp
            for sp in ner_all
            if id(sp) in region_ids
            or not self._covered(sp, known, known_near)
            or (
                sp.label in ("GPE", "LOC")
                and in_mission.contains(sp.start, sp.end)
                and not gaz_near.overlapping(sp.start, sp.end)
            )
        ]
        inner.update(id(sp) for sp in ner if in_mission.contains(sp.start, sp.end))
        # a surname-only match inside a full name the NER kept is part of that name
        full_people = _Near([(sp.start, sp.end) for sp in ner if sp.label == "PER"])
        gaz = [
            g
            for g in gaz
            if not (
                g.keys and all(c.kind == "surname" for c in g.keys) and full_people.contains(g.start, g.end)
            )
        ]
        # "Lachin road", "Kant air base", "авиабаза Кант": a name and its facility noun are one
        facilities = self._facilities(text, gaz, ner, lang)
        if facilities:
            for f in facilities:
                f.sentence = sent_of(f.start)
            taken = _Near([(f.start, f.end) for f in facilities])
            gaz = [g for g in gaz if not taken.overlapping(g.start, g.end)]
            ner = [sp for sp in ner if not taken.overlapping(sp.start, sp.end)]
            fixed += facilities

        # the document's dominant country decides generic names ("the Foreign Ministry")
        countries = Counter()
        for sp in gaz:
            if len(sp.keys) == 1 and self.kb[sp.keys[0].key].cls == "Country":
                countries[sp.keys[0].key] += 1

        # the bodies the document names in full ("the Ministry of Foreign Affairs of Turkey"):
        # a generic name breaks a tie between the states it may belong to in their favour
        named_in_full = frozenset(
            c.key for sp in gaz if len(sp.keys) == 1 for c in sp.keys if c.kind not in ("generic", "surname")
        )
        persons_in_doc: set[str] = set()
        for sp in gaz:
            if sp.label == "PER" and any(c.kind != "surname" for c in sp.keys):
                persons_in_doc.update(c.key for c in sp.keys if c.kind != "surname")
        for n, sp in enumerate(gaz):
            # a description in lower case that no state beside it narrowed ("во
            # внешнеполитическом ведомстве") tells again a body named before; a generic name
            # ("the Ministry of Foreign Affairs") need not
            description = False
            if any(c.kind == "generic" for c in sp.keys):
                narrowed = n > 0 and self._narrow_by_modifier(text, gaz[n - 1], sp)
                if not narrowed and P.genitive_after_noun and n + 1 < len(gaz):
                    narrowed = self._narrow_by_owner(text, sp, gaz[n + 1])
                description = (
                    not narrowed and sp.text[:1].islower() and all(c.kind == "generic" for c in sp.keys)
                )
                if P.lowercase_generics and description:
                    continue  # "the government", "ministry of defence": no state named, no entity
            sp.key = (
                self._named_last(text, gaz, n, lang)
                or self._own_body(gaz, n)
                or (
                    body_named_before([g.key for g in gaz[:n]], {c.key for c in sp.keys})
                    if description
                    else None
                )
                or self._choose(sp, countries, persons_in_doc, named_in_full)
            )
        gaz = [sp for sp in gaz if sp.key is not None]

        # unknown names: surnames join full names, others get a spelling key
        headlines, body_words = _title_case_lines(text)
        dateline_city = dateline_place(text, lang)  # "PYATIGORSK, July 1. /TASS/.": a city
        agency = dateline_agency(text, lang)  # "SEOUL, June 9 (Yonhap) --": an outlet
        res = resources(lang)
        new_entities: dict[str, dict] = {}
        for f in fixed:
            if f.key not in self.kb:
                ent = new_entities.setdefault(f.key, {"cls": f.cls, "names": Counter()})
                ent["names"][f.normal] += 1
                if f.english:
                    ent["en"] = f.english
        full_names: dict[str, str] = {}  # match key of a surname → entity key
        kb_surnames: dict[str, str] | None = None  # match key of a surname → KB person named
        owned: list[tuple[int, int]] = []  # bodies the owner's name after them completed
        first_words: dict[str, set[str]] = defaultdict(set)  # first word of a full name → people
        named: dict[tuple[str, ...], str] = {}  # the words of a name of 2 words or more → person
        for person in dict.fromkeys(g.key for g in gaz if self.kb[g.key].cls == "Person"):
            for name_words in self._long_names.get(person, ()):
                named.setdefault(name_words, person)
        abbreviated: dict[str, str] = {}  # initials of an unknown body's name → its key
        for sp in sorted(ner, key=lambda s: (-len(s.normal.split()), s.start)):
            hit = self._lookup(sp)
            if hit is not None:
                sp.key = hit
                continue
            if any(a <= sp.start and sp.end <= b for a, b in owned):
                continue  # the owner named in a longer body's name ("… Политбюро ЦК КПК")
            start_before, end_before = sp.start, sp.end
            if not self._trim(sp, text, gaz, lang, ner):
                continue
            if sp.end > end_before:
                owned.append((sp.start, sp.end))
            if sp.label != "PER" and fold(sp.text) in _portfolios(lang) and _before_title(text, sp.end, res):
                continue  # "External Affairs Minister": the post's field, not a body
            if sp.label == "ORG" and title_phrase(sp.text, res.title_words, res.org_words):
                continue  # "National Security Adviser Sartaj Aziz": a post, not a body
            if sp.label != "PER" and _modifies_noun(sp.text, text, sp.end, P.module):
                continue  # "the Turkic world", "the Baltic states", "the North Atlantic bloc"
            if sp.label == "PER" and headlines.holds(sp.start):
                _cut_headline_tail(sp, body_words, P.module)  # "Xi Hold Highly": "Xi"
            opened = sp.label == "PER" and (headlines.holds(sp.start) or _starts_sentence(text, sp.start))
            if opened and not _cut_opening_word(sp, P.module):
                continue  # "Strategic Context", "Summon Russian": common words, no name
            if (
                headlines.holds(sp.start)
                and not (sp.label == "PER" and " " in sp.text.strip())
                and not _written_in(sp.text, body_words)
            ):
                continue  # a word a title-case headline capitalizes, never named in the text
            hit = self._lookup(sp)
            if hit is not None:
                sp.key = hit
                continue
            single = _without_initials(_clean_name(sp.normal if P.inflected else sp.text))
            if len(single) == 1:
                # one word a person of the document bears, whatever class the NER gave it:
                # "Cameron" after "David Cameron", "Wang" after "Wang Yi", "(Amir) Tamim" after
                # "Tamim bin Hamad Al Thani"; a place's label only for the last word of a person
                # named in full ("Quang stressed" after "Tran Luu Quang", made a city)
                if kb_surnames is None:
                    kb_surnames = self._surnames_in_doc(gaz)
                word = match_key(single[0])
                known = full_names.get(word) or kb_surnames.get(word)
                if known is None:
                    # the given name of one person named in full before it, whatever the NER
                    # called it ("Anifah said …" after "Datuk Seri Anifah Aman", made a place:
                    # en_my-id_68); a place's label only after the full name
                    firsts = first_words.get(word, set()) | self._first_words_in_doc(gaz).get(word, set())
                    known = next(iter(firsts)) if len(firsts) == 1 else None
                    if known is not None and sp.label not in ("PER", "ORG"):
                        known = known if self._named_in_full_before(known, sp.start, gaz, ner) else None
                if known is not None:
                    sp.key = known
                    continue
            given = patronymic_given(single, res.patronymic_endings) if sp.label == "PER" else None
            if given is not None:
                # "Уважаемый Ильхам Гейдарович": the one person of the document with that given
                # name (ru_az-uz_59, ru_kz-uz_02)
                word = match_key(given)
                firsts = first_words.get(word, set()) | self._first_words_in_doc(gaz).get(word, set())
                if len(firsts) == 1:
                    sp.key = next(iter(firsts))
                    continue
            glossed = self._glossed(sp, text, gaz)
            if glossed is not None:
                sp.key = glossed  # "Rosselkhoznadzor (Russian Agricultural Control Authority)"
                continue
            if sp.text.isupper() and sp.text in abbreviated:
                sp.key = abbreviated[sp.text]  # "KCNA" after "Korean Central News Agency"
                continue
            if (sp.start, sp.end) == agency:
                sp.label = "ORG"  # the model's "Yonhap" was a nationality
                cls = "MediaOutlet"
            else:
                cls = self._class_of(sp, lang)
            if cls is None:
                continue
            placed = cls in ("Person", "Organization") and place_preposition_before(
                text, sp.start, sp.end, sp.label, lang
            )
            if placed:
                cls = "Place"  # "in Kamchatka", "in Pyatigorsk", "в Бохтаре"
            elif cls in ("Person", "Organization") and self._city_beside(sp, text, gaz, lang, strict=True):
                cls = "City"  # "in Dushanbe and Bokhtar", "Almaty, Sary Shagan and Karaganda"
            if (sp.start, sp.end) == dateline_city and cls in ("Person", "Organization", "Place"):
                cls = "City"
            name = _clean_name(sp.normal if P.inflected else sp.text)
            if (
                cls == "Organization"
                and (is_domain(name) or outlet_noun_before(text, sp.start, lang, P.word_key))
            ) or (
                cls in ("Person", "Organization", "Place")
                and outlet_noun_after(text, sp.end, lang, P.word_key)
            ):
                cls = "MediaOutlet"  # "сообщает Lada.kz", "издание Daily Sabah", "the Dawn newspaper"
            elif (
                cls in ("Organization", "Place")
                and not placed
                and body_noun_before(text, sp.start, lang, P.word_key)
            ):
                cls = "GovernmentBody"  # "industrial safety regulator Rostekhnadzor"
            if (
                cls == "Place"
                and (sp.label in ("GPE", "LOC") or placed)
                and (city_noun_near(text, sp.start, sp.end, lang) or self._city_beside(sp, text, gaz, lang))
            ):
                cls = "City"  # "the city of Bokhtar", "в Душанбе и Бохтаре"
            elif (
                cls == "Place"
                and not placed
                and _settlement(sp.text, sp.label, res.region_cues | res.place_cues)
            ):
                cls = "City"  # "Rabat", "Podgorica": no state or region the knowledge base knows
            name = _nominative(_clean_name(sp.text), name, cls)
            pattern = body_state(lang)[1]
            by_adjective = stated = False
            if sp.owner is None and pattern:
                sp.owner = self._state_before(sp.start, text, gaz)
                if sp.owner is None and cls == "GovernmentBody":
                    sp.owner = self._adjective_state_before(sp.start, text, gaz)
                    by_adjective = sp.owner is not None
            if sp.owner and cls == "GovernmentBody" and pattern and sp.owner in self.kb:
                # "Kazakhstan's National Security Committee" → "… Committee of Kazakhstan"
                state = dict(self.kb[sp.owner].labels).get(PIVOT)
                if state:
                    of_state = pattern.format(body=_headline(name), state=state)
                    hit = self._lookup(_Span(sp.start, sp.end, of_state, sp.label, normal=of_state))
                    if hit is not None:
                        sp.key = hit  # the knowledge base's body of that state
                        continue
                    if not by_adjective or described_body(name, {c for c, k in res.org_cues if k == cls}):
                        # an adjective only for a body its kind describes: "the Kazakh Ministry
                        # of Industry …" (not "the Russian International Affairs Council": the
                        # adjective is the name's)
                        name, stated = of_state, True
            if cls != "Person" and not stated:
                # "the Mozambican National Hydrocarbons Company": the adjective the NER's name
                # began with is the unknown name's own, unless a body its kind describes took
                # the state ("Ministry of Industry … of Kazakhstan")
                adjective = self._adjective_cut(sp, start_before, text, gaz, lang)
                if adjective:
                    name = adjective + " " + name
            reading = None
            if cls == "Person":
                name = without_middle_initial(name)
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
                # a Chinese or Japanese name in Russian: its English spelling keys it
                reading = east_asian_reading(name, [c for c, _n in countries.most_common()])
                pk = person_key(reading or name)
                key = "person/" + pk
                # a spelling the KB does not list, or the KB's initial for the given name
                short = with_initial(parts)
                known = self.person_keys.get(pk) if len(parts) > 1 else None
                if known is None and short is not None:
                    known = self.person_keys.get(person_key(short))
                if known is None:
                    # the first or last words of a longer name the document gave ("Aung Hlaing"
                    # after "Min Aung Hlaing", en_ru-mm_61): that person
                    known = part_of_name(pk, named)
                    if known is not None:
                        sp.key = known
                        continue
                if len(parts) > 1:
                    named.setdefault(tuple(pk.split("-")), known or key)
                if known is not None:
                    for form in surname_forms(parts[-1]):
                        full_names.setdefault(match_key(form), known)
                    sp.key = known
                    continue
                if len(parts) > 1:
                    for form in surname_forms(parts[-1]):  # "Sahhaf" after "Ahmed al-Sahhaf"
                        full_names.setdefault(match_key(form), key)
                    first_words[match_key(parts[0])].add(key)
            else:
                key = _prefix(cls) + "/" + match_key(name)
                short = initials(name)
                if short and len(short) >= 3:
                    abbreviated.setdefault(short, key)
            if key.endswith("/"):
                continue
            sp.key = key
            ent = new_entities.setdefault(key, {"cls": cls, "names": Counter()})
            if cls == "MediaOutlet" and ent["cls"] == "Organization":
                ent["cls"] = cls  # "со ссылкой на «RTVI»", then "медиа «RTVI»" (ru_ru-kz_13)
            ent["names"][name] += 1
            if reading:
                ent["en"] = reading

        # one unknown name of two words or more the NER called a person once and an organization
        # elsewhere ("Neos President Lupo Rattazzi" … "Lupo Rattazzi shared plans", en_kz-it_01;
        # en_ru-mn_02): one person
        for key in [k for k, v in new_entities.items() if v["cls"] == "Organization"]:
            names = new_entities[key]["names"]
            person = "person/" + person_key(min(names, key=lambda n: (-names[n], n)))
            if person not in new_entities or any(len(n.split()) < 2 for n in names):
                continue
            new_entities[person]["names"].update(names)
            del new_entities[key]
            for sp in ner:
                if sp.key == key:
                    sp.key, sp.label = person, "PER"
        # one unknown man named in two cases, the oblique one read as a woman's given name
        # ("Найджелу Кейси" beside "Посол … Найджел Кейси", ru_ru-gb_01): one person
        persons = {k: v["names"] for k, v in new_entities.items() if v["cls"] == "Person"}
        for key, names in persons.items():
            target = next(
                (
                    o
                    for o, others in persons.items()
                    if o != key
                    and o in new_entities
                    and any(oblique_given_name(n, m) for n in names for m in others)
                ),
                None,
            )
            if target is None:
                continue
            del new_entities[key]
            for sp in ner:
                if sp.key == key:
                    sp.key = target
            for form, k in full_names.items():
                if k == key:
                    full_names[form] = target
        # a surname only a knowledge-base person has, when the document names someone else in
        # full with it ("Жапаров" beside "Акылбек Жапаров", not Sadyr Japarov): that person
        if full_names:
            for sp in gaz:
                if (
                    sp.key not in persons_in_doc
                    and sp.keys
                    and all(c.kind == "surname" for c in sp.keys)
                    and " " not in sp.text.strip()
                ):
                    for form in (sp.text, lemma(sp.text), stem(sp.text)):
                        other = full_names.get(match_key(form))
                        if other is not None:
                            sp.key = other
                            break
        # "Вооруженных сил Украины (ВСУ)": the name and the abbreviation it defines are one
        # entity, keyed by the abbreviation (what other documents write alone)
        unknown = [sp for sp in ner if sp.key in new_entities]
        for long, short in defined_abbreviations(text, unknown):
            old_key = long.key
            new_key = next((sp.key for sp in unknown if sp.text == short), None)
            if new_key is None or old_key == new_key or old_key not in new_entities:
                continue
            merged = new_entities.pop(old_key)
            target = new_entities[new_key]
            target["names"].update(merged["names"])
            target["cls"] = merged["cls"]
            for sp in ner:
                if sp.key == old_key:
                    sp.key = new_key
        # "Russian Foreign Ministry", "UN Security Council", "Совета глав государств СНГ": the
        # state or international organization a known name holds is mentioned too (a mention,
        # no span of its own: the body is the actor)
        held = self._held_names(gaz + ner)
        inner.update(id(h) for h in held)
        inner.update(id(g) for g in gaz if g.part)
        spans = [sp for sp in gaz + ner + fixed + held if sp.key is not None]
        surnames = {**self._full_name_only_surnames(gaz), **full_names}
        spans += self._more_surnames(text, spans, surnames, sent_of)
        firsts = defaultdict(set, {k: set(v) for k, v in first_words.items()})
        for k, v in self._first_words_in_doc(gaz).items():
            firsts[k] |= v
        spans += self._given_names_after_honorifics(text, spans, firsts, surnames, lang, sent_of)
        for sp in spans:
            if sp.label == "PER":  # "С.В.Лавров", "M. Tleuberdi": the initials belong to the name
                # (two initials and a space each at most: look only just before the name)
                m = _INITIALS_BEFORE.search(text, max(0, sp.start - _INITIALS_REACH), sp.start)
                if (
                    m
                    and m.end() == sp.start
                    and not honorific_cut(text[m.start() : sp.end], honorifics(lang))
                ):
                    sp.start, sp.text = m.start(), text[m.start() : sp.end]  # (not "H.E.": an honorific)
        # "the Vienna Convention", «Минские соглашения»: a city that names a document is no
        # mention of the city (en_az-us_67, en_kr-cn_62)
        documents = resources(lang).documents
        spans = [
            sp
            for sp in spans
            if not (
                sp.key in self.kb
                and self.kb[sp.key].cls == "City"
                and document_noun_after(text, sp.end, documents, P.word_key)
            )
        ]
        spans.sort(key=lambda s: (s.start, s.end))
        linked = self._entities(doc, spans, new_entities, inner)
        linked.sentence_starts = sentence_starts
        return linked


#: the names other modules import from here (defined in the link_* modules)
__all__ = ["Linker", "Linked", "Gazetteer", "Candidate", "resources", "name_rule_spans", "person_key"]
