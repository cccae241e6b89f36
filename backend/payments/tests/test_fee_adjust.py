"""The desk sets a submitted dossier's fee (another surface, an exemption): what was paid counts,
the applicant pays the difference online, a surplus is the desk's to refund; told and audited."""

from decimal import Decimal

import pytest

from accounts.tests.factories import OrganisationFactory, UserFactory
from audit.models import AuditEvent
from dossiers.models import Dossier, DossierStatus, PaymentStatus
from dossiers.tests.factories import DossierFactory
from notifications.models import Notification
from payments.models import Payment
from payments.providers.dev import SIGNATURE_HEADER, callback_body, sign

pytestmark = pytest.mark.django_db


def _fee(client, dossier):
    return client.get(f"/api/v1/dossiers/{dossier.pk}/fee/")


def _adjust(client, dossier, amount, reason="Surface revue : 120 m²"):
    return client.post(f"/api/v1/dossiers/{dossier.pk}/fee/", {"amount": amount, "reason": reason}, format="json")


def _pay(client_for, api_client, dossier) -> Payment:
    """Opens a checkout as the applicant and has the provider say it is paid."""
    started = client_for(dossier.created_by).post(f"/api/v1/dossiers/{dossier.pk}/payments/", {}, format="json")
    assert started.status_code == 201, started.data
    payment = Payment.objects.get(pk=started.data["id"])
    body = callback_body(payment, "paid")
    answer = api_client.post(
        "/api/v1/payments/callbacks/dev/",
        data=body,
        content_type="application/json",
        headers={SIGNATURE_HEADER: sign(body)},
    )
    assert answer.status_code == 200
    payment.refresh_from_db()
    return payment


def test_a_larger_fee_after_payment_leaves_the_difference_to_pay_online(owing, agent, client_for, api_client):
    _pay(client_for, api_client, owing)
    desk = client_for(agent)
    changed = _adjust(desk, owing, "1000.00")
    assert changed.status_code == 200, changed.data
    assert changed.data == {
        "fee_amount": "1000.00",
        "fee_currency": "MAD",
        "payment_status": "unpaid",
        "paid_amount": "800.00",
        "amount_due": "200.00",
        "can_adjust": True,
    }
    # The applicant pays the difference, and only it; then all is paid.
    second = _pay(client_for, api_client, owing)
    assert second.amount == Decimal("200.00")
    after = _fee(client_for(owing.created_by), owing).data
    assert (after["payment_status"], after["amount_due"], after["can_adjust"]) == ("paid", "0.00", False)


def test_a_smaller_fee_after_payment_stays_paid_and_the_surplus_is_refunded_by_the_desk(
    owing, agent, client_for, api_client
):
    payment = _pay(client_for, api_client, owing)
    desk = client_for(agent)
    assert _adjust(desk, owing, "500.00").data["payment_status"] == "paid"
    refund = desk.post(f"/api/v1/payments/{payment.pk}/refund/", {"amount": "300.00", "reason": "Trop-perçu"})
    assert refund.status_code == 200, refund.data
    after = _fee(desk, owing).data
    assert (after["payment_status"], after["paid_amount"], after["amount_due"]) == ("paid", "500.00", "0.00")


def test_an_exemption_before_payment_owes_nothing_and_no_checkout_opens(owing, agent, client_for):
    applicant = client_for(owing.created_by)
    assert applicant.post(f"/api/v1/dossiers/{owing.pk}/payments/", {}, format="json").status_code == 201
    assert _adjust(client_for(agent), owing, "0", "Exonération : bâtiment public").data["payment_status"] == "none"
    assert applicant.post(f"/api/v1/dossiers/{owing.pk}/payments/", {}, format="json").status_code == 409


def test_a_changed_fee_opens_a_new_checkout_rather_than_handing_out_the_old_amount(owing, agent, client_for):
    applicant = client_for(owing.created_by)
    first = applicant.post(f"/api/v1/dossiers/{owing.pk}/payments/", {}, format="json").data
    _adjust(client_for(agent), owing, "950.00")
    second = applicant.post(f"/api/v1/dossiers/{owing.pk}/payments/", {}, format="json").data
    assert second["id"] != first["id"] and second["amount"] == "950.00"


def test_a_fee_set_on_a_free_dossier_takes_the_deployment_currency(agent, authority, client_for):
    free = DossierFactory(organisation=authority, status=DossierStatus.SUBMITTED)
    assert (free.fee_amount, free.payment_status) == (None, PaymentStatus.NONE)
    changed = _adjust(client_for(agent), free, "250.00").data
    assert (changed["fee_amount"], changed["fee_currency"], changed["payment_status"]) == ("250.00", "MAD", "unpaid")


def test_the_applicant_hears_why_and_the_history_keeps_it(owing, agent, client_for):
    _adjust(client_for(agent), owing, "1000.00")
    told = Notification.objects.get(event="payment.fee_adjusted")
    assert told.recipient == owing.created_by and "1000.00 MAD" in told.body and "120 m²" in told.body
    event = AuditEvent.objects.get(action="dossier.fee_adjusted")
    assert event.actor_id == agent.pk and event.dossier_id == owing.pk
    assert event.changes["before"] == {"fee_amount": "800.00", "payment_status": "unpaid"}
    assert event.changes["after"] == {
        "fee_amount": "1000.00",
        "payment_status": "unpaid",
        "reason": "Surface revue : 120 m²",
    }


def test_only_the_desk_of_the_dossiers_authority_sets_the_fee(owing, client_for):
    assert _adjust(client_for(owing.created_by), owing, "1.00").status_code == 403
    assert _fee(client_for(owing.created_by), owing).data["can_adjust"] is False
    other_desk = UserFactory(role="desk_agent", organisation=OrganisationFactory())
    assert _adjust(client_for(other_desk), owing, "1.00").status_code == 404
    assert _fee(client_for(UserFactory()), owing).status_code == 404
    assert Dossier.objects.get(pk=owing.pk).fee_amount == Decimal("800.00")
    assert not AuditEvent.objects.filter(action="dossier.fee_adjusted").exists()


def test_not_before_submission(agent, authority, client_for):
    draft = DossierFactory(organisation=authority, status=DossierStatus.DRAFT)
    answer = _adjust(client_for(agent), draft, "10.00")
    assert answer.status_code == 409 and answer.data["detail"].startswith("Les frais sont fixés au dépôt")
    assert Dossier.objects.get(pk=draft.pk).fee_amount is None


@pytest.mark.parametrize(
    "body, field",
    [
        ({"amount": "-1", "reason": "x"}, "amount"),
        ({"amount": "12.345", "reason": "x"}, "amount"),
        ({"amount": "abc", "reason": "x"}, "amount"),
        ({"amount": "1" * 14, "reason": "x"}, "amount"),
        ({"reason": "x"}, "amount"),
        ({"amount": "10.00"}, "reason"),
        ({"amount": "10.00", "reason": ""}, "reason"),
        ({"amount": "10.00", "reason": "x" * 301}, "reason"),
    ],
)
def test_bad_input_is_a_400_on_its_field_and_changes_nothing(owing, agent, client_for, body, field):
    answer = client_for(agent).post(f"/api/v1/dossiers/{owing.pk}/fee/", body, format="json")
    assert answer.status_code == 400 and field in answer.data["errors"]
    assert Dossier.objects.get(pk=owing.pk).fee_amount == Decimal("800.00")


def test_reading_the_fee_takes_constant_queries(owing, agent, client_for, django_assert_max_num_queries):
    desk = client_for(agent)
    with django_assert_max_num_queries(8):
        assert _fee(desk, owing).status_code == 200
