"""Container health checks of the backend image (the slim image has no curl).

    python /usr/local/bin/urbadesk-healthcheck http://127.0.0.1:8000/api/v1/health/live/
        exit 0 when the URL answers 200: the API's own probes (live, ready).
    python /usr/local/bin/urbadesk-healthcheck broker
        exit 0 when the process can reach what it works with: Redis (REDIS_URL) and the
        database (DATABASE_URL). For the dramatiq worker and the scheduler, which serve no HTTP.

Django refuses a Host header that is not in DJANGO_ALLOWED_HOSTS, so the HTTP check sends the
first allowed host name instead of 127.0.0.1.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request

TIMEOUT_SECONDS = 5


def allowed_host() -> str:
    for entry in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(","):
        name = entry.strip().lstrip(".")  # ".example.org" allows example.org and its subdomains
        if name and name != "*":
            return name
    return "localhost"


def check_http(url: str) -> int:
    request = urllib.request.Request(url, headers={"Host": allowed_host(), "Accept": "application/json"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError as error:
        print(f"{url}: {error}", file=sys.stderr)
        return 1
    if status != 200:
        print(f"{url}: HTTP {status}", file=sys.stderr)
        return 1
    return 0


def check_broker() -> int:
    import psycopg
    import redis

    failures = []
    try:
        redis.Redis.from_url(os.environ["REDIS_URL"], socket_timeout=TIMEOUT_SECONDS).ping()
    except Exception as error:  # any failure is a failed check, whatever its kind
        failures.append(f"redis: {error}")
    try:
        with psycopg.connect(os.environ["DATABASE_URL"], connect_timeout=TIMEOUT_SECONDS) as connection:
            connection.execute("SELECT 1")
    except Exception as error:
        failures.append(f"database: {error}")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    return check_broker() if argv[1] == "broker" else check_http(argv[1])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
