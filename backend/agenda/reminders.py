"""The daily job's reminders: bookings 48 h ahead, and legal deadlines at risk or overdue."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from agenda.models import Booking, BookingStatus
from dossiers.deadlines import COMPLETENESS_STATUSES, DECISION_STATUSES, deadlines_for
from dossiers.models import Dossier
from dossiers.notify import desk_agents, parties
from notifications.services import notify

BOOKING_NOTICE = timedelta(hours=48)


def booking_reminders(*, now: datetime) -> int:
    """Parties of a dossier whose session starts within 48 h hear of it once."""
    bookings = Booking.objects.filter(
        status=BookingStatus.ACTIVE, slot__starts_at__gt=now, slot__starts_at__lte=now + BOOKING_NOTICE
    ).select_related("dossier", "slot__session__commission")
    sent = 0
    for booking in bookings:
        zone = ZoneInfo(booking.slot.session.commission.timezone)
        sent += len(
            notify(
                event="booking.reminder",
                recipients=parties(booking.dossier),
                context={
                    "reference": booking.dossier.reference,
                    "when": booking.slot.starts_at.astimezone(zone).strftime("%d/%m/%Y %H:%M"),
                },
                url=f"/dossiers/{booking.dossier_id}",
                dossier_id=booking.dossier_id,
                once_per=BOOKING_NOTICE + timedelta(hours=24),
            )
        )
    return sent


def deadline_reminders() -> int:
    """The desk of each dossier at risk or overdue hears of it once a day."""
    running = Dossier.objects.filter(status__in=[*COMPLETENESS_STATUSES, *DECISION_STATUSES])
    found = deadlines_for(running)
    sent = 0
    for dossier in running:
        deadline = found.get(dossier.pk)
        if deadline is None or not (deadline.at_risk or deadline.overdue):
            continue
        sent += len(
            notify(
                event="dossier.deadline_approaching",
                recipients=desk_agents(dossier),
                context={
                    "reference": dossier.reference,
                    "phase": deadline.phase,
                    "due": deadline.due_date.strftime("%d/%m/%Y"),
                    "days_left": deadline.days_left,
                },
                url=f"/dossiers/{dossier.id}",
                dossier_id=dossier.id,
                once_per=timedelta(hours=20),
            )
        )
    return sent
