from django.contrib import admin

from certificates.models import CertificateRequest, Parcel, ZoningArea
from config.admin import AuditedModelAdmin


@admin.register(Parcel)
class ParcelAdmin(AuditedModelAdmin):
    """Parcels of each authority; the outline, when known, is a GeoJSON Polygon pasted as JSON."""

    list_display = ["reference", "address", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["reference", "address"]


@admin.register(ZoningArea)
class ZoningAreaAdmin(AuditedModelAdmin):
    """The zoning plan's areas and the regulation text certificates quote; the geometry is a GeoJSON
    Polygon or MultiPolygon pasted as JSON (longitude, latitude), checked on save."""

    list_display = ["code", "name_fr", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["code", "name_fr", "name_en"]


@admin.register(CertificateRequest)
class CertificateRequestAdmin(admin.ModelAdmin):
    """The log of requests: read only (they are written by the service and its worker)."""

    list_display = ["created_at", "parcel", "requested_by", "language", "status"]
    list_filter = ["status", "language"]
    search_fields = ["parcel__reference", "requested_by__email"]
    readonly_fields = [f.name for f in CertificateRequest._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
