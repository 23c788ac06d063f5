"""The cue tables of one language, read once from ``data/{lang}/``: triggers (``events.tsv``),
reporting cues (``reporting.tsv``), role cues (``events_cues.tsv``) and context cues
(``events_context.tsv``); and ``match``, the longest-first matcher of their word sequences
over a run of tokens."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bilat.extract.events.coop import CoopCues
from bilat.extract.text import DATA, fold, read_table

# ---------------------------------------------------------------------------------------------
# tables

_FIRST_WORD_INDEXES: dict[int, tuple] = {}
#: the rows that may start at a word (in the table's order), by the word's keys, for each table
#: (id, the table, memo): the rows whose first word is one of the keys or a pattern or
#: ``<any>`` that the keys satisfy (a pattern row is tried where its pattern fits only)
_STARTS: dict[int, tuple] = {}
_STARTS_MAX = 50_000  # key sets kept per table before the memo starts afresh


def _first_word_index(rows) -> tuple[dict[str, tuple[int, ...]], frozenset[int]]:
    """Rows by the literal key of their first word (and the rows whose first word is a
    pattern), so that matching a token looks at the few rows that can start there; the row
    numbers keep the table's order of priority."""
    hit = _FIRST_WORD_INDEXES.get(id(rows))
    if hit is not None and hit[2] is rows:
        return hit[0], hit[1]
    by_first: dict[str, list[int]] = {}
    loose = set()
    for n, row in enumerate(rows):
        w = row.words[0]
        if w.text == "<any>" or w.rx is not None:
            loose.add(n)
        else:
            by_first.setdefault(w.text, []).append(n)
    index = ({k: tuple(v) for k, v in by_first.items()}, frozenset(loose))
    _FIRST_WORD_INDEXES[id(rows)] = (index[0], index[1], rows)
    return index


class _Word:
    """One word of a cue: a literal key, ``<any>``, or a pattern with ``<num>``."""

    __slots__ = ("text", "rx", "anyword", "literal")

    def __init__(self, text: str):
        self.text = text
        self.anyword = text == "<any>"
        self.rx = None
        if "<num>" in text:
            self.rx = re.compile("^" + re.escape(text).replace(re.escape("<num>"), r"\d+") + "$")
        #: the key the word is, when it is one (no ``<any>``, no pattern): ``match`` tests it
        #: by a set lookup, with no call of ``ok``
        self.literal = text if self.rx is None and not self.anyword else None

    def ok(self, keys: frozenset[str]) -> bool:
        if self.rx is None:  # ("<any>" has no pattern)
            return self.anyword or self.text in keys
        return any(self.rx.match(k) for k in keys)


@dataclass(frozen=True)
class TriggerRow:
    words: tuple[_Word, ...]
    cls: str
    mode: str | None
    cameo: str | None
    goldstein: float | None
    direction: str
    pos: frozenset[str]


@dataclass(frozen=True)
class CueRow:
    words: tuple[_Word, ...]
    kind: str
    requires: str | None


@dataclass(frozen=True)
class Tables:
    triggers: tuple[TriggerRow, ...]
    reporting: tuple[CueRow, ...]
    cues: dict[str, tuple[tuple[str, ...], ...]]
    context: tuple[tuple[str, str, str], ...]  # (cue, context, where)
    # the word sets asked for, made once (the steps ask for them at every token or unit)
    _memo: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def words(self, kind: str) -> frozenset[str]:
        hit = self._memo.get(kind)
        if hit is None:
            hit = self._memo[kind] = frozenset(
                w for seq in self.cues.get(kind, ()) for w in seq if len(seq) == 1
            )
        return hit

    def phrases(self, kind: str) -> tuple[tuple[str, ...], ...]:
        return self.cues.get(kind, ())

    def phrases_by_first(self, kind: str) -> dict[str, tuple[tuple[str, ...], ...]]:
        """The phrases of ``kind`` by their first word, in table order (made once)."""
        memo_key = ("phrases_by_first", kind)
        hit = self._memo.get(memo_key)
        if hit is None:
            by_first: dict[str, list[tuple[str, ...]]] = {}
            for seq in self.phrases(kind):
                by_first.setdefault(seq[0], []).append(seq)
            hit = self._memo[memo_key] = {w: tuple(seqs) for w, seqs in by_first.items()}
        return hit

    def one_word(self, cls: str) -> tuple[TriggerRow, ...]:
        """The one-word trigger rows of class ``cls``, in table order (made once)."""
        memo_key = ("one_word", cls)
        hit = self._memo.get(memo_key)
        if hit is None:
            hit = self._memo[memo_key] = tuple(r for r in self.triggers if r.cls == cls and len(r.words) == 1)
        return hit

    def reporting_of(self, kind: str) -> tuple[CueRow, ...]:
        """The reporting cue rows of ``kind``, in table order (made once: one tuple, so that
        ``match`` keeps its index of their first words from one call to the next)."""
        memo_key = ("reporting_of", kind)
        hit = self._memo.get(memo_key)
        if hit is None:
            hit = self._memo[memo_key] = tuple(r for r in self.reporting if r.kind == kind)
        return hit

    def reporting_words(self) -> frozenset[str]:
        """Every word of the reporting cues (made once)."""
        hit = self._memo.get("reporting_words")
        if hit is None:
            hit = self._memo["reporting_words"] = frozenset(
                w.text for row in self.reporting for w in row.words
            )
        return hit

    def naming_words(self) -> frozenset[str]:
        """The words that tell that someone said something or name who (the reporting cues'
        words, the bare person and organization titles): no content of what was said (made
        once)."""
        hit = self._memo.get("naming_words")
        if hit is None:
            hit = self._memo["naming_words"] = (
                self.reporting_words() | self.words("person_noun") | self.words("org_noun")
            )
        return hit

    def first_words(self, kind: str) -> frozenset[str]:
        """The first words of the phrases of ``kind`` (made once)."""
        memo_key = ("first_words", kind)
        hit = self._memo.get(memo_key)
        if hit is None:
            hit = self._memo[memo_key] = frozenset(self.phrases_by_first(kind))
        return hit

    @property
    def coop(self) -> CoopCues:
        hit = self._memo.get(CoopCues)
        if hit is None:
            hit = self._memo[CoopCues] = self._coop()
        return hit

    def _coop(self) -> CoopCues:
        return CoopCues(
            self.words("coop_generic"),
            self.words("coop_prep"),
            self.words("coop_object"),
            self.words("coop_field"),
            self.words("coop_vague"),
            self.words("coop_every"),
            self.words("coop_carry"),
            self.words("coop_carried"),
            self.words("coop_manner"),
            self.words("coop_material"),
            self.words("coop_placed"),
            self.words("coop_stage"),
        )


def _opt(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def _seq(text: str) -> tuple[_Word, ...]:
    return tuple(_Word(fold(w)) for w in text.split())


@lru_cache(maxsize=4)
def tables(lang: str) -> Tables:
    folder = DATA / lang
    triggers = []
    for r in read_table(folder / "events.tsv"):
        r = [c.strip() for c in r] + ["-"] * (7 - len(r))
        g = _opt(r[4])
        triggers.append(
            TriggerRow(
                words=_seq(r[0]),
                cls=r[1],
                mode=_opt(r[2]),
                cameo=_opt(r[3]),
                goldstein=float(g) if g is not None else None,
                direction=r[5] or "-",
                pos=frozenset(p.strip() for p in r[6].split(",") if p.strip() not in ("", "-")),
            )
        )
    reporting = []
    for r in read_table(folder / "reporting.tsv"):
        r = [c.strip() for c in r] + ["-"] * (3 - len(r))
        reporting.append(CueRow(words=_seq(r[0]), kind=r[1], requires=_opt(r[2])))
    cues: dict[str, list[tuple[str, ...]]] = {}
    # the rows every language shares (knowledge-base values), then the language's own
    for r in read_table(DATA / "common" / "events_cues.tsv") + read_table(folder / "events_cues.tsv"):
        cues.setdefault(r[0].strip(), []).append(tuple(fold(w) for w in r[1].split()))
    context = tuple(
        (fold(r[0]) if "=" not in r[0] else r[0].strip(), r[1].strip(), r[2].strip())
        for r in read_table(folder / "events_context.tsv")
    )
    return Tables(
        triggers=tuple(sorted(triggers, key=lambda t: -len(t.words))),
        reporting=tuple(sorted(reporting, key=lambda t: -len(t.words))),
        cues={k: tuple(v) for k, v in cues.items()},
        context=context,
    )


# ---------------------------------------------------------------------------------------------
# records used while extracting


def match(
    toks: Sequence, keys: Sequence[frozenset[str]], rows: Sequence, accept: Callable
) -> list[tuple[int, int, object]]:
    """The cue rows found in ``toks``, left to right, longest first at each word: (first
    token index, end index, row). ``keys`` holds the folded text and lemma of every token of
    the document (by ``tok.i``); ``accept(row, toks)`` vetoes a match."""
    by_first, loose = _first_word_index(rows)
    memo = _STARTS.get(id(rows))
    if memo is None or memo[0] is not rows or len(memo[1]) > _STARTS_MAX:
        memo = _STARTS[id(rows)] = (rows, {})
    starts = memo[1]
    ks = [keys[t.i] for t in toks]  # (each token's keys read once, not once per row tried)
    out = []
    i = 0
    n = len(toks)
    while i < n:
        hit = None
        ck = ks[i]
        cands = starts.get(ck)
        if cands is None:
            fits = {r for r in loose if rows[r].words[0].ok(ck)}
            cands = starts[ck] = tuple(
                (rows[r], len(rows[r].words), rows[r].words[1:])
                for r in sorted({r for key in ck for r in by_first.get(key, ())} | fits)
            )
        for row, k, rest in cands:
            # (the first word fits: the memo holds only the rows whose first word fits ``ck``)
            if i + k > n:
                continue
            rest_fits = True
            j = i
            for w in rest:
                j += 1
                lit = w.literal
                if not (lit in ks[j] if lit is not None else w.ok(ks[j])):
                    rest_fits = False
                    break
            if not rest_fits:
                continue
            if accept(row, toks[i : i + k]):
                hit = (i, i + k, row)
                break
        if hit is None:
            i += 1
            continue
        out.append(hit)
        i = hit[1]
    return out
