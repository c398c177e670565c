# Frontline: `make run` serves the app on http://127.0.0.1:8000; `make test` runs every check.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PACKAGES := app scenarios scoring

.PHONY: run test lint typecheck bench schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

# axe-core for the browser tests' accessibility checks, pinned by package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "npm not found: the browser tests' accessibility checks will be skipped (CI installs npm)"; \
	fi

run: $(STAMP)
	$(BIN)/frontline db upgrade
	$(BIN)/frontline serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check $(PACKAGES) tests
	$(BIN)/ruff format --check $(PACKAGES) tests

typecheck: $(STAMP)
	$(BIN)/mypy $(PACKAGES)

test: lint typecheck $(NODE_STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m tests.bench

schema: $(STAMP)
	$(BIN)/frontline scenarios schema > scenarios/scenario.schema.json

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache node_modules
