"""The development provider: a page of our own stands for the provider's checkout, and the
callback it sends is signed like a real provider's, so the whole flow (redirect, signed callback,
return, refund) runs on a laptop and in the tests. It takes no money: deployments that take
payments for real choose another provider (URBADESK_PAYMENT_PROVIDER)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import reverse

from payments.providers.base import BadCallback, CallbackEvent, Checkout, to_minor

SIGNATURE_HEADER = "X-Urbadesk-Dev-Signature"
TOLERANCE_SECONDS = 300
TOKEN_SALT = "payments.dev.checkout"
TOKEN_MAX_AGE = 3600


def _secret() -> bytes:
    return hashlib.sha256(f"payments.dev.callback:{settings.SECRET_KEY}".encode()).digest()


def sign(body: bytes, *, timestamp: int | None = None) -> str:
    """The signature header of a callback body, in the shape providers use (t=…,v1=…)."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(_secret(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def _verify(body: bytes, header: str) -> None:
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    try:
        timestamp = int(parts.get("t", ""))
    except ValueError:
        raise BadCallback("no timestamp in the signature") from None
    if abs(time.time() - timestamp) > TOLERANCE_SECONDS:
        raise BadCallback("the signature is too old")
    expected = sign(body, timestamp=timestamp).split("v1=", 1)[1]
    if not hmac.compare_digest(expected, parts.get("v1", "")):
        raise BadCallback("the signature does not match")


def checkout_token(payment_id: Any) -> str:
    return signing.dumps(str(payment_id), salt=TOKEN_SALT)


def payment_of_token(token: str) -> str:
    """The payment a checkout link is for; a forged or expired link raises BadSignature."""
    return signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)


def callback_body(payment: Any, outcome: str) -> bytes:
    """What the simulated provider says after the payer's choice."""
    return json.dumps(
        {
            "id": f"evt_dev_{uuid.uuid4().hex}",
            "payment": str(payment.id),
            "outcome": outcome,
            "amount": to_minor(payment.amount),
            "currency": payment.currency,
            "charge": f"ch_dev_{uuid.uuid4().hex[:16]}" if outcome == "paid" else "",
        }
    ).encode()


class DevProvider:
    name = "dev"

    def start(self, payment: Any, *, description: str, return_url: str, cancel_url: str, site_url: str) -> Checkout:
        path = reverse("payments-dev-checkout", kwargs={"token": checkout_token(payment.id)})
        return Checkout(url=site_url.rstrip("/") + path, reference=f"dev_{payment.id.hex}")

    def parse_callback(self, body: bytes, headers: dict[str, str]) -> CallbackEvent:
        _verify(body, headers.get(SIGNATURE_HEADER, ""))
        try:
            data = json.loads(body)
            return CallbackEvent(
                event_id=str(data["id"]),
                outcome=str(data["outcome"]),
                payment_id=str(data["payment"]),
                amount_minor=int(data["amount"]),
                currency=str(data["currency"]),
                charge=str(data.get("charge", "")),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise BadCallback("unreadable callback") from error

    def refund(self, payment: Any, amount: Decimal) -> str:
        return f"re_dev_{uuid.uuid4().hex[:16]}"
