# Two commands do everything on a fresh machine (Python 3.11 + pip):
#   make run    set up .venv, ingest sample_docs/ into warehouse/claims.duckdb, print a summary
#   make test   set up .venv and run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench faults clean

$(BIN)/ingest: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

run: $(BIN)/ingest
	mkdir -p inbox
	cp -p sample_docs/* inbox/
	$(BIN)/ingest run --inbox inbox --db warehouse/claims.duckdb

test: $(BIN)/ingest
	$(BIN)/python -m pytest -q

lint: $(BIN)/ingest
	$(BIN)/ruff check src flows tests bench
	$(BIN)/ruff format --check src flows tests bench

bench: $(BIN)/ingest
	$(BIN)/python bench/cleaning.py
	$(BIN)/python bench/cleaning.py --corpus tests/data/cleaning_heldout
	$(BIN)/python bench/cleaning.py --corpus tests/data/cleaning_heldout2
	$(BIN)/python bench/cleaning_real.py
	$(BIN)/python bench/claims.py
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/speed.py
	$(BIN)/python bench/pipeline.py
	$(BIN)/python bench/review.py

# The fault bench mounts tmpfs file systems: run it as root.
faults: $(BIN)/ingest
	$(BIN)/python bench/faults.py

# The snapshot and the inbox's marker go too: either alone would make the next run refuse to
# start an empty warehouse (ING103).
clean:
	rm -rf $(VENV) inbox archive quarantine warehouse/*.duckdb warehouse/*.lock warehouse/snapshots .inbox.warehouse
