"""Annotations drawn on the pages of plan versions, their threads, and page calibration.

Geometry is stored in the page's own coordinates (annotations.geometry): PDF points of the
unrotated page, origin top-left, y down.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AnnotationKind(models.TextChoices):
    NOTE = "note", _("Note")
    TEXT = "text", _("Text box")
    LINE = "line", _("Line")
    ARROW = "arrow", _("Arrow")
    POLYLINE = "polyline", _("Polyline")
    POLYGON = "polygon", _("Polygon")
    RECTANGLE = "rectangle", _("Rectangle")
    ELLIPSE = "ellipse", _("Ellipse")
    CLOUD = "cloud", _("Revision cloud")
    INK = "ink", _("Freehand")
    STAMP = "stamp", _("Stamp")
    HIGHLIGHT = "highlight", _("Highlight")
    MEASUREMENT = "measurement", _("Measurement")


class MeasurementKind(models.TextChoices):
    DISTANCE = "distance", _("Distance")
    POLYLINE_LENGTH = "polyline_length", _("Polyline length")
    PERIMETER = "perimeter", _("Perimeter")
    AREA = "area", _("Area")
    ANGLE = "angle", _("Angle")
    COUNT = "count", _("Count")


class RemarkStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")
    REJECTED = "rejected", _("Rejected")


class Visibility(models.TextChoices):
    INTERNAL = "internal", _("Internal to the commission")
    SHARED = "shared", _("Shared with the applicant")


class Annotation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.ForeignKey("dossiers.PlanVersion", on_delete=models.CASCADE, related_name="annotations")
    page_index = models.PositiveIntegerField(help_text="1-based page number.")
    kind = models.CharField(max_length=20, choices=AnnotationKind.choices)
    geometry = models.JSONField(help_text="Points or a rectangle in page points; see the API docs per kind.")
    style = models.JSONField(default=dict, blank=True)
    text = models.TextField(blank=True)
    measurement_kind = models.CharField(max_length=20, choices=MeasurementKind.choices, blank=True)
    is_remark = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=RemarkStatus.choices, blank=True)
    visibility = models.CharField(max_length=20, choices=Visibility.choices, default=Visibility.INTERNAL)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    carried_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried_to",
        help_text="The remark on the previous version this one continues.",
    )
    revision = models.PositiveIntegerField(default=1, help_text="Increases with every change; edits must name it.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    deleted_at = models.DateTimeField(null=True, blank=True, help_text="Kept as a tombstone so pollers see deletions.")

    class Meta:
        ordering = ["page_index", "created_at"]
        indexes = [models.Index(fields=["version", "page_index", "updated_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_remark=False, status="")
                | Q(is_remark=True, status__in=["open", "resolved", "rejected"]),
                name="remark_has_status",
            ),
            models.CheckConstraint(
                condition=Q(kind="measurement", measurement_kind__gt="")
                | (~Q(kind="measurement") & Q(measurement_kind="")),
                name="measurement_has_kind",
            ),
        ]


class Comment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    annotation = models.ForeignKey(Annotation, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]


class CalibrationMethod(models.TextChoices):
    DECLARED_SCALE = "declared_scale", _("Declared scale")
    TWO_POINTS = "two_points", _("Two points on a known length")


class PageCalibration(models.Model):
    """How many metres one point of a page stands for, and who said so, how and when."""

    version = models.ForeignKey("dossiers.PlanVersion", on_delete=models.CASCADE, related_name="calibrations")
    page_index = models.PositiveIntegerField()
    method = models.CharField(max_length=20, choices=CalibrationMethod.choices)
    metres_per_point = models.FloatField()
    scale = models.PositiveIntegerField(null=True, blank=True, help_text="Denominator, for a declared scale.")
    points = models.JSONField(null=True, blank=True, help_text="The two points, for a two-point calibration.")
    known_length_m = models.FloatField(null=True, blank=True)
    calibrated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    calibrated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "page_index"], name="one_calibration_per_page")]


class Viewport(models.Model):
    """A part of a page drawn at its own scale (a 1:500 site plan beside a 1:50 detail)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.ForeignKey("dossiers.PlanVersion", on_delete=models.CASCADE, related_name="viewports")
    page_index = models.PositiveIntegerField()
    rect = models.JSONField(help_text="[x, y, width, height] in page points.")
    scale = models.PositiveIntegerField(help_text="Scale denominator inside the viewport.")
    label = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["page_index", "created_at"]


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class AnnotatedExport(models.Model):
    """A built annotated PDF, kept in object storage and found again by its content.

    The fingerprint covers the original file and everything drawn on it (annotations with
    their revisions, calibrations, viewports), so an unchanged plan is never built twice and
    a changed one never served stale. Derived data: rebuilt at will, so not audited.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.ForeignKey("dossiers.PlanVersion", on_delete=models.CASCADE, related_name="annotated_exports")
    fingerprint = models.CharField(max_length=64)
    contents = models.JSONField(default=dict, help_text="The annotation ids and revisions it shows, and only those.")
    status = models.CharField(max_length=20, choices=ExportStatus.choices, default=ExportStatus.PENDING)
    storage_key = models.CharField(max_length=512, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "fingerprint"], name="one_export_per_content")]
