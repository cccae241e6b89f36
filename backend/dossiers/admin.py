from django.contrib import admin

from config.admin import AuditedModelAdmin
from dossiers.models import ChecklistItem, Dossier, DossierParty, Plan, PlanVersion, ProcedureType


@admin.register(ProcedureType)
class ProcedureTypeAdmin(AuditedModelAdmin):
    list_display = ["code", "name_fr", "name_en", "is_active", "position"]


@admin.register(ChecklistItem)
class ChecklistItemAdmin(AuditedModelAdmin):
    """Each procedure's required documents: data the administrator keeps up to date."""

    list_display = ["procedure_type", "code", "label_fr", "label_en", "required", "is_active", "position"]
    list_filter = ["procedure_type", "required", "is_active"]


class PartyInline(admin.TabularInline):
    model = DossierParty
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Dossier)
class DossierAdmin(AuditedModelAdmin):
    list_display = ["reference", "title", "procedure_type", "status", "organisation", "created_at"]
    list_filter = ["status", "procedure_type", "organisation"]
    search_fields = ["reference", "title", "address", "parcel_reference"]
    readonly_fields = ["reference", "status", "created_by", "submitted_at"]
    inlines = [PartyInline]


@admin.register(PlanVersion)
class PlanVersionAdmin(AuditedModelAdmin):
    """Versions are immutable: the admin only looks."""

    list_display = ["plan", "number", "status", "media_type", "size", "created_at"]
    list_filter = ["status", "media_type"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


admin.site.register(Plan, AuditedModelAdmin)
