import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from accounts.tests.factories import UserFactory
from agenda import services
from agenda.calendar import local_today
from agenda.models import Booking, PlanningRule, Session, SessionStatus, Slot
from audit.models import AuditEvent
from commissions.models import ReviewTask
from commissions.tests.factories import CommissionFactory

pytestmark = pytest.mark.django_db


def bookable(setup, *, after_days: float = 3):
    """A free slot comfortably inside the booking window."""
    return setup.future_slots().filter(starts_at__gt=timezone.now() + timedelta(days=after_days)).first()


def book(client, dossier, slot, **headers):
    return client.post(
        "/api/v1/bookings/", {"dossier": str(dossier.id), "slot": str(slot.id)}, format="json", **headers
    )


def test_applicant_sees_free_slots_and_books_one(setup, client_for):
    dossier = setup.dossier()
    client = client_for(dossier.created_by)
    today = timezone.now().date()
    week = client.get(f"/api/v1/dossiers/{dossier.id}/available-slots/?from={today}&to={today + timedelta(days=14)}")
    assert week.status_code == 200
    assert week.data, "there are free slots in the next two weeks"
    first = week.data[0]
    assert first["commission_name"] == "Commission d'Anfa"
    assert first["remaining"] == 2
    assert first["timezone"] == "Africa/Casablanca"
    opens_after = timezone.now() + timedelta(hours=24)
    assert all(parse_datetime(row["starts_at"]) > opens_after for row in week.data)
    # Times carry the commission's offset, so their digits are the local wall-clock time.
    starts = parse_datetime(first["starts_at"])
    local = Slot.objects.get(pk=first["id"]).starts_at.astimezone(ZoneInfo("Africa/Casablanca"))
    assert starts.utcoffset() == local.utcoffset()
    assert first["starts_at"][11:16] == f"{local.hour:02d}:{local.minute:02d}"

    slot = Slot.objects.get(pk=first["id"])
    response = book(client, dossier, slot)
    assert response.status_code == 201, response.data
    assert response.data["status"] == "active"
    assert response.data["calendar_url"].endswith(f"/bookings/{response.data['id']}/calendar.ics")
    slot.refresh_from_db()
    assert slot.booked_count == 1
    again = client.get(f"/api/v1/dossiers/{dossier.id}/available-slots/?from={today}&to={today + timedelta(days=14)}")
    assert next(r for r in again.data if r["id"] == first["id"])["remaining"] == 1


def test_booking_dispatches_to_permanent_and_required_members(setup, client_for):
    dossier = setup.dossier()  # a building permit: civil protection is required, utilities not
    book(client_for(dossier.created_by), dossier, bookable(setup))
    reviewers = set(ReviewTask.objects.filter(dossier=dossier).values_list("member_id", flat=True))
    assert reviewers == {setup.permanent.pk, setup.occasional.pk}
    queue = client_for(setup.occasional.user).get("/api/v1/review-tasks/")
    assert [row["dossier_reference"] for row in queue.data["results"]] == [dossier.reference]
    assert client_for(setup.occasional.user).get(f"/api/v1/dossiers/{dossier.id}/").status_code == 200
    assert client_for(setup.other_occasional.user).get(f"/api/v1/dossiers/{dossier.id}/").status_code == 404
    assert client_for(setup.other_occasional.user).get("/api/v1/review-tasks/").data["count"] == 0


def test_bad_requests_change_nothing(setup, client_for):
    dossier = setup.dossier()
    client = client_for(dossier.created_by)
    past_session = Session.objects.create(
        commission=setup.commission,
        rule=setup.rule,
        date=timezone.now().date() - timedelta(days=2),
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2, hours=-1),
    )
    past = Slot.objects.create(
        session=past_session, starts_at=past_session.starts_at, ends_at=past_session.ends_at, capacity=2
    )
    other = CommissionFactory(organisation=setup.commission.organisation, procedure_types=["PD"])
    other_session = Session.objects.create(
        commission=other,
        date=timezone.now().date() + timedelta(days=5),
        starts_at=timezone.now() + timedelta(days=5),
        ends_at=timezone.now() + timedelta(days=5, hours=1),
    )
    wrong_commission = Slot.objects.create(
        session=other_session, starts_at=other_session.starts_at, ends_at=other_session.ends_at, capacity=2
    )
    for slot, message in [(past, "past"), (wrong_commission, "does not examine")]:
        response = book(client, dossier, slot, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 400, (message, response.data)
        assert message in response.data["detail"]
        assert "slot" in response.data["errors"]
    slot = bookable(setup, after_days=6)
    for window, message in [({"booking_opens_days": 2}, "opens on"), ({"booking_closes_hours": 24 * 10}, "closed on")]:
        PlanningRule.objects.filter(pk=setup.rule.pk).update(**window)
        response = book(client, dossier, slot, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 400, (message, response.data)
        assert message in response.data["detail"]
        PlanningRule.objects.filter(pk=setup.rule.pk).update(booking_opens_days=28, booking_closes_hours=24)
    draft = setup.dossier(status="draft")
    response = book(client_for(draft.created_by), draft, bookable(setup), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 409 and "submitted" in response.data["detail"]
    assert book(client_for(UserFactory()), dossier, bookable(setup)).status_code == 404
    assert Booking.objects.count() == 0
    assert sum(Slot.objects.values_list("booked_count", flat=True)) == 0
    assert not AuditEvent.objects.filter(action__startswith="booking").exists()


def test_a_full_slot_and_a_second_booking_are_409(setup, client_for):
    slot = bookable(setup)
    first, second, third = setup.dossier(), setup.dossier(), setup.dossier()
    assert book(client_for(first.created_by), first, slot).status_code == 201
    assert book(client_for(second.created_by), second, slot).status_code == 201
    full = book(client_for(third.created_by), third, slot)
    assert full.status_code == 409 and full.data["type"] == "slot_full"
    twice = book(client_for(first.created_by), first, bookable(setup, after_days=5))
    assert twice.status_code == 409 and twice.data["type"] == "already_booked"
    slot.refresh_from_db()
    assert slot.booked_count == 2
    assert Booking.objects.filter(status="active").count() == 2


def test_idempotency_key_makes_a_retry_safe(setup, client_for):
    dossier = setup.dossier()
    client = client_for(dossier.created_by)
    slot = bookable(setup)
    first = book(client, dossier, slot, HTTP_IDEMPOTENCY_KEY="book-1")
    retry = book(client, dossier, slot, HTTP_IDEMPOTENCY_KEY="book-1")
    assert first.status_code == retry.status_code == 201
    assert first.data["id"] == retry.data["id"]
    slot.refresh_from_db()
    assert slot.booked_count == 1


def test_reschedule_moves_in_one_step(setup, client_for):
    dossier = setup.dossier()
    client = client_for(dossier.created_by)
    old_slot, new_slot = bookable(setup, after_days=4), bookable(setup, after_days=8)
    booking = book(client, dossier, old_slot).data
    moved = client.post(f"/api/v1/bookings/{booking['id']}/reschedule/", {"slot": str(new_slot.id)}, format="json")
    assert moved.status_code == 200, moved.data
    assert moved.data["slot"]["id"] == str(new_slot.id)
    old_slot.refresh_from_db()
    new_slot.refresh_from_db()
    assert (old_slot.booked_count, new_slot.booked_count) == (0, 1)
    assert Booking.objects.get(pk=booking["id"]).status == "moved"
    tasks = ReviewTask.objects.filter(dossier=dossier)
    assert set(tasks.filter(status="pending").values_list("session_id", flat=True)) == {new_slot.session_id}
    assert tasks.filter(status="cancelled", session_id=old_slot.session_id).count() == 2


def test_reschedule_to_a_full_slot_keeps_the_old_booking(setup, client_for):
    dossier = setup.dossier()
    client = client_for(dossier.created_by)
    old_slot, full_slot = bookable(setup, after_days=4), bookable(setup, after_days=8)
    booking = book(client, dossier, old_slot).data
    for _ in range(2):
        other = setup.dossier()
        services.booking_create(actor=other.created_by, dossier=other, slot=full_slot)
    response = client.post(f"/api/v1/bookings/{booking['id']}/reschedule/", {"slot": str(full_slot.id)}, format="json")
    assert response.status_code == 409
    assert Booking.objects.get(pk=booking["id"]).status == "active"
    old_slot.refresh_from_db()
    assert old_slot.booked_count == 1


def test_cancel_frees_the_slot_and_the_deadline_is_enforced(setup, client_for):
    dossier = setup.dossier()
    client = client_for(dossier.created_by)
    slot = bookable(setup, after_days=5)
    booking = book(client, dossier, slot).data
    cancelled = client.post(f"/api/v1/bookings/{booking['id']}/cancel/")
    assert cancelled.status_code == 200 and cancelled.data["status"] == "cancelled"
    slot.refresh_from_db()
    assert slot.booked_count == 0
    assert not ReviewTask.objects.filter(dossier=dossier, status="pending").exists()
    assert client_for(setup.permanent.user).get(f"/api/v1/dossiers/{dossier.id}/").status_code == 404

    late = setup.dossier()
    late_booking = services.booking_create(actor=late.created_by, dossier=late, slot=slot)
    after_deadline = slot.starts_at - timedelta(hours=47)
    with pytest.raises(Exception) as refused:
        services.booking_cancel(actor=late.created_by, booking=late_booking, now=after_deadline)
    assert getattr(refused.value, "status_code", None) == 409
    assert re.search(r"\d{4}", str(refused.value))  # the deadline is in the message
    late_booking.refresh_from_db()
    assert late_booking.status == "active"


def test_calendar_file_and_member_feed(setup, client_for, api_client):
    dossier = setup.dossier()
    booking = book(client_for(dossier.created_by), dossier, bookable(setup)).data
    ics = client_for(dossier.created_by).get(f"/api/v1/bookings/{booking['id']}/calendar.ics")
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in ics.content and dossier.reference.encode() in ics.content
    feed = client_for(setup.permanent.user).get("/api/v1/calendar-feed/").data["url"]
    body = api_client.get(feed.split("://testserver", 1)[1])
    assert body.status_code == 200
    assert body.content.count(b"BEGIN:VEVENT") == Session.objects.filter(commission=setup.commission).count()
    assert api_client.get("/api/v1/calendar/not-a-token.ics").status_code == 404


def test_agenda_order_reorder_publish_and_pdf(setup, client_for):
    slot = bookable(setup)
    session = slot.session
    dossiers = [setup.dossier() for _ in range(3)]
    same_session = list(session.slots.order_by("starts_at"))
    for i, dossier in enumerate(dossiers):
        services.booking_create(actor=dossier.created_by, dossier=dossier, slot=same_session[i])
    agent = client_for(setup.agent)
    agenda = agent.get(f"/api/v1/sessions/{session.id}/agenda/").data
    assert [row["reference"] for row in agenda] == [d.reference for d in dossiers]
    new_order = [agenda[2]["booking"], agenda[0]["booking"], agenda[1]["booking"]]
    reordered = agent.post(f"/api/v1/sessions/{session.id}/reorder/", {"booking_ids": new_order}, format="json")
    assert [row["booking"] for row in reordered.data] == new_order
    bad = agent.post(f"/api/v1/sessions/{session.id}/reorder/", {"booking_ids": new_order[:2]}, format="json")
    assert bad.status_code == 400
    member = client_for(setup.permanent.user)
    assert (
        member.post(f"/api/v1/sessions/{session.id}/reorder/", {"booking_ids": new_order}, format="json").status_code
        == 403
    )
    assert member.get(f"/api/v1/sessions/{session.id}/agenda/").status_code == 200
    assert client_for(dossiers[0].created_by).get(f"/api/v1/sessions/{session.id}/agenda/").status_code == 404
    published = agent.post(f"/api/v1/sessions/{session.id}/publish/")
    assert published.data["status"] == SessionStatus.PUBLISHED
    pdf = agent.get(f"/api/v1/sessions/{session.id}/agenda.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


@pytest.mark.parametrize("weeks", [1, 4])
def test_availability_query_count_does_not_grow_with_slots(setup, client_for, django_assert_num_queries, weeks):
    dossier = setup.dossier()
    client = client_for(dossier.created_by)
    today = timezone.now().date()
    # dossier lookup, slots (with their session, commission and rule)
    with django_assert_num_queries(2):
        response = client.get(
            f"/api/v1/dossiers/{dossier.id}/available-slots/?from={today}&to={today + timedelta(weeks=weeks)}"
        )
    assert len(response.data) > 0


def test_availability_range_is_checked(setup, client_for):
    dossier = setup.dossier()
    client = client_for(dossier.created_by)
    for query in ("from=2026-13-01", "from=2026-12-10&to=2026-12-01", "from=2026-01-01&to=2026-06-01"):
        response = client.get(f"/api/v1/dossiers/{dossier.id}/available-slots/?{query}")
        assert response.status_code == 400, query


def test_the_commissions_rapporteur_presents_by_default(setup, client_for):
    setup.permanent.role = "rapporteur"
    setup.permanent.save()
    dossier = setup.dossier()
    slot = bookable(setup)
    services.booking_create(actor=dossier.created_by, dossier=dossier, slot=slot)
    agenda = client_for(setup.agent).get(f"/api/v1/sessions/{slot.session_id}/agenda/").data
    assert agenda[0]["rapporteur"] == (setup.permanent.user.full_name or setup.permanent.user.email)


def test_slots_and_agendas_show_the_legal_deadline(setup, client_for):
    """Submitted 18 days ago with a 20-day completeness deadline: only slots of the next two days
    keep it; booked on a later session, the agenda warns the desk, with what silence means."""
    from dossiers.models import DeadlineRule

    rule = DeadlineRule.objects.get(procedure_type_id="PC", phase="completeness")
    dossier = setup.dossier(submitted_at=timezone.now() - timedelta(days=rule.days - 2))
    client = client_for(dossier.created_by)
    # Deadlines count the authority's calendar days: near midnight UTC its date is not UTC's.
    today = local_today(settings.URBADESK["LOCAL_TIME_ZONE"], timezone.now())
    slots = client.get(
        f"/api/v1/dossiers/{dossier.id}/available-slots/?from={today}&to={today + timedelta(days=21)}"
    ).data
    due = today + timedelta(days=2)
    for row in slots:
        session_day = Slot.objects.select_related("session").get(pk=row["id"]).session.date
        assert row["within_deadline"] is (session_day <= due)
    late = next(row for row in slots if row["within_deadline"] is False)
    assert book(client, dossier, Slot.objects.get(pk=late["id"])).status_code == 201
    session = Slot.objects.get(pk=late["id"]).session
    agenda = client_for(setup.agent).get(f"/api/v1/sessions/{session.id}/agenda/").data
    item = next(row for row in agenda if row["reference"] == dossier.reference)
    assert item["past_deadline"] is True and item["on_silence"] == ""  # completeness: silence means nothing


def test_the_daily_job_reminds_bookings_and_deadlines_once(setup, client_for):
    from django.core.management import call_command

    from agenda.reminders import booking_reminders
    from notifications.models import Notification

    dossier = setup.dossier()
    slot = bookable(setup)
    assert book(client_for(dossier.created_by), dossier, slot).status_code == 201
    day_before = slot.starts_at - timedelta(hours=24)
    assert booking_reminders(now=slot.starts_at - timedelta(hours=72)) == 0  # too early
    assert booking_reminders(now=day_before) == 1
    assert booking_reminders(now=day_before + timedelta(hours=2)) == 0  # the same day again: nothing
    assert Notification.objects.get(event="booking.reminder").recipient == dossier.created_by

    at_risk = setup.dossier(submitted_at=timezone.now() - timedelta(days=19))  # PC completeness: 20 days
    call_command("send_reminders")
    call_command("send_reminders")
    deadline = Notification.objects.filter(event="dossier.deadline_approaching", dossier_id=at_risk.id)
    assert [n.recipient for n in deadline] == [setup.agent]  # once, to the desk of the authority
