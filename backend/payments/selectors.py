"""Who sees which payment: whoever sees its dossier (its parties, its desk, its reviewers)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from dossiers.selectors import visible_dossiers
from payments.models import Payment, Refund


def visible_payments(user: Any) -> QuerySet[Payment]:
    return Payment.objects.filter(dossier__in=visible_dossiers(user))


def payment_list(*, user: Any, dossier: Any) -> QuerySet[Payment]:
    return (
        visible_payments(user)
        .filter(dossier=dossier)
        .select_related("dossier")
        .prefetch_related(Prefetch("refunds", queryset=Refund.objects.order_by("created_at")))
    )


def payment_get_for_user(*, user: Any, payment_id: Any) -> Payment:
    payment = (
        visible_payments(user)
        .select_related("dossier__procedure_type", "dossier__organisation", "created_by")
        .prefetch_related("refunds")
        .filter(pk=payment_id)
        .first()
    )
    if payment is None:
        raise Http404
    return payment
