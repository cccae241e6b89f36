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
# The OpenID Connect provider the backend's login tests start (node-oidc-provider).
OIDC_PROVIDER := $(BACKEND)/accounts/tests/oidc_provider
OIDC_STAMP := $(OIDC_PROVIDER)/node_modules/.installed
SPA := $(FRONTEND)/dist/index.html
FE_SOURCES := $(shell find $(FRONTEND)/src $(FRONTEND)/index.html $(FRONTEND)/vite.config.ts -type f 2>/dev/null)

.PHONY: help install run test lint audit backend-test test-faults schema schema-check frontend-check e2e bench clean

help:
	@echo "make run    set up and serve the API, its docs and the SPA at http://127.0.0.1:8000"
	@echo "make test   every check CI runs (lint, dependency audit, backend tests with the fault and security suites, OpenAPI drift, frontend, e2e)"
	@echo "make test-faults  only the fault tests (a worker killed, PostgreSQL restarted, the object store gone)"
	@echo "make audit  known vulnerabilities in the pinned Python and npm dependencies"
	@echo "make schema regenerate openapi/schema.yaml and the SPA's API types"
	@echo "make bench  benchmarks, each figure beside its floor, written to bench/results.md (reads, uploads, bookings and latencies from 1,000 to 100,000 dossiers; upload memory, annotations, notifications, signing, the public map, the viewer in Chromium)"

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

$(OIDC_STAMP): $(OIDC_PROVIDER)/package-lock.json
	cd $(OIDC_PROVIDER) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(SPA): $(FE_STAMP) $(FE_SOURCES)
	cd $(FRONTEND) && npm run build --silent

install: $(PY_STAMP) $(FE_STAMP)

run: install $(SPA)
	scripts/serve

lint: $(PY_STAMP)
	cd $(BACKEND) && ../$(VENV)/bin/ruff check . && ../$(VENV)/bin/ruff format --check .
	# docker-lint: the Dockerfiles (hadolint) and the compose file (Compose Specification schema)
	$(VENV)/bin/hadolint docker/backend.Dockerfile docker/frontend.Dockerfile
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.compose-spec docker/compose.yaml

backend-test: $(PY_STAMP) $(OIDC_STAMP)
	scripts/backend_tests

# Part of backend-test too; they need PostgreSQL's server programs and Redis (REDIS_URL).
test-faults: $(PY_STAMP)
	cd $(BACKEND) && ../$(VENV)/bin/pytest -q -m faults

# pip-audit and npm audit on the lock files; says so when no advisory service answers.
audit: $(PY_STAMP)
	$(PY) scripts/audit_deps.py

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

test: lint audit backend-test schema-check frontend-check e2e

# Figures, not pass/fail: the API's memory while it streams a 100 MiB upload (both paths); listing
# 5,000 annotations and exporting a 50-page plan with 2,000 of them; notifications, signing, the
# public map, the viewer. Then bench/report.py, last: the API served by gunicorn as in production
# against floors measured in the same run (reads and their latencies with wrk from 1,000 to 100,000
# dossiers, uploads, bookings under contention through bench/booking_contention.py), folding in the
# JSON the others wrote: bench/results.md (committed) and bench/results/*.json.
bench: $(PY_STAMP) $(SPA) $(E2E_STAMP)
	command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null)
	$(PY) bench/upload_memory.py
	$(PY) bench/annotations.py
	$(PY) bench/notifications.py
	$(PY) bench/signatures.py
	$(PY) bench/certificates.py
	$(PY) bench/payments.py
	$(PY) bench/portal.py
	E2E_STORAGE=filesystem E2E_COMMAND="node ../bench/viewer_browser.mjs" bash $(E2E)/run.sh
	$(PY) bench/report.py

clean:
	rm -rf $(VENV) $(FRONTEND)/node_modules $(FRONTEND)/dist $(E2E)/node_modules $(OIDC_PROVIDER)/node_modules
