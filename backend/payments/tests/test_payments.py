"""Paying a dossier's fee with the development provider: redirect, signed callback, receipt,
refunds; and every way a callback or a request can be wrong."""

import io
import json
import time
import unicodedata
from decimal import Decimal

import pytest
from django.test import Client
from pypdf import PdfReader

from accounts.tests.factories import UserFactory
from audit.models import AuditEvent
from dossiers.models import Dossier, DossierStatus, PaymentStatus
from dossiers.tests.factories import DossierFactory
from notifications.models import Notification
from payments.models import Payment, PaymentState, ProviderEvent
from payments.providers.dev import SIGNATURE_HEADER, callback_body, sign

pytestmark = pytest.mark.django_db


def _start(client, dossier, **headers):
    return client.post(f"/api/v1/dossiers/{dossier.pk}/payments/", {}, format="json", **headers)


def _callback(client, body: bytes, signature: str | None = None):
    signature = sign(body) if signature is None else signature
    return client.post(
        "/api/v1/payments/callbacks/dev/",
        data=body,
        content_type="application/json",
        headers={SIGNATURE_HEADER: signature},
    )


def _pay_through_checkout(started, django_capture_on_commit_callbacks, run_jobs, choice="pay"):
    """The payer's browser at the provider: no API credentials, a form post."""
    client = Client()
    checkout = started.data["redirect_url"].split("testserver", 1)[1]
    page = client.get(checkout)
    assert page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        back = client.post(checkout, {"choice": choice})
    assert back.status_code == 302
    assert back["Location"].endswith(f"/dossiers/{started.data['dossier']}?payment={started.data['id']}")
    run_jobs()


def test_the_applicant_pays_with_the_development_provider(
    owing, client_for, django_capture_on_commit_callbacks, run_jobs
):
    client = client_for(owing.created_by)
    started = _start(client, owing)
    assert started.status_code == 201, started.data
    assert started.data["status"] == "pending" and started.data["amount"] == "800.00"
    assert "/payments/dev/checkout/" in started.data["redirect_url"]
    assert "800.00 MAD" in client.get(started.data["redirect_url"].split("testserver", 1)[1]).content.decode()
    _pay_through_checkout(started, django_capture_on_commit_callbacks, run_jobs)

    payment = client.get(f"/api/v1/payments/{started.data['id']}/").data
    assert payment["status"] == "paid" and payment["receipt_number"].startswith("R-")
    assert client.get(f"/api/v1/dossiers/{owing.pk}/").data["payment_status"] == "paid"
    receipt = client.get(payment["receipt_url"], HTTP_ACCEPT_LANGUAGE="en")
    assert receipt.status_code == 200 and receipt["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(receipt.content)).pages[0].extract_text()
    assert payment["receipt_number"] in text and owing.reference in text and "800.00 MAD" in text
    assert list(AuditEvent.objects.filter(dossier_id=owing.pk).values_list("action", flat=True).order_by("id")) == [
        "payment.started",
        "payment.paid",
    ]


def test_a_refused_card_and_a_cancel_leave_the_fee_owed(
    owing, client_for, django_capture_on_commit_callbacks, run_jobs
):
    client = client_for(owing.created_by)
    started = _start(client, owing)
    _pay_through_checkout(started, django_capture_on_commit_callbacks, run_jobs, choice="fail")
    assert Payment.objects.get(pk=started.data["id"]).status == PaymentState.FAILED
    owing.refresh_from_db()
    assert owing.payment_status == PaymentStatus.UNPAID
    again = _start(client, owing)
    assert again.status_code == 201 and again.data["id"] != started.data["id"]
    assert client.get(f"/api/v1/payments/{started.data['id']}/receipt/").status_code == 409


def test_two_clicks_open_one_checkout(owing, client_for):
    client = client_for(owing.created_by)
    first, second = _start(client, owing), _start(client, owing)
    assert first.data["id"] == second.data["id"] and first.data["redirect_url"] == second.data["redirect_url"]
    replay = _start(client, owing, HTTP_IDEMPOTENCY_KEY="k1"), _start(client, owing, HTTP_IDEMPOTENCY_KEY="k1")
    assert replay[1]["Idempotent-Replayed"] == "true"
    assert Payment.objects.filter(dossier=owing).count() == 1


def test_paying_someone_elses_dossier_is_a_404_and_a_reviewer_cannot_pay(owing, client_for, agent):
    assert _start(client_for(UserFactory()), owing).status_code == 404
    assert _start(client_for(agent), owing).status_code == 403
    assert not Payment.objects.exists()


def test_nothing_to_pay_before_submission_or_once_paid(client_for, owing):
    draft = DossierFactory()
    assert _start(client_for(draft.created_by), draft).status_code == 409
    Dossier.objects.filter(pk=owing.pk).update(payment_status=PaymentStatus.PAID)
    refused = _start(client_for(owing.created_by), owing)
    assert refused.status_code == 409 and refused.data["detail"] == "La redevance de ce dossier est déjà payée."


def test_online_payment_switched_off(owing, client_for, settings):
    settings.URBADESK = {**settings.URBADESK, "PAYMENTS": {**settings.URBADESK["PAYMENTS"], "PROVIDER": "none"}}
    assert _start(client_for(owing.created_by), owing).status_code == 409


# --- callbacks ------------------------------------------------------------------------------


@pytest.fixture
def pending(owing, client_for):
    started = _start(client_for(owing.created_by), owing)
    return Payment.objects.get(pk=started.data["id"])


def test_a_callback_delivered_twice_books_the_payment_once(pending, api_client):
    body = callback_body(pending, "paid")
    first, second = _callback(api_client, body), _callback(api_client, body)
    assert (first.status_code, first.data["duplicate"]) == (200, False)
    assert (second.status_code, second.data["duplicate"]) == (200, True)
    other_event = json.dumps({**json.loads(body), "id": "evt_dev_other"}).encode()
    assert _callback(api_client, other_event).status_code == 200
    pending.refresh_from_db()
    assert pending.status == PaymentState.PAID and pending.receipt_number == f"R-{pending.paid_at.year}-000001"
    assert AuditEvent.objects.filter(action="payment.paid").count() == 1
    # The applicant hears of it once, with the receipt's number, in their language.
    told = Notification.objects.get(event="payment.received")
    assert told.recipient == pending.dossier.created_by and told.dossier_id == pending.dossier_id
    assert pending.receipt_number in told.body and "800.00 MAD" in told.body


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda body: (body, "t=1,v1=" + "0" * 64), id="bad-signature"),
        pytest.param(lambda body: (body, ""), id="no-signature"),
        pytest.param(lambda body: (body, sign(body, timestamp=int(time.time()) - 3600)), id="stale-signature"),
        pytest.param(lambda body: (body.replace(b'"paid"', b'"paid" '), sign(body)), id="body-changed-after-signing"),
        pytest.param(lambda body: (b"{not json", sign(b"{not json")), id="unreadable"),
    ],
)
def test_a_forged_or_stale_callback_books_nothing(pending, api_client, forge):
    body, signature = forge(callback_body(pending, "paid"))
    response = _callback(api_client, body, signature)
    assert response.status_code == 400 and response.data["type"] == "validation_error"
    pending.refresh_from_db()
    assert pending.status == PaymentState.PENDING and not ProviderEvent.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"payment": "00000000-0000-0000-0000-000000000000"}, id="unknown-payment"),
        pytest.param({"payment": "not-a-uuid"}, id="malformed-payment-id"),
        pytest.param({"amount": 100}, id="wrong-amount"),
        pytest.param({"currency": "EUR"}, id="wrong-currency"),
    ],
)
def test_a_callback_about_an_unknown_payment_or_another_amount_books_nothing(pending, api_client, change):
    body = json.dumps({**json.loads(callback_body(pending, "paid")), **change}).encode()
    assert _callback(api_client, body).status_code == 400
    pending.refresh_from_db()
    assert pending.status == PaymentState.PENDING
    assert Dossier.objects.get(pk=pending.dossier_id).payment_status == PaymentStatus.UNPAID


def test_a_callback_for_a_provider_not_in_use_is_refused(pending, api_client):
    response = api_client.post("/api/v1/payments/callbacks/stripe/", data=b"{}", content_type="application/json")
    assert response.status_code == 400


def test_the_checkout_page_needs_its_signed_link(pending, client):
    assert client.get("/payments/dev/checkout/forged-token/").status_code == 404


# --- refunds --------------------------------------------------------------------------------


@pytest.fixture
def paid(pending, api_client):
    _callback(api_client, callback_body(pending, "paid"))
    pending.refresh_from_db()
    return pending


def test_the_desk_refunds_part_then_the_rest(paid, agent, client_for):
    client = client_for(agent)
    listed = client.get(f"/api/v1/dossiers/{paid.dossier_id}/payments/").data["results"]
    assert listed[0]["can_refund"] is True
    part = client.post(f"/api/v1/payments/{paid.pk}/refund/", {"amount": "300.00", "reason": "Surface revue"})
    assert part.status_code == 200, part.data
    assert (part.data["status"], part.data["refunded_amount"]) == ("paid", "300.00")
    too_much = client.post(f"/api/v1/payments/{paid.pk}/refund/", {"amount": "600.00", "reason": "x"})
    assert too_much.status_code == 400 and "amount" in too_much.data["errors"]
    rest = client.post(f"/api/v1/payments/{paid.pk}/refund/", {"amount": "500.00", "reason": "Dossier retiré"})
    assert rest.data["status"] == "refunded" and [r["amount"] for r in rest.data["refunds"]] == ["300.00", "500.00"]
    assert Dossier.objects.get(pk=paid.dossier_id).payment_status == PaymentStatus.REFUNDED
    assert client.post(f"/api/v1/payments/{paid.pk}/refund/", {"amount": "1", "reason": "x"}).status_code == 409
    assert AuditEvent.objects.filter(action="payment.refunded").count() == 2
    # The applicant hears of each refund and its reason; the agent who gave it does not.
    told = Notification.objects.filter(event="payment.refunded").order_by("created_at")
    assert [n.recipient for n in told] == [paid.dossier.created_by] * 2
    assert "Surface revue" in told[0].body and "500.00 MAD" in told[1].body


def test_the_receipt_shows_a_name_in_arabic_and_wraps_a_long_title(paid, client_for):
    payer = paid.created_by
    payer.full_name = "أحمد بناني"
    payer.save(update_fields=["full_name"])
    dossier = paid.dossier
    dossier.title = "Construction d'un immeuble R+4 à usage mixte, commerces au rez-de-chaussée et logements " * 2
    dossier.save(update_fields=["title"])
    receipt = client_for(payer).get(f"/api/v1/payments/{paid.pk}/receipt/")
    assert receipt.status_code == 200
    text = unicodedata.normalize("NFKC", PdfReader(io.BytesIO(receipt.content)).pages[0].extract_text())
    assert "أحمد بناني" in text
    assert " ".join(dossier.title.split()) in " ".join(text.split())  # on several lines, none cut off


def test_only_the_desk_refunds(paid, client_for):
    applicant = client_for(paid.dossier.created_by)
    assert applicant.get(f"/api/v1/dossiers/{paid.dossier_id}/payments/").data["results"][0]["can_refund"] is False
    assert applicant.post(f"/api/v1/payments/{paid.pk}/refund/", {"amount": "1", "reason": "x"}).status_code == 403
    assert (
        client_for(UserFactory())
        .post(f"/api/v1/payments/{paid.pk}/refund/", {"amount": "1", "reason": "x"})
        .status_code
        == 404
    )


@pytest.mark.parametrize("body", [{"amount": "abc", "reason": "x"}, {"amount": "-5", "reason": "x"}, {"amount": "5"}])
def test_a_bad_refund_request_is_a_clear_400(paid, agent, client_for, body):
    response = client_for(agent).post(f"/api/v1/payments/{paid.pk}/refund/", body, format="json")
    assert response.status_code == 400 and response.data["errors"]
    paid.refresh_from_db()
    assert paid.refunded_amount == 0


def test_the_payment_list_keeps_its_query_count(owing, client_for, django_assert_num_queries, agent):
    client = client_for(agent)

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/dossiers/{owing.pk}/payments/").status_code == 200
        return len(queries)

    Payment.objects.create(
        dossier=owing, amount=Decimal(800), currency="MAD", provider="dev", created_by=owing.created_by
    )
    one = count()
    for _n in range(5):
        Payment.objects.create(
            dossier=owing, amount=Decimal(800), currency="MAD", provider="dev", created_by=owing.created_by
        )
    assert count() == one


def test_a_submitted_dossier_of_the_catalogue_is_paid_end_to_end(client_for):
    """From the fee rule to paid, without fixtures: the amount is the frozen fee."""
    dossier = DossierFactory(
        status=DossierStatus.SUBMITTED,
        fee_amount=Decimal("1500.00"),
        fee_currency="MAD",
        payment_status=PaymentStatus.UNPAID,
    )
    started = _start(client_for(dossier.created_by), dossier)
    assert started.data["amount"] == "1500.00" and started.data["currency"] == "MAD"


def test_the_start_up_checks_catch_a_dangerous_payment_configuration(settings):
    from payments.checks import payment_provider_settings

    settings.URBADESK = {**settings.URBADESK, "PUBLIC_URL": "https://permis.example.org"}
    assert [m.id for m in payment_provider_settings(None)] == ["urbadesk.W101"]
    settings.URBADESK["PAYMENTS"] = {**settings.URBADESK["PAYMENTS"], "PROVIDER": "stripe", "STRIPE_SECRET_KEY": ""}
    assert [m.id for m in payment_provider_settings(None)] == ["urbadesk.E101"]


def test_a_receipt_is_numbered_in_the_year_of_the_authoritys_calendar(pending, api_client, settings, monkeypatch):
    """Paid at 00:30 on 1 January in Casablanca (23:30 on 31 December UTC): this year's series."""
    from datetime import UTC, datetime

    from django.utils import timezone

    settings.URBADESK = {**settings.URBADESK, "LOCAL_TIME_ZONE": "Africa/Casablanca"}
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 12, 31, 23, 30, tzinfo=UTC))
    _callback(api_client, callback_body(pending, "paid"))
    pending.refresh_from_db()
    assert pending.receipt_number == "R-2027-000001"


@pytest.mark.parametrize(
    "public_url, chosen, expected",
    [
        ("http://127.0.0.1:8000", None, "dev"),
        ("http://localhost:8000", None, "dev"),
        ("https://permis.casablanca.ma", None, "none"),  # unconfigured: no fee is marked paid for free
        ("https://permis.casablanca.ma", "dev", "dev"),  # said in so many words (start-up warning W101)
        ("https://permis.casablanca.ma", "stripe", "stripe"),
    ],
)
def test_the_simulated_provider_is_the_default_only_on_this_machine(
    monkeypatch, tmp_path, public_url, chosen, expected
):
    from config import env

    monkeypatch.setenv("URBADESK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("URBADESK_PUBLIC_URL", public_url)
    if chosen is None:
        monkeypatch.delenv("URBADESK_PAYMENT_PROVIDER", raising=False)
    else:
        monkeypatch.setenv("URBADESK_PAYMENT_PROVIDER", chosen)
    assert env.load().payment_provider == expected
