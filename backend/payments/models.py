"""Online payments of dossiers' fees: each attempt at a provider, what the provider told us, and
refunds. The dossier's own `payment_status` is what the desk filters on; these rows are its proof."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PaymentState(models.TextChoices):
    PENDING = "pending", _("Awaiting payment")
    PAID = "paid", _("Paid")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")
    REFUNDED = "refunded", _("Refunded")


class Payment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.PROTECT, related_name="payments")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3)
    provider = models.CharField(max_length=20)
    provider_reference = models.CharField(
        max_length=200, blank=True, help_text="The provider's name for the checkout (e.g. a Stripe session id)."
    )
    provider_charge = models.CharField(
        max_length=200, blank=True, help_text="The provider's name for the money taken, which refunds refer to."
    )
    checkout_url = models.URLField(max_length=2000, blank=True)
    status = models.CharField(max_length=12, choices=PaymentState.choices, default=PaymentState.PENDING)
    refunded_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    receipt_number = models.CharField(max_length=32, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "provider_reference"],
                condition=~Q(provider_reference=""),
                name="one_payment_per_provider_reference",
            ),
            models.UniqueConstraint(
                fields=["receipt_number"], condition=~Q(receipt_number=""), name="unique_receipt_number"
            ),
            models.CheckConstraint(
                condition=Q(amount__gt=0) & Q(refunded_amount__gte=0) & Q(refunded_amount__lte=models.F("amount")),
                name="payment_amounts_consistent",
            ),
        ]
        indexes = [models.Index(fields=["dossier", "status"])]

    def __str__(self) -> str:
        return f"{self.amount} {self.currency} ({self.status})"


class Refund(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    reason = models.CharField(max_length=500)
    provider_reference = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="refund_positive")]


class ProviderEvent(models.Model):
    """Each callback a provider delivered, once: a callback that arrives twice books nothing twice."""

    provider = models.CharField(max_length=20)
    event_id = models.CharField(max_length=200)
    payment = models.ForeignKey(Payment, null=True, on_delete=models.SET_NULL, related_name="+")
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["provider", "event_id"], name="one_event_per_provider_id")]


class ReceiptCounter(models.Model):
    year = models.PositiveSmallIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)
