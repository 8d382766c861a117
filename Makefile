# TTĐN — two commands: `make run` starts the whole product, `make test` runs the tests.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PYTEST := $(VENV)/bin/pytest
# Optional settings file (KEY=VALUE lines, see .env.example) for make and honcho.
ifneq (,$(wildcard .env))
include .env
export
endif
HOST ?= 127.0.0.1
PORT ?= 8000
WEB_WORKERS ?= 2
WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/ttdn
REDIS_TEST_URL ?= redis://127.0.0.1:6379/14
export HOST PORT WEB_WORKERS WAGTAILADMIN_BASE_URL

.PHONY: install run test test-sqlite test-postgres lint format messages check clean bench

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $$(scripts/find-python) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_reference_data
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) load_demo
	$(MANAGE) ensure_demo_users
	$(MANAGE) demo_totp
	@echo "TTĐN: http://$(HOST):$(PORT)/ (Ctrl-C để dừng / to stop)"
	HTTP_PORT=$(PORT) $(VENV)/bin/honcho -f Procfile start

# SQLite and PostgreSQL + Redis passes run side by side (each has its own test
# database and cache prefix); each pass's output is printed when it ends.
test: install
	@if $(PY) scripts/services.py postgres redis; then \
		$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres; \
	elif [ -n "$$TTDN_REQUIRE_SERVICES" ]; then \
		echo "PostgreSQL/Redis không truy cập được nhưng TTDN_REQUIRE_SERVICES đã đặt." >&2; exit 1; \
	else \
		echo "PostgreSQL hoặc Redis không truy cập được: chỉ chạy kiểm thử trên SQLite."; \
		$(MAKE) --no-print-directory test-sqlite; \
	fi

test-sqlite: install
	@echo "== Kiểm thử trên SQLite =="
	env -u DATABASE_URL -u REDIS_URL $(PYTEST) $(PYTEST_ARGS)

test-postgres: install
	@echo "== Kiểm thử trên PostgreSQL + Redis =="
	DATABASE_URL=$(PG_TEST_URL) REDIS_URL=$(REDIS_TEST_URL) $(PYTEST) $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(MANAGE) makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Every app keeps its own catalogue in ttdn/<app>/locale (msgids in English).
# po_fill.py copies translations of strings that moved from one app to another.
messages: install
	@for app in $$(ls -d ttdn/*/locale | xargs -n1 dirname); do \
		echo "== $$app"; \
		(cd $$app && $(CURDIR)/$(PY) $(CURDIR)/manage.py makemessages --locale vi \
			--locale en --no-obsolete --no-location --ignore "tests/*" && \
		$(CURDIR)/$(PY) $(CURDIR)/scripts/fix_po_headers.py locale/*/LC_MESSAGES/django.po) \
		|| exit 1; \
	done
	$(PY) scripts/po_fill.py vi
	@for app in $$(ls -d ttdn/*/locale | xargs -n1 dirname); do \
		(cd $$app && $(CURDIR)/$(PY) $(CURDIR)/manage.py compilemessages --locale vi \
			--locale en) || exit 1; \
	done

# Throughput and latency against the baselines, on 127.0.0.1 with granian and wrk
# (installs Debian's wrk when missing); never part of `make test`. Results in
# bench/results/, summary in docs/performance.md. BENCH_ARGS="--rounds 1" is quicker.
bench: install
	$(PY) bench/run.py $(BENCH_ARGS)
	$(PY) bench/monitoring_pipeline.py

clean:
	rm -rf var/db.sqlite3* var/media var/static test-artifacts
