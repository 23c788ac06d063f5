"""Posts held by people: a title next to a name.

"Russian Foreign Minister Sergey Lavrov", "Minister of Foreign Affairs of the Republic of
Kazakhstan Mukhtar Tleuberdi", "глава МИД РФ Сергея Лаврова", "посол Казахстана в России",
"Sergey Lavrov, Russia's foreign minister," — a title from the language's title table, the
country or body it belongs to (an adjective or a name before it, a complement after it), and the
person it names. A title with no name ("the foreign minister", "the top diplomat") becomes a
descriptive mention of the person who holds that post in the document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from bilat.extract.languages import PIVOT
from bilat.extract.link import Linked, resources
from bilat.extract.link_missions import english_after_of, other_main_state
from bilat.extract.link_prepositions import dateline_place
from bilat.extract.positions_bodies import state_post
from bilat.extract.positions_parts import _apposition, _closed, _coordinated, _modifier, _org, _plural
from bilat.extract.positions_posts import (
    DEPUTY_HEAD,
    HEAD,
    HEAD_OF_STATE,
    TENURE,
    _conflict,
    _counterpart,
    _country_of,
    _descriptive,
    _head_of,
    _join_dashed,
    _label,
    _ministry_title,
    _resolve_title,
    _tenure_at,
    _tenure_prefixed,
    home_country,
    joined_title,
    kb_tenures,
    state_of_body,
)
from bilat.extract.positions_state import one_state, sentence_bounds
from bilat.extract.positions_titles import (
    MAX_GAP_WORDS,
    Descriptive,
    Title,
    _key,
    _Spans,
    as_deputy,
    find_titles,
    honorific_end,
    honorifics,
    in_name,
    link_words,
    past_stems,
    prefix_words,
    titles,
)
from bilat.extract.post_holders import (
    bare_posts_contradicted,
    bare_title_state,
    held_by_another,
    listed_states,
    main_pair,
    vaguer,
)
from bilat.extract.records import Document, KBEntry, Position
from bilat.extract.text import (
    fold,
    words,
)


def extract_positions(
    doc: Document, linked: Linked, kb: dict[str, KBEntry]
) -> tuple[tuple[Position, ...], tuple[Descriptive, ...]]:
    """Posts named in ``doc`` and the descriptive mentions of their holders."""
    lang = doc.lang or PIVOT
    text = doc.text
    ws = words(text)
    keys = [_key(w.text, lang) for w in ws]
    index = _Spans(linked.spans)
    cls_of = {e.key: e.cls for e in linked.entities}
    links = link_words(lang)
    word_span = index.of_words(ws)
    anaphora = resources(lang).state_anaphora
    cues = org_cue_keys(lang)
    kinds = org_cue_classes(lang)
    honors = honorifics(lang)

    def span_at(i: int):
        return word_span[i]

    positions: dict[tuple, Position] = {}
    meant: str | None = None  # the state "республики", "страны" after a title has meant so far
    unattached = []
    dashed: list = []
    no_name: list = []
    bare: set = set()  # the posts whose state bare_title_state gave

    # a state's adjective opening a body's name ("японского правительства") is one too
    nested_adjectives = {m.start for e in linked.entities for m in e.mentions if m.label == "ADJ"}

    def adjective(i: int) -> bool:
        s = word_span[i]
        return s is not None and (s[3] == "ADJ" or ws[i].start in nested_adjectives)

    found = find_titles(text, lang, ws, keys, adjective, lambda i: word_span[i] is not None)
    # "пресс-секретарь российского лидера Дмитрий Песков", "press secretary of the president
    # X": a title right after another one (only link words and adjectives between, no list)
    # names whose post it is, never the post of the name after it
    governed = {
        b[3]: b[4]
        for a, b in zip(found, found[1:], strict=False)
        if _governing_gap(a[4], b[3], keys, links, adjective)
    }
    # the states other titles name ("… встретился с премьер-министром Венгрии Виктором Орбаном"):
    # never the state of a title that names none
    claimed = title_states([(t[3], t[4]) for t in found], word_span)
    home = home_country(doc.url, kb) if doc.date else None
    named_states = {s[2] for s in linked.spans if s[3] != "PER" and _is_country(s[2], cls_of, kb)}
    filed_in = dateline_state(text, lang, linked.spans, kb)
    for start, end, title, i0, i1 in found:
        if i0 in governed:
            continue
        deputy = as_deputy(title, keys, i0, lang)
        if deputy is not None and "\n" not in text[ws[deputy[1]].start : start]:
            # "заместитель председателя Сената", "Deputy Chairman of the Senate": the deputy's post
            title, i0 = deputy
            start = ws[i0].start
            title = replace(title, title_ru=text[start:end][:1].lower() + text[start:end][1:])
        inside = span_at(i0)
        if inside is not None and inside[3] == "PER":
            continue
        # complements after the title, up to the person
        complements = []
        persons = []
        j = i1
        prev_word = None
        anaphoric = False
        walked = False  # a complement named after the title ("President of Uzbekistan, …")
        kind = None  # the class of a body named by its kind noun right after the title
        while j < len(ws) and j - i1 <= MAX_GAP_WORDS:
            if "\n" in text[ws[j - 1].end : ws[j].start]:
                break  # never across a line break
            k = honorific_end(ws, keys, j, honors)
            if k > j:
                # "External Affairs Minister Dr. Subrahmanyam Jaishankar", "Defence Minister Lt.
                # Gen. X": honorifics and ranks right before the name, on its line
                s = span_at(k) if k < len(ws) else None
                if s is not None and s[3] == "PER" and "\n" not in text[ws[j].start : ws[k].start]:
                    if ws[j - 1].text != "," or _closed(text, s[1]) or walked:
                        persons.append(s)
                break
            s = span_at(j)
            if s is not None and s[3] == "PER":
                # "the Chinese leader, Kassym-Jomart Tokayev noted": a comma before the name
                # is a clause comma unless the name is a closed apposition
                if ws[j - 1].text != "," or _closed(text, s[1]) or walked:
                    persons.append(s)
                break
            if s is not None:
                complements.append((s, prev_word))
                walked = True
                while j < len(ws) and ws[j].start < s[1]:
                    j += 1
                prev_word = None
                continue
            if j in governed:
                j = governed[j]  # the governed title: its words link the first one to its name
                continue
            if j == i1 and not complements and fold(ws[j].text) in anaphora:
                # "министр иностранных дел республики Кестутис Будрис", "премьер-министр
                # страны Махатхир Мохамад": the state the text is about (ru_ru-lt_01,
                # ru_ru-my_01, ru_ru-kg_01), resolved below
                anaphoric = True
                j += 1
                continue
            if j == i1 and not complements and title.scope == "body" and keys[j] in kinds:
                # "пресс-секретарь компании Михаил Леонтьев": the body of that kind named last
                # before the title (ru_ru-ve_01), resolved below
                kind = kinds[keys[j]]
                j += 1
                continue
            last = complements[-1][0] if complements else None
            if last is not None and last[3] not in ("PER", "ADJ") and ws[j - 1].end == last[1]:
                # "the chief of Russia's Roskosmos space agency, Yury Borisov": the class noun
                # of the body just named, a few lowercase words ending in an organization cue
                k = _class_noun_end(ws, keys, j, cues)
                if k is not None:
                    j = k
                    continue
            if keys[j] in links:
                if prev_word is None:
                    prev_word = keys[j]  # the first link word: "to the Republic of"
                j += 1
                continue
            break
        if kind is not None and persons and not complements:
            body = _last_body(index, start, kind, cls_of)
            if body is not None:
                complements.append((body, None))
        list_orgs: list = []
        if persons:
            more = _coordinated(text, persons[0], index)
            # "Presidents of Russia and Belarus Putin and Lukashenko", "Главы МИД России и
            # Индии Лавров и Джайшанкар", "президентами Азербайджана Алиевым и США Трампом"
            if more and (
                _plural(ws[i1 - 1].text, lang)
                or _plural(ws[i0].text, lang)
                or any(o is not None for _, o in more)
                or sum(1 for c in complements if c[0][3] != "PER") >= 2
            ):
                first_org = None
                if more[0][0] == persons[0]:
                    first_org = more.pop(0)[1]
                persons += [m for m, _ in more]
                list_orgs = [first_org] + [o for _, o in more]
        # an inner span the title itself overlaps ("глава МИД РФ": МИД РФ is one entity)
        inner = []
        for s in index.near(start, end):
            if s[0] < end and start < s[1] and s[3] != "PER" and s not in [c[0] for c in complements]:
                if title.wild and start < s[0] and s[1] == end and (c := state_of_body(s[2], cls_of, kb)):
                    # "генерального секретаря японского правительства": the body is the title's
                    # own words, its adjective the wildcard's state
                    s = (s[0], s[1], c, "ADJ")
                complements.append((s, None))
                if start <= s[0] and s[1] <= end and not (title.wild and s[3] == "ADJ"):
                    inner.append(s)
        # "the Ministers of Economy and Economy, Sergio Massa and Fernando Haddad": a name the
        # title's own words open, unknown to the knowledge base, is the title misread as a body
        inner += [c for c, _ in complements if c[0] == start and c[2] not in kb and c[3] != "ADJ"]
        modifier = _modifier(text, start, index, lang)
        if modifier is not None and modifier[3] == "PER":
            # "Putin's aide": the country of the post the person holds at the date
            t = _tenure_at(kb.get(modifier[2]), doc.date) if doc.date else None
            modifier = (modifier[0], modifier[1], t.org, "GPE") if t is not None and t.org else None
        # apposition: "Sergey Lavrov, Russia's foreign minister,"
        if not persons:
            # closed by a comma or the sentence's end: "…, the Kazakh president noted" is a clause
            tail = max([end] + [c[0][1] for c in complements])
            found = _apposition(text, modifier[0] if modifier else start, index, lang)
            persons = [found] if found and _closed(text, tail) else []
        org, to, orgs = _org(title, modifier, complements, cls_of, kb, inner)
        # "глава России", "head of Kazakhstan": a country named (not an adjective) after the title
        head_country = next(
            (s[2] for s, _ in complements if s[3] != "ADJ" and _country_of(s[2], cls_of, kb) == s[2]), None
        )
        if not persons and title.formal:
            continue  # "the Roscosmos chief": a formal head title only with its holder's name
        if not persons:
            # "Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan Mukhtar
            # Tileuberdi": a title joined by a dash to the next one shares its holder
            dashed.append((start, end, title, org, modifier))
            # "The presidents of Belarus and Russia": each body its holder
            plural = _plural(ws[i1 - 1].text, lang) or _plural(ws[i0].text, lang)
            if title.title_en == HEAD and org is not None and org == head_country:
                # "главой Таджикистана" with no name: the head of state the document names
                # (and its descriptive mention: "на встрече с главой Таджикистана", ru_kz-tj_02)
                title = replace(title, title_en=HEAD_OF_STATE[0], title_ru=HEAD_OF_STATE[1])
            unattached.append((start, end, title, org, plural))
            no_name.append(
                (start, end, title, list(dict.fromkeys(orgs)) if plural and len(orgs) > 1 else [org], plural)
            )
            continue
        listed: list = [None] * len(persons)
        if (
            len(persons) == 2
            and org is None
            and title.scope == "country"
            and not any(list_orgs)
            and not title.title_en.startswith(TENURE)
        ):
            # "the respective foreign ministers, Santiago Cafiero and Mauro Vieira": one of each
            # of the document's two states, the knowledge base's post of either kept
            known = [_resolve_title(title, kb.get(p[2]), None, doc.date, kb, lang)[2] for p in persons]
            known = [_country_of(k, cls_of, kb) if k is not None else None for k in known]
            listed = listed_states(known, _main_pair(index, cls_of, kb))
            # never a state whose post the knowledge base gives another at the date
            listed = [
                s
                if k is not None
                or s is None
                or not held_by_another(kb_tenures(kb), p[2], title.title_en, s, doc.date)
                else None
                for p, k, s in zip(persons, known, listed, strict=True)
            ]
        for n, person in enumerate(persons):
            entry = kb.get(person[2])
            if (
                n == 0
                and entry is not None
                and in_name(text[start:end], text[person[0] : person[1]], _names(entry))
            ):
                continue  # "Amir Abdollahian": the title's word is the person's own name's
            # "Presidents of Russia, Belarus and Kazakhstan Putin, Lukashenko and Nazarbayev"
            p_org = orgs[n] if len(persons) > 1 and len(orgs) == len(persons) else org
            if n < len(list_orgs) and list_orgs[n] is not None:
                p_org = _country_of(list_orgs[n][2], cls_of, kb) or list_orgs[n][2]
            if p_org is None and listed[n] is not None:
                p_org = listed[n]
            if title.title_en.startswith(TENURE + ":"):
                # "министра Сергея Лаврова": the post of that kind the knowledge base gives him then
                t = _tenure_prefixed(kb.get(person[2]), doc.date, title.title_en[len(TENURE) + 1 :], p_org)
                if t is None and _is_country(p_org, cls_of, kb):
                    # "Secretary of the Russian Security Council Nikolai Patrushev": the post in
                    # a body of that state
                    t = _tenure_prefixed(kb.get(person[2]), doc.date, title.title_en[len(TENURE) + 1 :], None)
                    t = t if t is not None and _country_of(t.org, cls_of, kb) == p_org else None
                if t is None:
                    continue
                title_en, title_src, p_org = t.title_en, None, t.org
            elif title.title_en == TENURE:
                title_en, title_src, p_org = _counterpart(
                    title, kb.get(person[2]), p_org, doc.date, positions.values(), start
                )
            else:
                title_en, title_src, p_org = _resolve_title(
                    title, kb.get(person[2]), p_org, doc.date, kb, lang
                )
            if title_en is None:
                continue
            if anaphoric and not modifier:
                if p_org is not None:
                    # the knowledge base's post of the person tells which state the word means
                    meant = _country_of(p_org, cls_of, kb) or meant
                else:
                    p_org = meant or _last_state(index, start, cls_of, kb, home_country(doc.url, kb))
            title_en, title_src, p_org = _head_of(
                title_en, title_src, p_org, kb.get(person[2]), doc.date, head_country, kb
            )
            if title.formal and title_en in (HEAD, DEPUTY_HEAD):
                continue  # "Communist Party chief", "chief of the Horgos Railway Station" (en_cn-kz_02)
            if title_en in (HEAD, DEPUTY_HEAD) and _is_country(p_org, cls_of, kb):
                # "глава турецкого Минэнерго": the head of a body the text names, never of the
                # state its adjective gives (a country named after "head" is its head of state)
                continue
            if title.organization:
                # "Permanent Representative to the United Nations": the post is at the body the
                # text names after the title, none without one
                if not to or cls_of.get(to) != "InternationalOrganization":
                    continue
                title_en = f"{title_en} to {english_after_of(kb[to], PIVOT) if to in kb else _label(kb, to)}"
            elif to and title_en == "Ambassador":
                title_en = f"Ambassador to {_label(kb, to)}"
            elif title.scope == "mission" and title_en != "Ambassador":
                # a chargé d'affaires, a consul: the post is where they serve, named, or for a
                # state's chargé d'affaires the other of the two states the document is about
                # ("временным поверенным в делах РФ" in an article on Russia and Kazakhstan)
                to = to or _mission_host(p_org, index, cls_of, kb)
                if not to:
                    continue
                title_en = f"{title_en} in {_label(kb, to)}"  # "Consul in Saint Petersburg"
            # "Russian Security Council Deputy Chairman": the Deputy Chairman of the Security
            # Council of Russia (en_ru-md_01, en_ru-lt_01, ru_ru-kp_01)
            title_en, p_org = state_post(title_en, p_org, kb)
            if title.default in kb and (p_org is None or _country_of(p_org, cls_of, kb) is None):
                # "Federal Chancellor Olaf Scholz": Germany's; "председатель Госсовета КНДР": a
                # national post is its state's, never the body its words name
                p_org = title.default
            if p_org is None and title.scope == "country" and n == 0 and not title.named:
                # "Kazakhstan's Deputy Prime Minister and Minister of Trade Serik Zhumangarin":
                # the state of the title joined before, which has no name of its own
                joined = joined_title(dashed, start, text, prefix_words(lang, "joint"))
                if joined is not None and joined[3] is not None:
                    p_org = _country_of(joined[3], cls_of, kb)
            if p_org is None and title.scope == "country" and len(persons) == 1 and not title.named:
                # the publisher's own state when the document names it ("President Mamnoon
                # Hussain" in a Pakistani paper, en_kz-pk_62; "President Tokayev Meets Top
                # Italian Businesses" in a Kazakh one, en_kz-it_01) — else the one state the
                # sentence names ("… held talks with Deputy Foreign Minister Roman Vassilenko, the
                # press office of the Kazakh MFA reported"; not for a vague title such as
                # "leader", which names a post only beside its state: en_ru-kp_01), else a state
                # another title of the sentence names —, of them the first whose post the
                # knowledge base gives nobody else at the date. The publisher's first: the one
                # state a sentence names is as often the partner's ("President Mirziyoyev arrived
                # in Turkey"; with no person's tenures, dev's sentence states were right 11 times
                # in 28, the publisher's 17 in 24)
                earlier = positions.values()
                sentence = (text, start, person, index, earlier, cls_of, kb, linked.sentence_starts)
                # (a person the knowledge base knows holds a national title of his own state:
                # "Prime Minister Ranil Wickremesinghe has arrived in the Maldives")
                own = kb[person[2]].country if person[2] in kb else None
                p_org = bare_title_state(
                    (
                        home if home in named_states else None,
                        own if own is not None and _is_country(own, cls_of, kb) else None,
                        # the state the story is filed from ("KATHMANDU, May 6: … paid a courtesy
                        # call on Prime Minister Pushpa Kamal Dahal"): a bare title is a local's
                        filed_in,
                        _sentence_state(*sentence, claimed),
                        _sentence_state(*sentence),
                    ),
                    person[2],
                    title_en,
                    kb_tenures(kb),
                    doc.date,
                )
                if p_org is not None and (person[2], title_en, p_org) not in positions:
                    bare.add((person[2], title_en, p_org))
            if p_org is None:
                continue
            ev_start = min(modifier[0] if modifier else start, person[0])
            ev_end = max(end, person[1])
            key = (person[2], title_en, p_org)
            if key in positions:
                continue
            positions[key] = Position(
                person=person[2],
                title_en=title_en,
                org=p_org,
                start=ev_start,
                end=ev_end,
                evidence=text[ev_start:ev_end],
                title_src=title_src if lang != PIVOT else None,
                lang=lang,
                date=doc.date,
                conflict=_conflict(kb.get(person[2]), title_en, p_org, doc.date),
            )
            if n == 0:
                _join_dashed(dashed, start, text, person, p_org, positions, doc, kb, lang)
    # the document's own posts tell a bare title's state, as the knowledge base's do: a state
    # the sentence names is never the one the document gives the person's title elsewhere
    stated = [k for k in positions if k not in bare]
    for key in bare_posts_contradicted([k for k in positions if k in bare], stated):
        del positions[key]
    # "Президент России" with no name: the person the document names who held that post then
    held = {(p.title_en, p.org) for p in positions.values()}
    persons_named = [e.key for e in linked.entities if e.cls == "Person"]
    holders_of: dict[tuple, set] = {}
    home = home_country(doc.url, kb)
    for start, end, title, org, plural in [(a, b, t, o, pl) for a, b, t, os_, pl in no_name for o in os_]:
        if org is None and not plural and title.scope in ("country", "mission"):
            # "Глава государства", "the Head of State" with no country: the publisher's
            org = home
        if org is None or title.title_en.startswith(TENURE) or title.named:
            continue
        if (title.title_en, org) in held:
            continue
        post = (title.title_en, org)
        if post not in holders_of:
            # with no date: whoever the knowledge base gives that post at any time
            holders_of[post] = {
                k
                for k in persons_named
                if _tenure_at(kb.get(k), doc.date, title_en=title.title_en, org=org) is not None
            }
        holders = set(holders_of[post])
        if len(holders) == 1:
            person = holders.pop()
            held.add((title.title_en, org))
            positions[(person, title.title_en, org)] = Position(
                person=person,
                title_en=title.title_en,
                org=org,
                start=start,
                end=end,
                evidence=text[start:end],
                title_src=title.title_ru if lang != PIVOT else None,
                lang=lang,
                date=doc.date,
            )
    descriptive = _descriptive(
        text, unattached, positions.values(), kb_tenures(kb), doc.date, past_stems(lang)
    )
    # "российского посла Сергея Копыркина" beside "Посол России в Армении Сергей Копыркин": one post
    keys = list(positions)
    kept = tuple(p for k, p in positions.items() if not vaguer(k, keys))
    return kept, descriptive


def dateline_state(text: str, lang: str, spans: Sequence[tuple], kb) -> str | None:
    """The state of the city a dated dateline opens with ("KATHMANDU, May 6: …": Nepal), from
    the linked spans (start, end, key, label) and the knowledge base; None without one."""
    at = dateline_place(text, lang)
    if at is None:
        return None
    for s in spans:
        if (s[0], s[1]) == at and s[2] in kb and kb[s[2]].cls == "City":
            return kb[s[2]].country
    return None


def title_states(found: Sequence[tuple[int, int]], word_span: Sequence[tuple | None]) -> frozenset[tuple]:
    """The spans that belong to a title (``found``: its first word and the word after it;
    ``word_span``: each word's linked span, (start, end, key, label)): the name right after it
    ("премьер-министром Венгрии") or the adjective right before it ("the Hungarian premier").

    >>> hu, adj, per = (30, 37, "hungary", "GPE"), (0, 9, "georgia", "ADJ"), (40, 45, "x", "PER")
    >>> sorted(title_states([(1, 3), (5, 6)], [adj, None, None, hu, None, None, per]))
    [(0, 9, 'georgia', 'ADJ'), (30, 37, 'hungary', 'GPE')]
    >>> sorted(title_states([(0, 1)], [None, per]))
    []
    """
    out = set()
    for i0, i1 in found:
        after = word_span[i1] if i1 < len(word_span) else None
        if after is not None and after[3] != "PER":
            out.add(after)
        before = word_span[i0 - 1] if i0 > 0 else None
        if before is not None and before[3] == "ADJ":
            out.add(before)
    return frozenset(out)


def _sentence_state(
    text: str,
    start: int,
    person,
    index: _Spans,
    earlier,
    cls_of,
    kb,
    starts: Sequence[int] = (),
    claimed: frozenset[tuple] = frozenset(),
) -> str | None:
    """The one state the sentence of the title at ``start`` and its holder ``person`` names
    (the parse's sentence, ``starts``) besides the ones the other titles name (``claimed``),
    counting the states of the posts found in it so far (None when it names none or several).
    The caller asks again with nothing claimed: a state only another title names may still be
    the one ("Accompanied by Foreign Minister X, the Georgian Prime Minister …")."""
    lo, hi = sentence_bounds(text, start, person[1], starts)
    skip = (start, person[1])
    spans = index.near(lo, hi)

    def state_of(k: str) -> str | None:
        return k if _is_country(k, cls_of, kb) else None

    state = one_state([s for s in spans if s not in claimed], lo, hi, skip, state_of)
    others = {
        _country_of(p.org, cls_of, kb) or p.org
        for p in earlier
        if lo <= p.start < hi and p.person != person[2]
    }
    return state if state is not None and others <= {state} else None


def _mission_host(sender: str | None, index: _Spans, cls_of, kb) -> str | None:
    """The host of a state's mission the text does not name: the other of the document's two
    most-named states (``link_missions.other_main_state``), when the sender is one of them."""
    if sender is None or not _is_country(sender, cls_of, kb):
        return None
    # counted as the linker counts them for an embassy named by its sender (link_places): a
    # state's name or adjective, and a city for its state
    counts = Counter(
        s[2] if _is_country(s[2], cls_of, kb) else kb[s[2]].country
        for s in index.spans
        if _is_country(s[2], cls_of, kb) or (s[2] in kb and kb[s[2]].cls == "City" and kb[s[2]].country)
    )
    return other_main_state(sender, counts)


def _main_pair(index: _Spans, cls_of, kb) -> tuple[str, str] | None:
    """The document's two states (``post_holders.main_pair``): a state's name or adjective, and
    a city or a state body for its state ("МИД Узбекистана и Вьетнама" names Uzbekistan first)."""
    return main_pair(
        (s[0], s[2] if _is_country(s[2], cls_of, kb) else kb[s[2]].country)
        for s in index.spans
        if _is_country(s[2], cls_of, kb)
        or (s[2] in kb and kb[s[2]].cls in _STATE_PLACES and kb[s[2]].country)
    )


#: the classes of the entries that name their state for ``_main_pair``
_STATE_PLACES = frozenset({"City", "GovernmentBody"})


def _last_state(index: _Spans, before: int, cls_of, kb, home: str | None = None) -> str | None:
    """The country the text names last before ``before``, other than the publisher's own
    ``home`` when it names another ("Власти Малайзии сомневаются, что Россия причастна …
    премьер-министр страны" in a Russian paper is Malaysia's)."""
    named = [s for s in index.spans if s[1] <= before and _is_country(s[2], cls_of, kb)]
    other = [s for s in named if s[2] != home] or named
    return max(other)[2] if other else None


#: lowercase words at most before the cue noun of a body's class ("space agency")
CLASS_NOUN_WORDS = 3


@lru_cache(maxsize=4)
def org_cue_keys(lang: str) -> frozenset[str]:
    """The organization cue nouns of the language (``org_cues.tsv``: "agency", "company"), keyed
    as the title table keys words."""
    return frozenset(_key(cue, lang) for cue, _ in resources(lang).org_cues)


@lru_cache(maxsize=4)
def org_cue_classes(lang: str) -> dict[str, str]:
    """The organization cue nouns of the language keyed as the title table keys words, each
    with the class it names (``org_cues.tsv``: "компания" → Company); the first row wins."""
    out: dict[str, str] = {}
    for cue, cls in resources(lang).org_cues:
        out.setdefault(_key(cue, lang), cls)
    return out


#: characters before a title within which a body named by its kind noun is looked for
BODY_WINDOW = 400


def _last_body(index: _Spans, before: int, cls: str, cls_of) -> tuple | None:
    """The last span ending before ``before`` (within ``BODY_WINDOW`` characters) of an
    entity of class ``cls``: the body "компании" after a title means."""
    found = [
        s for s in index.near(before - BODY_WINDOW, before) if s[1] <= before and cls_of.get(s[2]) == cls
    ]
    return max(found, key=lambda s: s[1]) if found else None


def _class_noun_end(ws, keys, j: int, cues: frozenset[str]) -> int | None:
    """The index after a body's class noun starting at word ``j`` — at most
    ``CLASS_NOUN_WORDS`` lowercase words, the last an organization cue ("space agency",
    "state nuclear corporation") — or None.

    >>> from bilat.extract.text import words
    >>> ws = words("Roskosmos space agency, Yury")
    >>> _class_noun_end(ws, [w.text for w in ws], 1, frozenset({"agency"}))
    3
    >>> _class_noun_end(ws, [w.text for w in ws], 2, frozenset({"company"})) is None
    True
    """
    for k in range(j, min(len(ws), j + CLASS_NOUN_WORDS)):
        if not (ws[k].text.isalpha() and ws[k].text.islower()):
            return None
        if keys[k] in cues:
            return k + 1
    return None


def _names(entry: KBEntry) -> list[str]:
    """The labels and aliases of a knowledge-base entry."""
    return [t for _, t in entry.labels] + [a.text for a in entry.aliases]


def _is_country(key: str | None, cls_of, kb) -> bool:
    return key is not None and _country_of(key, cls_of, kb) == key


#: link words that make a list of titles, each the holder's own ("Deputy Prime Minister and
#: Foreign Minister X"), not one title governing the next
_LIST_WORDS = frozenset({",", "and", "и"})


def _governing_gap(a_end: int, b_start: int, keys, links, adjective) -> bool:
    """Whether the words ``a_end .. b_start`` between two titles make the first govern the
    second: none, or only link words (no list word) and adjectives."""
    return all(
        (keys[k] in links and keys[k] not in _LIST_WORDS) or adjective(k) for k in range(a_end, b_start)
    )


#: the names other modules import from here (defined in the positions_* modules)
__all__ = ["Descriptive", "Title", "extract_positions", "find_titles", "titles", "_ministry_title"]
