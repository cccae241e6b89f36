from django.contrib import admin

from config.admin import AuditedModelAdmin
from payments.models import Payment, Refund


class RefundInline(admin.TabularInline):
    model = Refund
    extra = 0
    can_delete = False
    readonly_fields = ["amount", "reason", "provider_reference", "created_by", "created_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Payment)
class PaymentAdmin(AuditedModelAdmin):
    """Payments are booked by providers' callbacks and refunds by the desk's API: the admin looks."""

    list_display = ["dossier", "amount", "currency", "provider", "status", "receipt_number", "created_at", "paid_at"]
    list_filter = ["status", "provider"]
    search_fields = ["dossier__reference", "receipt_number", "provider_reference"]
    inlines = [RefundInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
