# Antidote: `make run` sets everything up and serves the product; `make test` runs the suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000
REDIS_PORT ?= 6390

# Debian packages: WeasyPrint's Pango and HarfBuzz subsetting (~10x faster certificates),
# fonts, Redis for Celery and the cache; PostgreSQL, poppler (pdftotext) and Chromium (browser tests) for the tests.
RUN_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core redis-server
TEST_DEBS := $(RUN_DEBS) postgresql poppler-utils zbar-tools docker-compose chromium

.PHONY: help run test setup test-setup debs-run debs-test venv assets lint typecheck pytest bench clean

help:
	@echo "make run    set up (venv, packages, assets, database, demo content) and serve http://127.0.0.1:$(PORT)"
	@echo "make test   set up what the tests need and run lint, types, checks and the whole pytest suite"
	@echo "make bench  run the benchmarks in bench/ and print their figures"

# Installs missing Debian packages as root; otherwise names them and stops.
define ensure_debs
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	  else \
	    echo "Missing Debian packages:$$missing"; \
	    echo "Install them with: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi
endef

# The same, as one shell command for use inside a recipe line.
ensure_debs_inline = if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(1) >/dev/null; \
	else echo "Missing: $(1). Install them with: sudo apt-get install $(1)"; exit 1; fi

debs-run:
	$(call ensure_debs,$(RUN_DEBS))

debs-test:
	$(call ensure_debs,$(TEST_DEBS))

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

venv: $(STAMP)

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { $(call ensure_debs_inline,nodejs npm); }
	@npm ci --no-audit --no-fund --loglevel=error
	@touch node_modules/.installed

assets: node_modules/.installed

setup: debs-run venv assets
	@mkdir -p var/media var/cache var/celery/queue var/celery/processed

run: setup
	@$(PY) manage.py migrate --noinput
	@$(PY) manage.py seed_demo
	@if command -v redis-server >/dev/null; then \
	  echo "Starting Redis on 127.0.0.1:$(REDIS_PORT), a Celery worker and beat, and the web server"; \
	  REDIS_URL=redis://127.0.0.1:$(REDIS_PORT)/0 REDIS_PORT=$(REDIS_PORT) WEB_PORT=$(PORT) \
	    $(VENV)/bin/honcho start -f Procfile redis web worker beat logins; \
	else \
	  echo "Redis is not installed: Celery uses its filesystem broker under var/celery"; \
	  WEB_PORT=$(PORT) $(VENV)/bin/honcho start -f Procfile web worker beat logins; \
	fi

test-setup: debs-test venv assets

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: venv
	$(VENV)/bin/mypy .

test: test-setup lint typecheck
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=lms.settings.test $(PY) manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=lms.settings.test $(PY) manage.py makemigrations --check --dry-run
	@if [ "$$TEST_DB" = "sqlite" ]; then \
	  DATABASE_URL=sqlite:// $(PY) -m pytest $(PYTEST_ARGS); \
	else \
	  $(PY) -m tests.throwaway_postgres -- $(PY) -m pytest $(PYTEST_ARGS); \
	fi

bench: setup
	$(call ensure_debs,wrk postgresql)
	$(PY) bench/run.py
	$(PY) bench/certificate_bench.py
	$(PY) bench/reports_bench.py
	$(PY) bench/load.py

clean:
	rm -rf $(VENV) node_modules var .pytest_cache .mypy_cache .ruff_cache
