# storyline — make demo | make test | make lint | make bench
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SL := $(VENV)/bin/storyline
SHARED ?= ../shared
DB ?= storyline.db
STAMP := $(VENV)/.installed-stamp

.PHONY: setup demo test lint bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

# Ingest the seed and the 40-article corpus (or the bundled sample when ../shared is absent)
# into $(DB), then print per-document counts and the seed's quotes, events and times.
demo: setup
	@if [ -d $(SHARED)/seed ]; then \
	  inputs="$(SHARED)/seed/article.jsonl $(SHARED)/corpus"; first=seed; \
	else \
	  inputs="samples/sample.jsonl"; first=sample-harbour; \
	fi; \
	$(SL) ingest $$inputs --db $(DB) && \
	$(SL) documents --db $(DB) && \
	$(SL) show $$first --db $(DB) && \
	$(SL) conflicts --db $(DB) --doc $$first

# The test suite; pytest's exit code 5 (no tests collected) is not a failure.
test: setup
	$(PY) -m pytest $(PYTEST_ARGS) || [ $$? -eq 5 ]

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

bench: setup
	$(PY) -m pip install -q -e ".[bench]"
	$(PY) benchmarks/throughput.py
	@for b in benchmarks/time_tempeval3.py benchmarks/time_meantime.py benchmarks/quotes_polnear.py \
	          benchmarks/events_plover_gsr.py benchmarks/conflicts.py; do \
	  if [ -f $$b ]; then echo "== $$b"; $(PY) $$b || exit 1; fi; \
	done

clean:
	rm -rf $(VENV) *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
