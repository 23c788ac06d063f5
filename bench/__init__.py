"""Benchmarks of bilat: ingest speed and memory against bare NER, SPARQL on Oxigraph vs rdflib.

Run ``make bench`` (or ``python -m bench [--quick] [--only ingest|sparql]``) from the project
root; the report is printed as a table and written to ``out/bench.json``. Speed and memory are
measured here, never in unit tests.
"""
