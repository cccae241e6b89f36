from django.contrib import admin

from agenda.models import Booking, ClosedDay, PlanningRule, Session, Slot
from config.admin import AuditedModelAdmin


@admin.register(PlanningRule)
class PlanningRuleAdmin(AuditedModelAdmin):
    list_display = ["commission", "weekdays", "start_time", "end_time", "slot_minutes", "capacity", "valid_from"]
    list_filter = ["commission"]


@admin.register(ClosedDay)
class ClosedDayAdmin(AuditedModelAdmin):
    """Public holidays (no commission) and a commission's own closed days."""

    list_display = ["date", "label", "commission"]
    list_filter = ["commission"]
    date_hierarchy = "date"


class SlotInline(admin.TabularInline):
    model = Slot
    extra = 0
    readonly_fields = ["booked_count"]


@admin.register(Session)
class SessionAdmin(AuditedModelAdmin):
    list_display = ["commission", "date", "starts_at", "status", "place"]
    list_filter = ["commission", "status"]
    date_hierarchy = "date"
    inlines = [SlotInline]


@admin.register(Booking)
class BookingAdmin(AuditedModelAdmin):
    """Read-only: bookings change through the API, which keeps slot counts and dispatch right."""

    list_display = ["dossier", "slot", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["dossier", "slot"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
