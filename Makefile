# clustersite — the commands a maintainer or editor needs. Everything runs in .venv,
# created on first use, so a fresh clone needs only Python 3.11 and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
N ?= 300
SIZES ?= 100,300,1000
RUNS ?= 3
SITE_URL ?= http://127.0.0.1:8000/
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export SITE_URL

.PHONY: site serve test check lint bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

## site: build the site into site/ (the previous site/ is kept if the build fails)
site: $(STAMP)
	$(PY) -m clustersite.build --strict

## serve: live preview at http://127.0.0.1:8000/ (drafts shown, marked)
serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

## check: validate data and content without building
check: $(STAMP)
	$(VENV)/bin/clustersite check

## lint: ruff and mypy
lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check src tests scripts
	$(VENV)/bin/ruff format --check src tests scripts
	$(VENV)/bin/mypy

## test: install what the tests need, then lint and run every test (browser tests included)
test: $(TEST_STAMP)
	bash scripts/install-test-tools.sh
	$(MAKE) --no-print-directory lint
	$(PY) -m pytest -q

## bench: build time against plain Material, rebuild time, memory and page weight, at N and
## SIZES posts per language; writes docs/benchmarks.md and docs/bench-build-time.svg
bench: $(TEST_STAMP)
	$(PY) scripts/bench.py --posts $(N) --sizes $(SIZES) --runs $(RUNS)

clean:
	rm -rf site .cache bench-output test-output .pytest_cache .mypy_cache .ruff_cache
