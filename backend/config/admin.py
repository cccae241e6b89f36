"""The base of every admin class: writes made in the Django admin are audited too."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from audit.services import audit_record


class AuditedModelAdmin(admin.ModelAdmin):
    def _record(self, request: HttpRequest, obj: Any, verb: str, fields: list[str]) -> None:
        meta = obj._meta
        audit_record(
            actor=request.user,
            action=f"admin.{meta.model_name}.{verb}",
            object_type=meta.model_name,
            object_id=obj.pk,
            dossier_id=getattr(obj, "dossier_id", None) or (obj.pk if meta.model_name == "dossier" else None),
            after={"fields": sorted(fields)},
        )

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        self._record(request, obj, "changed" if change else "created", list(form.changed_data))

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Rows edited inline (a procedure's checklist, fee, commissions…) are audited one by one."""
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            self._record(request, obj, "created", [])
        for obj, fields in formset.changed_objects:
            self._record(request, obj, "changed", list(fields))
        for obj in formset.deleted_objects:
            self._record(request, obj, "deleted", [])

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        self._record(request, obj, "deleted", [])
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            self._record(request, obj, "deleted", [])
        super().delete_queryset(request, queryset)
