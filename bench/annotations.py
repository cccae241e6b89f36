"""Benchmark: listing 5,000 annotations of a page, and exporting a 50-page plan with 2,000.

Uses the test settings (an in-memory broker, a throw-away data folder) on DATABASE_URL's
database if set (else SQLite in the data folder), builds the data, then times the API list
call (query count and median of 5 runs) and the annotated-PDF export; writes
bench/results/annotations.json, which bench/report.py folds into bench/results.md. Run with `make bench`.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
os.environ.setdefault("URBADESK_DATA_DIR", tempfile.mkdtemp(prefix="urbadesk-bench-"))
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", "")
sys.path.insert(0, str(ROOT / "backend"))


def main() -> None:
    import django

    django.setup()
    import io
    import random

    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIClient

    from accounts.models import User
    from annotations.exports.collect import build_annotated_pdf
    from annotations.models import Annotation
    from dossiers import services as dossier_services
    from dossiers.samples import building_outline_pdf
    from dossiers.tasks import analyse_plan_version

    call_command("migrate", verbosity=0)
    applicant = User.objects.create_user(f"bench-{random.randint(0, 1 << 30)}@example.org", "x")
    member = User.objects.create_user(f"member-{random.randint(0, 1 << 30)}@example.org", "x", role="commission_member")
    dossier = dossier_services.dossier_create(actor=applicant, procedure_type="PC", title="Bench", address="Casablanca")
    dossier_services.dossier_access_grant(actor=None, dossier=dossier, user=member, reason="review")
    plan = dossier_services.plan_create(actor=applicant, dossier=dossier, kind="floor", title="Bench")
    version = dossier_services.plan_version_create_from_stream(
        actor=applicant,
        plan=plan,
        stream=io.BytesIO(building_outline_pdf(pages=50)),
        filename="bench.pdf",
        declared_scale=100,
    )
    analyse_plan_version(str(version.pk))
    rng = random.Random(7)

    def make(count: int, pages: int) -> None:
        Annotation.objects.bulk_create(
            Annotation(
                version=version,
                page_index=1 + i % pages,
                author=member,
                kind="measurement" if i % 3 == 0 else "polygon",
                measurement_kind="area" if i % 3 == 0 else "",
                geometry={"points": [[rng.uniform(10, 2000), rng.uniform(10, 1500)] for _ in range(4)]},
                is_remark=i % 5 == 0,
                status="open" if i % 5 == 0 else "",
                text=f"Remarque {i}",
            )
            for i in range(count)
        )

    make(5000, 1)
    client = APIClient()
    client.force_authenticate(member)
    url = f"/api/v1/plan-versions/{version.pk}/annotations/?page=1&page_size=5000"
    timings = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200 and len(response.data["results"]) == 5000
    list_queries, list_bytes = len(queries), len(response.content)
    print(
        f"list 5,000 annotations of one page: {len(queries)} queries, median {statistics.median(timings) * 1000:.0f} ms "
        f"(min {min(timings) * 1000:.0f} ms), {len(response.content) / 1024 / 1024:.1f} MiB of JSON"
    )

    Annotation.objects.filter(version=version).delete()
    make(2000, 50)
    started = time.perf_counter()
    pdf = build_annotated_pdf(user=member, version=version)
    elapsed = time.perf_counter() - started
    print(f"annotated PDF of a 50-page plan with 2,000 annotations: {elapsed:.2f} s, {len(pdf) / 1024:.0f} KiB")
    results = {
        "list_5000_annotations": {
            "queries": list_queries,
            "median_ms": round(statistics.median(timings) * 1000),
            "min_ms": round(min(timings) * 1000),
            "json_mib": round(list_bytes / 1024 / 1024, 1),
        },
        "annotated_pdf_50_pages_2000_annotations": {"seconds": round(elapsed, 2), "kib": round(len(pdf) / 1024)},
    }
    out = ROOT / "bench" / "results" / "annotations.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
