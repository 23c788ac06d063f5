"""tools/make_officials.py, the knowledge base around: the countries (Wikidata id → key, UN
members) and what the hand-written files already hold."""

from __future__ import annotations

from pathlib import Path

import rdflib
from officials_source import DATA, ROOT, rows
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from bilat.extract.text import match_key
from bilat.ontology.namespace import BL


def country_map(countries_source=None) -> tuple[dict[str, str], set[str]]:
    """Wikidata id → country key (kb/countries.ttl), and the keys of UN member states."""
    spec_path = ROOT / "tools" / "make_states.py"
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_states", spec_path)
    states = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(states)
    states.SOURCE = countries_source
    names = states.country_names()
    members = {names[c]["key"] for c in states.un_members(states.rows(DATA / "states_overrides.tsv"))}
    g = rdflib.Graph()
    g.parse(ROOT / "kb" / "countries.ttl", format="turtle")
    out = {}
    for subj, same in g.subject_objects(OWL.sameAs):
        out[str(same).rsplit("/", 1)[-1]] = str(subj).rsplit("/", 1)[-1]
    out.update({r[0]: r[1] for r in rows(DATA / "wikidata_countries.tsv")})
    return out, members


def hand_written(out: Path) -> dict:
    """What the other knowledge-base files hold: keys, Wikidata ids, English person names,
    surnames of persons, and one-word names of other entries."""
    g = rdflib.Graph()
    for path in sorted((ROOT / "kb").glob("*.ttl")):
        if path.name != out.name:
            g.parse(path, format="turtle")
    keys, wikidata, person_names, surnames, words = set(), set(), set(), set(), set()
    person_key: dict[str, str] = {}  # folded name of a person → key
    person_info: dict[str, tuple] = {}  # key → (country key, has a Wikidata id)
    persons = set(g.subjects(RDF.type, BL.Person))
    for subj in set(g.subjects(RDF.type, None)):
        if not isinstance(subj, rdflib.URIRef):
            continue
        keys.add(str(subj).rsplit("/", 1)[-1])
        for same in g.objects(subj, OWL.sameAs):
            wikidata.add(str(same).rsplit("/", 1)[-1])
        names = [
            o for p in (RDFS.label, SKOS.altLabel, BL.abbreviation, BL.adjective) for o in g.objects(subj, p)
        ]
        key = str(subj).rsplit("/", 1)[-1]
        if subj in persons:
            country = next((str(o).rsplit("/", 1)[-1] for o in g.objects(subj, BL.country)), None)
            person_info[key] = (country, any(True for _ in g.objects(subj, OWL.sameAs)))
        for lit in names:
            text = str(lit)
            if subj in persons:
                person_names.add(text.casefold())
                person_key.setdefault(text.casefold(), key)
                if len(text.split()) >= 2:
                    surnames.add(match_key(text.split()[-1]))
            elif len(text.split()) == 1:
                words.add(match_key(text))
    return {
        "keys": keys,
        "wikidata": wikidata,
        "names": person_names,
        "surnames": surnames,
        "words": words,
        "person_key": person_key,
        "person_info": person_info,
    }
