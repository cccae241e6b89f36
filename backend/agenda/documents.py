"""Files the agenda hands out: iCalendar events and feeds, and the agenda (ordre du jour) PDF."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from agenda.models import Booking, Session
from config.pdf_text import font, paragraph, stylesheet

PRODID = "-//Urbadesk//Agenda//FR"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def booking_ics(booking: Booking) -> bytes:
    """One event: the applicant's slot at the commission."""
    session = booking.slot.session
    calendar = _calendar(_("Urbadesk booking"))
    event = Event()
    event.add("uid", f"booking-{booking.pk}@urbadesk")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", booking.slot.starts_at)
    event.add("dtend", booking.slot.ends_at)
    event.add(
        "summary",
        _("%(commission)s — dossier %(reference)s")
        % {
            "commission": session.commission.name,
            "reference": booking.dossier.reference,
        },
    )
    if session.place:
        event.add("location", session.place)
    event.add("description", booking.dossier.title)
    calendar.add_component(event)
    return calendar.to_ical()


def sessions_ics(sessions: Iterable[Session], *, name: str) -> bytes:
    """A member's feed: one event per session of their commissions."""
    calendar = _calendar(name)
    for session in sessions:
        event = Event()
        event.add("uid", f"session-{session.pk}@urbadesk")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("summary", _("Session of %(commission)s") % {"commission": session.commission.name})
        if session.place:
            event.add("location", session.place)
        event.add("status", "CONFIRMED" if session.status == "published" else "TENTATIVE")
        calendar.add_component(event)
    return calendar.to_ical()


def _local(moment: datetime, zone: str, fmt: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime(fmt)


def agenda_pdf(session: Session, items: Iterable[Booking]) -> bytes:
    """The session's agenda as an A4 landscape table, one row per dossier."""
    zone = session.commission.timezone
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=_("Agenda"),
        author="Urbadesk",
    )
    styles = stylesheet()
    cell = styles["BodyText"]
    cell.fontSize = 8.5
    cell.leading = 10.5
    story = [
        paragraph(_("Agenda — %(commission)s") % {"commission": session.commission.name}, styles["Title"]),
        paragraph(
            _("Session of %(date)s, %(start)s–%(end)s (%(zone)s). %(place)s")
            % {
                "date": _local(session.starts_at, zone, "%d/%m/%Y"),
                "start": _local(session.starts_at, zone, "%H:%M"),
                "end": _local(session.ends_at, zone, "%H:%M"),
                "zone": zone,
                "place": session.place,
            },
            styles["Normal"],
        ),
        Spacer(1, 6 * mm),
    ]
    header = [_("No."), _("Time"), _("Reference"), _("Applicant"), _("Address"), _("Procedure"), _("Rapporteur")]
    rows = [header]
    for number, booking in enumerate(items, start=1):
        applicants = getattr(booking.dossier, "applicants", [])
        rows.append(
            [
                str(number),
                _local(booking.slot.starts_at, zone, "%H:%M"),
                paragraph(booking.dossier.reference, cell),
                paragraph(", ".join(p.user.full_name or p.user.email for p in applicants), cell),
                paragraph(booking.dossier.address, cell),
                paragraph(booking.dossier.procedure_type.name_fr, cell),
                paragraph(booking.rapporteur.user.full_name if booking.rapporteur else "", cell),
            ]
        )
    table = Table(rows, colWidths=[10 * mm, 16 * mm, 34 * mm, 50 * mm, 75 * mm, 45 * mm, 37 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f3a5f")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("FONTNAME", (0, 0), (-1, -1), font()),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f5f9")]),
            ]
        )
    )
    story.append(table)
    if len(rows) == 1:
        story.append(paragraph(_("No dossier is booked on this session yet."), styles["Normal"]))
    document.build(story)
    return buffer.getvalue()
