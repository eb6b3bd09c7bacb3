# The project's one entry point. `make run` and `make test` do all their own
# set-up on a fresh machine.
SHELL := /bin/bash
PYTHON := .venv/bin/python
MANAGE := $(PYTHON) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help setup run demo codes test test-fast test-browser lint fmt typecheck bench worker migrations clean

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

setup: ## Create .venv, install the pinned packages, compile translations
	@scripts/bootstrap.sh

demo: setup ## Migrate the SQLite database and load the demo data
	@$(MANAGE) migrate --noinput --verbosity 0
	@$(MANAGE) createcachetable
	@$(MANAGE) load_demo

run: demo ## Start the product on http://127.0.0.1:8000 with demo data
	@$(MANAGE) demo_logins
	@echo ""
	@echo "Open Inclusie runs on http://$(HOST):$(PORT)/  (log in at http://$(HOST):$(PORT)/inloggen/)"
	@echo "Background tasks: run 'make worker' in a second terminal."
	@$(MANAGE) runserver $(HOST):$(PORT)

codes: ## Print the demo logins with their current two-factor codes
	@$(MANAGE) demo_logins

worker: setup ## Run the background task worker
	@$(MANAGE) db_worker

test: ## Set up everything and run the whole test suite (browser tests included)
	@scripts/bootstrap.sh --test
	@scripts/run-tests.sh

test-fast: setup ## Run the suite without the browser tests
	@.venv/bin/pytest -m "not browser" -q

lint: setup ## ruff, format check, mypy, migrations check, Django system checks
	@.venv/bin/ruff check .
	@.venv/bin/ruff format --check .
	@.venv/bin/mypy
	@$(MANAGE) makemigrations --check --dry-run --verbosity 0
	@$(MANAGE) check --fail-level WARNING

fmt: setup ## Format and auto-fix
	@.venv/bin/ruff format .
	@.venv/bin/ruff check --fix .

bench: ## Measure performance and write docs/performance.md
	@scripts/bootstrap.sh --test
	@scripts/bench.sh

migrations: setup ## Make migrations for changed models
	@$(MANAGE) makemigrations

clean: ## Remove the virtual environment, database and collected files
	rm -rf .venv db.sqlite3 staticfiles .pytest_cache .mypy_cache .ruff_cache
