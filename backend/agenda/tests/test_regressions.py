"""Regressions found by review: a 500 on markup, stale access after leaving, member e-mails."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_markup_in_an_address_does_not_break_the_agenda_pdf(setup, client_for):
    from agenda import services as agenda_services

    dossier = setup.dossier(address='Rue <b <img src="/etc/passwd"/> & Cie')
    slot = setup.future_slots().filter(starts_at__gt=timezone.now() + timedelta(days=3)).first()
    agenda_services.booking_create(actor=dossier.created_by, dossier=dossier, slot=slot)
    response = client_for(setup.agent).get(f"/api/v1/sessions/{slot.session_id}/agenda.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_removing_a_member_revokes_their_review_access(setup, client_for):
    from agenda import services as agenda_services

    dossier = setup.dossier()
    slot = setup.future_slots().filter(starts_at__gt=timezone.now() + timedelta(days=3)).first()
    agenda_services.booking_create(actor=dossier.created_by, dossier=dossier, slot=slot)
    member = client_for(setup.permanent.user)
    assert member.get(f"/api/v1/dossiers/{dossier.id}/").status_code == 200
    assert client_for(setup.agent).delete(f"/api/v1/commission-members/{setup.permanent.id}/").status_code == 204
    assert member.get(f"/api/v1/dossiers/{dossier.id}/").status_code == 404
    assert member.get("/api/v1/review-tasks/").data["count"] == 0


def test_strangers_cannot_list_a_commissions_members(setup, client_for):
    url = f"/api/v1/commissions/{setup.commission.id}/members/"
    assert client_for(UserFactory()).get(url).status_code == 403
    assert client_for(setup.permanent.user).get(url).status_code == 200
    assert client_for(setup.agent).get(url).status_code == 200


def test_a_sessions_slot_list_has_a_constant_query_count(setup, client_for, django_assert_max_num_queries):
    session = setup.future_slots().first().session
    client = client_for(setup.agent)
    assert session.slots.count() == 6
    with django_assert_max_num_queries(3):  # session (with commission and rule), slots
        response = client.get(f"/api/v1/sessions/{session.id}/slots/")
    assert len(response.data) == 6
