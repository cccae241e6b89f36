"""Liveness and readiness: what a load balancer and the container health checks rely on."""

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import OperationalError
from urllib3.exceptions import MaxRetryError

from config import health

pytestmark = pytest.mark.django_db


def test_live_answers_without_asking_any_service(api_client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = api_client.get("/api/v1/health/live/")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_ready_asks_database_broker_and_store(api_client):
    response = api_client.get("/api/v1/health/ready/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "broker", "storage"}
    assert all(check["ok"] and check["duration_ms"] >= 0 for check in body["checks"].values())


@pytest.mark.parametrize(
    ("service", "error"),
    [("database", OperationalError("connection refused")), ("storage", MaxRetryError(None, "/", "refused"))],
)
def test_ready_is_503_and_names_the_failing_service(api_client, monkeypatch, service, error):
    def fail() -> None:
        raise error

    monkeypatch.setitem(health.CHECKS, service, fail)
    response = api_client.get("/api/v1/health/ready/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"][service] == {
        "ok": False,
        "error": type(error).__name__,
        "duration_ms": pytest.approx(0, abs=50),
    }
    assert all(check["ok"] for name, check in body["checks"].items() if name != service)
    assert "refused" not in response.content.decode()  # the kind of failure, never its details


def test_ready_fails_when_the_bucket_is_gone(api_client, s3_storage, settings):
    from storage.services import get_storage

    storage = get_storage()
    storage.client.remove_bucket(settings.STORAGE_S3["BUCKET"])
    response = api_client.get("/api/v1/health/ready/")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"]["ok"] is False


def test_ready_asks_the_redis_broker(api_client, monkeypatch):
    class Client:
        def ping(self) -> None:
            raise ConnectionError("no broker")

    class Broker:
        client = Client()

    monkeypatch.setattr(health, "dramatiq", SimpleNamespace(get_broker=Broker))
    response = api_client.get("/api/v1/health/ready/")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["error"] == "ConnectionError"


def test_the_schema_tells_clients_that_any_operation_may_answer_503():
    import yaml

    schema = yaml.safe_load((settings.BASE_DIR.parent / "openapi" / "schema.yaml").read_text())
    operations = [op for path in schema["paths"].values() for op in path.values() if isinstance(op, dict)]
    assert len(operations) > 100
    assert all("503" in op["responses"] for op in operations)
    assert "Retry-After" in schema["paths"]["/api/v1/dossiers/"]["get"]["responses"]["503"]["headers"]
