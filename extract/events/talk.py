"""Talk: a conversation word is a meeting only when someone is talked with.

Seen on the real-news dev corpus (tests/corpus): "Я разговаривал с Алексеем Миллером"
(ru_ru-mn_03), "он добавил, что разговаривал с Касым-Жомартом Токаевым", "назвал «отличным»
разговор с главой республики" (ru_kz-us_01), "Путин и Мадуро общались в Москве" (ru_ru-ve_01)
are meetings; "они общаются без соблюдения мер эпидемиологической безопасности" (ru_ru-id_02:
people mingling) and "У нас состоялся замечательный разговор" (ru_kz-us_01, no one named) are
none. A ``talk_alone`` word (``events_cues.tsv``) needs a partner: a dependent opened by a
``talk_with`` word ("с"), on the word itself or on its subject ("мы с Алексеем Лихачевым
встречались"), or a subject that lists two parties ("Путин и Мадуро").

Plain values: the keys (lemma, form) of the trigger's words; for the trigger's head and its
subject, the case words (keys) of each dependent; whether the subject is a list."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def lacks_partner(
    trigger: Sequence[frozenset[str]],
    cases: Iterable[frozenset[str]],
    subject_listed: bool,
    talk_alone: frozenset[str],
    talk_with: frozenset[str],
) -> bool:
    """Whether a one-word conversation trigger of ``talk_alone`` names no one talked with:
    none of ``cases`` (the keys of the case words of the dependents of the trigger and of its
    subject) is a ``talk_with`` word, and the subject lists no two parties. Other triggers
    (and a table without ``talk_alone`` words) are left alone.

    >>> k = frozenset
    >>> alone, wth = k({"общаться", "разговор"}), k({"с"})
    >>> lacks_partner([k({"общаются", "общаться"})], [k({"без"})], False, alone, wth)
    True
    >>> lacks_partner([k({"общались", "общаться"})], [k({"в"})], True, alone, wth)
    False
    >>> lacks_partner([k({"разговор"})], [k({"с"})], False, alone, wth)
    False
    >>> lacks_partner([k({"встреча"})], [], False, alone, wth)
    False
    """
    if len(trigger) != 1 or not trigger[0] & talk_alone:
        return False
    if subject_listed:
        return False
    return not any(c & talk_with for c in cases)


def thanked_for(
    path: Iterable[tuple[frozenset[str], frozenset[str], frozenset[str]]],
    thanks: frozenset[str],
    preps: frozenset[str],
) -> bool:
    """Whether a meeting word is what someone is thanked for ("I would like to thank President
    Putin for his official visit", "expressed gratitude … for the initiative to host the
    negotiations", "my gratitude to you for joining this summit", "поблагодарил за визит"): the
    reason of thanks, a meeting told elsewhere or a courtesy, not a meeting of its own (the
    real-news gold has none there: en_ru-mn_02, en_am-az_01, en_ru-kz_17). ``path``: the words
    from the trigger's anchor up to its statement's root, nearest first, each as (its keys, the
    keys of its case dependents, the keys of all its dependents); a ``thanks`` word (or a word
    with one among its dependents: "expressed gratitude … for") reached after a ``preps`` word
    ("for", "за") on the way.

    >>> thanks, preps = frozenset({"thank"}), frozenset({"for"})
    >>> none = frozenset()
    >>> path = [(frozenset({"visit"}), none, none), (frozenset({"for"}), none, none),
    ...         (frozenset({"thank"}), none, none)]
    >>> thanked_for(path, thanks, preps), thanked_for(path[:1] + path[2:], thanks, preps)
    (True, False)
    """
    through = False
    for words, cases, kids in path:
        if through and (words | kids) & thanks:
            return True
        if (words | cases) & preps:
            through = True
    return False


def envoy_called_home(
    path: Iterable[tuple[frozenset[str], frozenset[str], frozenset[str]]],
    verbs: frozenset[str],
    preps: frozenset[str],
    envoys: frozenset[str],
) -> bool:
    """Whether a meeting word is why a state calls its envoy home ("Algeria has recalled its
    ambassador from Morocco for consultation purposes", "summoned its top diplomat back from
    China for consultations", «отозвал посла для консультаций», «вызван в Москву на
    консультации»): the envoy's consultations with his own capital, a step of protest, not
    talks of the pair (the real-news gold has none there: en_dz-ma_63, en_lt-cn_62). ``path``
    as :func:`thanked_for`'s; a ``verbs`` word (recall, summon, send …) reached after a
    ``preps`` word ("for", «для», «на») whose dependents hold an ``envoys`` word (ambassador,
    посол) — "sent a delegation to Moscow for consultations" is talks.

    >>> verbs, preps, envoys = frozenset({"recall"}), frozenset({"for"}), frozenset({"ambassador"})
    >>> none = frozenset()
    >>> up = [(frozenset({"consultation"}), none, none), (frozenset({"for"}), none, none)]
    >>> called = up + [(frozenset({"recall"}), none, frozenset({"its", "ambassador", "for"}))]
    >>> sent = up + [(frozenset({"recall"}), none, frozenset({"delegation", "for"}))]
    >>> envoy_called_home(called, verbs, preps, envoys), envoy_called_home(sent, verbs, preps, envoys)
    (True, False)
    """
    through = False
    for words, cases, kids in path:
        if through and words & verbs:
            return bool(kids & envoys)
        if (words | cases) & preps:
            through = True
    return False


def a_practice(pos: str, plural: bool, modifiers: Iterable[frozenset[str]], practice: frozenset[str]) -> bool:
    """Whether a meeting or visit noun names a practice rather than an event: a plural noun
    that a ``practice`` word modifies ("regular visits, and mechanism of political consultations,
    contributed to …" en_az-ge_52, "regular consultations with the Russian side help ensure …"
    en_ru-uz_01: the real-news gold has no meeting there). ``pos``: the noun's part of speech;
    ``plural``: whether it is plural; ``modifiers``: the keys of its adjective modifiers. One
    meeting is an event ("The next regular CIS summit will be held in Bishkek"), and a verb
    ("regularly raised in discussions") is left alone.

    >>> k = frozenset
    >>> a_practice("NOUN", True, [k({"regular"})], k({"regular"}))
    True
    >>> a_practice("NOUN", True, [k({"official"})], k({"regular"}))
    False
    >>> a_practice("NOUN", False, [k({"regular"})], k({"regular"}))
    False
    >>> a_practice("VERB", True, [k({"regular"})], k({"regular"}))
    False
    """
    return pos in ("NOUN", "PROPN") and plural and any(m & practice for m in modifiers)


def talk_parties(
    subject: frozenset[str] | None,
    passive: bool,
    persons: frozenset[str],
    partner: bool,
    parties: frozenset[str],
) -> frozenset[str] | None:
    """Who a talks verb of the agenda ("discussed", "обсудили") says talks, when it may go on
    with talks reported before: nobody new (an empty set) when its subject refers back to the
    parties as a whole — a ``parties`` word heads it ("The parties discussed …", "They also
    discussed …", "The two leaders also discussed …", «Собеседники обсудили …», «Главы
    государств обсудили …») — or names no one (passive: "Karachi Port connectivity was also
    discussed", «были обсуждены перспективы»); the persons it names when it names persons
    ("Bayramov and Botchorishvili discussed …": the talks go on when those took part in them).
    None when it names a partner (``partner``: "discussed … with Lavrov", «обсудил с послом»)
    or neither: new talks, or none of this. ``subject``: the keys of the subject's head word
    (None for no subject); ``persons``: the persons the subject names.

    >>> k = frozenset
    >>> parties = k({"party", "leader", "they", "собеседник"})
    >>> talk_parties(k({"parties", "party"}), False, k(), False, parties)
    frozenset()
    >>> talk_parties(None, False, k(), False, parties), talk_parties(k({"it"}), True, k(), False, parties)
    (frozenset(), frozenset())
    >>> sorted(talk_parties(k({"bayramov"}), False, k({"bayramov", "botchorishvili"}), False, parties))
    ['bayramov', 'botchorishvili']
    >>> talk_parties(k({"leaders", "leader"}), False, k(), True, parties) is None
    True
    >>> talk_parties(k({"russia"}), False, k(), False, parties) is None
    True
    """
    if partner:
        return None
    if subject is None or passive or subject & parties:
        return frozenset()
    return persons or None


def summons_envoy(
    objects: Iterable[frozenset[str]],
    places: Iterable[tuple[frozenset[str], bool]],
    envoys: frozenset[str],
    bodies: frozenset[str],
) -> bool:
    """Whether a one-word summons verb (``summons_verb`` in events_cues.tsv: «вызвать», which
    also "causes" things: «вызвало недовольство») calls someone to account: a place it calls
    to is a ministry, whatever its name looks like («вызвали в румынский МИД», «был вызван в
    грузинское внешнеполитическое ведомство», ru_ru-ro_63, ru_ge-by_63), or, with no place
    named, its object (the subject of its passive) is an envoy, before the verb or after it
    («российского посла … вызвали», «МИД вызвал российского посла»). A place that is no
    ministry ("вызван в Москву на консультации": an envoy called home) is no summons, nor is
    one whose object is no envoy («вызвало недовольство в МИД»).
    ``objects``: the keys of the verb's objects and passive subjects; ``places``: for each
    dependent opened by a ``called_prep`` word, its keys and whether it names a government
    body; ``envoys``, ``bodies``: the ``envoy`` and ``summons_place`` words.

    >>> k = frozenset
    >>> envoys, bodies = k({"посол"}), k({"мид", "ведомство"})
    >>> summons_envoy([], [(k({"ведомство"}), False)], envoys, bodies)
    True
    >>> summons_envoy([], [(k({"румынии"}), True)], envoys, bodies)
    True
    >>> summons_envoy([k({"посла", "посол"})], [], envoys, bodies)
    True
    >>> summons_envoy([k({"посла", "посол"})], [(k({"москву", "москва"}), False)], envoys, bodies)
    False
    >>> summons_envoy([k({"недовольство"})], [], envoys, bodies)
    False
    >>> summons_envoy([k({"недовольство"})], [(k({"мид"}), True)], envoys, bodies)
    False
    """
    objects, places = list(objects), list(places)
    if objects and not any(keys & envoys for keys in objects):
        return False
    if any(keys & bodies or body for keys, body in places):
        return True
    return not places and bool(objects)


def statement_venue(
    trigger: frozenset[str],
    prep: frozenset[str],
    verb: frozenset[str],
    partner: bool,
    venue: frozenset[str],
    venue_prep: frozenset[str],
    venue_verb: frozenset[str],
) -> bool:
    """Whether a gathering word is only where someone spoke: a ``venue`` word ("meeting",
    "forum", «совещание») opened by a ``venue_prep`` ("at", «на») on a ``venue_verb`` of
    speaking, with no ``partner`` — no actor named in its phrase, no one talked with ("Patrushev
    said at a meeting on national security", "told reporters after speaking at a forum in Seoul":
    the real-news gold has no meeting there; "said at a meeting with President Tokayev",
    "Speaking at an extraordinary online summit of the CSTO", "At the Armenian government's
    session, Pashinyan said" are left alone). ``trigger``, ``prep``, ``verb``: the keys of the
    trigger, of its preposition and of the verb it hangs on.

    >>> k = frozenset
    >>> venue, preps, verbs = k({"meeting", "forum"}), k({"at"}), k({"say", "speak"})
    >>> statement_venue(k({"meeting"}), k({"at"}), k({"said", "say"}), False, venue, preps, verbs)
    True
    >>> statement_venue(k({"meeting"}), k({"at"}), k({"said", "say"}), True, venue, preps, verbs)
    False
    >>> statement_venue(k({"meeting"}), k({"at"}), k({"signed", "sign"}), False, venue, preps, verbs)
    False
    >>> statement_venue(k({"talks"}), k({"at"}), k({"said", "say"}), False, venue, preps, verbs)
    False
    """
    return bool(trigger & venue and prep & venue_prep and verb & venue_verb) and not partner
