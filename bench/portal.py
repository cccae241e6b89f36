"""Benchmark: the public map's GeoJSON with 10,000 authorised projects in view, and the daily
open-data refresh over 100,000 dossiers, on PostgreSQL.

Makes a throw-away database (`urbadesk_bench_portal`), DOSSIERS submitted dossiers over two years
(a share decided, most of them granted, IN_VIEW of the granted ones inside the map's box), then
times the GeoJSON endpoint (its queries and its server time, through Django's test client: no
network), the CSV of the same view, and `refresh_indicators`. Writes bench/portal-results.json.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DOSSIERS = int(os.environ.get("DOSSIERS", "100000"))
IN_VIEW = int(os.environ.get("IN_VIEW", "10000"))
DATABASE = "urbadesk_bench_portal"
BOX = (-7.70, 33.50, -7.50, 33.65)  # west, south, east, north: central Casablanca


def main() -> None:
    subprocess.run(
        [
            "psql",
            "-q",
            f"{SERVER}/postgres",
            "-c",
            f"DROP DATABASE IF EXISTS {DATABASE}",
            "-c",
            f"CREATE DATABASE {DATABASE}",
        ],
        check=True,
    )
    os.environ.update(
        {
            "DATABASE_URL": f"{SERVER}/{DATABASE}",
            "URBADESK_BROKER": "stub",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_ALLOWED_HOSTS": "testserver",
        }
    )
    sys.path.insert(0, str(ROOT / "backend"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from accounts.models import Organisation, User
    from commissions.models import Commission, CommissionOpinion
    from dossiers.models import Decision, Dossier, DossierParty, ProcedureType
    from portal.indicators import refresh

    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    authority = Organisation.objects.create(slug="casa", name="Commune urbaine de Casablanca")
    signer = User.objects.create_user("signer@bench.example", "x", role="signing_authority", organisation=authority)
    applicant = User.objects.create_user("applicant@bench.example", "x")
    commissions = [Commission.objects.create(name=f"Commission {n}", organisation=authority) for n in range(4)]
    procedures = list(ProcedureType.objects.values_list("code", flat=True))
    now = timezone.now()
    began = time.perf_counter()
    dossiers = []
    granted_in_view = 0
    for n in range(DOSSIERS):
        submitted = now - timedelta(days=rng.uniform(10, 730))
        inside = granted_in_view < IN_VIEW and n % (DOSSIERS // IN_VIEW // 2 or 1) == 0
        if inside:
            lat, lng = rng.uniform(BOX[1], BOX[3]), rng.uniform(BOX[0], BOX[2])
            granted_in_view += 1
        else:
            lat, lng = rng.uniform(34.0, 35.0), rng.uniform(-6.0, -5.0)
        dossiers.append(
            Dossier(
                reference=f"PC-2026-{n:06d}",
                procedure_type_id="PC" if inside else rng.choice(procedures),
                organisation=authority,
                title=f"Projet {n}",
                address=f"{n % 200} rue {n % 977}, Casablanca",
                latitude=Decimal(f"{lat:.6f}"),
                longitude=Decimal(f"{lng:.6f}"),
                status="decision" if inside else "submitted",
                created_by=applicant,
                submitted_at=submitted,
                completed_at=submitted + timedelta(days=rng.uniform(3, 25)),
            )
        )
    Dossier.objects.bulk_create(dossiers, batch_size=5000)
    DossierParty.objects.bulk_create(
        [DossierParty(dossier=d, user=applicant, role="applicant") for d in dossiers], batch_size=5000
    )
    decided = [d for n, d in enumerate(dossiers) if d.status == "decision" or n % 3 == 0]
    Decision.objects.bulk_create(
        [
            Decision(
                dossier=d,
                value="granted" if d.status == "decision" or rng.random() < 0.8 else "refused",
                text="…",
                decided_by=signer,
            )
            for d in decided
        ],
        batch_size=5000,
    )
    CommissionOpinion.objects.bulk_create(
        [
            CommissionOpinion(
                dossier=d,
                commission=rng.choice(commissions),
                session_id=d.id,
                value="favourable",
                rule="chair",
                recorded_by=signer,
            )
            for d in decided
        ],
        batch_size=5000,
    )
    with connection.cursor() as cursor:  # decisions spread after their dossier's completion
        cursor.execute(
            "UPDATE dossiers_decision SET decided_at = d.completed_at + (random() * interval '90 days') "
            "FROM dossiers_dossier d WHERE d.id = dossiers_decision.dossier_id"
        )
    seeded = time.perf_counter() - began

    from django.core.signals import request_started
    from django.db import reset_queries

    request_started.disconnect(reset_queries)  # else each request empties the log being counted
    client = Client()
    bbox = ",".join(str(v) for v in BOX)
    client.get(f"/api/v1/public/projects/?bbox={bbox}&page_size=1000")  # warm the connection and caches
    reset_queries()  # the log is a bounded deque: a full one would hide the new queries
    with CaptureQueriesContext(connection) as queries:
        began = time.perf_counter()
        answer = client.get(f"/api/v1/public/projects/?bbox={bbox}&page_size=1000")
        geojson_ms = (time.perf_counter() - began) * 1000
    query_count = len(queries)  # now: the context reads the connection's log lazily
    body = answer.json()
    began = time.perf_counter()
    pages, url = 0, f"/api/v1/public/projects/?bbox={bbox}&page_size=1000"
    while url:
        page = client.get(url).json()
        pages += 1
        url = page["links"][0]["href"].split("testserver", 1)[1] if page["links"] else None
    all_pages_ms = (time.perf_counter() - began) * 1000
    began = time.perf_counter()
    csv_bytes = sum(len(chunk) for chunk in client.get(f"/api/v1/public/projects.csv?bbox={bbox}").streaming_content)
    csv_ms = (time.perf_counter() - began) * 1000
    began = time.perf_counter()
    done = refresh()
    refresh_s = time.perf_counter() - began

    results = {
        "dossiers": DOSSIERS,
        "seed_seconds": round(seeded, 1),
        "projects_in_view": body["numberMatched"],
        "geojson_page_of_1000": {
            "queries": query_count,
            "server_ms": round(geojson_ms, 1),
            "bytes": len(answer.content),
        },
        "geojson_every_page": {"pages": pages, "server_ms": round(all_pages_ms, 1)},
        "csv_of_the_view": {"rows": body["numberMatched"], "server_ms": round(csv_ms, 1), "bytes": csv_bytes},
        "indicator_refresh": {"seconds": round(refresh_s, 1), "rows": done.rows, "dossiers": done.dossiers},
    }
    print(json.dumps(results, indent=2))
    (ROOT / "bench" / "portal-results.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
