"""Planning rules, sessions (séances), their slots, and the bookings that fill them.

The database holds the two rules of booking: a slot's `booked_count` never exceeds its
`capacity` (check constraint, and a conditional UPDATE that fails when the slot is full), and
a dossier has at most one active booking (partial unique index).
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class PlanningRule(models.Model):
    """When a commission sits: weekdays, hours, slot length and capacity, booking windows."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    commission = models.ForeignKey("commissions.Commission", on_delete=models.CASCADE, related_name="planning_rules")
    weekdays = models.JSONField(help_text="ISO weekdays the commission sits: 1 = Monday … 7 = Sunday.")
    start_time = models.TimeField(help_text="Local time, in the commission's time zone.")
    end_time = models.TimeField()
    slot_minutes = models.PositiveSmallIntegerField()
    capacity = models.PositiveSmallIntegerField(help_text="Dossiers per slot.")
    place = models.CharField(max_length=200, blank=True)
    booking_opens_days = models.PositiveSmallIntegerField(default=56, help_text="How far ahead booking opens.")
    booking_closes_hours = models.PositiveSmallIntegerField(default=24, help_text="Booking closes this long before.")
    cancellation_hours = models.PositiveSmallIntegerField(
        default=48, help_text="Cancel or move until this long before."
    )
    valid_from = models.DateField()
    valid_until = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["commission", "valid_from"]
        constraints = [
            models.CheckConstraint(condition=Q(end_time__gt=F("start_time")), name="rule_ends_after_it_starts"),
            models.CheckConstraint(condition=Q(slot_minutes__gte=5), name="rule_slot_at_least_5_minutes"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="rule_capacity_positive"),
        ]


class ClosedDay(models.Model):
    """A day without sessions: a public holiday (all commissions) or a commission's own."""

    commission = models.ForeignKey(
        "commissions.Commission", null=True, blank=True, on_delete=models.CASCADE, related_name="closed_days"
    )
    date = models.DateField()
    label = models.CharField(max_length=200)

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["commission", "date"], name="unique_closed_day")]


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    PUBLISHED = "published", _("Published")
    HELD = "held", _("Held")
    CLOSED = "closed", _("Closed")


class Session(models.Model):
    """A sitting of a commission (séance), with its slots."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    commission = models.ForeignKey("commissions.Commission", on_delete=models.CASCADE, related_name="sessions")
    rule = models.ForeignKey(PlanningRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions")
    date = models.DateField(help_text="Local date in the commission's time zone.")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    place = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=SessionStatus.choices, default=SessionStatus.PLANNED)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at"]
        constraints = [models.UniqueConstraint(fields=["commission", "starts_at"], name="unique_session_start")]
        indexes = [models.Index(fields=["commission", "starts_at"])]


# Sessions that still take bookings.
BOOKABLE_SESSION_STATUSES = (SessionStatus.PLANNED, SessionStatus.PUBLISHED)


class Slot(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    capacity = models.PositiveSmallIntegerField()
    booked_count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "starts_at"], name="unique_slot_start"),
            models.CheckConstraint(condition=Q(booked_count__lte=F("capacity")), name="slot_never_overbooked"),
        ]
        indexes = [models.Index(fields=["starts_at"])]


class BookingStatus(models.TextChoices):
    ACTIVE = "active", _("Booked")
    MOVED = "moved", _("Moved")
    CANCELLED = "cancelled", _("Cancelled")


class Booking(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.CASCADE, related_name="bookings")
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="bookings")
    status = models.CharField(max_length=20, choices=BookingStatus.choices, default=BookingStatus.ACTIVE)
    agenda_position = models.PositiveIntegerField(null=True, blank=True, help_text="Order in the session's agenda.")
    rapporteur = models.ForeignKey(
        "commissions.CommissionMember", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    replaced_by = models.OneToOneField("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier"], condition=Q(status="active"), name="one_active_booking_per_dossier"
            )
        ]


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A private token URL through which a member's calendar app reads their sessions."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    created_at = models.DateTimeField(auto_now_add=True)


class Attendance(models.Model):
    """Who of the commission sat at a session: what its minutes list, and who may sign them."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey("commissions.CommissionMember", on_delete=models.CASCADE, related_name="+")
    present = models.BooleanField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "member"], name="one_attendance_per_member")]
