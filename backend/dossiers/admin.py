from django.contrib import admin

from config.admin import AuditedModelAdmin
from dossiers.models import (
    ChecklistItem,
    DeadlineRule,
    Dossier,
    DossierParty,
    FeeRule,
    Plan,
    PlanVersion,
    ProcedureType,
)


class ChecklistInline(admin.TabularInline):
    model = ChecklistItem
    extra = 0


class DeadlineRuleInline(admin.TabularInline):
    model = DeadlineRule
    extra = 0
    max_num = 2


class FeeRuleInline(admin.StackedInline):
    model = FeeRule
    extra = 0


@admin.register(ProcedureType)
class ProcedureTypeAdmin(AuditedModelAdmin):
    """The procedure catalogue, edited without code: names, category, the form's fields (a JSON
    schema the SPA renders), required documents, deadlines and fee on one page."""

    list_display = ["code", "name_fr", "name_en", "category", "is_active", "position"]
    list_filter = ["category", "is_active"]
    search_fields = ["code", "name_fr", "name_en"]
    fields = ["code", "name_fr", "name_en", "category", "description_fr", "description_en", "form_schema", "follows"]
    fields += ["is_active", "position"]
    filter_horizontal = ["follows"]
    inlines = [ChecklistInline, DeadlineRuleInline, FeeRuleInline]
    # Apps that route a procedure (commissions: which commission examines it, which bodies give
    # an opinion) add their inlines here, so this core app imports none of them.
    extra_inlines: list = []

    def get_inlines(self, request, obj):
        return [*self.inlines, *self.extra_inlines]


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
