"""The Stripe adapter against a local HTTP server that answers as Stripe's API does, and webhooks
signed the way Stripe signs them (HMAC-SHA256 of `timestamp.payload` with the endpoint secret)."""

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from payments import services
from payments.models import Payment, PaymentState

pytestmark = pytest.mark.django_db

WEBHOOK_SECRET = "whsec_test_urbadesk"


class FakeStripe(BaseHTTPRequestHandler):
    seen: list = []
    # Seconds to wait before answering: a Stripe that hangs.
    delay: float = 0.0

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode())
        FakeStripe.seen.append(
            (self.path, form, self.headers.get("Authorization"), self.headers.get("Idempotency-Key"))
        )
        time.sleep(FakeStripe.delay)
        if self.path == "/v1/checkout/sessions":
            body = {"id": "cs_test_123", "object": "checkout.session", "url": "https://checkout.example/cs_test_123"}
        elif self.path == "/v1/refunds":
            body = {"id": "re_test_1", "object": "refund", "amount": int(form["amount"][0]), "status": "succeeded"}
        else:
            self.send_response(404)
            self.end_headers()
            return
        data = json.dumps(body).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the hanging-Stripe test)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def stripe_api(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeStripe)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    FakeStripe.seen = []
    FakeStripe.delay = 0.0
    settings.URBADESK = {
        **settings.URBADESK,
        "PAYMENTS": {
            "PROVIDER": "stripe",
            "STRIPE_SECRET_KEY": "sk_test_urbadesk",
            "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "STRIPE_API_BASE": f"http://127.0.0.1:{server.server_port}",
        },
    }
    yield FakeStripe.seen
    FakeStripe.delay = 0.0
    server.shutdown()


def _signed(payload: bytes, *, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def _event(payment: Payment, *, kind="checkout.session.completed", event_id="evt_1", **session) -> bytes:
    body = {
        "id": "cs_test_123",
        "object": "checkout.session",
        "client_reference_id": str(payment.pk),
        "amount_total": 80000,
        "currency": "mad",
        "payment_status": "paid",
        "payment_intent": "pi_test_9",
        "metadata": {"payment_id": str(payment.pk)},
        **session,
    }
    return json.dumps({"id": event_id, "object": "event", "type": kind, "data": {"object": body}}).encode()


def _deliver(client, payload: bytes, signature: str):
    return client.post(
        "/api/v1/payments/callbacks/stripe/",
        data=payload,
        content_type="application/json",
        headers={"Stripe-Signature": signature},
    )


@pytest.fixture
def session(owing, client_for, stripe_api):
    started = client_for(owing.created_by).post(f"/api/v1/dossiers/{owing.pk}/payments/", {}, format="json")
    assert started.status_code == 201, started.data
    return Payment.objects.get(pk=started.data["id"]), started


def test_a_checkout_session_asks_stripe_for_the_frozen_fee(session, stripe_api):
    payment, started = session
    assert started.data["redirect_url"] == "https://checkout.example/cs_test_123"
    path, form, authorization, key = stripe_api[0]
    assert path == "/v1/checkout/sessions" and authorization == "Bearer sk_test_urbadesk"
    assert form["line_items[0][price_data][unit_amount]"] == ["80000"]
    assert form["line_items[0][price_data][currency]"] == ["mad"]
    assert form["client_reference_id"] == [str(payment.pk)]
    assert form["success_url"][0].endswith(f"/dossiers/{payment.dossier_id}?payment={payment.pk}")
    assert key == str(payment.pk)
    assert payment.provider_reference == "cs_test_123"
    # It expires before our reuse window ends: never two payable checkouts for one fee.
    lifetime = int(form["expires_at"][0]) - payment.created_at.timestamp()
    assert 30 * 60 <= lifetime <= services.REUSE_CHECKOUT_FOR.total_seconds() - 60


def test_a_signed_completed_session_books_the_payment_once(session, api_client):
    payment, _started = session
    payload = _event(payment)
    assert _deliver(api_client, payload, _signed(payload)).data == {"received": True, "duplicate": False}
    assert _deliver(api_client, payload, _signed(payload)).data == {"received": True, "duplicate": True}
    payment.refresh_from_db()
    assert payment.status == PaymentState.PAID and payment.provider_charge == "pi_test_9"


@pytest.mark.parametrize(
    "signature",
    [
        pytest.param(lambda p: _signed(p, secret="whsec_someone_else"), id="another-secret"),
        pytest.param(lambda p: _signed(p, timestamp=int(time.time()) - 3600), id="replayed-an-hour-later"),
        pytest.param(lambda p: "", id="unsigned"),
        pytest.param(lambda p: "t=abc,v1=zz", id="garbage"),
    ],
)
def test_a_webhook_stripe_did_not_sign_now_books_nothing(session, api_client, signature):
    payment, _started = session
    payload = _event(payment)
    assert _deliver(api_client, payload, signature(payload)).status_code == 400
    payment.refresh_from_db()
    assert payment.status == PaymentState.PENDING


def test_a_signed_webhook_with_another_amount_books_nothing(session, api_client):
    payment, _started = session
    payload = _event(payment, amount_total=100)
    assert _deliver(api_client, payload, _signed(payload)).status_code == 400
    payment.refresh_from_db()
    assert payment.status == PaymentState.PENDING


def test_a_delayed_method_waits_for_its_async_event(session, api_client):
    payment, _started = session
    pending = _event(payment, payment_status="unpaid")
    assert _deliver(api_client, pending, _signed(pending)).status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentState.PENDING
    later = _event(payment, kind="checkout.session.async_payment_succeeded", event_id="evt_2")
    _deliver(api_client, later, _signed(later))
    payment.refresh_from_db()
    assert payment.status == PaymentState.PAID


def test_an_expired_session_cancels_and_unrelated_events_are_acknowledged(session, api_client):
    payment, _started = session
    other = json.dumps({"id": "evt_x", "object": "event", "type": "customer.created", "data": {"object": {}}}).encode()
    assert _deliver(api_client, other, _signed(other)).status_code == 200
    expired = _event(payment, kind="checkout.session.expired", event_id="evt_3", payment_status="unpaid")
    _deliver(api_client, expired, _signed(expired))
    payment.refresh_from_db()
    assert payment.status == PaymentState.CANCELLED


def test_a_refund_goes_through_stripe(session, api_client, client_for, agent, stripe_api):
    payment, _started = session
    payload = _event(payment)
    _deliver(api_client, payload, _signed(payload))
    response = client_for(agent).post(
        f"/api/v1/payments/{payment.pk}/refund/", {"amount": "150.00", "reason": "Erreur"}
    )
    assert response.status_code == 200, response.data
    path, form, _authorization, key = stripe_api[-1]
    assert path == "/v1/refunds" and form["payment_intent"] == ["pi_test_9"] and form["amount"] == ["15000"]
    assert payment.refunds.get().provider_reference == "re_test_1"
    # A retry of the same refund carries the same key; the next refund another one.
    assert key == f"refund:{payment.pk}:0:15000"
    client_for(agent).post(f"/api/v1/payments/{payment.pk}/refund/", {"amount": "150.00", "reason": "Encore"})
    assert stripe_api[-1][3] == f"refund:{payment.pk}:15000:15000"


def test_stripe_down_is_a_503_and_books_nothing(owing, client_for, stripe_api, settings):
    settings.URBADESK["PAYMENTS"]["STRIPE_API_BASE"] = "http://127.0.0.1:9"
    response = client_for(owing.created_by).post(f"/api/v1/dossiers/{owing.pk}/payments/", {}, format="json")
    assert response.status_code == 503 and response.data["type"] == "service_unavailable"
    assert not Payment.objects.exists()


def test_a_stripe_that_hangs_is_given_up_on_a_503_and_books_nothing(owing, client_for, stripe_api, monkeypatch):
    """The checkout is opened under the dossier's row lock: the library's 80-s wait is not kept."""
    from payments.providers import stripe as adapter

    monkeypatch.setattr(adapter, "REQUEST_TIMEOUT_SECONDS", 0.3)
    monkeypatch.setattr(adapter, "NETWORK_RETRIES", 1)
    FakeStripe.delay = 3.0  # it would have answered, and a 201 followed, had the client waited
    response = client_for(owing.created_by).post(f"/api/v1/dossiers/{owing.pk}/payments/", {}, format="json")
    assert response.status_code == 503 and response.data["type"] == "service_unavailable"
    assert len(stripe_api) == 2  # the first try and its one retry, with one idempotency key
    assert stripe_api[0][3] == stripe_api[1][3]
    assert not Payment.objects.exists()
