"""Every write on planning, sessions and bookings.

Booking follows one locking rule (pretix's): lock once per transaction, as late as possible,
always before checking availability. The dossier row is locked first (one booking operation
per dossier at a time); the slot is then taken by a conditional UPDATE that only succeeds
while `booked_count < capacity`, and a check constraint refuses any overbooking the code
might still attempt. A second active booking of a dossier breaks a partial unique index.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q, Value
from django.db.models.functions import Greatest
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy

from agenda.calendar import RuleShape, local_today, rules_overlap, sitting_days, slot_bounds, slots_fit
from agenda.models import (
    BOOKABLE_SESSION_STATUSES,
    Attendance,
    Booking,
    BookingStatus,
    ClosedDay,
    PlanningRule,
    Session,
    SessionStatus,
    Slot,
)
from audit.services import audit_record
from commissions import selectors as commission_selectors
from commissions import services as commission_services
from config.exceptions import Conflict, DomainError
from dossiers.models import BOOKABLE_STATUSES, Dossier
from dossiers.notify import parties
from notifications.services import notify

BAD_WEEKDAYS = gettext_lazy("Weekdays are numbers from 1 (Monday) to 7 (Sunday), at least one.")
SLOTS_DO_NOT_FIT = gettext_lazy(
    "From %(start)s to %(end)s there is no whole number of %(minutes)d-minute slots; change the hours or the slot length."
)
RULES_OVERLAP = gettext_lazy("This rule overlaps another rule of the commission (same weekday, period and hours).")
BAD_VALIDITY = gettext_lazy("The rule must end after it starts.")
DOSSIER_NOT_SUBMITTED = gettext_lazy("Only a submitted dossier can be booked; this one is %(status)s.")
ALREADY_BOOKED = gettext_lazy("This dossier already has a booking; move it instead of booking again.")
SLOT_FULL = gettext_lazy("This slot has just been taken; choose another one.")
SLOT_PAST = gettext_lazy("This slot is in the past.")
SLOT_NOT_OPEN = gettext_lazy("Booking for this slot opens on %(opens)s.")
SLOT_CLOSED = gettext_lazy("Booking for this slot closed on %(closed)s.")
SLOT_WRONG_COMMISSION = gettext_lazy(
    "This slot belongs to a commission that does not examine this dossier's procedure."
)
SESSION_NOT_OPEN = gettext_lazy("This session no longer takes bookings.")
BOOKING_NOT_ACTIVE = gettext_lazy("This booking is %(status)s; it can no longer change.")
CHANGE_DEADLINE_PASSED = gettext_lazy(
    "Bookings for this session can be cancelled or moved until %(deadline)s; that time has passed."
)
REORDER_MISMATCH = gettext_lazy("Give every active booking of the session exactly once.")


class SlotFull(Conflict):
    error_type = "slot_full"


class AlreadyBooked(Conflict):
    error_type = "already_booked"


class DossierNotBookable(Conflict):
    error_type = "dossier_not_bookable"


class ChangeDeadlinePassed(Conflict):
    error_type = "change_deadline_passed"


class BookingNotActive(Conflict):
    error_type = "booking_not_active"


DEFAULT_WINDOWS = {"booking_opens_days": 56, "booking_closes_hours": 24, "cancellation_hours": 48}


def _invalid(field: str, message: str) -> DomainError:
    return DomainError(message, errors={field: [message]})


def _local(moment: datetime, zone: str) -> str:
    return formats.date_format(moment.astimezone(ZoneInfo(zone)), "DATETIME_FORMAT") + f" ({zone})"


def _shape(rule: PlanningRule) -> RuleShape:
    return RuleShape(
        weekdays=tuple(rule.weekdays),
        start_time=rule.start_time,
        end_time=rule.end_time,
        slot_minutes=rule.slot_minutes,
        valid_from=rule.valid_from,
        valid_until=rule.valid_until,
    )


# --- planning rules -------------------------------------------------------------------


@transaction.atomic
def planning_rule_create(
    *,
    actor: Any,
    commission: Any,
    weekdays: list[int],
    start_time: time,
    end_time: time,
    slot_minutes: int,
    capacity: int,
    valid_from: date,
    valid_until: date | None = None,
    place: str = "",
    booking_opens_days: int = 56,
    booking_closes_hours: int = 24,
    cancellation_hours: int = 48,
) -> PlanningRule:
    if not weekdays or any(d not in range(1, 8) for d in weekdays):
        raise _invalid("weekdays", str(BAD_WEEKDAYS))
    if not slots_fit(start_time, end_time, slot_minutes):
        message = str(SLOTS_DO_NOT_FIT) % {"start": start_time, "end": end_time, "minutes": slot_minutes}
        raise _invalid("slot_minutes", message)
    if valid_until is not None and valid_until < valid_from:
        raise _invalid("valid_until", str(BAD_VALIDITY))
    commission_services.commission_lock(commission=commission)  # one rule change at a time
    rule = PlanningRule(
        commission=commission,
        weekdays=sorted(set(weekdays)),
        start_time=start_time,
        end_time=end_time,
        slot_minutes=slot_minutes,
        capacity=capacity,
        valid_from=valid_from,
        valid_until=valid_until,
        place=place,
        booking_opens_days=booking_opens_days,
        booking_closes_hours=booking_closes_hours,
        cancellation_hours=cancellation_hours,
    )
    if any(rules_overlap(_shape(rule), _shape(other)) for other in commission.planning_rules.all()):
        raise _invalid("weekdays", str(RULES_OVERLAP))
    rule.full_clean()
    rule.save()
    audit_record(
        actor=actor,
        action="planning_rule.created",
        object_type="planning_rule",
        object_id=rule.id,
        after={
            "commission": str(commission.id),
            "weekdays": rule.weekdays,
            "start": str(start_time),
            "end": str(end_time),
            "slot_minutes": slot_minutes,
            "capacity": capacity,
        },
    )
    return rule


@transaction.atomic
def closed_day_add(*, actor: Any, commission: Any | None, day: date, label: str) -> ClosedDay:
    closed, _created = ClosedDay.objects.update_or_create(commission=commission, date=day, defaults={"label": label})
    audit_record(
        actor=actor,
        action="closed_day.set",
        object_type="closed_day",
        object_id=closed.id,
        after={"commission": str(commission.id) if commission else None, "date": str(day), "label": label},
    )
    return closed


# --- sessions -------------------------------------------------------------------------


@dataclass(frozen=True)
class GenerationReport:
    sessions_created: int
    slots_created: int
    slots_removed: int
    slots_kept_booked: int


@transaction.atomic
def sessions_generate(*, actor: Any, commission: Any, weeks: int, now: datetime | None = None) -> GenerationReport:
    """Create the sessions and slots of the next `weeks` weeks from the commission's rules.

    Safe to run again: existing sessions and slots are kept; a slot that no longer matches a
    rule is removed only if nobody booked it, and a booked slot is never touched.
    """
    now = now or timezone.now()
    commission_services.commission_lock(commission=commission)
    first = local_today(commission.timezone, now)
    last = first + timedelta(weeks=weeks)
    closed = set(
        ClosedDay.objects.filter(
            Q(commission=commission) | Q(commission__isnull=True), date__range=(first, last)
        ).values_list("date", flat=True)
    )
    sessions_created = slots_created = 0
    expected: dict[Any, set[datetime]] = {}
    for rule in commission.planning_rules.all():
        shape = _shape(rule)
        for day in sitting_days(shape, first, last, closed):
            bounds = slot_bounds(shape, day, commission.timezone)
            if bounds[0][0] <= now:
                continue
            session, created = Session.objects.get_or_create(
                commission=commission,
                starts_at=bounds[0][0],
                defaults={"rule": rule, "date": day, "ends_at": bounds[-1][1], "place": rule.place},
            )
            sessions_created += created
            expected.setdefault(session.pk, set())
            for start, end in bounds:
                expected[session.pk].add(start)
                slot, created = Slot.objects.get_or_create(
                    session=session, starts_at=start, defaults={"ends_at": end, "capacity": rule.capacity}
                )
                slots_created += created
                if not created and slot.capacity != rule.capacity:
                    # Never below what is already booked.
                    Slot.objects.filter(pk=slot.pk).update(capacity=Greatest(Value(rule.capacity), F("booked_count")))
    planned = Slot.objects.filter(
        session__commission=commission, session__status=SessionStatus.PLANNED, starts_at__gt=now
    )
    removed = kept = 0
    for slot in planned:
        if slot.starts_at in expected.get(slot.session_id, set()):
            continue
        if slot.booked_count or slot.bookings.exists():
            kept += 1
            continue
        slot.delete()
        removed += 1
    Session.objects.filter(
        commission=commission, status=SessionStatus.PLANNED, starts_at__gt=now, slots__isnull=True
    ).delete()
    report = GenerationReport(sessions_created, slots_created, removed, kept)
    audit_record(
        actor=actor,
        action="sessions.generated",
        object_type="commission",
        object_id=commission.id,
        after={"weeks": weeks, **report.__dict__},
    )
    return report


@transaction.atomic
def session_set_status(*, actor: Any, session: Session, status: str) -> Session:
    session = Session.objects.select_for_update().get(pk=session.pk)
    before = session.status
    session.status = status
    session.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="session.status_changed",
        object_type="session",
        object_id=session.id,
        before={"status": before},
        after={"status": status},
    )
    return session


NOT_A_MEMBER = gettext_lazy("%(id)s is not a member of this commission.")


@transaction.atomic
def attendance_set(*, actor: Any, session: Session, present: list[Any]) -> list[Attendance]:
    """Records who sat (the given active members) and who did not (the others), replacing any
    earlier record."""
    session = Session.objects.select_for_update().select_related("commission").get(pk=session.pk)
    members = {m.pk: m for m in commission_selectors.member_list(commission=session.commission)}
    unknown = [str(pk) for pk in present if pk not in members]
    if unknown:
        raise _invalid("present", str(NOT_A_MEMBER) % {"id": unknown[0]})
    chosen = set(present)
    rows = []
    for pk, member in members.items():
        row, _created = Attendance.objects.update_or_create(
            session=session, member=member, defaults={"present": pk in chosen, "recorded_by": actor}
        )
        rows.append(row)
    audit_record(
        actor=actor,
        action="session.attendance_set",
        object_type="session",
        object_id=session.id,
        after={"present": sorted(members[pk].user.email for pk in chosen)},
    )
    return rows


# --- bookings -------------------------------------------------------------------------


def _windows(session: Session) -> dict[str, int]:
    rule = session.rule
    if rule is None:
        return DEFAULT_WINDOWS
    return {
        "booking_opens_days": rule.booking_opens_days,
        "booking_closes_hours": rule.booking_closes_hours,
        "cancellation_hours": rule.cancellation_hours,
    }


def booking_window(slot: Slot) -> tuple[datetime, datetime]:
    """(opens, closes): when booking this slot starts and stops being possible."""
    windows = _windows(slot.session)
    return (
        slot.starts_at - timedelta(days=windows["booking_opens_days"]),
        slot.starts_at - timedelta(hours=windows["booking_closes_hours"]),
    )


def change_deadline(slot: Slot) -> datetime:
    return slot.starts_at - timedelta(hours=_windows(slot.session)["cancellation_hours"])


def _check_slot_for(dossier: Dossier, slot: Slot, now: datetime) -> None:
    zone = slot.session.commission.timezone
    if slot.session.status not in BOOKABLE_SESSION_STATUSES:
        raise _invalid("slot", str(SESSION_NOT_OPEN))
    if not commission_selectors.commissions_for_dossier(dossier=dossier).filter(pk=slot.session.commission_id).exists():
        raise _invalid("slot", str(SLOT_WRONG_COMMISSION))
    if slot.starts_at <= now:
        raise _invalid("slot", str(SLOT_PAST))
    opens, closes = booking_window(slot)
    if now < opens:
        raise _invalid("slot", str(SLOT_NOT_OPEN) % {"opens": _local(opens, zone)})
    if now > closes:
        raise _invalid("slot", str(SLOT_CLOSED) % {"closed": _local(closes, zone)})


def _take(slot: Slot) -> None:
    taken = Slot.objects.filter(pk=slot.pk, booked_count__lt=F("capacity")).update(booked_count=F("booked_count") + 1)
    if not taken:
        raise SlotFull(str(SLOT_FULL))


def _release(slot: Slot) -> None:
    Slot.objects.filter(pk=slot.pk, booked_count__gt=0).update(booked_count=F("booked_count") - 1)


def _next_position(session: Session) -> int:
    last = Booking.objects.filter(slot__session=session, status=BookingStatus.ACTIVE).aggregate(
        n=Max("agenda_position")
    )
    return (last["n"] or 0) + 1


def _booking_summary(booking: Booking) -> dict[str, Any]:
    return {"slot": str(booking.slot_id), "starts_at": booking.slot.starts_at.isoformat(), "status": booking.status}


def _lock_dossier(dossier: Dossier) -> Dossier:
    return Dossier.objects.select_for_update().get(pk=dossier.pk)


def _load_slot(slot: Slot) -> Slot:
    return Slot.objects.select_related("session__commission", "session__rule").get(pk=slot.pk)


def _dispatch(actor: Any, dossier: Dossier, slot: Slot) -> None:
    commission_services.dossier_dispatch(
        actor=actor,
        dossier=dossier,
        commission=slot.session.commission,
        session_id=slot.session_id,
        session_starts_at=slot.session.starts_at,
    )


def booking_create(*, actor: Any, dossier: Dossier, slot: Slot, now: datetime | None = None) -> Booking:
    now = now or timezone.now()
    try:
        with transaction.atomic():
            dossier = _lock_dossier(dossier)
            if dossier.status not in BOOKABLE_STATUSES:
                raise DossierNotBookable(str(DOSSIER_NOT_SUBMITTED) % {"status": dossier.get_status_display()})
            if Booking.objects.filter(dossier=dossier, status=BookingStatus.ACTIVE).exists():
                raise AlreadyBooked(str(ALREADY_BOOKED))
            slot = _load_slot(slot)
            _check_slot_for(dossier, slot, now)
            _take(slot)
            booking = Booking.objects.create(
                dossier=dossier,
                slot=slot,
                created_by=actor,
                agenda_position=_next_position(slot.session),
                rapporteur=commission_selectors.default_rapporteur(commission=slot.session.commission),
            )
            _dispatch(actor, dossier, slot)
            audit_record(
                actor=actor,
                action="booking.created",
                object_type="booking",
                object_id=booking.id,
                dossier_id=dossier.id,
                after=_booking_summary(booking),
            )
            zone = ZoneInfo(slot.session.commission.timezone)
            notify(
                event="booking.confirmed",
                recipients=parties(dossier),
                context={
                    "reference": dossier.reference,
                    "when": slot.starts_at.astimezone(zone).strftime("%d/%m/%Y %H:%M"),
                },
                url=f"/dossiers/{dossier.id}",
                dossier_id=dossier.id,
            )
            return booking
    except IntegrityError as exc:  # the database's last word on double booking
        raise AlreadyBooked(str(ALREADY_BOOKED)) from exc


def _lock_active(booking: Booking) -> Booking:
    locked = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("slot__session__commission", "slot__session__rule")
        .get(pk=booking.pk)
    )
    if locked.status != BookingStatus.ACTIVE:
        raise BookingNotActive(str(BOOKING_NOT_ACTIVE) % {"status": locked.get_status_display()})
    return locked


def _check_change_deadline(booking: Booking, now: datetime) -> None:
    deadline = change_deadline(booking.slot)
    if now > deadline:
        raise ChangeDeadlinePassed(
            str(CHANGE_DEADLINE_PASSED) % {"deadline": _local(deadline, booking.slot.session.commission.timezone)}
        )


@transaction.atomic
def booking_reschedule(*, actor: Any, booking: Booking, slot: Slot, now: datetime | None = None) -> Booking:
    """Move to another slot in one step: the old slot is released only once the new one is taken."""
    now = now or timezone.now()
    dossier = _lock_dossier(booking.dossier)
    old = _lock_active(booking)
    if old.slot_id == slot.pk:
        return old
    _check_change_deadline(old, now)
    slot = _load_slot(slot)
    _check_slot_for(dossier, slot, now)
    _take(slot)
    old.status = BookingStatus.MOVED
    old.ended_at = now
    old.save(update_fields=["status", "ended_at"])
    _release(old.slot)
    new = Booking.objects.create(
        dossier=dossier,
        slot=slot,
        created_by=actor,
        agenda_position=_next_position(slot.session),
        rapporteur=old.rapporteur
        if old.slot.session_id == slot.session_id
        else commission_selectors.default_rapporteur(commission=slot.session.commission),
    )
    old.replaced_by = new
    old.save(update_fields=["replaced_by"])
    if old.slot.session_id != slot.session_id:
        commission_services.dossier_undispatch(actor=actor, dossier=dossier, session_id=old.slot.session_id)
        _dispatch(actor, dossier, slot)
    audit_record(
        actor=actor,
        action="booking.moved",
        object_type="booking",
        object_id=new.id,
        dossier_id=dossier.id,
        before=_booking_summary(old),
        after=_booking_summary(new),
    )
    return new


@transaction.atomic
def booking_cancel(*, actor: Any, booking: Booking, now: datetime | None = None) -> Booking:
    now = now or timezone.now()
    dossier = _lock_dossier(booking.dossier)
    booking = _lock_active(booking)
    _check_change_deadline(booking, now)
    booking.status = BookingStatus.CANCELLED
    booking.ended_at = now
    booking.save(update_fields=["status", "ended_at"])
    _release(booking.slot)
    commission_services.dossier_undispatch(actor=actor, dossier=dossier, session_id=booking.slot.session_id)
    audit_record(
        actor=actor,
        action="booking.cancelled",
        object_type="booking",
        object_id=booking.id,
        dossier_id=dossier.id,
        before={"status": BookingStatus.ACTIVE},
        after=_booking_summary(booking),
    )
    return booking


@transaction.atomic
def agenda_reorder(*, actor: Any, session: Session, booking_ids: list[Any]) -> list[Booking]:
    Session.objects.select_for_update().get(pk=session.pk)
    bookings = {b.pk: b for b in Booking.objects.filter(slot__session=session, status=BookingStatus.ACTIVE)}
    if len(booking_ids) != len(bookings) or set(booking_ids) != set(bookings):
        raise _invalid("booking_ids", str(REORDER_MISMATCH))
    for position, booking_id in enumerate(booking_ids, start=1):
        bookings[booking_id].agenda_position = position
    Booking.objects.bulk_update(bookings.values(), ["agenda_position"])
    audit_record(
        actor=actor,
        action="agenda.reordered",
        object_type="session",
        object_id=session.id,
        after={"order": [str(b) for b in booking_ids]},
    )
    return [bookings[b] for b in booking_ids]
