"""The data of the SPARQL benchmark (bench/sparql.py): a synthetic graph in the project's
vocabulary (seeded), written as N-Triples: the knowledge base's countries, cities and government
bodies, synthetic people and projects with English and Russian labels, documents with the entities
they mention, posts, and events of the PLOVER classes with their participants, dates and
documents, plus the ontology.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

from bench.util import now

HERE = Path(__file__).resolve().parent
NAMES = HERE / "names.tsv"

BL = "https://w3id.org/bilat/ontology#"
ID = "https://w3id.org/bilat/id/"
DOC = "https://w3id.org/bilat/doc/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
OWL_SAME = "http://www.w3.org/2002/07/owl#sameAs"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
WD = "http://www.wikidata.org/entity/"

# event classes with their share of events
EVENT_MIX = (
    ("Consult", 25),
    ("Statement", 25),
    ("Cooperate", 15),
    ("Agree", 10),
    ("Support", 5),
    ("Request", 4),
    ("Accuse", 4),
    ("Reject", 3),
    ("Aid", 3),
    ("Threaten", 2),
    ("Protest", 2),
    ("Sanction", 2),
)
CAMEO = {
    "Statement": "01",
    "Consult": "04",
    "Cooperate": "05",
    "Agree": "03",
    "Support": "05",
    "Aid": "07",
    "Request": "02",
    "Accuse": "11",
    "Reject": "12",
    "Threaten": "13",
    "Protest": "14",
    "Sanction": "16",
}
TITLES = (
    ("President", "президент"),
    ("Prime Minister", "премьер-министр"),
    ("Minister of Foreign Affairs", "министр иностранных дел"),
    ("Deputy Prime Minister", "заместитель премьер-министра"),
    ("Minister of Energy", "министр энергетики"),
    ("Ambassador", "посол"),
    ("Minister of Defence", "министр обороны"),
    ("Minister of Finance", "министр финансов"),
    ("Spokesperson", "официальный представитель"),
    ("Chairman", "председатель"),
)
FIELDS = (
    ("Energy", "энергетики"),
    ("Transport", "транспорта"),
    ("Space", "космоса"),
    ("Agriculture", "сельского хозяйства"),
    ("Water", "водных ресурсов"),
    ("Education", "образования"),
    ("Nuclear", "атомной энергетики"),
    ("Digital", "цифровых технологий"),
)
FOCUS = ("russia", "kazakhstan")
NEIGHBOURS = (
    "belarus",
    "uzbekistan",
    "kyrgyzstan",
    "tajikistan",
    "turkmenistan",
    "armenia",
    "azerbaijan",
    "china",
    "turkey",
    "india",
    "germany",
    "france",
    "united-states",
    "ukraine",
    "iran",
    "mongolia",
)


# --------------------------------------------------------------------------- N-Triples
def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def lit(text: str, lang: str | None = None, dtype: str | None = None) -> str:
    if lang:
        return f'"{_esc(text)}"@{lang}'
    if dtype:
        return f'"{_esc(text)}"^^<{XSD}{dtype}>'
    return f'"{_esc(text)}"'


def iri(value: str) -> str:
    return f"<{value}>"


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --------------------------------------------------------------------------- the data
class _Writer:
    def __init__(self, fh):
        self.fh, self.lines = fh, 0

    def t(self, s: str, p: str, o: str) -> None:
        self.fh.write(f"{s} {p} {o} .\n")
        self.lines += 1


def _names() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {"given_m": [], "given_f": [], "surname": []}
    for line in NAMES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, en, ru = line.split("\t")
            out[kind].append((en, ru))
    return out


def generate(path: Path, n_triples: int, *, seed: int = 1) -> dict:
    """Write at least ``n_triples`` distinct triples of synthetic bilat data to ``path``
    (N-Triples); returns what was generated and the values the queries look for."""
    from rdflib import BNode, Literal, URIRef

    from bilat.graph.kb import load_kb
    from bilat.ontology import load_ontology

    rng = random.Random(f"sparql-{seed}")
    kb = load_kb()
    t0 = now()
    T = iri(RDF_TYPE)
    LABEL = iri(RDFS + "label")
    P = {
        name: iri(BL + name)
        for name in (
            "mentionedIn",
            "refersTo",
            "extractedFrom",
            "startOffset",
            "endOffset",
            "anchor",
            "holdsPosition",
            "title",
            "ofOrganization",
            "evidence",
            "participant",
            "speaker",
            "quote",
            "date",
            "datePrecision",
            "mode",
            "place",
            "about",
            "trigger",
            "country",
            "cameoCode",
            "goldstein",
            "source",
            "target",
            "contentHash",
        )
    }
    C = {
        name: iri(BL + name)
        for name in (
            "Person",
            "Country",
            "City",
            "GovernmentBody",
            "Project",
            "Document",
            "Mention",
            "Position",
            *(c for c, _ in EVENT_MIX),
        )
    }
    with open(path, "w", encoding="utf-8") as fh:
        w = _Writer(fh)
        # the ontology, blank nodes included
        for s, p, o in load_ontology():
            w.t(
                *(
                    f"_:{x}" if isinstance(x, BNode) else x.n3() if isinstance(x, (URIRef, Literal)) else x
                    for x in (s, p, o)
                )
            )

        # knowledge-base entities: countries, cities, bodies
        label_en: dict[str, str] = {}
        by_country: dict[str, list[str]] = {}
        countries, cities, bodies = [], [], []
        for e in kb:
            if e.cls not in ("Country", "City", "GovernmentBody") or not e.label("en"):
                continue
            node = iri(ID + e.key)
            w.t(node, T, C[e.cls])
            for lg, text in e.labels:
                if lg in ("en", "ru"):
                    w.t(node, LABEL, lit(text, lg))
            for a in e.aliases:
                if a.kind == "alt" and a.lang in ("en", "ru"):
                    w.t(node, iri(SKOS_ALT), lit(a.text, a.lang))
            if e.wikidata:
                w.t(node, iri(OWL_SAME), iri(WD + e.wikidata))
            if e.country:
                w.t(node, P["country"], iri(ID + e.country))
            label_en[e.key] = e.label("en")
            if e.cls == "Country":
                countries.append(e.key)
            elif e.cls == "City":
                cities.append(e.key)
                by_country.setdefault(e.country or "", []).append(e.key)
            else:
                bodies.append(e.key)
                by_country.setdefault("body:" + (e.country or ""), []).append(e.key)
        focus = [c for c in FOCUS if c in label_en]
        if len(focus) < 2:
            raise RuntimeError("the knowledge base lacks Russia or Kazakhstan")
        home = focus + [c for c in NEIGHBOURS if c in label_en]

        # synthetic people: each holds one post (title of a country or one of its bodies)
        names = _names()
        combos = [(g, s, "m") for g in names["given_m"] for s in names["surname"]]
        combos += [(g, s, "f") for g in names["given_f"] for s in names["surname"]]
        rng.shuffle(combos)
        n_people = max(20, min(len(combos), n_triples // 400))
        people: list[dict] = []
        for i, ((g_en, g_ru), (s_en, s_ru), gender) in enumerate(combos[:n_people]):
            en = f"{g_en} {s_en}{'a' if gender == 'f' else ''}"
            ru = f"{g_ru} {s_ru}{'а' if gender == 'f' else ''}"
            country = focus[i % 2] if rng.random() < 0.6 else rng.choice(home)
            key = _slug(en)
            title = rng.choice(TITLES)
            org = country
            org_bodies = by_country.get("body:" + country)
            if title[0] in ("Spokesperson", "Chairman") and org_bodies:
                org = rng.choice(org_bodies)
            pos = ID + "position/" + hashlib.sha1(f"{key}|{title[0]}|{org}".encode()).hexdigest()[:16]
            node = iri(ID + key)
            w.t(node, T, C["Person"])
            w.t(node, LABEL, lit(en, "en"))
            w.t(node, LABEL, lit(ru, "ru"))
            w.t(node, P["country"], iri(ID + country))
            w.t(node, P["holdsPosition"], iri(pos))
            w.t(iri(pos), T, C["Position"])
            w.t(iri(pos), P["title"], lit(title[0], "en"))
            w.t(iri(pos), P["title"], lit(title[1], "ru"))
            w.t(iri(pos), P["ofOrganization"], iri(ID + org))
            people.append({"key": key, "en": en, "ru": ru, "country": country, "pos": pos, "title": title[0]})
        people_of: dict[str, list[dict]] = {}
        for p in people:
            people_of.setdefault(p["country"], []).append(p)

        # projects
        n_projects = max(5, n_triples // 5000)
        projects = []
        for i in range(n_projects):
            f_en, f_ru = FIELDS[i % len(FIELDS)]
            key = f"project-{i + 1:04d}"
            node = iri(ID + key)
            w.t(node, T, C["Project"])
            w.t(node, LABEL, lit(f"{f_en} Project {i + 1}", "en"))
            w.t(node, LABEL, lit(f"Проект {i + 1} в сфере {f_ru}", "ru"))
            projects.append(key)

        classes = [c for c, _ in EVENT_MIX]
        weights = [n for _, n in EVENT_MIX]
        n_docs = 0
        target = int(n_triples * 1.01)  # a few triples repeat (posts mentioned again)
        while w.lines < target:
            n_docs += 1
            lang = "en" if rng.random() < 0.5 else "ru"
            doc_id = f"bench-{n_docs:07d}"
            doc = iri(DOC + doc_id)
            y, m, d = rng.randint(2019, 2024), rng.randint(1, 12), rng.randint(1, 28)
            date = f"{y}-{m:02d}-{d:02d}"
            w.t(doc, T, C["Document"])
            w.t(doc, iri(DCT + "identifier"), lit(doc_id))
            w.t(doc, iri(DCT + "language"), lit(lang))
            w.t(doc, iri(DCT + "date"), lit(date, dtype="date"))
            w.t(doc, P["contentHash"], lit(f"{rng.getrandbits(128):032x}"))
            if rng.random() < 0.4:
                a, b = focus if rng.random() < 0.5 else focus[::-1]
            else:
                a = rng.choice(focus)
                b = rng.choice([c for c in home if c != a])
            persons = []
            for c in (a, b):
                pool = people_of.get(c) or people
                persons += rng.sample(pool, min(len(pool), rng.randint(1, 2)))
            city = rng.choice(by_country.get(a) or by_country.get(b) or cities)
            doc_bodies = rng.sample(
                by_country.get("body:" + a, []) or bodies,
                min(rng.randint(0, 2), len(by_country.get("body:" + a, []) or bodies)),
            )
            project = rng.choice(projects) if rng.random() < 0.3 else None
            mentioned = [a, b, city, *[p["key"] for p in persons], *doc_bodies]
            if project:
                mentioned.append(project)
            offset = 0
            for key in mentioned:
                node = iri(ID + key)
                w.t(node, P["mentionedIn"], doc)
                anchor = next(
                    (p["en" if lang == "en" else "ru"] for p in persons if p["key"] == key),
                    label_en.get(key, key),
                )
                for _ in range(rng.randint(1, 3)):
                    offset += rng.randint(20, 400)
                    end = offset + len(anchor)
                    mn = iri(f"{DOC}{doc_id}#char={offset},{end}")
                    w.t(mn, T, C["Mention"])
                    w.t(mn, P["refersTo"], node)
                    w.t(mn, P["extractedFrom"], doc)
                    w.t(mn, P["startOffset"], lit(str(offset), dtype="integer"))
                    w.t(mn, P["endOffset"], lit(str(end), dtype="integer"))
                    w.t(mn, P["anchor"], lit(anchor))
                    offset = end
            for p in persons[: rng.randint(1, 2)]:  # posts the document states
                pos = iri(p["pos"])
                w.t(pos, P["extractedFrom"], doc)
                w.t(pos, P["evidence"], lit(f"{p['en']}, {p['title']}, on {date} ({doc_id})", lang))
                w.t(pos, P["date"], lit(date, dtype="date"))
            events = rng.randint(2, 4)
            for k in range(events):
                cls = rng.choices(classes, weights)[0]
                if k == 0 and project and {a, b} == set(focus):
                    cls = "Cooperate"  # the joint projects the contract's query looks for
                ev = iri(ID + "event/" + f"{rng.getrandbits(64):016x}")
                w.t(ev, T, C[cls])
                w.t(ev, P["extractedFrom"], doc)
                ev_date = f"{y}-{m:02d}-{rng.randint(1, 28):02d}"
                w.t(ev, P["date"], lit(ev_date, dtype="date"))
                w.t(ev, P["datePrecision"], lit("day"))
                start = rng.randint(0, 2000)
                w.t(ev, P["startOffset"], lit(str(start), dtype="integer"))
                w.t(ev, P["endOffset"], lit(str(start + 12), dtype="integer"))
                w.t(ev, P["trigger"], lit(cls.lower()))
                w.t(ev, P["evidence"], lit(f"{label_en[a]} and {label_en[b]}: {cls} ({doc_id}, {k})", lang))
                w.t(ev, P["cameoCode"], lit(CAMEO[cls]))
                w.t(ev, P["participant"], iri(ID + a))
                w.t(ev, P["participant"], iri(ID + b))
                if cls == "Statement":
                    speaker = rng.choice(persons)
                    w.t(ev, P["speaker"], iri(ID + speaker["key"]))
                    w.t(ev, P["participant"], iri(ID + speaker["key"]))
                    w.t(ev, P["quote"], lit(f"Relations are developing ({doc_id}, {k})", lang))
                elif cls == "Consult":
                    w.t(ev, P["mode"], lit(rng.choice(("meet", "visit", "phone", "host"))))
                    w.t(ev, P["place"], iri(ID + city))
                elif cls in ("Cooperate", "Agree") and project:
                    w.t(ev, P["about"], iri(ID + project))
                elif cls in ("Accuse", "Threaten", "Reject", "Protest", "Sanction", "Request"):
                    w.t(ev, P["source"], iri(ID + a))
                    w.t(ev, P["target"], iri(ID + b))
                w.t(ev, P["goldstein"], lit(f"{rng.uniform(-10, 10):.1f}", dtype="decimal"))
    probe = people[len(people) // 3]
    return {
        "path": str(path),
        "lines": w.lines,
        "bytes": path.stat().st_size,
        "documents": n_docs,
        "people": len(people),
        "projects": len(projects),
        "seconds": now() - t0,
        "probe_label_ru": probe["ru"],
        "probe_key": probe["key"],
    }
