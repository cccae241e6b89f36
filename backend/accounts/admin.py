from django.contrib import admin

from accounts.models import ExternalIdentity, Organisation, User
from config.admin import AuditedModelAdmin


@admin.register(User)
class UserAdmin(AuditedModelAdmin):
    list_display = ["email", "full_name", "role", "organisation", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["email", "full_name"]


@admin.register(Organisation)
class OrganisationAdmin(AuditedModelAdmin):
    list_display = ["name", "slug", "kind"]


@admin.register(ExternalIdentity)
class ExternalIdentityAdmin(AuditedModelAdmin):
    """Where an administrator links a staff member to their eID: staff are never linked by e-mail."""

    list_display = ["user", "issuer", "subject", "identity_level", "last_login_at"]
    search_fields = ["user__email", "subject"]
    readonly_fields = ["identity_level", "last_login_at", "created_at"]
    raw_id_fields = ["user"]
