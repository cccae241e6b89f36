import pytest

from accounts.tests.factories import UserFactory
from audit.models import AuditEvent
from config.models import IdempotencyRecord
from dossiers.models import Dossier

pytestmark = pytest.mark.django_db

BODY = {"procedure_type": "PC", "title": "Villa", "address": "Casablanca"}


def test_a_retry_with_the_same_key_creates_nothing_more(client_for):
    client = client_for(UserFactory())
    first = client.post("/api/v1/dossiers/", BODY, format="json", HTTP_IDEMPOTENCY_KEY="abc-1")
    retry = client.post("/api/v1/dossiers/", BODY, format="json", HTTP_IDEMPOTENCY_KEY="abc-1")
    assert first.status_code == retry.status_code == 201
    assert retry.data["id"] == first.data["id"]
    assert retry["Idempotent-Replayed"] == "true"
    assert Dossier.objects.count() == 1
    assert AuditEvent.objects.filter(action="dossier.created").count() == 1


def test_other_keys_and_no_key_write_again(client_for):
    client = client_for(UserFactory())
    client.post("/api/v1/dossiers/", BODY, format="json", HTTP_IDEMPOTENCY_KEY="k1")
    client.post("/api/v1/dossiers/", BODY, format="json", HTTP_IDEMPOTENCY_KEY="k2")
    client.post("/api/v1/dossiers/", BODY, format="json")
    assert Dossier.objects.count() == 3


def test_a_key_reused_for_another_request_is_422(client_for):
    client = client_for(UserFactory())
    client.post("/api/v1/dossiers/", BODY, format="json", HTTP_IDEMPOTENCY_KEY="same")
    other = client.post("/api/v1/dossiers/", {**BODY, "title": "Autre"}, format="json", HTTP_IDEMPOTENCY_KEY="same")
    assert other.status_code == 422
    assert other.data["type"] == "idempotency_key_reused"
    assert Dossier.objects.count() == 1


def test_keys_belong_to_their_user(client_for):
    first = client_for(UserFactory()).post("/api/v1/dossiers/", BODY, format="json", HTTP_IDEMPOTENCY_KEY="shared")
    second = client_for(UserFactory()).post("/api/v1/dossiers/", BODY, format="json", HTTP_IDEMPOTENCY_KEY="shared")
    assert first.data["id"] != second.data["id"]


def test_a_refused_request_frees_its_key(client_for):
    client = client_for(UserFactory())
    bad = client.post("/api/v1/dossiers/", {**BODY, "procedure_type": "XX"}, format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert bad.status_code == 400
    assert not IdempotencyRecord.objects.exists()
    good = client.post("/api/v1/dossiers/", BODY, format="json", HTTP_IDEMPOTENCY_KEY="k2")
    assert good.status_code == 201


def test_a_retry_while_the_first_request_runs_is_409(client_for):
    client = client_for(UserFactory())
    client.post("/api/v1/dossiers/", BODY, format="json", HTTP_IDEMPOTENCY_KEY="busy")
    IdempotencyRecord.objects.filter(key="busy").update(status_code=None, response_body=None)  # still running
    response = client.post("/api/v1/dossiers/", BODY, format="json", HTTP_IDEMPOTENCY_KEY="busy")
    assert response.status_code == 409
    assert Dossier.objects.count() == 1


def test_an_abandoned_first_request_frees_its_key(client_for):
    from datetime import timedelta

    from django.utils import timezone

    client = client_for(UserFactory())
    client.post("/api/v1/dossiers/", BODY, format="json", HTTP_IDEMPOTENCY_KEY="crashed")
    IdempotencyRecord.objects.filter(key="crashed").update(
        status_code=None, response_body=None, created_at=timezone.now() - timedelta(minutes=6)
    )
    response = client.post("/api/v1/dossiers/", BODY, format="json", HTTP_IDEMPOTENCY_KEY="crashed")
    assert response.status_code == 201
