"""The certificates over HTTP: ask, follow, download, check; bad input, foreign ids, the rate limit
and constant query counts."""

import io
import uuid

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.throttling import ScopedRateThrottle

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from certificates.models import CertificateRequest, CertificateStatus
from certificates.services import UNKNOWN_PARCEL
from certificates.tests.factories import ParcelFactory, ZoningAreaFactory
from signatures import pki

pytestmark = pytest.mark.django_db


@pytest.fixture
def parcel():
    authority = OrganisationFactory(name="Commune urbaine de Casablanca")
    ZoningAreaFactory(organisation=authority, code="R+4")
    return ParcelFactory(organisation=authority, reference="TF 4521/C", address="12 rue des Orangers, Casablanca")


@pytest.fixture
def requester():
    return UserFactory(role=Role.APPLICANT, full_name="Salma Idrissi")


def ask(client, parcel="TF 4521/C", language="fr", **extra):
    return client.post("/api/v1/certificates/", {"parcel": parcel, "language": language}, format="json", **extra)


def issued(client, run_jobs, capture, **body):
    with capture(execute=True):
        response = ask(client, **body)
    assert response.status_code == 202, response.data
    run_jobs()
    return client.get(f"/api/v1/certificates/{response.data['id']}/")


def test_asked_pending_then_ready_downloadable_and_valid_for_anyone_who_checks(
    parcel, requester, client_for, api_client, run_jobs, django_capture_on_commit_callbacks
):
    client = client_for(requester)
    with django_capture_on_commit_callbacks(execute=True):
        asked = ask(client, parcel="tf 4521/c")
    assert asked.status_code == 202
    assert asked.data["status"] == "pending" and asked.data["download_url"] is None
    assert asked.data["parcel"]["reference"] == "TF 4521/C" and asked.data["parcel"]["authority"]
    assert run_jobs() == 1
    ready = client.get(f"/api/v1/certificates/{asked.data['id']}/").data
    assert ready["status"] == "ready" and ready["ready_at"] and ready["document"]
    assert ready["verification_url"].endswith(f"/verify/{ready['code']}")

    pdf = b"".join(Client().get(ready["download_url"].split("://testserver", 1)[1]).streaming_content)
    assert pdf.startswith(b"%PDF-")
    checked = api_client.post("/api/v1/verify/", {"file": io.BytesIO(pdf)}, format="multipart")
    assert checked.status_code == 200
    assert checked.data["verdict"] == "valid" and checked.data["latest"] is True
    assert checked.data["signatures"][0]["signer"] == pki.SEAL_NAME
    by_code = api_client.get(f"/api/v1/verify/{ready['code']}/")
    assert by_code.status_code == 200 and by_code.data["kind"] == "certificate"
    assert by_code.data["signers"][0]["name"] == pki.SEAL_NAME and by_code.data["signers"][0]["signed_at"]


def test_a_parcel_may_be_named_by_its_id(parcel, requester, client_for):
    asked = ask(client_for(requester), parcel=str(parcel.id), language="en")
    assert asked.status_code == 202 and asked.data["language"] == "en"


def test_a_certificate_request_for_an_unknown_parcel_is_a_400_on_parcel(parcel, requester, client_for):
    for unknown in ("TF 0000/X", str(uuid.uuid4()), "   "):
        response = ask(client_for(requester), parcel=unknown)
        assert response.status_code == 400, unknown
        assert response.data["type"] == "validation_error" and "parcel" in response.data["errors"], unknown
    assert ask(client_for(requester), parcel="TF 0000/X").data["errors"]["parcel"] == [str(UNKNOWN_PARCEL)]
    assert not CertificateRequest.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "parcel"),
        ({"language": "fr"}, "parcel"),
        ({"parcel": ["TF 4521/C"]}, "parcel"),
        ({"parcel": {"reference": "TF 4521/C"}}, "parcel"),
        ({"parcel": None}, "parcel"),
        ({"parcel": "TF 4521/C", "language": "de"}, "language"),
        ({"parcel": "TF 4521/C", "language": 7}, "language"),
        ({"parcel": "x" * 101}, "parcel"),
    ],
)
def test_missing_fields_and_wrong_types_are_400s_in_the_one_error_shape(parcel, requester, client_for, body, field):
    response = client_for(requester).post("/api/v1/certificates/", body, format="json")
    assert response.status_code == 400
    assert set(response.data) >= {"type", "title", "status", "detail", "errors"}
    assert field in response.data["errors"]
    assert not CertificateRequest.objects.exists()


def test_a_body_that_is_not_json_is_a_400(parcel, requester, client_for):
    response = client_for(requester).post("/api/v1/certificates/", "{parcel", content_type="application/json")
    assert response.status_code == 400 and response.data["type"] == "parse_error"


def test_someone_elses_request_is_a_404_and_an_admin_sees_it(parcel, requester, client_for):
    asked = ask(client_for(requester)).data
    stranger = UserFactory(role=Role.APPLICANT)
    agent = UserFactory(role=Role.DESK_AGENT, organisation=parcel.organisation)
    for other in (stranger, agent):
        response = client_for(other).get(f"/api/v1/certificates/{asked['id']}/")
        assert response.status_code == 404 and response.data["type"] == "not_found"
        assert client_for(other).get("/api/v1/certificates/").data["count"] == 0
    assert client_for(requester).get(f"/api/v1/certificates/{uuid.uuid4()}/").status_code == 404
    admin = UserFactory(role=Role.ADMIN)
    assert client_for(admin).get(f"/api/v1/certificates/{asked['id']}/").status_code == 200


def test_without_an_account_nothing_answers(parcel, api_client):
    assert ask(api_client).status_code == 401
    assert api_client.get("/api/v1/certificates/").status_code == 401
    assert api_client.get("/api/v1/parcels/?search=TF").status_code == 401


def test_requests_past_the_rate_are_429_and_reading_is_not_limited(parcel, requester, client_for, monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"certificate": "2/hour"})
    cache.clear()
    client = client_for(requester)
    try:
        statuses = [ask(client).status_code for _ in range(3)]
        assert statuses == [202, 202, 429]
        limited = ask(client)
        assert limited.data["type"] == "throttled" and int(limited["Retry-After"]) > 0
        assert ask(client_for(UserFactory())).status_code == 202  # counted per person
        assert all(client.get("/api/v1/certificates/").status_code == 200 for _ in range(4))
    finally:
        cache.clear()
    assert CertificateRequest.objects.count() == 3


def test_a_retry_with_the_same_idempotency_key_asks_once(parcel, requester, client_for):
    client = client_for(requester)
    first = ask(client, HTTP_IDEMPOTENCY_KEY="cert-1")
    again = ask(client, HTTP_IDEMPOTENCY_KEY="cert-1")
    assert first.status_code == again.status_code == 202
    assert again["Idempotent-Replayed"] == "true" and again.data["id"] == first.data["id"]
    assert CertificateRequest.objects.count() == 1


@pytest.mark.parametrize("count", [1, 10])
def test_my_requests_list_reads_in_constant_queries(
    parcel, requester, client_for, run_jobs, django_capture_on_commit_callbacks, django_assert_num_queries, count
):
    client = client_for(requester)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(count):
            ask(client)
    run_jobs()
    ask(client)  # one still pending
    ask(client_for(UserFactory()))  # someone else's
    with django_assert_num_queries(2):  # count, page (with parcel, authority and document)
        listed = client.get("/api/v1/certificates/")
    assert listed.data["count"] == count + 1
    assert [r["status"] for r in listed.data["results"]][:2] == ["pending", "ready"]
    assert all(r["download_url"] for r in listed.data["results"][1:])


@pytest.mark.parametrize("count", [1, 10])
def test_parcels_are_found_by_reference_or_address_in_constant_queries(
    parcel, requester, client_for, django_assert_num_queries, count
):
    for index in range(count):
        ParcelFactory(organisation=parcel.organisation, reference=f"TF {7000 + index}/R", address="Rue de Fès")
    client = client_for(requester)
    with django_assert_num_queries(2):
        found = client.get("/api/v1/parcels/?search=fès")
    assert found.data["count"] == count
    assert client.get("/api/v1/parcels/?search=4521").data["results"][0]["reference"] == "TF 4521/C"
    assert client.get("/api/v1/parcels/?search=orangers").data["count"] == 1
    assert client.get("/api/v1/parcels/").data["count"] == count + 1
    too_long = client.get("/api/v1/parcels/?search=" + "x" * 101)
    assert too_long.status_code == 400 and "search" in too_long.data["errors"]


def test_a_failed_request_says_so(parcel, requester, client_for):
    asked = ask(client_for(requester)).data
    CertificateRequest.objects.filter(pk=asked["id"]).update(status=CertificateStatus.FAILED)
    shown = client_for(requester).get(f"/api/v1/certificates/{asked['id']}/").data
    assert shown["status"] == "failed" and shown["download_url"] is None
