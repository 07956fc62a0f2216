# Quick start: `make run` serves the bot on http://127.0.0.1:3978/api/messages with SQLite,
# `make test` runs lint, type check and the whole test suite, `make e2e` one school day in the
# Agents Playground, clicked through in a headless Chromium.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
E2E_STAMP := $(VENV)/.installed-e2e
# npm packages live in the project (tests/bot/test_package.py uses the same prefix).
NPM_PREFIX := .cache/npm
PLAYGROUND_VERSION := 0.2.28
PLAYGROUND_PACKAGE := $(NPM_PREFIX)/node_modules/@microsoft/m365agentsplayground/package.json
# Playwright drives Debian's chromium (apt-get install chromium); it never downloads a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test lint typecheck pytest e2e e2e-playground bench playground clean constraints

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
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

$(E2E_STAMP): pyproject.toml constraints.txt $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,e2e]'
	touch $(E2E_STAMP)

# Re-resolve every dependency to the newest versions pyproject.toml allows and pin them; then
# run `make test e2e` before committing the new constraints.txt.
constraints:
	rm -rf .cache/constraints-venv
	$(PYTHON) -m venv .cache/constraints-venv
	.cache/constraints-venv/bin/python -m pip install --quiet -e '.[dev,e2e]'
	{ sed -n '1,2p' constraints.txt; .cache/constraints-venv/bin/python -m pip freeze \
		--exclude-editable; } > constraints.new && mv constraints.new constraints.txt
	rm -rf .cache/constraints-venv

# The Microsoft 365 Agents Playground at a known version, installed once into $(NPM_PREFIX).
e2e-playground:
	@test "$$(node -p 'require("./$(PLAYGROUND_PACKAGE)").version' 2>/dev/null)" = \
		"$(PLAYGROUND_VERSION)" || npm install --prefix $(NPM_PREFIX) --no-audit --no-fund \
		--save-exact @microsoft/m365agentsplayground@$(PLAYGROUND_VERSION)

# One school day in the Playground, clicked through in a headless Chromium (see e2e/).
e2e: $(E2E_STAMP) e2e-playground
	$(BIN)/pytest -p no:cacheprovider e2e

clean:
	rm -rf $(VENV) var/*.sqlite3*

bench: $(STAMP)
	$(BIN)/python -m bench.digest
	$(BIN)/python -m bench.delivery
