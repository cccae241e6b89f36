"""Reads on sessions, slots and bookings, with who may see what.

Sessions are seen by the desk agents of the commission's authority and by its members;
bookings by whoever may see their dossier (dossiers.selectors.visible_dossiers).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.http import Http404

from agenda.models import BOOKABLE_SESSION_STATUSES, Booking, BookingStatus, Session, Slot
from commissions import selectors as commission_selectors
from dossiers.models import Dossier, DossierParty
from dossiers.selectors import visible_dossiers

MAX_AVAILABILITY_DAYS = 62


def visible_sessions(user: Any) -> QuerySet[Session]:
    queryset = Session.objects.all()
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    if user.is_admin:
        return queryset
    seat = Exists(commission_selectors.seats_of(user=user).filter(commission=OuterRef("commission")))
    if user.role in commission_selectors.MANAGER_ROLES and user.organisation_id:
        return queryset.filter(Q(commission__organisation_id=user.organisation_id) | seat)
    return queryset.filter(seat)


def session_list(*, user: Any) -> QuerySet[Session]:
    return (
        visible_sessions(user)
        .select_related("commission")
        .annotate(
            slot_count=Count("slots"),
            capacity=Coalesce(Sum("slots__capacity"), 0),
            booked=Coalesce(Sum("slots__booked_count"), 0),
        )
        .order_by("starts_at")
    )


def session_get_for_user(*, user: Any, session_id: Any) -> Session:
    session = visible_sessions(user).select_related("commission", "rule").filter(pk=session_id).first()
    if session is None:
        raise Http404
    return session


def booking_list(*, user: Any) -> QuerySet[Booking]:
    return Booking.objects.filter(dossier__in=visible_dossiers(user)).select_related(
        "dossier", "slot__session__commission", "slot__session__rule"
    )


def booking_get_for_user(*, user: Any, booking_id: Any) -> Booking:
    booking = booking_list(user=user).filter(pk=booking_id).first()
    if booking is None:
        raise Http404
    return booking


def slot_get(*, slot_id: Any) -> Slot:
    """Any slot by id: slots carry no private data; booking checks decide what is allowed."""
    slot = Slot.objects.select_related("session__commission", "session__rule").filter(pk=slot_id).first()
    if slot is None:
        raise Http404
    return slot


def available_slots(*, dossier: Dossier, start: datetime, end: datetime, now: datetime) -> list[Slot]:
    """Free slots in [start, end) of the commissions that examine the dossier, bookable now.

    One query whatever the number of slots; each slot's own booking window (from its rule)
    is applied to the fetched rows.
    """
    from agenda.services import booking_window

    commissions = commission_selectors.commissions_for_dossier(dossier=dossier)
    rows = (
        Slot.objects.filter(
            session__commission__in=commissions,
            session__status__in=BOOKABLE_SESSION_STATUSES,
            starts_at__gte=max(start, now),
            starts_at__lt=end,
            booked_count__lt=F("capacity"),
        )
        .select_related("session__commission", "session__rule")
        .order_by("starts_at", "session__commission__name")
    )
    bookable = []
    for slot in rows:
        opens, closes = booking_window(slot)
        if opens <= now <= closes:
            bookable.append(slot)
    return bookable


def agenda_items(*, session: Session) -> QuerySet[Booking]:
    """The session's agenda (ordre du jour): its active bookings in agenda order."""
    applicants = DossierParty.objects.filter(role="applicant").select_related("user").order_by("created_at")
    return (
        Booking.objects.filter(slot__session=session, status=BookingStatus.ACTIVE)
        .select_related("dossier__procedure_type", "slot__session__commission", "rapporteur__user")
        .prefetch_related(Prefetch("dossier__parties", queryset=applicants, to_attr="applicants"))
        .order_by(F("agenda_position").asc(nulls_last=True), "slot__starts_at")
    )


def member_sessions(*, user: Any, now: datetime) -> QuerySet[Session]:
    """The sessions of the commissions the user sits on, for their calendar feed."""
    seat = Exists(commission_selectors.seats_of(user=user).filter(commission=OuterRef("commission")))
    return (
        Session.objects.filter(seat, starts_at__gte=now - timedelta(days=30), starts_at__lte=now + timedelta(days=366))
        .select_related("commission")
        .order_by("starts_at")
    )
