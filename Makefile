# Urbadesk: `make run` serves everything on http://127.0.0.1:8000; `make test` runs every check CI runs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.8
BACKEND := backend
FRONTEND := frontend
E2E := e2e-tests

PY_STAMP := $(VENV)/.installed
FE_STAMP := $(FRONTEND)/node_modules/.installed
E2E_STAMP := $(E2E)/node_modules/.installed
SPA := $(FRONTEND)/dist/index.html
FE_SOURCES := $(shell find $(FRONTEND)/src $(FRONTEND)/index.html $(FRONTEND)/vite.config.ts -type f 2>/dev/null)

.PHONY: help install run test lint backend-test schema schema-check frontend-check e2e bench clean

help:
	@echo "make run    set up and serve the API, its docs and the SPA at http://127.0.0.1:8000"
	@echo "make test   every check CI runs (lint, backend tests, OpenAPI drift, frontend, e2e)"
	@echo "make schema regenerate openapi/schema.yaml and the SPA's API types"
	@echo "make bench  benchmarks that print figures (upload memory, booking contention, annotations, notifications and webhooks per second, signing a plan set, the public map and open data, the viewer in Chromium)"

$(PY_STAMP): $(BACKEND)/requirements.txt $(BACKEND)/requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check uv==$(UV_VERSION)
	$(VENV)/bin/uv pip install -q --python $(PY) -r $(BACKEND)/requirements.txt -r $(BACKEND)/requirements-dev.txt
	touch $@

$(FE_STAMP): $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(E2E_STAMP): $(E2E)/package-lock.json
	cd $(E2E) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(SPA): $(FE_STAMP) $(FE_SOURCES)
	cd $(FRONTEND) && npm run build --silent

install: $(PY_STAMP) $(FE_STAMP)

run: install $(SPA)
	scripts/serve

lint: $(PY_STAMP)
	cd $(BACKEND) && ../$(VENV)/bin/ruff check . && ../$(VENV)/bin/ruff format --check .

backend-test: $(PY_STAMP)
	cd $(BACKEND) && ../$(VENV)/bin/pytest -q

schema: $(PY_STAMP) $(FE_STAMP)
	cd $(BACKEND) && ../$(PY) manage.py spectacular --validate --fail-on-warn --file ../openapi/schema.yaml
	cd $(FRONTEND) && npm run gen:api --silent

# The committed schema and the SPA's generated types must match the code.
schema-check: schema
	git diff --exit-code -- openapi/ $(FRONTEND)/src/api/schema.d.ts

frontend-check: $(FE_STAMP)
	cd $(FRONTEND) && npm run typecheck --silent && npm run lint --silent && npm test --silent

# The browser journey twice: on the engines the caller configured (CI: PostgreSQL, Redis and
# S3), then on the embedded defaults of `make run` (SQLite, in-process worker, local files).
e2e: $(PY_STAMP) $(SPA) $(E2E_STAMP)
	bash $(E2E)/run.sh
	env -u REDIS_URL -u E2E_DATABASE_URL -u DATABASE_URL E2E_STORAGE=filesystem bash $(E2E)/run.sh

test: lint backend-test schema-check frontend-check e2e

# Figures, not pass/fail: the API's memory while it streams a 100 MiB upload (both paths), and
# bookings per second under contention on PostgreSQL with the agenda PDF's size; listing 5,000
# annotations and exporting a 50-page plan with 2,000 of them.
bench: $(PY_STAMP) $(SPA) $(E2E_STAMP)
	$(PY) bench/upload_memory.py
	$(PY) bench/booking_contention.py
	$(PY) bench/annotations.py
	$(PY) bench/notifications.py
	$(PY) bench/signatures.py
	$(PY) bench/portal.py
	E2E_STORAGE=filesystem E2E_COMMAND="node ../bench/viewer_browser.mjs" bash $(E2E)/run.sh

clean:
	rm -rf $(VENV) $(FRONTEND)/node_modules $(FRONTEND)/dist $(E2E)/node_modules
