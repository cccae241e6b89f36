"""`make bench`'s report: each figure beside its floor, measured in the same run, with the ratio.

Serves the API as in production (`gunicorn config.wsgi -c config/gunicorn.py`, REDIS_URL set so
WEB_CONCURRENCY workers of URBADESK_THREADS threads apply) on PostgreSQL (database
`urbadesk_bench_report`), Redis (database 11) and an S3 store (moto's server, as the e2e run
uses), with the bench-only settings (bench_settings: the production settings plus the floor
views of floor_views.py under /bench/). Then it measures:

1. the dossier list, a dossier detail and a version's annotation list in requests per second
   with wrk at a fixed concurrency, beside a floor (a hand-written view: the same selectors,
   `.values()`, `JsonResponse`) and a ceiling (a view returning the API's bytes, saved before);
2. a 50 MiB PDF uploaded through the API (multipart POST, and the direct path: presigned PUT
   then complete), beside the minio client's own put_object of the same file to the same store;
3. bookings under contention (bench/booking_contention.py, whose floor is a bare loop of the
   row locks and writes a booking needs);
4. p50/p95/p99 latencies of the same wrk runs;
5. all of it at 1,000, 10,000 and 100,000 dossiers, seeded with bulk_create and grown in place.

It also times one request of each read in-process (SQL time apart, queries counted), runs
EXPLAIN ANALYZE on the statements of each, and profiles the two lists with cProfile. Writes
bench/results/report.json (with explain-*.txt and profile-*.txt beside it),
folds in the JSON the other benchmarks left in bench/ and bench/results/, and renders
bench/results.md. Stops every process it started by its PID.

Environment (all optional): BENCH_SIZES (1000,10000,100000), BENCH_REFERENCE_SIZE (10000),
BENCH_CONNECTIONS (8), BENCH_SECONDS (8), BENCH_WARMUP_SECONDS (2), BENCH_ANNOTATIONS (200),
BENCH_UPLOAD_MIB (50), BENCH_UPLOAD_ROUNDS (3), BENCH_POSTGRES, BENCH_REDIS, BENCH_KEEP_DB=1.
`python bench/report.py --render-only` writes results.md again from bench/results/report.json.
"""

from __future__ import annotations

import contextlib
import cProfile
import importlib.metadata
import io
import json
import os
import platform
import pstats
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
REPORT = BENCH / "results.md"
VENV_BIN = ROOT / ".venv" / "bin"
LUA = BENCH / "wrk_report.lua"

POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "urbadesk_bench_report"
BOOKING_DATABASE = "urbadesk_bench_booking"
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/11")
SIZES = sorted(int(s) for s in os.environ.get("BENCH_SIZES", "1000,10000,100000").split(","))
REFERENCE_SIZE = int(os.environ.get("BENCH_REFERENCE_SIZE", "10000"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
WARMUP = int(os.environ.get("BENCH_WARMUP_SECONDS", "2"))
ANNOTATIONS = int(os.environ.get("BENCH_ANNOTATIONS", "200"))
UPLOAD_MIB = int(os.environ.get("BENCH_UPLOAD_MIB", "50"))
UPLOAD_ROUNDS = int(os.environ.get("BENCH_UPLOAD_ROUNDS", "3"))
PORTS = range(8100, 8200)
PASSWORD = "bench-password-" + secrets.token_hex(4)
S3 = {
    "S3_ACCESS_KEY": "bench",
    "S3_SECRET_KEY": "bench-secret",
    "S3_BUCKET": "urbadesk-bench",
    "S3_REGION": "us-east-1",
}
IN_PROCESS_REQUESTS = 30
if REFERENCE_SIZE not in SIZES:
    REFERENCE_SIZE = SIZES[len(SIZES) // 2]


def log(message: str) -> None:
    print(f"[report {time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- processes ------------------------------------------------------------------------------


def free_port(taken: set[int]) -> int:
    for port in PORTS:
        if port in taken:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        taken.add(port)
        return port
    raise SystemExit("no free port in 8100-8199")


class Server:
    """A process started in its own session, stopped by its PID (then its group, if it lingers)."""

    def __init__(self, name: str, args: list[str], *, env: dict, cwd: Path, log_path: Path) -> None:
        self.name, self.log_path = name, log_path
        self.handle = log_path.open("w")
        self.process = subprocess.Popen(
            args, env=env, cwd=cwd, stdout=self.handle, stderr=subprocess.STDOUT, start_new_session=True
        )

    def wait_http(self, url: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} exited: see {self.log_path}\n{self.log_path.read_text()[-3000:]}")
            try:
                urllib.request.urlopen(url, timeout=5).close()
                return
            except urllib.error.HTTPError:
                return  # it answers: a 4xx is an answer
            except OSError:
                time.sleep(0.3)
        raise SystemExit(f"{self.name} did not answer {url} within {timeout} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):  # a worker left behind by a killed master
            os.killpg(self.process.pid, signal.SIGKILL)
        self.handle.close()


# --- HTTP -----------------------------------------------------------------------------------


def http(method: str, url: str, *, token: str | None = None, body: dict | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(
        url,
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json",
            **({"Authorization": f"Bearer {token}"} if token else {}),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def get_json(url: str, token: str | None) -> tuple[dict, bytes]:
    status, body = http("GET", url, token=token)
    if status != 200:
        raise SystemExit(f"GET {url}: {status} {body[:300]!r}")
    return json.loads(body), body


def wrk(url: str, token: str | None, seconds: int) -> dict:
    out = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            str(LUA),
            url,
        ],
        env={**os.environ, "BENCH_TOKEN": token or ""},
        capture_output=True,
        text=True,
        check=True,
    )
    line = next((x for x in out.stdout.splitlines() if x.startswith("WRK_JSON ")), None)
    if line is None:
        raise SystemExit(f"wrk printed no figures for {url}:\n{out.stdout}\n{out.stderr}")
    raw = json.loads(line.removeprefix("WRK_JSON "))
    seconds_run = raw["duration_us"] / 1e6
    errors = sum(raw[k] for k in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts"))
    return {
        "requests": raw["requests"],
        "requests_per_second": round(raw["requests"] / seconds_run, 1),
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "mean_ms": round(raw["mean_us"] / 1000, 3),
        "bytes_per_response": round(raw["bytes"] / max(raw["requests"], 1)),
        "errors": errors,
        "non_2xx": raw["status_errors"],
    }


def load(url: str, token: str | None) -> dict:
    """A warm-up run (discarded), then the measured run."""
    if WARMUP:
        wrk(url, token, WARMUP)
    return wrk(url, token, SECONDS)


# --- machine ----------------------------------------------------------------------------------


def machine_facts() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")), "")
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    mem_kib = next((int(line.split()[1]) for line in meminfo.splitlines() if line.startswith("MemTotal:")), 0)
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False).stdout.splitlines()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "backend"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()

    def version(package: str) -> str:
        try:
            return importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            return "?"

    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "memory_gib": round(mem_kib / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "django": version("django"),
        "djangorestframework": version("djangorestframework"),
        "gunicorn": version("gunicorn"),
        "psycopg": version("psycopg"),
        "minio": version("minio"),
        "moto": version("moto"),
        "wrk": wrk_version[0].split(" [")[0] if wrk_version else "?",
        "commit": commit + (" (with uncommitted backend changes)" if dirty else ""),
        "load_average_before": " / ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


# --- seeding ----------------------------------------------------------------------------------

STATUSES = (
    ["draft"] * 10
    + ["submitted"] * 15
    + ["completeness_check"] * 10
    + ["under_review"] * 25
    + ["commission_opinion"] * 10
    + ["decision"] * 20
    + ["closed"] * 10
)
STREETS = ["boulevard d'Anfa", "rue Ibnou Majid", "avenue Hassan II", "boulevard Zerktouni", "rue Tahar Sebti"]
DESCRIPTION = (
    "Construction d'un immeuble R+{floors} à usage d'habitation et de commerce au rez-de-chaussée, "
    "avec un sous-sol de stationnement de {places} places."
)


class Seed:
    """The benchmark's data: one authority, its people, and dossiers grown in place."""

    def __init__(self) -> None:
        from accounts.models import Organisation, User
        from dossiers.models import ProcedureType

        self.rng = random.Random(7)
        self.next_number = 0
        self.authority = Organisation.objects.create(slug="bench", name="Commune urbaine de Casablanca")
        self.agent = User.objects.create_user(
            "agent@bench.example", PASSWORD, role="desk_agent", organisation=self.authority, full_name="Karim Tazi"
        )
        self.applicant = User.objects.create_user("applicant@bench.example", PASSWORD, full_name="Salma Idrissi")
        self.applicants = User.objects.bulk_create(
            User(email=f"applicant{i}@bench.example", full_name=f"Demandeur {i}", password="!") for i in range(500)
        )
        self.architects = User.objects.bulk_create(
            User(email=f"architect{i}@bench.example", full_name=f"Architecte {i}", role="project_author", password="!")
            for i in range(50)
        )
        self.members = User.objects.bulk_create(
            User(email=f"member{i}@bench.example", full_name=f"Membre {i}", role="commission_member", password="!")
            for i in range(3)
        )
        self.procedures = list(ProcedureType.objects.filter(is_active=True).values_list("code", flat=True))
        self.annotated_dossier, self.annotated_version = self._annotated()
        self.upload_plan = self._upload_plan()

    def _annotated(self):
        """A dossier under review with one 3-page plan version holding ANNOTATIONS annotations."""
        from django.utils import timezone

        from annotations.models import Annotation, Comment
        from dossiers.models import Dossier, DossierParty, Page, Plan, PlanVersion

        rng = self.rng
        dossier = Dossier.objects.create(
            reference="PC-2026-900001",
            procedure_type_id="PC",
            organisation=self.authority,
            title="Immeuble R+4, boulevard d'Anfa",
            description=DESCRIPTION.format(floors=4, places=24),
            address="112 boulevard d'Anfa, Casablanca",
            latitude=Decimal("33.589886"),
            longitude=Decimal("-7.632862"),
            parcel_reference="TF 12345/C",
            status="under_review",
            created_by=self.applicant,
            submitted_at=timezone.now(),
        )
        DossierParty.objects.create(dossier=dossier, user=self.applicant, role="applicant")
        plan = Plan.objects.create(dossier=dossier, kind="floor", title="Plans des étages")
        version = PlanVersion.objects.create(
            plan=plan,
            number=1,
            status="ready",
            storage_key=f"bench/{plan.id}/v1.pdf",
            sha256="0" * 64,
            size=3_500_000,
            media_type="application/pdf",
            original_filename="etages.pdf",
            page_count=3,
            declared_scale=100,
            uploaded_by=self.applicant,
            analysed_at=timezone.now(),
        )
        Page.objects.bulk_create(Page(version=version, index=i, width_pt=2384, height_pt=1684) for i in (1, 2, 3))

        def points(n: int) -> list[list[float]]:
            return [[round(rng.uniform(40, 2300), 1), round(rng.uniform(40, 1600), 1)] for _ in range(n)]

        annotations = []
        for i in range(ANNOTATIONS):
            kind, measurement, geometry = [
                ("polygon", "", {"points": points(6)}),
                ("rectangle", "", {"rect": [rng.uniform(40, 2000), rng.uniform(40, 1400), 120.0, 80.0]}),
                ("measurement", "area", {"points": points(4)}),
                ("measurement", "distance", {"points": points(2)}),
                ("note", "", {"points": points(1)}),
            ][i % 5]
            remark = i % 4 == 0
            annotations.append(
                Annotation(
                    version=version,
                    page_index=1 + i % 3,
                    kind=kind,
                    measurement_kind=measurement,
                    geometry=geometry,
                    style={"color": "#D32F2F", "width": 2},
                    text=f"Remarque {i} : vérifier le recul sur la limite séparative." if remark else "",
                    is_remark=remark,
                    status="open" if remark else "",
                    visibility="shared" if i % 8 == 0 else "internal",
                    author=self.members[i % 3],
                )
            )
        Annotation.objects.bulk_create(annotations)
        Comment.objects.bulk_create(
            Comment(annotation=a, author=self.members[(n + k) % 3], body=f"Commentaire {k} sur la remarque {n}.")
            for n, a in enumerate(a for a in annotations if a.is_remark)
            for k in range(2)
        )
        return dossier, version

    def _upload_plan(self):
        from dossiers.models import Dossier, DossierParty, Plan

        dossier = Dossier.objects.create(
            reference="PC-2026-900002",
            procedure_type_id="PC",
            organisation=self.authority,
            title="Villa, quartier Californie",
            address="8 rue des Orchidées, Casablanca",
            status="draft",
            created_by=self.applicant,
        )
        DossierParty.objects.create(dossier=dossier, user=self.applicant, role="applicant")
        return Plan.objects.create(dossier=dossier, kind="site", title="Plan de masse")

    def grow_to(self, target: int) -> dict:
        """Add dossiers (with parties, two plans and their versions) until there are `target`."""
        from django.db import connection
        from django.utils import timezone

        from dossiers.models import Dossier, DossierParty, Plan, PlanVersion

        began = time.perf_counter()
        since = timezone.now()
        rng = self.rng
        missing = target - Dossier.objects.count()
        counts = {"dossiers": 0, "parties": 0, "plans": 0, "versions": 0}
        while missing > 0:
            chunk = min(missing, 5000)
            dossiers = []
            for _ in range(chunk):
                n = self.next_number
                self.next_number += 1
                status, procedure = rng.choice(STATUSES), rng.choice(self.procedures)
                dossiers.append(
                    Dossier(
                        reference=f"{procedure}-{2024 + n % 3}-{n:06d}",
                        procedure_type_id=procedure,
                        organisation=self.authority,
                        title=f"Immeuble R+{n % 6}, lot {n}",
                        description=DESCRIPTION.format(floors=n % 6, places=n % 40),
                        address=f"{1 + n % 200} {rng.choice(STREETS)}, Casablanca",
                        latitude=Decimal(f"{rng.uniform(33.50, 33.65):.6f}"),
                        longitude=Decimal(f"{rng.uniform(-7.70, -7.50):.6f}"),
                        parcel_reference=f"TF {10000 + n}/C",
                        status=status,
                        created_by=self.applicants[n % len(self.applicants)],
                    )
                )
            Dossier.objects.bulk_create(dossiers, batch_size=2500)
            parties = [DossierParty(dossier=d, user=d.created_by, role="applicant") for d in dossiers]
            parties += [
                DossierParty(dossier=d, user=self.architects[i % len(self.architects)], role="project_author")
                for i, d in enumerate(dossiers)
                if i % 3 == 0
            ]
            DossierParty.objects.bulk_create(parties, batch_size=5000)
            plans = [
                Plan(dossier=d, kind=kind, title=title)
                for d in dossiers
                for kind, title in (("situation", "Plan de situation"), ("site", "Plan de masse"))
            ]
            Plan.objects.bulk_create(plans, batch_size=5000)
            versions = [
                PlanVersion(
                    plan=p,
                    number=1,
                    status="ready",
                    storage_key=f"bench/{p.dossier_id}/{p.id}/v1.pdf",
                    sha256=secrets.token_hex(32),
                    size=rng.randint(200_000, 20_000_000),
                    media_type="application/pdf",
                    original_filename=f"{p.kind}.pdf",
                    page_count=1,
                    declared_scale=500 if p.kind == "situation" else 100,
                    uploaded_by=p.dossier.created_by,
                )
                for p in plans
            ]
            PlanVersion.objects.bulk_create(versions, batch_size=5000)
            for key, rows in (("dossiers", dossiers), ("parties", parties), ("plans", plans), ("versions", versions)):
                counts[key] += len(rows)
            missing -= chunk
        with connection.cursor() as cursor:  # two years of history, not one instant
            cursor.execute(
                "UPDATE dossiers_dossier SET created_at = now() - random() * interval '730 days' WHERE created_at >= %s",
                [since],
            )
            cursor.execute(
                "UPDATE dossiers_dossier SET updated_at = LEAST(now(), created_at + random() * interval '30 days'), "
                "submitted_at = CASE WHEN status = 'draft' THEN NULL ELSE created_at + random() * interval '5 days' "
                "END WHERE updated_at >= %s",
                [since],
            )
            for table in ("dossiers_dossier", "dossiers_dossierparty", "dossiers_plan", "dossiers_planversion"):
                cursor.execute(f"ANALYZE {table}")
        return {**counts, "seconds": round(time.perf_counter() - began, 1)}


# --- in-process timing and profile -------------------------------------------------------------


def in_process(path: str, token: str) -> dict:
    """Median wall and SQL time of IN_PROCESS_REQUESTS requests through Django's test client
    (no HTTP, no gunicorn), with the number of queries per request."""
    from django.db import connection
    from django.test import Client

    client = Client()
    sql: list[float] = []

    def timed(execute, query, params, many, context):
        began = time.perf_counter()
        try:
            return execute(query, params, many, context)
        finally:
            sql[-1] += time.perf_counter() - began
            queries[-1] += 1

    walls: list[float] = []
    queries: list[int] = []
    client.get(path, headers={"authorization": f"Bearer {token}"})  # warm
    with connection.execute_wrapper(timed):
        for _ in range(IN_PROCESS_REQUESTS):
            sql.append(0.0)
            queries.append(0)
            began = time.perf_counter()
            response = client.get(path, headers={"authorization": f"Bearer {token}"})
            walls.append(time.perf_counter() - began)
            assert response.status_code == 200, (path, response.status_code)
    wall, in_sql = statistics.median(walls) * 1000, statistics.median(sql) * 1000
    return {
        "wall_ms": round(wall, 2),
        "sql_ms": round(in_sql, 2),
        "python_ms": round(wall - in_sql, 2),
        "queries": max(queries),
    }


def explain(path: str, token: str, out: Path) -> list[dict]:
    """EXPLAIN ANALYZE of every statement one request runs: each one's execution time, and the
    plans written to `out`."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        Client().get(path, headers={"authorization": f"Bearer {token}"})
    found, text = [], []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = [row[0] for row in cursor.fetchall()]
            ms = next((float(line.split(":")[1].split()[0]) for line in plan if line.startswith("Execution Time")), 0.0)
            jit = next((float(line.rsplit("Total", 1)[1].split()[0]) for line in plan if "Total" in line), 0.0)
            found.append({"sql": sql[:160], "execution_ms": round(ms, 2), "jit_ms": round(jit, 2)})
            text += [sql, *plan, ""]
    out.write_text("\n".join(text))
    return found


AREAS = (  # (label, path fragments), first match wins
    (
        "DRF serializers and fields",
        (
            "rest_framework/serializers.py",
            "rest_framework/fields.py",
            "rest_framework/relations.py",
            "rest_framework/utils/serializer_helpers.py",
        ),
    ),
    ("DRF views, pagination, rendering", ("rest_framework/",)),
    ("JWT authentication", ("rest_framework_simplejwt/", "/jwt/")),
    ("django-filter", ("django_filters/",)),
    ("Django ORM (SQL building, rows to objects)", ("django/db/",)),
    ("psycopg and the wait for PostgreSQL", ("psycopg",)),
    ("Django request, middleware, i18n, JSON", ("django/",)),
    ("Urbadesk code", ("/backend/",)),
    ("JSON encoding", ("json/",)),
)


def profile(path: str, token: str, out: Path) -> dict:
    """Where the in-process time of the request goes (cProfile, own time by area)."""
    from django.test import Client

    client = Client()
    client.get(path, headers={"authorization": f"Bearer {token}"})
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(IN_PROCESS_REQUESTS):
        client.get(path, headers={"authorization": f"Bearer {token}"})
    profiler.disable()
    stats = pstats.Stats(profiler)
    areas: dict[str, float] = {}
    total = 0.0
    for (filename, _line, name), (_cc, _nc, own, _cum, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        total += own
        where = filename if filename != "~" else name
        label = next((label for label, parts in AREAS if any(p in where for p in parts)), None)
        if label is None:
            label = (
                "waiting on sockets (PostgreSQL)" if "poll" in name or "select" in name else "other (builtins, stdlib)"
            )
        areas[label] = areas.get(label, 0.0) + own
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(40)
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(25)
    out.write_text(text.getvalue())
    return {label: round(100 * seconds / total, 1) for label, seconds in sorted(areas.items(), key=lambda kv: -kv[1])}


# --- measurements -----------------------------------------------------------------------------


def endpoints(seed: Seed) -> list[dict]:
    version = seed.annotated_version.id
    dossier = seed.annotated_dossier.id
    return [
        {
            "key": "dossier_list",
            "label": "Dossier list (GET /api/v1/dossiers/, 20 per page)",
            "api": "/api/v1/dossiers/",
            "floor": "/bench/floor/dossiers/",
        },
        {
            "key": "dossier_detail",
            "label": "Dossier detail (GET /api/v1/dossiers/{id}/)",
            "api": f"/api/v1/dossiers/{dossier}/",
            "floor": f"/bench/floor/dossiers/{dossier}/",
        },
        {
            "key": "annotation_list",
            "label": f"Annotation list (GET /api/v1/plan-versions/{{id}}/annotations/, {ANNOTATIONS} annotations)",
            "api": f"/api/v1/plan-versions/{version}/annotations/",
            "floor": f"/bench/floor/plan-versions/{version}/annotations/",
        },
    ]


def same_rows(api: dict, floor: dict) -> bool:
    if "results" in api:
        return api["count"] == floor["count"] and [r["id"] for r in api["results"]] == [
            r["id"] for r in floor["results"]
        ]
    return api["id"] == floor["id"]


def measure_reads(base: str, token: str, seed: Seed, size: int, ceiling_dir: Path, profile_dir: Path | None) -> dict:
    out = {}
    for endpoint in endpoints(seed):
        api_json, api_bytes = get_json(base + endpoint["api"], token)
        floor_json, floor_bytes = get_json(base + endpoint["floor"], token)
        name = f"{endpoint['key'].replace('_', '-')}-{size}"
        (ceiling_dir / f"{name}.json").write_bytes(api_bytes)
        figures = {
            "same_rows": same_rows(api_json, floor_json),
            "api_bytes": len(api_bytes),
            "floor_bytes": len(floor_bytes),
            "api": load(base + endpoint["api"], token),
            "floor": load(base + endpoint["floor"], token),
            "ceiling": load(f"{base}/bench/ceiling/{name}/", None),
            "in_process": {
                "api": in_process(endpoint["api"], token),
                "floor": in_process(endpoint["floor"], token),
            },
        }
        figures["explain"] = explain(endpoint["api"], token, RESULTS / f"explain-{name}.txt")
        if profile_dir is not None and endpoint["key"] != "dossier_detail":
            figures["profile"] = profile(endpoint["api"], token, profile_dir / f"profile-{endpoint['key']}.txt")
        log(
            f"{size} dossiers, {endpoint['key']}: API {figures['api']['requests_per_second']} req/s "
            f"(p95 {figures['api']['p95_ms']} ms), floor {figures['floor']['requests_per_second']} req/s, "
            f"ceiling {figures['ceiling']['requests_per_second']} req/s"
        )
        out[endpoint["key"]] = figures
    return out


def median_seconds(action, rounds: int) -> tuple[float, list[float]]:
    times = []
    for i in range(rounds):
        began = time.perf_counter()
        action(i)
        times.append(time.perf_counter() - began)
    return statistics.median(times), [round(t, 3) for t in times]


def measure_uploads(base: str, token: str, seed: Seed, s3_endpoint: str, folder: Path) -> dict:
    from minio import Minio

    from dossiers.samples import building_outline_pdf

    pdf = folder / f"plan-{UPLOAD_MIB}mib.pdf"
    pdf.write_bytes(building_outline_pdf(padding_bytes=UPLOAD_MIB * 1024 * 1024))
    size = pdf.stat().st_size
    mib = size / 1024 / 1024
    plan = seed.upload_plan.id

    def multipart(_i: int) -> None:
        status = subprocess.run(
            [
                "curl",
                "-sS",
                "-o",
                os.devnull,
                "-w",
                "%{http_code}",
                "-H",
                f"Authorization: Bearer {token}",
                "-F",
                f"file=@{pdf};type=application/pdf",
                "-F",
                "declared_scale=100",
                f"{base}/api/v1/plans/{plan}/versions/",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        if status != "201":
            raise SystemExit(f"multipart upload: HTTP {status}")

    steps: dict[str, list[float]] = {"create": [], "put": [], "complete": []}

    def direct(_i: int) -> None:
        began = time.perf_counter()
        status, body = http(
            "POST", f"{base}/api/v1/plans/{plan}/uploads/", token=token, body={"filename": "plan.pdf", "size": size}
        )
        if status != 201:
            raise SystemExit(f"direct upload: HTTP {status} {body[:300]!r}")
        target = json.loads(body)
        created = time.perf_counter()
        subprocess.run(
            [
                "curl",
                "-sS",
                "--fail",
                "-o",
                os.devnull,
                "-X",
                "PUT",
                "-T",
                str(pdf),
                *[x for k, v in target["headers"].items() for x in ("-H", f"{k}: {v}")],
                target["upload_url"],
            ],
            check=True,
        )
        put = time.perf_counter()
        status, body = http("POST", f"{base}/api/v1/uploads/{target['id']}/complete/", token=token)
        if status != 201:
            raise SystemExit(f"upload complete: HTTP {status} {body[:300]!r}")
        done = time.perf_counter()
        steps["create"].append(created - began)
        steps["put"].append(put - created)
        steps["complete"].append(done - put)

    host = s3_endpoint.split("://", 1)[1]
    client = Minio(
        host, access_key=S3["S3_ACCESS_KEY"], secret_key=S3["S3_SECRET_KEY"], secure=False, region="us-east-1"
    )
    if not client.bucket_exists(S3["S3_BUCKET"]):
        client.make_bucket(S3["S3_BUCKET"])

    def floor(i: int) -> None:
        with pdf.open("rb") as stream:
            client.put_object(
                S3["S3_BUCKET"],
                f"bench-floor/{uuid.uuid4()}.pdf",
                stream,
                length=size,
                content_type="application/pdf",
                part_size=10 * 1024 * 1024,  # the S3 backend's PART_SIZE
            )

    floor_s, floor_all = median_seconds(floor, UPLOAD_ROUNDS)
    multipart_s, multipart_all = median_seconds(multipart, UPLOAD_ROUNDS)
    direct_s, direct_all = median_seconds(direct, UPLOAD_ROUNDS)
    result = {
        "file_mib": round(mib, 1),
        "rounds": UPLOAD_ROUNDS,
        "floor_put_object": {"seconds": round(floor_s, 3), "all": floor_all, "mib_per_second": round(mib / floor_s, 1)},
        "multipart": {
            "seconds": round(multipart_s, 3),
            "all": multipart_all,
            "mib_per_second": round(mib / multipart_s, 1),
        },
        "direct": {
            "seconds": round(direct_s, 3),
            "all": direct_all,
            "mib_per_second": round(mib / direct_s, 1),
            **{f"{k}_seconds": round(statistics.median(v), 3) for k, v in steps.items()},
        },
    }
    result["direct"]["put_mib_per_second"] = round(mib / result["direct"]["put_seconds"], 1)
    log(
        f"upload {mib:.0f} MiB: multipart {result['multipart']['mib_per_second']} MiB/s, direct "
        f"{result['direct']['mib_per_second']} MiB/s, minio put_object {result['floor_put_object']['mib_per_second']} MiB/s"
    )
    return result


def measure_booking() -> dict:
    out = RESULTS / "booking.json"
    env = {**os.environ, "BENCH_DATABASE": BOOKING_DATABASE, "BENCH_JSON": str(out), "BENCH_POSTGRES": POSTGRES}
    for name in ("DATABASE_URL", "REDIS_URL", "S3_ENDPOINT", "DJANGO_SETTINGS_MODULE", "URBADESK_BROKER"):
        env.pop(name, None)
    subprocess.run([sys.executable, str(BENCH / "booking_contention.py")], env=env, check=True)
    subprocess.run(
        ["psql", "-q", f"{POSTGRES}/postgres", "-c", f"DROP DATABASE IF EXISTS {BOOKING_DATABASE} WITH (FORCE)"],
        check=True,
    )
    return json.loads(out.read_text())


# --- the report ---------------------------------------------------------------------------------


def ratio(value: float | None, floor: float | None) -> str:
    if not value or not floor:
        return "–"
    return f"{value / floor:.2f}"


def number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def flatten(value, prefix: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [pair for key, inner in value.items() for pair in flatten(inner, f"{prefix}{key}.")]
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return [(prefix.rstrip("."), ", ".join(str(v) for v in value))]
        return [pair for i, inner in enumerate(value) for pair in flatten(inner, f"{prefix}{i}.")]
    return [(prefix.rstrip("."), str(value))]


OTHER_BENCHES = (
    ("Upload memory (bench/upload_memory.py)", RESULTS / "upload_memory.json"),
    ("Annotations (bench/annotations.py)", RESULTS / "annotations.json"),
    ("Notifications and webhooks (bench/notifications.py)", BENCH / "notifications-results.json"),
    ("Signing a plan set (bench/signatures.py)", BENCH / "signatures-results.json"),
    ("Public map and open data (bench/portal.py)", BENCH / "portal-results.json"),
    ("Plan viewer in Chromium (bench/viewer_browser.mjs)", BENCH / "viewer-results.json"),
)


def slowest(statements: list[dict]) -> str:
    if not statements:
        return "–"
    worst = max(statements, key=lambda x: x["execution_ms"])
    return f"{worst['execution_ms']:.1f} ({worst['jit_ms']:.1f})"


def render(data: dict) -> str:
    m = data["machine"]
    ref = str(data["reference_size"])
    reads = data["reads"]
    parts = [
        "# Urbadesk benchmarks",
        "",
        f"Written by `make bench` (bench/report.py) on {m['date']}, commit {m['commit']}. Figures, not pass/fail: "
        "each one sits beside its floor, measured in the same run on the same machine, and the ratio "
        "is figure ÷ floor. The raw figures are in bench/results/report.json.",
        "",
        "## Machine and set-up",
        "",
        table(
            ["Fact", "Value"],
            [
                ["CPUs", f"{m['cpus']} × {m['cpu_model'] or '?'}"],
                ["Memory", f"{m['memory_gib']} GiB"],
                ["Python", m["python"]],
                ["PostgreSQL", data["postgresql"]],
                ["Redis", data["redis"]],
                [
                    "Django / DRF / gunicorn / psycopg",
                    f"{m['django']} / {m['djangorestframework']} / {m['gunicorn']} / {m['psycopg']}",
                ],
                ["Object store", f"moto {m['moto']} server mode (in memory), minio client {m['minio']}"],
                ["API server", data["server"]],
                [
                    "Load generator",
                    f"{m['wrk']}, 1 thread, {CONNECTIONS} connections, {WARMUP} s warm-up then {SECONDS} s measured per figure",
                ],
                ["Load average before the run (1, 5, 15 min)", m["load_average_before"]],
                ["Load average after the run (1, 5, 15 min)", data["load_average_after"]],
                ["Runtime of this report", f"{data['runtime_seconds'] / 60:.1f} min"],
            ],
        ),
        "",
        "The load generator, gunicorn, PostgreSQL and the S3 server share the same CPUs, so every figure "
        "counts the whole stack; the floors run under exactly the same conditions. The user is a desk agent "
        "of the one authority that holds every dossier (so the list shows all of them).",
        "",
        "**Floor** of a read: a hand-written Django view (bench/floor_views.py, served only by the bench "
        "settings) that authenticates the bearer token as the API does, runs the same visibility query "
        "through the same selectors with `.values()`, and returns the same JSON shape with `JsonResponse`. "
        "**Ceiling**: a view returning the API's own response bytes, saved beforehand (no authentication, "
        "no database): what Django and gunicorn cost alone.",
        "",
        f"## 1. Reads, requests per second ({int(ref):,} dossiers)",
        "",
        "Ratio below 1: the API serves that share of the floor's (or ceiling's) requests.",
        "",
    ]
    rows = []
    for endpoint in data["endpoints"]:
        f = reads[ref][endpoint["key"]]
        api, floor, ceiling = (f[k]["requests_per_second"] for k in ("api", "floor", "ceiling"))
        rows.append(
            [f"{endpoint['label']}: API vs floor view", number(api, 1), number(floor, 1), ratio(api, floor), "req/s"]
        )
        rows.append(
            [f"{endpoint['label']}: API vs ceiling", number(api, 1), number(ceiling, 1), ratio(api, ceiling), "req/s"]
        )
        rows.append(
            [
                f"{endpoint['label']}: floor view vs ceiling",
                number(floor, 1),
                number(ceiling, 1),
                ratio(floor, ceiling),
                "req/s",
            ]
        )
    parts += [table(["Figure", "Value", "Floor", "Ratio", "Unit"], rows), ""]
    rows = []
    for endpoint in data["endpoints"]:
        f = reads[ref][endpoint["key"]]
        ip = f["in_process"]
        rows.append(
            [
                endpoint["label"],
                f"{ip['api']['wall_ms']} ({ip['api']['sql_ms']} in SQL, {ip['api']['queries']} queries)",
                f"{ip['floor']['wall_ms']} ({ip['floor']['sql_ms']} in SQL, {ip['floor']['queries']} queries)",
                ratio(ip["api"]["wall_ms"], ip["floor"]["wall_ms"]),
                "ms",
                f"{f['api_bytes']:,} / {f['floor_bytes']:,}",
                "yes" if f["same_rows"] else "**no**",
            ]
        )
    parts += [
        f"One request in-process (Django's test client, no HTTP; median of {IN_PROCESS_REQUESTS}), and the "
        "response sizes. Ratio above 1: the API takes that many times the floor's time.",
        "",
        table(["Read", "API", "Floor", "Ratio", "Unit", "Bytes API / floor", "Same rows"], rows),
        "",
    ]
    u = data["uploads"]
    parts += [
        f"## 2. Upload throughput ({u['file_mib']} MiB PDF, median of {u['rounds']})",
        "",
        "Floor: the minio client's own `put_object` of the same file to the same S3 endpoint (10 MiB parts, "
        "as the S3 backend uses). Ratio below 1: the API path moves that share of the floor's MiB/s. Over "
        "plain HTTP the minio client hashes every part (SHA-256) to sign it, which the API's own writes "
        "also do; a PUT to a presigned URL sends an unsigned payload, which is why it can beat the floor. "
        "moto is an in-memory Python server: a real store moves bytes at other speeds.",
        "",
        table(
            ["Figure", "Value", "Floor", "Ratio", "Unit"],
            [
                [
                    "Multipart POST /api/v1/plans/{id}/versions/ (curl -F)",
                    number(u["multipart"]["mib_per_second"], 1),
                    number(u["floor_put_object"]["mib_per_second"], 1),
                    ratio(u["multipart"]["mib_per_second"], u["floor_put_object"]["mib_per_second"]),
                    "MiB/s",
                ],
                [
                    "Direct upload: POST …/uploads/ + PUT to the presigned URL + POST …/complete/",
                    number(u["direct"]["mib_per_second"], 1),
                    number(u["floor_put_object"]["mib_per_second"], 1),
                    ratio(u["direct"]["mib_per_second"], u["floor_put_object"]["mib_per_second"]),
                    "MiB/s",
                ],
                [
                    "Direct upload, the PUT to the presigned URL alone (curl)",
                    number(u["direct"]["put_mib_per_second"], 1),
                    number(u["floor_put_object"]["mib_per_second"], 1),
                    ratio(u["direct"]["put_mib_per_second"], u["floor_put_object"]["mib_per_second"]),
                    "MiB/s",
                ],
                [
                    "Direct upload, the complete call alone (read back, hash, check, store the version)",
                    number(u["direct"]["complete_seconds"], 2),
                    number(u["floor_put_object"]["seconds"], 2),
                    ratio(u["direct"]["complete_seconds"], u["floor_put_object"]["seconds"]),
                    "s (lower is better)",
                ],
            ],
        ),
        "",
    ]
    b = data["booking"]
    parts += [
        f"## 3. Bookings under contention ({b['threads']} threads, {b['dossiers']} dossiers, "
        f"{b['slots']} slots of {b['capacity']} seats)",
        "",
        "bench/booking_contention.py: every attempt fights for the same few slot rows. Floor: as many "
        "fresh dossiers into as many fresh slots by the same threads, each attempt a transaction of only "
        "the row work a booking needs (lock the dossier `FOR UPDATE`, take a seat with a conditional "
        "`UPDATE`, insert the booking), without the service's checks, dispatch, audit and notifications.",
        "",
        table(
            ["Figure", "Value", "Floor", "Ratio", "Unit"],
            [
                [
                    "Booking attempts (booked or refused as full)",
                    number(b["service"]["attempts_per_second"], 1),
                    number(b["floor"]["attempts_per_second"], 1),
                    ratio(b["service"]["attempts_per_second"], b["floor"]["attempts_per_second"]),
                    "attempts/s",
                ],
                [
                    "Bookings made",
                    number(b["service"]["bookings_per_second"], 1),
                    number(b["floor"]["bookings_per_second"], 1),
                    ratio(b["service"]["bookings_per_second"], b["floor"]["bookings_per_second"]),
                    "bookings/s",
                ],
            ],
        ),
        "",
        f"Service: {b['service']['booked']} booked, {b['service']['full']} refused as full, "
        f"{b['service']['error']} errors, {b['service']['overbooked_slots']} overbooked slots. Floor: "
        f"{b['floor']['booked']} booked, {b['floor']['full']} full, {b['floor']['error']} errors, "
        f"{b['floor']['overbooked_slots']} overbooked slots. (A thread picks its slot at random, so a few "
        "attempts may find their slot full while another still has seats.)",
        "",
        table(
            ["Figure", "Value", "Floor", "Ratio", "Unit"],
            [
                [
                    "One booking alone, no contention: time",
                    number(b["one_booking_alone"]["service"]["ms"], 1),
                    number(b["one_booking_alone"]["floor"]["ms"], 1),
                    ratio(b["one_booking_alone"]["service"]["ms"], b["one_booking_alone"]["floor"]["ms"]),
                    "ms (lower is better)",
                ],
                [
                    "One booking alone, no contention: SQL statements",
                    b["one_booking_alone"]["service"]["queries"],
                    b["one_booking_alone"]["floor"]["queries"],
                    ratio(b["one_booking_alone"]["service"]["queries"], b["one_booking_alone"]["floor"]["queries"]),
                    "queries",
                ],
            ],
        ),
        "",
        f"## 4. Latency at {CONNECTIONS} concurrent connections ({int(ref):,} dossiers)",
        "",
        "From the same wrk runs as section 1. Ratio above 1: the API takes that many times the floor's time.",
        "",
    ]
    rows = []
    for endpoint in data["endpoints"]:
        f = reads[ref][endpoint["key"]]
        for p in ("p50", "p95", "p99"):
            api, floor, ceiling = (f[k][f"{p}_ms"] for k in ("api", "floor", "ceiling"))
            rows.append(
                [endpoint["label"], p, number(api, 1), number(floor, 1), ratio(api, floor), number(ceiling, 1), "ms"]
            )
    parts += [table(["Read", "Percentile", "API", "Floor", "Ratio", "Ceiling", "Unit"], rows), ""]
    errors = [
        f"{size} {key} {kind}: {fig[kind]['errors']}"
        for size, by_key in reads.items()
        for key, fig in by_key.items()
        for kind in ("api", "floor", "ceiling")
        if fig[kind]["errors"]
    ]
    parts += [
        "Errors or non-2xx answers during the load runs: " + ("; ".join(errors) if errors else "none") + ".",
        "",
        "## 5. From 1,000 to 100,000 dossiers",
        "",
        "The same database grown in place: each dossier with one or two parties and two plans of one "
        "version each (bulk_create), created over two years. The last column: EXPLAIN ANALYZE of the "
        "API's statements, run once after the load (plans in bench/results/explain-*.txt); JIT is "
        "PostgreSQL compiling the query, which it does when the planner's cost estimate is high.",
        "",
    ]
    for endpoint in data["endpoints"]:
        rows = []
        for size in sorted(reads, key=int):
            f = reads[size][endpoint["key"]]
            rows.append(
                [
                    f"{int(size):,}",
                    number(f["api"]["requests_per_second"], 1),
                    number(f["floor"]["requests_per_second"], 1),
                    ratio(f["api"]["requests_per_second"], f["floor"]["requests_per_second"]),
                    number(f["api"]["p95_ms"], 1),
                    number(f["floor"]["p95_ms"], 1),
                    ratio(f["api"]["p95_ms"], f["floor"]["p95_ms"]),
                    number(f["ceiling"]["requests_per_second"], 1),
                    f"{f['in_process']['api']['sql_ms']} / {f['in_process']['floor']['sql_ms']}",
                    slowest(f["explain"]),
                ]
            )
        parts += [
            f"**{endpoint['label']}**",
            "",
            table(
                [
                    "Dossiers",
                    "API req/s",
                    "Floor req/s",
                    "Ratio",
                    "API p95 ms",
                    "Floor p95 ms",
                    "Ratio",
                    "Ceiling req/s",
                    "SQL ms per request, API / floor",
                    "Slowest statement, ms (of which JIT)",
                ],
                rows,
            ),
            "",
        ]
    rows = [
        [
            f"{int(size):,}",
            f"{s['dossiers']:,}",
            f"{s['parties']:,}",
            f"{s['plans']:,}",
            f"{s['versions']:,}",
            s["seconds"],
        ]
        for size, s in sorted(data["seeding"].items(), key=lambda kv: int(kv[0]))
    ]
    parts += [
        "Seeding (rows added to reach each size):",
        "",
        table(["Dossiers", "Dossiers added", "Parties", "Plans", "Versions", "Seconds"], rows),
        "",
    ]
    profiles = {k: reads[ref][k].get("profile") for k in ("dossier_list", "annotation_list")}
    if all(profiles.values()):
        labels = sorted(
            {label for p in profiles.values() for label in p}, key=lambda x: -profiles["dossier_list"].get(x, 0)
        )
        parts += [
            f"## Where the API's time goes ({int(ref):,} dossiers)",
            "",
            f"cProfile of {IN_PROCESS_REQUESTS} in-process requests: each area's share of the own time of its "
            "functions (full listings in bench/results/profile-*.txt).",
            "",
            table(
                ["Area", "Dossier list %", "Annotation list %"],
                [
                    [label, profiles["dossier_list"].get(label, 0), profiles["annotation_list"].get(label, 0)]
                    for label in labels
                ],
            ),
            "",
        ]
    parts += [
        "## Other benchmarks of `make bench`",
        "",
        "Their own figures, from the JSON they wrote (no floor measured).",
        "",
    ]
    for title, path in OTHER_BENCHES:
        if not path.is_file():
            parts += [f"**{title}**: no results file ({path.relative_to(ROOT)}).", ""]
            continue
        written = datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%d %H:%M UTC")
        rows = [[key, value] for key, value in flatten(json.loads(path.read_text()))]
        parts += [f"**{title}** (written {written})", "", table(["Figure", "Value"], rows), ""]
    return "\n".join(parts).rstrip() + "\n"


# --- main -------------------------------------------------------------------------------------


def main() -> None:
    started = time.perf_counter()
    if subprocess.run(["sh", "-c", "command -v wrk"], capture_output=True, check=False).returncode:
        raise SystemExit("wrk is not installed: apt-get install -y wrk (make bench does it)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="urbadesk-bench-report-"))
    ceiling_dir = folder / "ceiling"
    ceiling_dir.mkdir()
    (folder / "data" / "static").mkdir(parents=True)  # STATIC_ROOT: WhiteNoise warns when it is missing
    ports: set[int] = set()
    api_port, s3_port = free_port(ports), free_port(ports)
    base, s3_endpoint = f"http://127.0.0.1:{api_port}", f"http://127.0.0.1:{s3_port}"

    subprocess.run(
        [
            "psql",
            "-q",
            f"{POSTGRES}/postgres",
            "-c",
            f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)",
            "-c",
            f"CREATE DATABASE {DATABASE}",
        ],
        check=True,
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("S3_", "E2E_")) and key not in {"DATABASE_URL", "DJANGO_DEBUG", "URBADESK_BROKER"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "PYTHONPATH": os.pathsep.join([str(ROOT / "backend"), str(BENCH)]),
            "DATABASE_URL": f"{POSTGRES}/{DATABASE}",
            "REDIS_URL": REDIS,
            "S3_ENDPOINT": s3_endpoint,
            "S3_PUBLIC_ENDPOINT": s3_endpoint,
            **S3,
            "URBADESK_DATA_DIR": str(folder / "data"),
            "URBADESK_BIND": f"127.0.0.1:{api_port}",
            "URBADESK_ACCESS_TOKEN_MINUTES": "240",
            "URBADESK_LOGIN_RATE": "1000/min",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "BENCH_CEILING_DIR": str(ceiling_dir),
        }
    )
    os.environ.update({**env, "URBADESK_BROKER": "stub"})  # this process queues nothing
    # backend first: bench/annotations.py, notifications.py… share names with its apps
    sys.path[:0] = [str(ROOT / "backend"), str(BENCH)]
    import django

    django.setup()
    import redis
    from django.core.management import call_command
    from django.db import connection

    redis.Redis.from_url(REDIS).flushdb()
    log(f"migrating {DATABASE}")
    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgresql = cursor.fetchone()[0]
    redis_version = redis.Redis.from_url(REDIS).info("server").get("redis_version", "?")
    seed = Seed()

    workers = os.environ.get("WEB_CONCURRENCY", "2")
    threads = os.environ.get("URBADESK_THREADS", "8")
    moto = gunicorn = None
    data: dict = {
        "machine": machine_facts(),
        "postgresql": postgresql,
        "redis": redis_version,
        "server": f"gunicorn config.wsgi -c config/gunicorn.py: {workers} workers × {threads} threads (gthread), "
        "access log on, Redis broker and cache",
        "reference_size": REFERENCE_SIZE,
        "sizes": SIZES,
        "connections": CONNECTIONS,
        "seconds": SECONDS,
        "seeding": {},
        "reads": {},
        "phases": {},
    }
    try:
        moto = Server(
            "moto_server",
            [str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(s3_port)],
            env=env,
            cwd=folder,
            log_path=folder / "moto.log",
        )
        moto.wait_http(f"{s3_endpoint}/moto-api/")
        gunicorn = Server(
            "gunicorn",
            [str(VENV_BIN / "gunicorn"), "config.wsgi", "-c", "config/gunicorn.py"],
            env=env,
            cwd=ROOT / "backend",
            log_path=folder / "gunicorn.log",
        )
        gunicorn.wait_http(f"{base}/api/v1/dossiers/")
        log(f"gunicorn (pid {gunicorn.process.pid}) on {base}, moto (pid {moto.process.pid}) on {s3_endpoint}")

        def login(email: str) -> str:
            status, body = http("POST", f"{base}/api/v1/auth/token/", body={"email": email, "password": PASSWORD})
            if status != 200:
                raise SystemExit(f"login {email}: HTTP {status} {body[:300]!r}")
            return json.loads(body)["access"]

        agent, applicant = login("agent@bench.example"), login("applicant@bench.example")
        data["endpoints"] = [{k: e[k] for k in ("key", "label")} for e in endpoints(seed)]
        for size in SIZES:
            began = time.perf_counter()
            log(f"growing to {size:,} dossiers")
            data["seeding"][str(size)] = seed.grow_to(size)
            log(f"seeded in {data['seeding'][str(size)]['seconds']} s")
            data["reads"][str(size)] = measure_reads(
                base, agent, seed, size, ceiling_dir, RESULTS if size == REFERENCE_SIZE else None
            )
            data["phases"][f"reads at {size}"] = round(time.perf_counter() - began, 1)
        began = time.perf_counter()
        data["uploads"] = measure_uploads(base, applicant, seed, s3_endpoint, folder)
        data["phases"]["uploads"] = round(time.perf_counter() - began, 1)
    finally:
        for server in (gunicorn, moto):
            if server is not None:
                server.stop()
        from django.db import connections

        connections.close_all()
        redis.Redis.from_url(REDIS).flushdb()
        if not os.environ.get("BENCH_KEEP_DB"):
            subprocess.run(
                ["psql", "-q", f"{POSTGRES}/postgres", "-c", f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"],
                check=False,
            )
    began = time.perf_counter()
    log("bookings under contention (bench/booking_contention.py)")
    data["booking"] = measure_booking()
    data["phases"]["booking"] = round(time.perf_counter() - began, 1)
    data["runtime_seconds"] = round(time.perf_counter() - started, 1)
    data["load_average_after"] = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    (RESULTS / "report.json").write_text(json.dumps(data, indent=2, default=str) + "\n")
    REPORT.write_text(render(data))
    shutil.rmtree(folder, ignore_errors=True)  # kept when a step failed: its logs are there
    log(
        f"wrote {REPORT.relative_to(ROOT)} and {(RESULTS / 'report.json').relative_to(ROOT)} in {data['runtime_seconds']} s"
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--render-only"]:  # results.md again from bench/results/report.json
        REPORT.write_text(render(json.loads((RESULTS / "report.json").read_text())))
    else:
        main()
