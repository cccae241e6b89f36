from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agenda.models import Booking, ClosedDay, PlanningRule, Session, SessionStatus, Slot
from agenda.services import change_deadline
from config.fields import ZonedDateTimeField, zoned_iso

ZONED = "With the commission's UTC offset: its digits are the local wall-clock time."


class PlanningRuleSerializer(serializers.ModelSerializer):
    weekdays = serializers.ListField(
        child=serializers.IntegerField(), help_text="ISO weekdays: 1 = Monday … 7 = Sunday."
    )

    class Meta:
        model = PlanningRule
        fields = [
            "id",
            "commission",
            "weekdays",
            "start_time",
            "end_time",
            "slot_minutes",
            "capacity",
            "place",
            "booking_opens_days",
            "booking_closes_hours",
            "cancellation_hours",
            "valid_from",
            "valid_until",
        ]
        read_only_fields = fields


class PlanningRuleCreateSerializer(serializers.Serializer):
    weekdays = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=7),
        allow_empty=False,
        help_text="ISO weekdays: 1 = Monday … 7 = Sunday.",
    )
    start_time = serializers.TimeField(help_text="Local time in the commission's time zone.")
    end_time = serializers.TimeField()
    slot_minutes = serializers.IntegerField(min_value=5, max_value=480)
    capacity = serializers.IntegerField(min_value=1, max_value=1000, help_text="Dossiers per slot.")
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    booking_opens_days = serializers.IntegerField(min_value=1, max_value=365, default=56)
    booking_closes_hours = serializers.IntegerField(min_value=0, max_value=24 * 60, default=24)
    cancellation_hours = serializers.IntegerField(min_value=0, max_value=24 * 60, default=48)
    valid_from = serializers.DateField()
    valid_until = serializers.DateField(required=False, allow_null=True, default=None)


class ClosedDaySerializer(serializers.ModelSerializer):
    class Meta:
        model = ClosedDay
        fields = ["id", "commission", "date", "label"]
        read_only_fields = fields


class ClosedDayCreateSerializer(serializers.Serializer):
    date = serializers.DateField()
    label = serializers.CharField(max_length=200)


class GenerateSessionsSerializer(serializers.Serializer):
    weeks = serializers.IntegerField(min_value=1, max_value=26, help_text="How many weeks ahead, from today.")


class GenerationReportSerializer(serializers.Serializer):
    sessions_created = serializers.IntegerField()
    slots_created = serializers.IntegerField()
    slots_removed = serializers.IntegerField()
    slots_kept_booked = serializers.IntegerField(help_text="Slots no rule matches any more, kept because booked.")


class SessionSerializer(serializers.ModelSerializer):
    commission_name = serializers.CharField(source="commission.name", read_only=True)
    timezone = serializers.CharField(source="commission.timezone", read_only=True)
    slot_count = serializers.IntegerField(read_only=True)
    capacity = serializers.IntegerField(read_only=True, help_text="Dossiers the session can take in all.")
    booked = serializers.IntegerField(read_only=True, help_text="Dossiers booked on it.")
    starts_at = ZonedDateTimeField(zone="commission.timezone", help_text=ZONED)
    ends_at = ZonedDateTimeField(zone="commission.timezone", help_text=ZONED)

    class Meta:
        model = Session
        fields = [
            "id",
            "commission",
            "commission_name",
            "timezone",
            "date",
            "starts_at",
            "ends_at",
            "place",
            "status",
            "slot_count",
            "capacity",
            "booked",
        ]
        read_only_fields = fields


class SessionStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=SessionStatus.choices)


class SlotSerializer(serializers.ModelSerializer):
    commission = serializers.UUIDField(source="session.commission_id", read_only=True)
    commission_name = serializers.CharField(source="session.commission.name", read_only=True)
    timezone = serializers.CharField(source="session.commission.timezone", read_only=True)
    place = serializers.CharField(source="session.place", read_only=True)
    remaining = serializers.SerializerMethodField()
    change_deadline = serializers.SerializerMethodField(
        help_text="A booking of this slot can be moved or cancelled until then."
    )
    starts_at = ZonedDateTimeField(zone="session.commission.timezone", help_text=ZONED)
    ends_at = ZonedDateTimeField(zone="session.commission.timezone", help_text=ZONED)

    within_deadline = serializers.SerializerMethodField(
        help_text="For a dossier's free slots: the session falls within its legal deadline (null: no deadline)."
    )

    class Meta:
        model = Slot
        fields = [
            "id",
            "session",
            "commission",
            "commission_name",
            "timezone",
            "place",
            "starts_at",
            "ends_at",
            "capacity",
            "remaining",
            "change_deadline",
            "within_deadline",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.BooleanField(allow_null=True))
    def get_within_deadline(self, obj: Slot) -> bool | None:
        due = self.context.get("due_date")
        return None if due is None else obj.session.date <= due

    def get_remaining(self, obj: Slot) -> int:
        return max(obj.capacity - obj.booked_count, 0)

    @extend_schema_field(serializers.DateTimeField())
    def get_change_deadline(self, obj: Slot) -> str | None:
        return zoned_iso(change_deadline(obj), obj.session.commission.timezone)


class BookingSerializer(serializers.ModelSerializer):
    dossier_reference = serializers.CharField(source="dossier.reference", read_only=True)
    slot = SlotSerializer(read_only=True)
    change_deadline = serializers.SerializerMethodField(help_text="Until when the booking can be cancelled or moved.")
    calendar_url = serializers.SerializerMethodField(help_text="The booking as an iCalendar (.ics) file.")

    class Meta:
        model = Booking
        fields = [
            "id",
            "dossier",
            "dossier_reference",
            "slot",
            "status",
            "created_at",
            "ended_at",
            "change_deadline",
            "calendar_url",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.DateTimeField())
    def get_change_deadline(self, obj: Booking) -> str | None:
        return zoned_iso(change_deadline(obj.slot), obj.slot.session.commission.timezone)

    @extend_schema_field(serializers.URLField())
    def get_calendar_url(self, obj: Booking) -> str:
        url = reverse("booking-calendar", kwargs={"booking_id": obj.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class BookingCreateSerializer(serializers.Serializer):
    dossier = serializers.UUIDField()
    slot = serializers.UUIDField()


class RescheduleSerializer(serializers.Serializer):
    slot = serializers.UUIDField(help_text="The new slot.")


class AgendaItemSerializer(serializers.Serializer):
    position = serializers.IntegerField(source="agenda_position", allow_null=True)
    booking = serializers.UUIDField(source="pk")
    dossier = serializers.UUIDField(source="dossier.pk")
    starts_at = ZonedDateTimeField(source="slot.starts_at", zone="slot.session.commission.timezone", help_text=ZONED)
    reference = serializers.CharField(source="dossier.reference")
    title = serializers.CharField(source="dossier.title")
    applicant = serializers.SerializerMethodField()
    address = serializers.CharField(source="dossier.address")
    procedure_type = serializers.CharField(source="dossier.procedure_type_id")
    rapporteur = serializers.SerializerMethodField()
    past_deadline = serializers.SerializerMethodField(
        help_text="The session is after the dossier's legal deadline (null: no deadline runs)."
    )
    on_silence = serializers.SerializerMethodField(
        help_text="What the law makes of silence past that deadline: tacit_approval, tacit_refusal or empty."
    )

    @extend_schema_field(serializers.BooleanField(allow_null=True))
    def get_past_deadline(self, obj: Booking) -> bool | None:
        deadline = self.context.get("deadlines", {}).get(obj.dossier_id)
        return None if deadline is None else obj.slot.session.date > deadline.due_date

    def get_on_silence(self, obj: Booking) -> str:
        deadline = self.context.get("deadlines", {}).get(obj.dossier_id)
        return deadline.on_silence if deadline else ""

    def get_applicant(self, obj: Booking) -> str:
        return ", ".join(p.user.full_name or p.user.email for p in getattr(obj.dossier, "applicants", []))

    def get_rapporteur(self, obj: Booking) -> str | None:
        return (obj.rapporteur.user.full_name or obj.rapporteur.user.email) if obj.rapporteur else None


class ReorderSerializer(serializers.Serializer):
    booking_ids = serializers.ListField(child=serializers.UUIDField(), allow_empty=True)


class CalendarFeedSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="Private address of your sessions' calendar; keep it secret.")


class AttendanceSerializer(serializers.Serializer):
    member = serializers.UUIDField(source="member.id")
    name = serializers.SerializerMethodField()
    body = serializers.CharField(source="member.body.name")
    role = serializers.CharField(source="member.role")
    present = serializers.BooleanField(allow_null=True, help_text="null until attendance is recorded.")

    def get_name(self, obj) -> str:
        return obj.member.user.full_name or obj.member.user.email


class AttendanceSetSerializer(serializers.Serializer):
    present = serializers.ListField(
        child=serializers.UUIDField(), max_length=200, help_text="The members who sat; the others are recorded absent."
    )
