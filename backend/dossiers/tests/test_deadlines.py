"""Legal deadlines: counted as the procedure's rule says, suspended while the applicant is asked."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from agenda.models import ClosedDay
from dossiers.deadlines import deadline_of, due_date
from dossiers.models import ApplicantRequest, DeadlineRule, DossierStatus
from dossiers.tests.factories import DossierFactory


def test_calendar_days_run_from_the_day_after_the_start():
    assert due_date(start=date(2026, 11, 2), days=20, day_kind="calendar", today=date(2026, 11, 2)) == date(
        2026, 11, 22
    )


def test_business_days_skip_weekends_and_closed_days():
    # Mon 2 Nov 2026 + 5 business days = Mon 9 Nov; a closed Wednesday pushes it to Tue 10 Nov.
    assert due_date(start=date(2026, 11, 2), days=5, day_kind="business", today=date(2026, 11, 2)) == date(2026, 11, 9)
    closed = {date(2026, 11, 4)}
    assert due_date(start=date(2026, 11, 2), days=5, day_kind="business", closed=closed, today=date(2026, 11, 2)) == (
        date(2026, 11, 10)
    )


def test_suspensions_stop_the_clock_and_an_open_one_runs_to_today():
    start = date(2026, 11, 2)
    answered = due_date(
        start=start, days=20, day_kind="calendar", suspensions=[(date(2026, 11, 5), date(2026, 11, 15))], today=start
    )
    assert answered == date(2026, 12, 2)  # ten days waiting for the applicant added
    still_waiting = due_date(
        start=start, days=20, day_kind="calendar", suspensions=[(date(2026, 11, 5), None)], today=date(2026, 11, 8)
    )
    assert still_waiting == date(2026, 11, 25)


@pytest.mark.django_db
def test_a_dossier_shows_its_deadline_and_the_desk_lists_those_at_risk(client_for, django_assert_max_num_queries):
    organisation = OrganisationFactory()
    now = timezone.now()
    rule = DeadlineRule.objects.get(procedure_type_id="PC", phase="completeness")
    at_risk = DossierFactory(
        organisation=organisation,
        status=DossierStatus.COMPLETENESS_CHECK,
        submitted_at=now - timedelta(days=rule.days - 2),
    )
    overdue = DossierFactory(
        organisation=organisation, status=DossierStatus.SUBMITTED, submitted_at=now - timedelta(days=rule.days + 3)
    )
    relaxed = DossierFactory(organisation=organisation, status=DossierStatus.SUBMITTED, submitted_at=now)
    waiting = DossierFactory(
        organisation=organisation, status=DossierStatus.AWAITING_COMPLEMENTS, submitted_at=now - timedelta(days=30)
    )
    agent = UserFactory(role=Role.DESK_AGENT, organisation=organisation)
    ApplicantRequest.objects.create(dossier=waiting, kind="complements", message="Titre foncier", requested_by=agent)
    ApplicantRequest.objects.filter(dossier=waiting).update(requested_at=now - timedelta(days=25))

    desk = client_for(agent)
    detail = desk.get(f"/api/v1/dossiers/{at_risk.id}/").data["deadline"]
    assert (detail["phase"], detail["days_left"], detail["at_risk"], detail["overdue"]) == (
        "completeness",
        2,
        True,
        False,
    )
    assert (
        client_for(relaxed.created_by).get(f"/api/v1/dossiers/{relaxed.id}/").data["deadline"]["days_left"] == rule.days
    )

    listed = desk.get("/api/v1/dossiers/deadlines/").data["results"]
    assert [row["reference"] for row in listed] == [overdue.reference, at_risk.reference]
    overdue_only = desk.get("/api/v1/dossiers/deadlines/", {"state": "overdue"}).data["results"]
    assert [row["reference"] for row in overdue_only] == [overdue.reference]
    suspended = deadline_of(waiting)
    assert suspended.suspended and suspended.days_left == rule.days - 5  # 5 days ran before the request
    assert desk.get("/api/v1/dossiers/deadlines/", {"state": "soon"}).status_code == 400

    for _ in range(10):
        DossierFactory(organisation=organisation, status=DossierStatus.SUBMITTED, submitted_at=now)
    ClosedDay.objects.create(date=date.today() + timedelta(days=3), label="Fête")
    with django_assert_max_num_queries(8):
        everything = desk.get("/api/v1/dossiers/deadlines/", {"state": "all"}).data
    assert everything["count"] == 14 and len(everything["results"]) == 14
    second = desk.get("/api/v1/dossiers/deadlines/", {"state": "all", "page_size": 10, "page": 2}).data
    assert [row["reference"] for row in second["results"]] == [row["reference"] for row in everything["results"][10:]]


@pytest.mark.django_db
def test_the_decision_clock_starts_when_the_dossier_is_complete(client_for):
    dossier = DossierFactory(
        status=DossierStatus.UNDER_REVIEW,
        submitted_at=timezone.now() - timedelta(days=40),
        completed_at=timezone.now() - timedelta(days=1),
    )
    deadline = deadline_of(dossier)
    rule = DeadlineRule.objects.get(procedure_type_id="PC", phase="decision")
    assert (deadline.phase, deadline.days_left, deadline.on_silence) == ("decision", rule.days - 1, rule.on_silence)
    dossier.status = DossierStatus.DECISION
    assert deadline_of(dossier) is None
