"""The same callback delivered by several connections at once, and two "pay" clicks at once, on
PostgreSQL: row locks and the unique event row, not Python checks, keep one booking."""

from decimal import Decimal

import pytest
from django.db import connection

from accounts.tests.factories import OrganisationFactory
from audit.models import AuditEvent
from dossiers.models import Dossier, DossierStatus, PaymentStatus
from dossiers.tests.factories import DossierFactory
from dossiers.tests.test_concurrency import in_parallel
from payments import services
from payments.models import Payment, PaymentState, ProviderEvent
from payments.providers.dev import SIGNATURE_HEADER, callback_body, sign

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks and real concurrency"),
]


def _owing() -> Dossier:
    return DossierFactory(
        organisation=OrganisationFactory(),
        status=DossierStatus.SUBMITTED,
        fee_amount=Decimal("800.00"),
        fee_currency="MAD",
        payment_status=PaymentStatus.UNPAID,
    )


def test_one_callback_delivered_eight_times_at_once_books_once():
    dossier = _owing()
    payment = services.payment_start(actor=dossier.created_by, dossier=dossier, site_url="http://testserver/")
    body = callback_body(payment, "paid")
    headers = {SIGNATURE_HEADER: sign(body)}
    results = in_parallel(8, lambda i: services.callback_receive(provider_name="dev", body=body, headers=headers))
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(r.duplicate for r in results) == [False] + [True] * 7
    payment.refresh_from_db()
    assert payment.status == PaymentState.PAID
    assert ProviderEvent.objects.count() == 1 and AuditEvent.objects.filter(action="payment.paid").count() == 1


def test_two_pay_clicks_at_once_open_one_checkout():
    dossier = _owing()
    results = in_parallel(
        4, lambda i: services.payment_start(actor=dossier.created_by, dossier=dossier, site_url="http://testserver/").pk
    )
    assert len(set(results)) == 1, results
    assert Payment.objects.filter(dossier=dossier).count() == 1
