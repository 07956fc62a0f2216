# Quick start: `make run` serves the bot on http://127.0.0.1:3978/api/messages with SQLite,
# `make test` runs lint, type check and the whole test suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest bench playground clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/dagritme db upgrade
	$(BIN)/dagritme serve

# The bot and the Microsoft 365 Agents Playground side by side (reads .m365agentsplayground.yml).
playground: $(STAMP)
	$(BIN)/dagritme db upgrade
	$(BIN)/dagritme serve & pid=$$!; trap "kill $$pid" EXIT INT TERM; \
	npx --yes @microsoft/m365agentsplayground -e http://127.0.0.1:3978/api/messages -c msteams

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

clean:
	rm -rf $(VENV) var/*.sqlite3*

bench: $(STAMP)
	$(BIN)/python -m bench.digest
