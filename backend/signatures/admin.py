from django.contrib import admin

from config.admin import AuditedModelAdmin
from signatures.models import DecisionTemplate


@admin.register(DecisionTemplate)
class DecisionTemplateAdmin(AuditedModelAdmin):
    """The legal mentions each procedure's decision carries: data the administrator keeps up to date."""

    list_display = ["procedure_type"]
