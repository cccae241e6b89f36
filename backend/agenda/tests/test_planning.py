from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from agenda import services
from agenda.models import Booking, ClosedDay, Session, Slot

pytestmark = pytest.mark.django_db

RULE = {
    "weekdays": [6],
    "start_time": "09:00",
    "end_time": "11:00",
    "slot_minutes": 30,
    "capacity": 3,
    "valid_from": "2026-01-01",
}


def test_agent_adds_a_rule_and_generates_sessions(setup, client_for):
    client = client_for(setup.agent)
    url = f"/api/v1/commissions/{setup.commission.id}/planning-rules/"
    response = client.post(url, RULE, format="json")
    assert response.status_code == 201, response.data
    generated = client.post(
        f"/api/v1/commissions/{setup.commission.id}/generate-sessions/", {"weeks": 2}, format="json"
    )
    assert generated.status_code == 200
    saturdays = Session.objects.filter(commission=setup.commission, date__week_day=7)
    assert saturdays.count() == generated.data["sessions_created"] >= 2
    assert all(s.slots.count() == 4 for s in saturdays)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"slot_minutes": 45}, "slot_minutes"),  # 120 minutes is no whole number of 45-minute slots
        ({"end_time": "09:10"}, "slot_minutes"),
        ({"end_time": "08:00"}, "slot_minutes"),
        ({"weekdays": [0]}, "weekdays"),
        ({"weekdays": [2], "start_time": "11:00", "end_time": "13:00"}, "weekdays"),  # overlaps Tuesday 9–12
        ({"valid_until": "2025-01-01"}, "valid_until"),
    ],
)
def test_bad_rules_are_refused_and_change_nothing(setup, client_for, change, field):
    before = setup.commission.planning_rules.count()
    response = client_for(setup.agent).post(
        f"/api/v1/commissions/{setup.commission.id}/planning-rules/", {**RULE, **change}, format="json"
    )
    assert response.status_code == 400, response.data
    assert field in response.data["errors"]
    assert setup.commission.planning_rules.count() == before


def test_only_the_authoritys_agents_manage_planning(setup, client_for):
    from accounts.tests.factories import OrganisationFactory, UserFactory

    outsider = UserFactory(role="desk_agent", organisation=OrganisationFactory())
    applicant = UserFactory()
    url = f"/api/v1/commissions/{setup.commission.id}/planning-rules/"
    assert client_for(outsider).post(url, RULE, format="json").status_code == 403
    assert client_for(applicant).post(url, RULE, format="json").status_code == 403
    assert client_for(setup.permanent.user).post(url, RULE, format="json").status_code == 403


def test_regenerating_duplicates_nothing(setup):
    sessions, slots = Session.objects.count(), Slot.objects.count()
    report = services.sessions_generate(actor=setup.agent, commission=setup.commission, weeks=4)
    assert report.sessions_created == report.slots_created == report.slots_removed == 0
    assert (Session.objects.count(), Slot.objects.count()) == (sessions, slots)


def test_closed_days_get_no_session(setup):
    next_weekday = timezone.now().date() + timedelta(days=7)
    while next_weekday.isoweekday() > 5:
        next_weekday += timedelta(days=1)
    assert Session.objects.filter(commission=setup.commission, date=next_weekday).exists()
    Session.objects.filter(commission=setup.commission, date=next_weekday).delete()
    services.closed_day_add(actor=setup.agent, commission=None, day=next_weekday, label="Fête nationale")
    services.sessions_generate(actor=setup.agent, commission=setup.commission, weeks=4)
    assert not Session.objects.filter(commission=setup.commission, date=next_weekday).exists()
    assert ClosedDay.objects.count() == 1


def test_regenerating_after_a_rule_change_keeps_booked_slots(setup):
    from agenda.models import PlanningRule

    slot = setup.future_slots().filter(starts_at__gt=timezone.now() + timedelta(days=3)).first()
    dossier = setup.dossier()
    services.booking_create(actor=dossier.created_by, dossier=dossier, slot=slot)
    PlanningRule.objects.filter(pk=setup.rule.pk).update(start_time=time(14), end_time=time(16))
    report = services.sessions_generate(actor=setup.agent, commission=setup.commission, weeks=4)
    assert report.slots_kept_booked == 1
    assert Slot.objects.filter(pk=slot.pk).exists()
    assert Booking.objects.get(dossier=dossier).slot_id == slot.pk
    assert report.slots_removed > 0


def test_sessions_are_in_the_commissions_local_time(setup):
    session = Session.objects.filter(commission=setup.commission).first()
    local = timezone.localtime(session.starts_at, timezone=__import__("zoneinfo").ZoneInfo("Africa/Casablanca"))
    assert local.time() == time(9)
    assert isinstance(session.date, date)
