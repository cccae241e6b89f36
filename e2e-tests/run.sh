#!/usr/bin/env bash
# Run the browser e2e tests against a throw-away Urbadesk stack, started as `make run` starts it.
#
#   bash e2e-tests/run.sh
#
# Environment:
#   E2E_STORAGE       s3 (default: an in-memory moto S3 server) or filesystem
#   E2E_DATABASE_URL  a PostgreSQL database that this script DROPS and recreates; default: SQLite
#                     in a temp dir. (DATABASE_URL from the caller is never used: it may be the
#                     unit tests' database.)
#   REDIS_URL         kept if set: dramatiq then runs as its own worker process
#   CHROMIUM_PATH     default /usr/bin/chromium
#   E2E_KEEP_TMP=1    keep the temp dir (data, server log) after the run
#   E2E_COMMAND       what to run against the stack instead of the tests (e.g. the browser
#                     benchmark: node ../bench/viewer_browser.mjs), from e2e-tests/
# Needs: frontend/dist built (cd frontend && npm run build) and e2e-tests/node_modules (npm ci).
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E_DIR/.." && pwd)"
VENV="$ROOT/.venv"
STORAGE="${E2E_STORAGE:-s3}"
started=$SECONDS

die() { echo "e2e: $*" >&2; exit 2; }

# --- preconditions --------------------------------------------------------------------------
[ -x "$VENV/bin/python" ] || die "no Python venv at $VENV (run 'make install' or 'make run' once)"
[ -f "$ROOT/frontend/dist/index.html" ] ||
  die "the SPA is not built: run 'cd frontend && npm ci && npm run build' first"
[ -d "$E2E_DIR/node_modules/playwright-core" ] ||
  die "e2e-tests/node_modules is missing: run 'cd e2e-tests && npm ci' first"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || die "no Chromium at $CHROMIUM: 'apt-get install -y chromium' or set CHROMIUM_PATH"
case "$STORAGE" in s3 | filesystem) ;; *) die "E2E_STORAGE must be s3 or filesystem, not '$STORAGE'" ;; esac

free_port() {
  "$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

wait_http() { # url timeout_seconds pid: wait for a 200 while the process lives
  local url=$1 timeout=$2 pid=$3 deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)" = 200 ]; then return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

TMP="$(mktemp -d "${TMPDIR:-/tmp}/urbadesk-e2e.XXXXXX")"
SERVER_LOG="$TMP/server.log"
MOTO_LOG="$TMP/moto.log"
serve_pid=""
moto_pid=""
status=1

stop_group() { # pid: TERM the process group it leads, then KILL what is left
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 -- "-$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -n "$serve_pid" ] && stop_group "$serve_pid"
  [ -n "$moto_pid" ] && stop_group "$moto_pid"
  if [ "$status" -ne 0 ] || [ "$rc" -ne 0 ]; then
    if [ -f "$SERVER_LOG" ]; then
      echo "----- server log (last 80 lines) -----" >&2
      tail -n 80 "$SERVER_LOG" >&2 || true
    fi
    if [ -s "$MOTO_LOG" ]; then
      echo "----- moto log (last 20 lines) -----" >&2
      tail -n 20 "$MOTO_LOG" >&2 || true
    fi
  fi
  if [ "${E2E_KEEP_TMP:-0}" = 1 ]; then
    echo "e2e: kept $TMP" >&2
  else
    rm -rf "$TMP"
  fi
  echo "e2e: finished in $((SECONDS - started)) s (storage=$STORAGE, database=${db_kind:-?}, broker=${REDIS_URL:-embedded})" >&2
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- environment of the stack ---------------------------------------------------------------
# Every journey logs in several accounts from one address: the login throttle is not under test.
export URBADESK_LOGIN_RATE="${URBADESK_LOGIN_RATE:-600/min}"
export URBADESK_DATA_DIR="$TMP/data"
# E-mails land as files under the data folder, and webhooks may reach this machine, where the
# notifications journey listens.
export URBADESK_EMAIL=file
export URBADESK_WEBHOOK_ALLOWED_NETWORKS=127.0.0.0/8
mkdir -p "$URBADESK_DATA_DIR"
unset DATABASE_URL S3_ENDPOINT S3_PUBLIC_ENDPOINT S3_ACCESS_KEY S3_SECRET_KEY S3_BUCKET

if [ -n "${E2E_DATABASE_URL:-}" ]; then
  # A fresh PostgreSQL database each run: drop and recreate the named one.
  command -v psql >/dev/null || die "E2E_DATABASE_URL is set but psql is not installed"
  db_name="$("$VENV/bin/python" -c 'import sys, urllib.parse as u; print(u.urlsplit(sys.argv[1]).path.lstrip("/"))' "$E2E_DATABASE_URL")"
  [[ "$db_name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "E2E_DATABASE_URL must name a plain database, not '$db_name'"
  admin_url="$("$VENV/bin/python" -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(scheme="postgresql", path="/postgres")))' "$E2E_DATABASE_URL")"
  psql "$admin_url" -v ON_ERROR_STOP=1 -q \
    -c "DROP DATABASE IF EXISTS \"$db_name\" WITH (FORCE)" \
    -c "CREATE DATABASE \"$db_name\"" >/dev/null
  export DATABASE_URL="$E2E_DATABASE_URL"
  db_kind="postgresql:$db_name"
else
  export DATABASE_URL="sqlite:///$TMP/data/urbadesk-e2e.sqlite3"
  db_kind="sqlite"
fi

if [ "$STORAGE" = s3 ]; then
  [ -x "$VENV/bin/moto_server" ] || die "E2E_STORAGE=s3 needs moto's server: $VENV/bin/moto_server is missing"
  moto_port="$(free_port)"
  setsid "$VENV/bin/moto_server" -H 127.0.0.1 -p "$moto_port" >"$MOTO_LOG" 2>&1 &
  moto_pid=$!
  if ! wait_http "http://127.0.0.1:$moto_port/moto-api/" 30 "$moto_pid"; then
    echo "e2e: moto_server did not start on port $moto_port" >&2
    cat "$MOTO_LOG" >&2
    exit 1
  fi
  export S3_ENDPOINT="http://127.0.0.1:$moto_port"
  export S3_PUBLIC_ENDPOINT="http://127.0.0.1:$moto_port"
  export S3_ACCESS_KEY=e2e
  export S3_SECRET_KEY=e2e-secret
  export S3_BUCKET=urbadesk-e2e
  # The spec checks that the browser PUTs the file to this origin, not through the API.
  export E2E_UPLOAD_ORIGIN="$S3_PUBLIC_ENDPOINT"
else
  unset E2E_UPLOAD_ORIGIN
fi

port="$(free_port)"
export URBADESK_BIND="127.0.0.1:$port"
export E2E_BASE_URL="http://127.0.0.1:$port"
echo "e2e: stack on $E2E_BASE_URL (storage=$STORAGE, database=$db_kind, broker=${REDIS_URL:-embedded}); log $SERVER_LOG"

# setsid: serve leads its own process group (gunicorn, its workers, the dramatiq worker).
setsid "$ROOT/scripts/serve" >"$SERVER_LOG" 2>&1 &
serve_pid=$!

if ! wait_http "$E2E_BASE_URL/api/schema/" 180 "$serve_pid"; then
  if kill -0 "$serve_pid" 2>/dev/null; then
    echo "e2e: the stack did not answer 200 on $E2E_BASE_URL/api/schema/ within 180 s" >&2
  else
    echo "e2e: scripts/serve exited before $E2E_BASE_URL/api/schema/ answered 200" >&2
  fi
  exit 1
fi
echo "e2e: stack up after $((SECONDS - started)) s"

# --- the tests ------------------------------------------------------------------------------
set +e
(cd "$E2E_DIR" && CHROMIUM_PATH="$CHROMIUM" ${E2E_COMMAND:-npm test --silent})
status=$?
set -e
exit "$status"
