from django.contrib import admin

from commissions.models import Commission, CommissionMember, RequiredBody, ReviewTask
from config.admin import AuditedModelAdmin
from dossiers.admin import ProcedureTypeAdmin


class MemberInline(admin.TabularInline):
    model = CommissionMember
    extra = 0
    autocomplete_fields = ["user"]


class RequiredBodyInline(admin.TabularInline):
    model = RequiredBody
    extra = 0


@admin.register(Commission)
class CommissionAdmin(AuditedModelAdmin):
    list_display = ["name", "organisation", "timezone", "territory", "is_active"]
    list_filter = ["is_active", "organisation"]
    search_fields = ["name", "territory"]
    filter_horizontal = ["procedure_types"]
    inlines = [MemberInline, RequiredBodyInline]


@admin.register(ReviewTask)
class ReviewTaskAdmin(AuditedModelAdmin):
    list_display = ["dossier", "member", "session_starts_at", "status"]
    list_filter = ["status"]
    list_select_related = ["dossier", "member__user"]


class ProcedureCommissionInline(admin.TabularInline):
    """On a procedure's admin page: the commissions that examine its dossiers."""

    model = Commission.procedure_types.through
    extra = 0
    verbose_name = "commission"
    verbose_name_plural = "commissions"


class ProcedureBodyInline(admin.TabularInline):
    """On a procedure's admin page: the bodies whose opinion its dossiers need, per commission."""

    model = RequiredBody
    fk_name = "procedure_type"
    extra = 0


ProcedureTypeAdmin.extra_inlines += [ProcedureCommissionInline, ProcedureBodyInline]
