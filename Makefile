# clustersite — the commands a maintainer or editor needs. Everything runs in .venv,
# created on first use, so a fresh clone needs only Python 3.11 and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
LOCK := requirements-lock.txt
# The second engine's own packages (tests/test_properdocs.py), locked within LOCK's versions.
PROPERDOCS_LOCK := requirements-properdocs.txt
UV_VERSION := 0.13.9
LOCK_FLAGS ?=
LATEST_VENV := .venv-latest
N ?= 300
SIZES ?= 100,300,1000
RUNS ?= 3
EDITS ?= 5
PORTS ?=
SITE_URL ?= http://127.0.0.1:8000/
SERVE_ADDRESS := 127.0.0.1:8000
PYTEST_ARGS ?=
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export SITE_URL

.PHONY: site serve test test-latest check lint lock bench clean

# Exactly the locked versions (every package, with hashes), then clustersite itself, editable,
# built with the locked setuptools. Runs again only when the lock or pyproject.toml changes.
$(STAMP): $(LOCK) pyproject.toml
	@echo "Installing the locked Python packages ($(LOCK)) into $(VENV)."
	@echo "The first run downloads them and takes a minute or two; later runs reuse $(VENV)."
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

## lock: write requirements-lock.txt from pyproject.toml's ranges, keeping the versions already
## locked where they still fit; `make lock LOCK_FLAGS=--upgrade` moves everything to the newest
lock:
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet "uv==$(UV_VERSION)"
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --group build --universal \
		--python-version 3.11 --generate-hashes --custom-compile-command "make lock" \
		--quiet $(LOCK_FLAGS) --output-file $(LOCK)
	$(VENV)/bin/uv pip compile tests/engines/properdocs.in --constraint $(LOCK) --universal \
		--python-version 3.11 --generate-hashes --custom-compile-command "make lock" \
		--quiet $(LOCK_FLAGS) --output-file $(PROPERDOCS_LOCK)
	@echo "Wrote $(LOCK) and $(PROPERDOCS_LOCK); commit them together with pyproject.toml."

## site: build the site into site/ (the previous site/ is kept if the build fails)
site: $(STAMP)
	$(PY) -m clustersite.build --strict
	@echo ""
	@echo "The site is in site/ (built for $(SITE_URL))."
	@echo "To look at it: make serve, then open http://$(SERVE_ADDRESS)/ (it reloads as you edit)."

## serve: live preview at http://127.0.0.1:8000/ (drafts shown, marked)
serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr $(SERVE_ADDRESS)

## check: validate data and content without building
# With errors, make adds its own last line after clustersite's summary
# ("make: *** [Makefile:…: check] Error 1"): GNU make prints it for every recipe that fails,
# and a recipe has no way to fail without it (a recipe that ends through a signal gets
# "Terminated" instead). The exit code is what CI and scripts read, so it stays; the guides
# say what that line means, and `clustersite check` gives the same list without it.
check: $(STAMP)
	@$(VENV)/bin/clustersite check

# ruff and mypy from the environment whose bin/ folder is $(1)
define lint_with
	$(1)/ruff check src tests scripts
	$(1)/ruff format --check src tests scripts
	$(1)/mypy
endef

## lint: ruff and mypy
lint: $(STAMP)
	$(call lint_with,$(VENV)/bin)

## test: install what the tests need, then lint and run every test (browser tests included)
test: $(STAMP)
	@echo "make test: next, Chromium, Java, Node and the npm tools that the browser tests need"
	@echo "(installed only when missing: the first run takes several minutes), then lint and every test."
	bash scripts/install-test-tools.sh
	$(MAKE) --no-print-directory lint
	$(PY) -m pytest -q $(PYTEST_ARGS)

## test-latest: the same with the newest versions pyproject.toml allows (not the lock), in
## .venv-latest, to see early what a dependency's new release breaks (also run weekly on GitHub)
test-latest:
	@echo "Installing the newest versions that pyproject.toml allows (not the lock) into $(LATEST_VENV)."
	@test -x $(LATEST_VENV)/bin/python || $(PYTHON) -m venv $(LATEST_VENV)
	$(LATEST_VENV)/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager pip setuptools -e ".[test]"
	@echo "Versions under test (compare with $(LOCK)):"
	@$(LATEST_VENV)/bin/python -m pip list --format=freeze --exclude-editable | tr '\n' ' '; echo
	$(if $(findstring tests/browser,$(PYTEST_ARGS)),,bash scripts/install-test-tools.sh)
	$(call lint_with,$(LATEST_VENV)/bin)
	$(LATEST_VENV)/bin/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

## bench: build time against plain Material, rebuild time, preview latency (EDITS edits under
## mkdocs serve), memory and page weight, at N and SIZES posts per language; writes
## docs/benchmarks.md and docs/bench-build-time.svg
bench: $(STAMP)
	$(PY) scripts/bench.py --posts $(N) --sizes $(SIZES) --runs $(RUNS) --edits $(EDITS) \
		$(if $(PORTS),--ports $(PORTS))

clean:
	rm -rf site .cache bench-output test-output .pytest_cache .mypy_cache .ruff_cache
