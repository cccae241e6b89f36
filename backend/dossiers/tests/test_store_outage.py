"""The object store goes away while people upload: a clear 503, and nothing half-written."""

import pytest
from moto.server import ThreadedMotoServer

from audit.models import AuditEvent
from dossiers.models import PlanVersion, Upload
from dossiers.tests import files
from dossiers.tests.factories import PlanFactory
from dossiers.tests.test_uploads import multipart
from storage import services as storage_services

pytestmark = [pytest.mark.django_db, pytest.mark.faults]


@pytest.fixture
def doomed_store(settings):
    """An S3 endpoint of this test's own, ready (bucket made), which the test then stops."""
    from conftest import _free_port, use_s3

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    use_s3(settings, f"http://127.0.0.1:{port}", bucket_prefix="outage")
    storage_services.get_storage()
    yield server.stop
    storage_services.get_storage.cache_clear()


def assert_unavailable(response) -> None:
    assert response.status_code == 503, response.content
    assert response.data["type"] == "service_unavailable"
    assert response["Retry-After"].isdigit()


def test_multipart_upload_while_the_store_is_down_is_a_503_and_leaves_no_row(doomed_store, client_for):
    plan = PlanFactory()
    owner = client_for(plan.dossier.created_by)
    doomed_store()

    response = multipart(owner, plan, files.good_pdf())

    assert_unavailable(response)
    assert not PlanVersion.objects.exists()
    assert not AuditEvent.objects.filter(action="plan_version.created").exists()


def test_completing_a_direct_upload_while_the_store_is_down_keeps_it_pending(doomed_store, client_for):
    plan = PlanFactory()
    owner = client_for(plan.dossier.created_by)
    content = files.good_pdf()
    started = owner.post(
        f"/api/v1/plans/{plan.id}/uploads/", {"filename": "a.pdf", "size": len(content)}, format="json"
    )
    assert started.status_code == 201  # the URL is signed here; the store is not asked
    doomed_store()

    response = owner.post(f"/api/v1/uploads/{started.data['id']}/complete/")

    assert_unavailable(response)
    assert not PlanVersion.objects.exists()
    upload = Upload.objects.get(pk=started.data["id"])
    assert (upload.status, upload.version_id) == ("pending", None)  # may be completed once the store is back


def test_readiness_reports_the_store_down(doomed_store, api_client):
    assert api_client.get("/api/v1/health/ready/").status_code == 200
    doomed_store()
    response = api_client.get("/api/v1/health/ready/")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"]["ok"] is False
