"""Benchmarks of bilat: ingest speed and memory against bare NER, SPARQL on Oxigraph vs rdflib.

Run ``make bench`` (or ``python -m bench [--quick] [--only ingest|sparql]``, see ``--help``) from
the project root; the report is printed as tables and written to ``out/bench.json``. Speed and
memory are measured here, never in unit tests (``tests/test_bench.py`` only runs the functions
at a tiny size and checks the report's shape). The machine is noisy: figures are medians, and
every ratio is against a baseline run in the same process on the same input.

Modules:

* ``corpus``  — the generated English/Russian news corpus (``templates.tsv``, ``people.tsv``,
  names from the knowledge base; cached under ``.cache/bench/``);
* ``ingest``  — ``bilat.app.ingest`` vs bare NER (and parsing alone) per batch, store size,
  triples per document, stage shares under cProfile;
* ``memory``  — child process measuring peak RSS of the pipeline or of bare NER;
* ``sparql``  — a synthetic ≥ 1M-triple graph in the bilat vocabulary (``names.tsv``), loaded into
  Oxigraph (bulk load) and rdflib, and the same queries timed on both;
* ``scaling`` — one long document of 100 KB, 1 MB and 10 MB per language, time and peak memory
  per MB (linear cost, bounded memory);
* ``report``  — the text tables and the JSON file; ``runner`` — the command line.
"""
