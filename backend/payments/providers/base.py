"""What the application needs of a payment provider, and nothing more: open a checkout for an
amount, read a callback it signed, give money back."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from django.utils.translation import gettext_lazy as _

from config.exceptions import DomainError


class BadCallback(Exception):
    """A callback we cannot trust or use: unsigned, forged, stale or unreadable. Never retried
    into success, so the endpoint answers 400."""


class ProviderUnavailable(DomainError):
    """The provider did not answer or refused the request; nothing was booked."""

    status_code = 503
    error_type = "service_unavailable"
    title = _("Service unavailable")


@dataclass(frozen=True)
class Checkout:
    url: str
    reference: str


@dataclass(frozen=True)
class CallbackEvent:
    """A provider's news about one payment, once its signature is checked."""

    event_id: str
    outcome: str  # paid, failed, cancelled, or ignored for events we do not act on
    payment_id: str
    amount_minor: int | None
    currency: str
    charge: str = ""


class Provider(Protocol):
    name: str

    def start(self, payment: Any, *, description: str, return_url: str, cancel_url: str, site_url: str) -> Checkout: ...

    def parse_callback(self, body: bytes, headers: dict[str, str]) -> CallbackEvent: ...

    def refund(self, payment: Any, amount: Decimal) -> str: ...


def to_minor(amount: Decimal) -> int:
    """Providers count in the currency's smallest unit (centimes); every fee has two decimals."""
    return int((amount * 100).to_integral_value())
