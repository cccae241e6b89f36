"""Who may call what on the agenda: one row per (endpoint, role), pretix-style."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from agenda import services

pytestmark = pytest.mark.django_db

GET, POST = "get", "post"

# (method, url template, role, expected status)
MATRIX = [
    (GET, "/api/v1/sessions/{session}/agenda/", "agent", 200),
    (GET, "/api/v1/sessions/{session}/agenda/", "member", 200),
    (GET, "/api/v1/sessions/{session}/agenda/", "owner", 404),
    (GET, "/api/v1/sessions/{session}/agenda/", "foreign_agent", 404),
    (GET, "/api/v1/sessions/{session}/agenda/", "anonymous", 401),
    (POST, "/api/v1/sessions/{session}/publish/", "agent", 200),
    (POST, "/api/v1/sessions/{session}/publish/", "member", 403),
    (POST, "/api/v1/sessions/{session}/publish/", "owner", 404),
    (GET, "/api/v1/sessions/{session}/agenda.pdf", "agent", 200),
    (GET, "/api/v1/sessions/{session}/agenda.pdf", "stranger", 404),
    (GET, "/api/v1/commissions/{commission}/planning-rules/", "agent", 200),
    (GET, "/api/v1/commissions/{commission}/planning-rules/", "member", 403),
    (GET, "/api/v1/commissions/{commission}/planning-rules/", "foreign_agent", 403),
    (POST, "/api/v1/commissions/{commission}/generate-sessions/", "owner", 403),
    (GET, "/api/v1/dossiers/{dossier}/available-slots/", "owner", 200),
    (GET, "/api/v1/dossiers/{dossier}/available-slots/", "stranger", 404),
    (GET, "/api/v1/dossiers/{dossier}/available-slots/", "anonymous", 401),
    (GET, "/api/v1/bookings/{booking}/", "owner", 200),
    (GET, "/api/v1/bookings/{booking}/", "member", 200),
    (GET, "/api/v1/bookings/{booking}/", "stranger", 404),
    (POST, "/api/v1/bookings/{booking}/cancel/", "stranger", 404),
    (POST, "/api/v1/bookings/{booking}/cancel/", "member", 403),
    (POST, "/api/v1/bookings/{booking}/cancel/", "agent", 403),
    (GET, "/api/v1/bookings/{booking}/calendar.ics", "owner", 200),
    (GET, "/api/v1/bookings/{booking}/calendar.ics", "stranger", 404),
    (GET, "/api/v1/review-tasks/", "member", 200),
    (GET, "/api/v1/review-tasks/", "anonymous", 401),
]


@pytest.mark.parametrize(("method", "template", "role", "expected"), MATRIX)
def test_permission_matrix(setup, client_for, api_client, method, template, role, expected):
    dossier = setup.dossier()
    slot = setup.future_slots().filter(starts_at__gt=timezone.now() + timedelta(days=3)).first()
    booking = services.booking_create(actor=dossier.created_by, dossier=dossier, slot=slot)
    users = {
        "owner": dossier.created_by,
        "stranger": UserFactory(),
        "agent": setup.agent,
        "foreign_agent": UserFactory(role=Role.DESK_AGENT, organisation=OrganisationFactory()),
        "member": setup.permanent.user,
    }
    client = api_client if role == "anonymous" else client_for(users[role])
    url = template.format(
        session=slot.session_id, commission=setup.commission.id, dossier=dossier.id, booking=booking.id
    )
    response = getattr(client, method)(url, {"weeks": 1} if "generate" in url else None, format="json")
    assert response.status_code == expected, (role, url, getattr(response, "data", None))
