# The whole set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
SEED := examples/kosovo-2023-09-29.txt
DEMO_DB := demo.db

.PHONY: demo test bench evaluate lint docs install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml web/package-lock.json
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -c "from eventwatch.resources.gazetteer import index_path; print('gazetteer index:', index_path())"
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/eventwatch code $(SEED) --pub-date 2023-09-29 --format table
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm  # a fresh store shows this version's coding
	$(BIN)/eventwatch ingest $(SEED) --pub-date 2023-09-29 --db $(DEMO_DB)
	@echo "The seed article's dashboard: $(BIN)/eventwatch serve --db $(DEMO_DB)"
	@echo "  then open http://127.0.0.1:8000/#/article/kosovo-2023-09-29"

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --shared $(SHARED)
	$(BIN)/python benchmarks/store_bench.py --shared $(SHARED)
	$(BIN)/python benchmarks/ingest_bench.py --shared $(SHARED)
	$(BIN)/python benchmarks/analytics_store_bench.py
	$(BIN)/python benchmarks/incidents_bench.py --shared $(SHARED)
	$(BIN)/eventwatch evaluate $(SHARED)/benchmarks/plover_gsr_dev.jsonl --split both

evaluate: $(STAMP)
	$(BIN)/eventwatch evaluate $(SHARED)/benchmarks/plover_gsr_dev.jsonl --split both
	$(BIN)/eventwatch evaluate $(SHARED)/benchmarks/actors_dev.jsonl --task actors --split both
	$(BIN)/eventwatch evaluate $(SHARED)/benchmarks/dates_dev.jsonl --task dates --split both
	$(BIN)/eventwatch evaluate $(SHARED)/benchmarks/timex_dev.jsonl --task times --split both
	$(BIN)/eventwatch evaluate $(SHARED)/benchmarks/geo_dev.jsonl --task places --split both
	$(BIN)/eventwatch evaluate $(SHARED)/benchmarks/event_location_dev.jsonl --task event-location --split both
	$(BIN)/eventwatch evaluate $(SHARED)/benchmarks/quotes_dev.jsonl --task quotes --split both
	$(BIN)/eventwatch evaluate $(SHARED)/benchmarks/casualties_dev.jsonl --task casualties --split both
	$(BIN)/eventwatch evaluate $(SHARED)/benchmarks/incidents_dev.jsonl --task incidents --split both

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy src
	$(BIN)/cog --check docs/cli.md

docs: $(STAMP)
	$(BIN)/cog -r docs/cli.md

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
