"""PostgreSQL restarts while people use the API: requests fail cleanly (503, nothing half
written), then the API recovers by itself, without a restart of its own.

Real processes: a PostgreSQL cluster of this test's own (initdb, then pg_ctl stop and start),
gunicorn serving the API as in production, and clients in threads reading and writing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

from conftest import _free_port


def _postgres_bin() -> Path | None:
    found = shutil.which("pg_config")
    if found:
        return Path(subprocess.run([found, "--bindir"], capture_output=True, text=True, check=True).stdout.strip())
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    return candidates[-1] if candidates else None


PG_BIN = _postgres_bin()
pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(
        PG_BIN is None or not (PG_BIN / "initdb").exists() or not os.environ.get("REDIS_URL"),
        reason="needs PostgreSQL's server programs (initdb, pg_ctl) and a Redis server",
    ),
]
DOWNTIME_SECONDS = 2.0
LOAD_THREADS = 4


class Cluster:
    """A throw-away PostgreSQL cluster; run as the `postgres` user when the tests run as root."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="urbadesk-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_owner: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_owner, *args], check=True, capture_output=True)

    def init(self) -> None:
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start"
        )

    def stop(self) -> None:
        # `fast`: open connections are cut, as when the database's machine goes down.
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def remove(self) -> None:
        subprocess.run(
            [*self.as_owner, str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture
def api() -> Iterator[tuple[str, Cluster]]:
    """The API served by gunicorn on a fresh cluster with the demo data."""
    cluster = Cluster()
    cluster.init()
    cluster.start()
    subprocess.run(
        [
            *cluster.as_owner,
            str(PG_BIN / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(cluster.port),
            "-U",
            "postgres",
            "urbadesk",
        ],
        check=True,
    )
    data_dir = Path(tempfile.mkdtemp(prefix="urbadesk-faults-"))
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": cluster.url("urbadesk"),
        "URBADESK_DATA_DIR": str(data_dir),
        "URBADESK_BROKER": "redis",
        "URBADESK_LOGIN_RATE": "1000/min",
        "URBADESK_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "URBADESK_THREADS": "4",
    }
    python = sys.executable
    for command in (["migrate", "--no-input", "-v", "0"], ["seed_demo"]):
        subprocess.run([python, "manage.py", *command], cwd=settings.BASE_DIR, env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [
            str(Path(python).with_name("gunicorn")),
            "config.wsgi",
            "-c",
            "config/gunicorn.py",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while call(base, "GET", "/api/v1/health/ready/")[0] != 200:
            assert time.monotonic() < deadline, "the API did not become ready"
            time.sleep(0.2)
        yield base, cluster
    finally:
        server.terminate()
        server.wait(timeout=30)
        cluster.remove()
        shutil.rmtree(data_dir, ignore_errors=True)


def call(base: str, method: str, path: str, body: dict | None = None, token: str = "") -> tuple[int, dict]:
    """(status, JSON body); 0 when no HTTP answer came at all (connection refused or cut)."""
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
        headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")
    except (urllib.error.URLError, ConnectionError):
        return 0, {}


def listed_ids(base: str, path: str, *, token: str) -> set[str]:
    ids: set[str] = set()
    page = 1
    while True:
        status, body = call(base, "GET", f"{path}&page={page}", token=token)
        assert status == 200, body
        ids |= {row["id"] for row in body["results"]}
        if not body.get("next"):
            return ids
        page += 1


def token_for(base: str, email: str) -> str:
    status, body = call(base, "POST", "/api/v1/auth/token/", {"email": email, "password": "urbadesk-demo"})
    assert status == 200, body
    return body["access"]


@dataclass
class Load:
    """Clients reading the dossier list and creating draft dossiers until told to stop."""

    base: str
    reader: str
    writer: str
    stop: threading.Event = field(default_factory=threading.Event)
    results: list[tuple[float, str, int, dict]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _client(self, number: int) -> None:
        sequence = 0
        while not self.stop.is_set():
            sequence += 1
            if sequence % 2:
                status, body = call(self.base, "GET", "/api/v1/dossiers/", token=self.reader)
                kind = "read"
            else:
                payload = {
                    "procedure_type": "PC",
                    "title": f"Charge {number}-{sequence}",
                    "address": "1 rue de la Charge",
                }
                status, body = call(self.base, "POST", "/api/v1/dossiers/", payload, token=self.writer)
                kind = "write"
            with self.lock:
                self.results.append((time.monotonic(), kind, status, body))

    def run(self) -> list[threading.Thread]:
        threads = [threading.Thread(target=self._client, args=(n,), daemon=True) for n in range(LOAD_THREADS)]
        for thread in threads:
            thread.start()
        return threads


def test_the_api_fails_cleanly_while_postgresql_restarts_then_recovers(api):
    base, cluster = api
    load = Load(
        base, reader=token_for(base, "agent@demo.urbadesk.org"), writer=token_for(base, "applicant@demo.urbadesk.org")
    )
    threads = load.run()
    time.sleep(1.5)
    down_at = time.monotonic()
    cluster.stop()
    time.sleep(DOWNTIME_SECONDS)
    cluster.start()
    up_at = time.monotonic()
    time.sleep(4)
    load.stop.set()
    for thread in threads:
        thread.join(timeout=60)

    statuses = [status for _, _, status, _ in load.results]
    assert set(statuses) <= {200, 201, 503}, sorted(set(statuses))  # never a 500, never a cut connection
    during = [(status, body) for at, _, status, body in load.results if down_at < at < up_at]
    unavailable = [body for status, body in during if status == 503]
    assert unavailable, "no request met the outage"
    assert all(body["type"] == "service_unavailable" for body in unavailable)
    recovered_at = min(at for at, _, status, _ in load.results if at > up_at and status in (200, 201))
    print(  # the figures of the fault suite (pytest -s shows them)
        f"\n{len(statuses)} requests, {len(unavailable)} answered 503 while the database was down "
        f"{DOWNTIME_SECONDS} s; first success {recovered_at - up_at:.2f} s after it came back"
    )
    after = [status for at, _, status, _ in load.results if at > up_at + 1]
    assert after and all(status in (200, 201) for status in after)  # recovered by itself within a second

    created = [body["id"] for _, kind, status, body in load.results if kind == "write" and status == 201]
    listed = listed_ids(base, "/api/v1/dossiers/?page_size=100&search=Charge", token=load.writer)
    assert set(created) <= listed  # every 201 was kept
    for dossier_id in listed:  # and every dossier there is whole: its history has its creation
        status, history = call(base, "GET", f"/api/v1/dossiers/{dossier_id}/history/", token=load.writer)
        assert status == 200 and any(event["action"] == "dossier.created" for event in history["results"])
