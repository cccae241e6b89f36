"""Concurrent writers on PostgreSQL: row locks, not Python checks, keep the invariants."""

import io
import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections

from accounts.tests.factories import UserFactory
from dossiers import services
from dossiers.models import Dossier, PlanVersion
from dossiers.tests import files
from dossiers.tests.factories import PlanFactory

pytestmark = [
    # serialized_rollback keeps the rows seeded by migrations (procedure types, audit head).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks and real concurrency"),
]


def in_parallel(count: int, work: Callable[[int], object]) -> list[object]:
    """Run `work(i)` in `count` threads released at once; return results or exceptions."""
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = work(i)
        except Exception as exc:
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_concurrent_creations_get_distinct_consecutive_references():
    applicant = UserFactory()
    results = in_parallel(
        12,
        lambda i: (
            services.dossier_create(
                actor=applicant, procedure_type="PC", title=f"Projet {i}", address="Casablanca"
            ).reference
        ),
    )
    assert not [r for r in results if isinstance(r, Exception)], results
    numbers = sorted(int(str(r)[-6:]) for r in results)
    assert numbers == list(range(1, 13))
    assert Dossier.objects.count() == 12


def test_concurrent_uploads_to_one_plan_get_distinct_numbers():
    plan = PlanFactory()
    owner = plan.dossier.created_by

    results = in_parallel(
        6,
        lambda i: (
            services.plan_version_create_from_stream(
                actor=owner, plan=plan, stream=io.BytesIO(files.good_pdf(width_m=10 + i)), filename=f"v{i}.pdf"
            ).number
        ),
    )
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(results) == [1, 2, 3, 4, 5, 6]
    assert PlanVersion.objects.filter(plan=plan).count() == 6


def test_concurrent_completions_of_one_upload_make_one_version():
    from storage.services import get_storage

    plan = PlanFactory()
    owner = plan.dossier.created_by
    content = files.good_pdf()
    upload, _target = services.upload_create(actor=owner, plan=plan, filename="p.pdf", size=len(content))

    get_storage().put(upload.staging_key, io.BytesIO(content), size=len(content), content_type="application/pdf")
    results = in_parallel(4, lambda i: services.upload_complete(actor=owner, upload=upload).pk)
    versions = {r for r in results if not isinstance(r, Exception)}
    assert len(versions) == 1, results
    assert PlanVersion.objects.filter(plan=plan).count() == 1
