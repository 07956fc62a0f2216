# Quick start: `make run` serves the bot on http://127.0.0.1:3978/api/messages with SQLite,
# `make test` runs lint, type check and the whole test suite, `make e2e` one school day in the
# Agents Playground, clicked through in a headless Chromium.

# The Pythons Dagritme supports (requires-python in pyproject.toml), newest first. make uses the
# newest one found, or the one named: `make test PYTHON=python3.11 VENV=.cache/venv-3.11`.
SUPPORTED_PYTHONS := 3.13 3.12 3.11
# Each one as the path of the real interpreter. pyenv's shim for an installed version that is not
# selected refuses to run, so pyenv's own installs are looked at too.
PYENV_ROOT ?= $(HOME)/.pyenv
PYTHONS := $(shell for v in $(SUPPORTED_PYTHONS); do \
	for p in $$(command -v python$$v python3) $(PYENV_ROOT)/versions/$$v.*/bin/python$$v; do \
		set -- $$("$$p" -c 'import sys; print("%d.%d" % sys.version_info[:2], sys.executable)' \
			2>/dev/null) && [ "$$1" = "$$v" ] && { echo "$$2"; break; }; \
	done; done)
PYTHON ?= $(firstword $(PYTHONS))
PYTHON_VERSION := $(if $(PYTHON),$(shell $(PYTHON) -c \
	'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null))
VENV := .venv
BIN := $(VENV)/bin
# Named after the interpreter, so that a venv made by another Python is made anew, not reused.
STAMP := $(VENV)/.installed-$(PYTHON_VERSION)
E2E_STAMP := $(VENV)/.installed-e2e
# npm packages live in the project (tests/bot/test_package.py uses the same prefix).
NPM_PREFIX := .cache/npm
PLAYGROUND_VERSION := 0.2.28
PLAYGROUND_PACKAGE := $(NPM_PREFIX)/node_modules/@microsoft/m365agentsplayground/package.json
# Microsoft's Adaptive Cards renderer for the web, and the Markdown parser it renders texts with
# (as Teams does): browser/test_cards_on_a_phone.py renders every pupil card with them.
ADAPTIVECARDS_VERSION := 3.0.6
MARKDOWN_IT_VERSION := 15.0.3
ADAPTIVECARDS_PACKAGES := adaptivecards@$(ADAPTIVECARDS_VERSION) markdown-it@$(MARKDOWN_IT_VERSION)
# Playwright drives Debian's chromium (apt-get install chromium); it never downloads a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test lint typecheck pytest e2e e2e-playground e2e-adaptivecards e2e-cards bench \
	playground clean constraints pythons supported-python

$(STAMP): pyproject.toml constraints.txt | supported-python
	test "$$($(BIN)/python -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' \
		2>/dev/null)" = "$(PYTHON_VERSION)" || rm -rf $(VENV)
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

# One pytest worker per core (pytest-xdist); each worker makes its own databases.
PYTEST_WORKERS := auto
pytest: $(STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS)

test: lint typecheck pytest

$(E2E_STAMP): pyproject.toml constraints.txt $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,e2e]'
	touch $(E2E_STAMP)

# Re-resolve every dependency to the newest versions pyproject.toml allows and pin them; then
# run `make test e2e` before committing the new constraints.txt.
constraints: supported-python
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

# Microsoft's Adaptive Cards renderer and markdown-it at known versions, installed once into
# $(NPM_PREFIX), holding the lock tests/bot/test_package.py takes to install into the same prefix.
e2e-adaptivecards:
	@test "$$(for p in $(ADAPTIVECARDS_PACKAGES); do node -p "'$${p%@*}@' + \
		require('./$(NPM_PREFIX)/node_modules/$${p%@*}/package.json').version" 2>/dev/null; \
		done | xargs)" = "$(ADAPTIVECARDS_PACKAGES)" || { mkdir -p $(NPM_PREFIX) && \
		flock $(NPM_PREFIX)/.install.lock npm install --prefix $(NPM_PREFIX) --no-audit \
		--no-fund --save-exact --legacy-peer-deps $(ADAPTIVECARDS_PACKAGES); }

# One school day in the Playground, clicked through in a headless Chromium, and every pupil card
# rendered by Microsoft's renderer at phone size (see browser/).
e2e: $(E2E_STAMP) e2e-playground e2e-adaptivecards
	$(BIN)/pytest -p no:cacheprovider browser

# Only the pupil cards on a phone (screenshots in var/e2e/cards/).
e2e-cards: $(E2E_STAMP) e2e-adaptivecards
	$(BIN)/pytest -p no:cacheprovider browser/test_cards_on_a_phone.py

# Every supported Python found, newest first, one a line (.ci/run tests the newest and the oldest).
pythons:
	@for p in $(PYTHONS); do echo "$$p"; done

supported-python:
	@test -n "$(filter $(basename $(PYTHON_VERSION)),$(SUPPORTED_PYTHONS))" || \
	{ echo "$(NO_PYTHON): install one, or name it: make PYTHON=/path/to/python3" >&2; exit 1; }
NO_PYTHON = Dagritme needs Python $(lastword $(SUPPORTED_PYTHONS)) to $(firstword \
	$(SUPPORTED_PYTHONS)), and $(if $(PYTHON),PYTHON=$(PYTHON) $(if $(PYTHON_VERSION),is \
	$(PYTHON_VERSION),does not run),none was found on PATH or in pyenv)

clean:
	rm -rf $(VENV) var/*.sqlite3*

bench: $(STAMP)
	$(BIN)/python -m bench.digest
	$(BIN)/python -m bench.delivery
