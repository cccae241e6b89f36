"""Every write of payments: start a checkout, book what a provider's callback says, refund.

The dossier's `payment_status` moves only here, through dossiers' own service, so the desk's
paid / unpaid view and these rows never disagree.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import PermissionDenied

from audit.services import audit_record
from config.exceptions import Conflict, DomainError
from dossiers.lifecycle import is_desk
from dossiers.models import Dossier, DossierStatus, PaymentStatus
from dossiers.notify import parties
from dossiers.services import dossier_fee_set, dossier_payment_status_set
from notifications.services import notify
from payments.models import Payment, PaymentState, ProviderEvent, ReceiptCounter, Refund
from payments.providers import BadCallback, CallbackEvent, provider
from payments.providers.base import to_minor

logger = logging.getLogger(__name__)

NOTHING_OWED = gettext_lazy("This dossier owes no fee now.")
ALREADY_PAID = gettext_lazy("This dossier's fee is already paid.")
ONLINE_PAYMENT_OFF = gettext_lazy("Online payment is not offered here; pay at the desk.")
REFUND_TOO_LARGE = gettext_lazy("At most %(amount)s can still be refunded.")
NOT_PAID = gettext_lazy("Only a paid payment can be refunded.")
FEE_BEFORE_SUBMISSION = gettext_lazy("The fee is fixed when the dossier is submitted; it cannot be set before.")
NOT_THE_DESK = gettext_lazy("Only the desk of the dossier's authority sets its fee.")
# A checkout left open this long is offered again rather than opening a second one; it must
# outlive the provider's own checkout (Stripe's expires after 31 minutes, and its expiry
# cancels it here), so that two payable checkouts never coexist.
REUSE_CHECKOUT_FOR = timedelta(minutes=35)


@dataclass(frozen=True)
class Settled:
    payment: Payment | None
    duplicate: bool


def _summary(payment: Payment) -> dict[str, Any]:
    return {
        "amount": str(payment.amount),
        "currency": payment.currency,
        "provider": payment.provider,
        "status": payment.status,
        "refunded_amount": str(payment.refunded_amount),
    }


def paid_net(dossier_id: Any) -> Decimal:
    """What the dossier's payments brought in and kept: paid amounts less their refunds."""
    total = Payment.objects.filter(dossier_id=dossier_id, status=PaymentState.PAID).aggregate(
        net=Sum(F("amount") - F("refunded_amount"))
    )["net"]
    return total or Decimal("0.00")


@dataclass(frozen=True)
class FeePosition:
    paid: Decimal  # what the payments brought in and kept
    due: Decimal  # the fee less that, never below nothing


def fee_position(dossier: Dossier) -> FeePosition:
    """Where the dossier's fee stands, from one sum of its payments."""
    paid = paid_net(dossier.pk)
    return FeePosition(paid=paid, due=max((dossier.fee_amount or Decimal("0.00")) - paid, Decimal("0.00")))


def _status_for(fee: Decimal | None, paid: Decimal, current: str) -> str:
    """Where the dossier's payment stands once its fee or its money changed: owing while the fee
    exceeds what was paid, paid once it is covered (a surplus is the desk's to refund)."""
    fee = fee or Decimal("0.00")
    if fee > paid:
        return PaymentStatus.UNPAID
    if paid > 0:
        return PaymentStatus.PAID
    return PaymentStatus.REFUNDED if current == PaymentStatus.REFUNDED else PaymentStatus.NONE


def _configured_provider():
    try:
        return provider()
    except LookupError:
        raise Conflict(str(ONLINE_PAYMENT_OFF)) from None


def _reusable(dossier: Dossier, provider_name: str, due: Decimal) -> Payment | None:
    """A checkout opened lately for the same amount (not one for a fee since changed)."""
    return (
        Payment.objects.filter(
            dossier=dossier,
            provider=provider_name,
            amount=due,
            status=PaymentState.PENDING,
            created_at__gte=timezone.now() - REUSE_CHECKOUT_FOR,
        )
        .exclude(checkout_url="")
        .first()
    )


@transaction.atomic
def payment_start(*, actor: Any, dossier: Dossier, site_url: str) -> Payment:
    """Opens a checkout at the provider for the fee the dossier owes. The dossier row is locked,
    so two clicks on "pay" open one checkout; one still open is handed out again."""
    dossier = Dossier.objects.select_for_update().select_related("procedure_type").get(pk=dossier.pk)
    if dossier.payment_status == PaymentStatus.PAID:
        raise Conflict(str(ALREADY_PAID))
    due = fee_position(dossier).due
    if dossier.payment_status != PaymentStatus.UNPAID or due <= 0:
        raise Conflict(str(NOTHING_OWED))
    chosen = _configured_provider()
    existing = _reusable(dossier, chosen.name, due)
    if existing is not None:
        return existing
    payment = Payment.objects.create(
        dossier=dossier,
        amount=due,
        currency=dossier.fee_currency,
        provider=chosen.name,
        created_by=actor,
    )
    back = f"{site_url.rstrip('/')}/dossiers/{dossier.pk}?payment={payment.pk}"
    checkout = chosen.start(
        payment,
        description=f"{dossier.reference} — {dossier.procedure_type.name_fr}",
        return_url=back,
        # A provider that says nothing when the payer turns back (Stripe) sends them here.
        cancel_url=f"{back}&cancelled=1",
        site_url=site_url,
    )
    payment.provider_reference, payment.checkout_url = checkout.reference, checkout.url
    payment.save(update_fields=["provider_reference", "checkout_url"])
    audit_record(
        actor=actor,
        action="payment.started",
        object_type="payment",
        object_id=payment.pk,
        dossier_id=dossier.pk,
        after=_summary(payment),
    )
    return payment


def _local_zone() -> ZoneInfo:
    return ZoneInfo(settings.URBADESK["LOCAL_TIME_ZONE"])


def _next_receipt_number(year: int) -> str:
    counter, _created = ReceiptCounter.objects.select_for_update().get_or_create(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"R-{year}-{counter.last:06d}"


def _check_amount(payment: Payment, event: CallbackEvent) -> None:
    if event.amount_minor != to_minor(payment.amount) or event.currency.upper() != payment.currency.upper():
        raise BadCallback(
            f"amount {event.amount_minor} {event.currency} does not match {to_minor(payment.amount)} {payment.currency}"
        )


def _tell_parties(dossier: Dossier, *, event: str, exclude: Any = None, **context: str) -> None:
    """The dossier's applicant and architect hear of their money (in the app, by e-mail as they
    chose, and through their webhooks); the desk sees it in the paid / unpaid list."""
    notify(
        event=event,
        recipients=parties(dossier),
        context={"reference": dossier.reference, **context},
        url=f"/dossiers/{dossier.pk}",
        dossier_id=dossier.pk,
        exclude=exclude,
    )


def _book_paid(payment: Payment, event: CallbackEvent) -> None:
    _check_amount(payment, event)
    before = _summary(payment)
    payment.status = PaymentState.PAID
    payment.paid_at = timezone.now()
    payment.provider_charge = event.charge or payment.provider_charge
    # Numbered in the year of the authority's calendar: paid at 00:30 on 1 January there is this year's.
    payment.receipt_number = _next_receipt_number(timezone.localtime(payment.paid_at, _local_zone()).year)
    payment.save(update_fields=["status", "paid_at", "provider_charge", "receipt_number"])
    dossier = Dossier.objects.select_for_update().get(pk=payment.dossier_id)
    status = _status_for(dossier.fee_amount, paid_net(dossier.pk), dossier.payment_status)
    dossier_payment_status_set(dossier_id=dossier.pk, status=status)
    audit_record(
        actor=None,
        action="payment.paid",
        object_type="payment",
        object_id=payment.pk,
        dossier_id=payment.dossier_id,
        before=before,
        after={**_summary(payment), "receipt_number": payment.receipt_number, "event": event.event_id},
    )
    _tell_parties(
        dossier,
        event="payment.received",
        amount=f"{payment.amount} {payment.currency}",
        receipt=payment.receipt_number,
    )


def _book_closed(payment: Payment, event: CallbackEvent) -> None:
    before = _summary(payment)
    failed = event.outcome == "failed"
    payment.status = PaymentState.FAILED if failed else PaymentState.CANCELLED
    payment.save(update_fields=["status"])
    audit_record(
        actor=None,
        action="payment.failed" if failed else "payment.cancelled",
        object_type="payment",
        object_id=payment.pk,
        dossier_id=payment.dossier_id,
        before=before,
        after={**_summary(payment), "event": event.event_id},
    )


def _payment_of(provider_name: str, event: CallbackEvent) -> Payment:
    try:
        payment_id = uuid.UUID(event.payment_id)
    except ValueError:
        raise BadCallback(f"unknown payment {event.payment_id!r}") from None
    payment = Payment.objects.select_for_update().filter(pk=payment_id, provider=provider_name).first()
    if payment is None:
        raise BadCallback(f"unknown payment {event.payment_id!r}")
    return payment


def callback_receive(*, provider_name: str, body: bytes, headers: dict[str, str]) -> Settled:
    """Books what a provider's signed callback says, once. Raises BadCallback for a forged,
    stale or unreadable callback, an unknown payment or a wrong amount: nothing is booked."""
    try:
        chosen = provider(provider_name)
    except LookupError:
        raise BadCallback(f"provider {provider_name!r} is not in use") from None
    event = chosen.parse_callback(body, headers)
    if event.outcome == "ignored":
        return Settled(payment=None, duplicate=False)
    try:
        with transaction.atomic():
            payment = _payment_of(provider_name, event)
            ProviderEvent.objects.create(provider=provider_name, event_id=event.event_id, payment=payment)
            if payment.status == PaymentState.PENDING:
                if event.outcome == "paid":
                    _book_paid(payment, event)
                elif event.outcome in ("failed", "cancelled"):
                    _book_closed(payment, event)
            elif payment.status in (PaymentState.FAILED, PaymentState.CANCELLED) and event.outcome == "paid":
                _book_paid(payment, event)  # money taken after all (a late async success): it counts
            return Settled(payment=payment, duplicate=False)
    except IntegrityError:
        # The same event, delivered again (or by two deliveries at once): booked the first time.
        logger.info("payment callback %s/%s delivered again", provider_name, event.event_id)
        return Settled(payment=None, duplicate=True)


@transaction.atomic
def payment_refund(*, actor: Any, payment: Payment, amount: Decimal, reason: str) -> Payment:
    """Gives back part or all of a paid fee through the provider, and records it."""
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.status != PaymentState.PAID:
        raise Conflict(str(NOT_PAID))
    left = payment.amount - payment.refunded_amount
    if amount <= 0 or amount > left:
        message = str(REFUND_TOO_LARGE) % {"amount": f"{left} {payment.currency}"}
        raise DomainError(message, errors={"amount": [message]})
    try:
        chosen = provider(payment.provider)
    except LookupError:
        raise Conflict(_("This payment's provider is no longer in use; refund it outside Urbadesk.")) from None
    reference = chosen.refund(payment, amount)
    before = _summary(payment)
    Refund.objects.create(payment=payment, amount=amount, reason=reason, provider_reference=reference, created_by=actor)
    payment.refunded_amount += amount
    if payment.refunded_amount == payment.amount:
        payment.status = PaymentState.REFUNDED
    payment.save(update_fields=["refunded_amount", "status"])
    still_paid = Payment.objects.filter(dossier_id=payment.dossier_id, status=PaymentState.PAID).exists()
    if not still_paid:
        dossier_payment_status_set(dossier_id=payment.dossier_id, status=PaymentStatus.REFUNDED)
    audit_record(
        actor=actor,
        action="payment.refunded",
        object_type="payment",
        object_id=payment.pk,
        dossier_id=payment.dossier_id,
        before=before,
        after={**_summary(payment), "refund": str(amount), "reason": reason, "provider_reference": reference},
    )
    _tell_parties(
        payment.dossier,
        event="payment.refunded",
        exclude=actor,
        amount=f"{amount} {payment.currency}",
        reason=reason,
    )
    return payment


@transaction.atomic
def fee_adjust(*, actor: Any, dossier: Dossier, amount: Decimal, reason: str) -> Dossier:
    """The desk sets the fee a submitted dossier owes, with its reason: the instruction found
    another surface, an exemption applies, the rule was misapplied. What was paid counts: the
    applicant then owes the difference, or the desk refunds a surplus."""
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if not is_desk(actor, dossier):
        raise PermissionDenied(str(NOT_THE_DESK))
    if dossier.status == DossierStatus.DRAFT:
        raise Conflict(str(FEE_BEFORE_SUBMISSION))
    before = {"fee_amount": str(dossier.fee_amount) if dossier.fee_amount is not None else None}
    before["payment_status"] = dossier.payment_status
    amount = amount.quantize(Decimal("0.01"))
    status = _status_for(amount, paid_net(dossier.pk), dossier.payment_status)
    dossier = dossier_fee_set(dossier=dossier, amount=amount, status=status)
    audit_record(
        actor=actor,
        action="dossier.fee_adjusted",
        object_type="dossier",
        object_id=dossier.pk,
        dossier_id=dossier.pk,
        before=before,
        after={"fee_amount": str(amount), "payment_status": status, "reason": reason},
    )
    _tell_parties(
        dossier,
        event="payment.fee_adjusted",
        exclude=actor,
        amount=f"{amount} {dossier.fee_currency}",
        reason=reason,
    )
    return dossier
