"""Benchmark: from "pay" to the dossier showing paid, with the development provider.

The production shape on this machine: the API under gunicorn (2 processes × 8 threads), one
standalone dramatiq worker (1 process, 4 threads) on Redis, PostgreSQL (a throw-away database,
`urbadesk_bench_payments`). For each of PAYMENTS submitted dossiers that owe a fee, the payer's
side does what the SPA and the browser do: POST …/payments/ (the checkout opens), GET the
provider's page, POST "Pay" there (the provider queues its signed callback and sends the browser
back), then asks GET /payments/{id}/ every POLL_MS until it reads `paid`. Reported: the time from
the click on "Pay" at the provider to `paid` (what the payer waits for on return), and from the
SPA's POST to `paid`, as median / p95 / max. Writes bench/results/payments.json.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/11")
PAYMENTS = int(os.environ.get("PAYMENTS", "100"))
POLL_MS = int(os.environ.get("POLL_MS", "20"))
DATABASE = "urbadesk_bench_payments"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _figures(values: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(values), 1),
        "p95_ms": round(_percentile(values, 0.95), 1),
        "max_ms": round(max(values), 1),
    }


def _wait_for(url: str, requests) -> None:
    for _attempt in range(150):
        try:
            if requests.get(url, timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the API did not answer at {url}")


def _prepare(env: dict[str, str]) -> list[tuple[str, str]]:
    """PAYMENTS submitted dossiers owing a fee, and an access token for each one's applicant."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT / "backend"))
    import django

    django.setup()
    from decimal import Decimal

    from django.core.management import call_command
    from rest_framework_simplejwt.tokens import AccessToken

    from accounts.models import Organisation, User
    from dossiers.models import Dossier, DossierParty, ProcedureType

    call_command("migrate", verbosity=0)
    authority = Organisation.objects.create(slug="bench", name="Bench authority")
    shop = ProcedureType.objects.get(code="DOC")
    prepared = []
    for n in range(PAYMENTS):
        payer = User.objects.create_user(f"payer{n}@bench.example", "x", full_name=f"Payer {n}")
        dossier = Dossier.objects.create(
            reference=f"DOC-2026-{n + 1:06d}",
            procedure_type=shop,
            organisation=authority,
            title=f"Commerce {n}",
            address="Casablanca",
            status="submitted",
            fee_amount=Decimal("800.00"),
            fee_currency="MAD",
            payment_status="unpaid",
            created_by=payer,
        )
        DossierParty.objects.create(dossier=dossier, user=payer, role="applicant")
        prepared.append((str(dossier.pk), str(AccessToken.for_user(payer))))
    return prepared


def _pay(base: str, dossier: str, token: str, requests) -> tuple[float, float]:
    api = requests.Session()
    api.headers["Authorization"] = f"Bearer {token}"
    started = time.perf_counter()
    payment = api.post(f"{base}/api/v1/dossiers/{dossier}/payments/", json={}).json()
    browser = requests.Session()
    browser.get(payment["redirect_url"]).raise_for_status()
    clicked = time.perf_counter()
    browser.post(payment["redirect_url"], data={"choice": "pay"}, allow_redirects=False).raise_for_status()
    while api.get(f"{base}/api/v1/payments/{payment['id']}/").json()["status"] != "paid":
        if time.perf_counter() - clicked > 60:
            raise SystemExit(f"payment {payment['id']} not paid after 60 s")
        time.sleep(POLL_MS / 1000)
    done = time.perf_counter()
    return (done - clicked) * 1000, (done - started) * 1000


def main() -> None:
    subprocess.run(
        ["psql", "-q", f"{SERVER}/postgres", "-c", f"DROP DATABASE IF EXISTS {DATABASE}", "-c", f"CREATE DATABASE {DATABASE}"],
        check=True,
    )
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"{SERVER}/{DATABASE}",
        "REDIS_URL": REDIS,
        "URBADESK_PAYMENT_PROVIDER": "dev",
        "URBADESK_BIND": f"127.0.0.1:{port}",
        "URBADESK_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "URBADESK_PUBLIC_RATE": "100000/min",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    import redis
    import requests

    redis.Redis.from_url(REDIS).flushdb()
    prepared = _prepare(env)
    backend = ROOT / "backend"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": backend, "env": env}
    api = subprocess.Popen([str(ROOT / ".venv/bin/gunicorn"), "config.wsgi", "-c", "config/gunicorn.py"], **quiet)
    worker = subprocess.Popen(
        [str(ROOT / ".venv/bin/dramatiq"), "config.worker", "--processes", "1", "--threads", "4"], **quiet
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/api/v1/health/live/", requests)
        _pay(base, *prepared[0], requests)  # warm-up: first requests of each process, connections
        timings = [_pay(base, dossier, token, requests) for dossier, token in prepared[1:]]
    finally:
        for process in (api, worker):
            process.terminate()
        for process in (api, worker):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
    result = {
        "payments": len(timings),
        "poll_ms": POLL_MS,
        "shape": "gunicorn 2 × 8 threads, 1 dramatiq worker × 4 threads, Redis, PostgreSQL",
        "click_to_paid": _figures([t[0] for t in timings]),
        "pay_to_paid": _figures([t[1] for t in timings]),
    }
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "payments.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    from django.db import connections

    connections.close_all()
    subprocess.run(["psql", "-q", f"{SERVER}/postgres", "-c", f"DROP DATABASE IF EXISTS {DATABASE}"], check=False)


if __name__ == "__main__":
    main()
