"""The worker wiring: a real dramatiq worker picks the job up, and restarts lose nothing."""

import io

import dramatiq
import pytest
from django.core.management import call_command

from dossiers import services
from dossiers.models import PlanVersion, Upload
from dossiers.tasks import recover_unfinished_analyses
from dossiers.tests import files
from dossiers.tests.factories import PlanFactory
from storage.services import get_storage


def run_worker_until_idle() -> None:
    """A real dramatiq worker on the stub broker, until the analysis queue is empty."""
    broker = dramatiq.get_broker()
    worker = dramatiq.Worker(broker, worker_timeout=100, worker_threads=1)
    worker.start()
    try:
        broker.join("analysis", fail_fast=False, timeout=30_000)
        worker.join()
    finally:
        worker.stop()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_analyses_a_committed_version():
    plan = PlanFactory()
    version = services.plan_version_create_from_stream(
        actor=plan.dossier.created_by, plan=plan, stream=io.BytesIO(files.good_pdf()), filename="p.pdf"
    )
    run_worker_until_idle()
    version.refresh_from_db()
    assert version.status == "ready"
    assert version.pages.count() == 1


@pytest.mark.django_db
def test_recovery_re_enqueues_versions_left_processing(run_jobs):
    plan = PlanFactory()
    version = services.plan_version_create_from_stream(
        actor=plan.dossier.created_by, plan=plan, stream=io.BytesIO(files.good_pdf()), filename="p.pdf"
    )
    dramatiq.get_broker().flush_all()  # the process died before the job ran
    assert recover_unfinished_analyses() == 1
    assert run_jobs() == 1
    version.refresh_from_db()
    assert version.status == "ready"
    assert recover_unfinished_analyses() == 0


@pytest.mark.django_db
def test_expired_uploads_are_purged_with_their_staged_objects(settings):
    from datetime import timedelta

    from django.utils import timezone

    plan = PlanFactory()
    owner = plan.dossier.created_by
    old, _ = services.upload_create(actor=owner, plan=plan, filename="old.pdf", size=3)
    fresh, _ = services.upload_create(actor=owner, plan=plan, filename="new.pdf", size=3)
    get_storage().put(old.staging_key, io.BytesIO(b"abc"), size=3, content_type="application/pdf")
    Upload.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(hours=2))
    call_command("purge_expired_uploads")
    assert list(Upload.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert get_storage().stat(old.staging_key) is None
    assert PlanVersion.objects.count() == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_analysis_that_fails_on_every_try_rejects_the_version_instead_of_leaving_it_processing(monkeypatch):
    from dossiers import tasks

    plan = PlanFactory()
    version = services.plan_version_create_from_stream(
        actor=plan.dossier.created_by, plan=plan, stream=io.BytesIO(files.good_pdf()), filename="p.pdf"
    )
    dramatiq.get_broker().flush_all()  # the job queued at commit: send it again with short backoffs

    def broken(*args, **kwargs):
        raise RuntimeError("a bug, not the file's fault")

    monkeypatch.setattr(tasks, "render_thumbnails", broken)
    tasks.analyse_plan_version.send_with_options(args=(str(version.id),), max_retries=2, min_backoff=10, max_backoff=20)
    run_worker_until_idle()
    version.refresh_from_db()
    assert (version.status, version.rejection_reason) == ("rejected", str(tasks.ANALYSIS_FAILED))
    assert version.pages.count() == 0


@pytest.mark.django_db
def test_an_upload_keeps_a_safe_name(client_for):
    plan = PlanFactory()
    services.plan_version_create_from_stream(
        actor=plan.dossier.created_by,
        plan=plan,
        stream=io.BytesIO(files.good_pdf()),
        filename="../../C:\\plans\\fa\u00e7ade\u202efdp.exe",
    )
    started, _target = services.upload_create(
        actor=plan.dossier.created_by, plan=plan, filename="x/../../etc/\u202eplan.pdf", size=10
    )
    assert PlanVersion.objects.get().original_filename == "façadefdp.exe"
    assert started.filename == "plan.pdf"
