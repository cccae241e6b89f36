"""Parcels, the zoning areas an administrator draws over them, and the urban-planning information
certificates (renseignements urbanistiques) people ask for."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from certificates import geometry


def _check_geometry(value: object, *, field: str, allow_multi: bool) -> None:
    try:
        geometry.validate(value, allow_multi=allow_multi)
    except geometry.InvalidGeometry as error:
        raise ValidationError({field: [str(error)]}) from error


class Parcel(models.Model):
    """A cadastral parcel known to its permitting authority; its point (or outline) places it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="parcels",
        help_text="The permitting authority the parcel lies in.",
    )
    reference = models.CharField(max_length=100, unique=True, help_text="The cadastral reference, e.g. TF 1234/C.")
    address = models.CharField(max_length=300, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6)
    longitude = models.DecimalField(max_digits=9, decimal_places=6)
    outline = models.JSONField(
        null=True, blank=True, help_text="Optional GeoJSON Polygon of the parcel, longitude/latitude (WGS 84)."
    )

    class Meta:
        ordering = ["reference"]
        constraints = [
            models.CheckConstraint(condition=Q(latitude__gte=-90, latitude__lte=90), name="parcel_latitude_range"),
            models.CheckConstraint(condition=Q(longitude__gte=-180, longitude__lte=180), name="parcel_longitude_range"),
        ]

    def __str__(self) -> str:
        return self.reference

    def save(self, *args, **kwargs) -> None:
        self.clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.outline:
            _check_geometry(self.outline, field="outline", allow_multi=False)

    @property
    def point(self) -> geometry.Point:
        """Where the parcel stands for zoning: the centroid of its outline, else its point."""
        if self.outline:
            return geometry.centroid(self.outline)
        return float(self.longitude), float(self.latitude)


class ZoningArea(models.Model):
    """An area of the zoning plan and the regulation text that applies inside it, in each language."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="zoning_areas")
    code = models.CharField(max_length=30, help_text="The zone's code in the plan, e.g. R+4 or UA.")
    name_fr = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    text_fr = models.TextField(help_text="The zoning regulation that applies in the area, in French.")
    text_en = models.TextField(help_text="The same regulation, in English.")
    geometry = models.JSONField(help_text="GeoJSON Polygon or MultiPolygon, longitude/latitude (WGS 84).")

    class Meta:
        ordering = ["organisation", "code"]
        constraints = [models.UniqueConstraint(fields=["organisation", "code"], name="one_zoning_code_per_authority")]

    def __str__(self) -> str:
        return f"{self.code} — {self.name_fr}"

    def save(self, *args, **kwargs) -> None:
        self.clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        _check_geometry(self.geometry, field="geometry", allow_multi=True)


class CertificateStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class CertificateRequest(models.Model):
    """One request for a certificate: the log of who asked about which parcel, and its result."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificate_requests"
    )
    parcel = models.ForeignKey(Parcel, on_delete=models.PROTECT, related_name="certificate_requests")
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="fr")
    status = models.CharField(max_length=10, choices=CertificateStatus.choices, default=CertificateStatus.PENDING)
    document = models.OneToOneField(
        "signatures.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="certificate_request"
    )
    failure = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    ready_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["requested_by", "-created_at"], name="certificate_requester_recent")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="ready") | Q(document__isnull=False, ready_at__isnull=False),
                name="ready_certificate_has_document",
            )
        ]
