"""Stripe Checkout: a hosted payment page per payment, and webhooks signed with the endpoint's
secret (the `Stripe-Signature` header, checked by the stripe library with a five-minute
tolerance against replays). Configure URBADESK_STRIPE_SECRET_KEY and URBADESK_STRIPE_WEBHOOK_SECRET,
and point a webhook of the Stripe account at /api/v1/payments/callbacks/stripe/ for the events
checkout.session.completed, checkout.session.async_payment_succeeded,
checkout.session.async_payment_failed and checkout.session.expired."""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

import stripe
from django.conf import settings
from django.utils.translation import gettext as _

from payments.providers.base import BadCallback, CallbackEvent, Checkout, ProviderUnavailable, to_minor

OUTCOMES = {
    "checkout.session.completed": "paid",
    "checkout.session.async_payment_succeeded": "paid",
    "checkout.session.async_payment_failed": "failed",
    "checkout.session.expired": "cancelled",
}


def _settings() -> dict[str, str]:
    return settings.URBADESK["PAYMENTS"]


# The library waits 80 s for an answer by default; a checkout is opened while the dossier's row
# is locked (two clicks must open one checkout), so a Stripe that hangs is given up on sooner:
# the payer sees a 503 and may try again.
REQUEST_TIMEOUT_SECONDS = 10.0
CHECKOUT_LIFETIME_SECONDS = 31 * 60
NETWORK_RETRIES = 2


def _client() -> stripe.StripeClient:
    config = _settings()
    base = {"api": config["STRIPE_API_BASE"]} if config["STRIPE_API_BASE"] else None
    return stripe.StripeClient(
        config["STRIPE_SECRET_KEY"],
        base_addresses=base,
        max_network_retries=NETWORK_RETRIES,
        http_client=stripe.new_default_http_client(timeout=REQUEST_TIMEOUT_SECONDS),
    )


class StripeProvider:
    name = "stripe"

    def start(self, payment: Any, *, description: str, return_url: str, cancel_url: str, site_url: str) -> Checkout:
        params = {
            "mode": "payment",
            "client_reference_id": str(payment.id),
            "metadata": {"payment_id": str(payment.id), "dossier": payment.dossier.reference},
            "payment_intent_data": {"metadata": {"payment_id": str(payment.id)}},
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": payment.currency.lower(),
                        "unit_amount": to_minor(payment.amount),
                        "product_data": {"name": description},
                    },
                }
            ],
            "success_url": return_url,
            "cancel_url": cancel_url,
            # Stripe keeps a session payable for 24 h unless told; ours is handed out again for
            # REUSE_CHECKOUT_FOR only, after which "pay" opens another. One left payable beside it
            # could be paid too (a second charge): it expires first (30 min is Stripe's least).
            "expires_at": int(time.time()) + CHECKOUT_LIFETIME_SECONDS,
        }
        try:
            session = _client().v1.checkout.sessions.create(params=params, options={"idempotency_key": str(payment.id)})
        except stripe.StripeError as error:
            raise ProviderUnavailable(_("The payment provider refused or did not answer; try again later.")) from error
        return Checkout(url=session.url, reference=session.id)

    def parse_callback(self, body: bytes, headers: dict[str, str]) -> CallbackEvent:
        try:
            event = stripe.Webhook.construct_event(
                body, headers.get("Stripe-Signature", ""), _settings()["STRIPE_WEBHOOK_SECRET"]
            )
        except (stripe.SignatureVerificationError, ValueError) as error:
            raise BadCallback(str(error)) from error
        outcome = OUTCOMES.get(event.type, "ignored")
        session = event.data.object.to_dict()  # a StripeObject is not a dict since stripe-python 15
        if outcome == "paid" and session.get("payment_status") not in ("paid", "no_payment_required"):
            outcome = "ignored"  # a delayed method: the async_payment_* event follows
        metadata = session.get("metadata") or {}
        return CallbackEvent(
            event_id=event.id,
            outcome=outcome,
            payment_id=str(session.get("client_reference_id") or metadata.get("payment_id") or ""),
            amount_minor=session.get("amount_total"),
            currency=str(session.get("currency") or "").upper(),
            charge=str(session.get("payment_intent") or ""),
        )

    def refund(self, payment: Any, amount: Decimal) -> str:
        try:
            # Keyed on what was refunded before: an agent's retry after a lost answer (or a
            # rolled-back commit) is the same refund at Stripe, not a second one.
            key = f"refund:{payment.id}:{to_minor(payment.refunded_amount)}:{to_minor(amount)}"
            refund = _client().v1.refunds.create(
                params={"payment_intent": payment.provider_charge, "amount": to_minor(amount)},
                options={"idempotency_key": key},
            )
        except stripe.StripeError as error:
            raise ProviderUnavailable(_("The payment provider refused or did not answer; try again later.")) from error
        return refund.id
