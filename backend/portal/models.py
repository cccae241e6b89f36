"""The open data's indicators, computed by the daily refresh and served as they were last computed."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorRow(models.Model):
    """One commission, procedure type and month. A figure over fewer dossiers than the operator's
    threshold is left empty (null) so that no one can be singled out; `suppressed` names them."""

    commission_id = models.UUIDField(null=True, blank=True)
    commission = models.CharField(max_length=200, blank=True)
    procedure_type = models.CharField(max_length=8)
    month = models.DateField(help_text="The first day of the month.")
    received = models.PositiveIntegerField(null=True)
    decided = models.PositiveIntegerField(null=True)
    granted = models.PositiveIntegerField(null=True)
    refused = models.PositiveIntegerField(null=True)
    median_days = models.FloatField(null=True, help_text="From submission to decision, for the month's decisions.")
    p90_days = models.FloatField(null=True)
    within_deadline = models.FloatField(null=True, help_text="Share of the month's decisions taken in legal time.")
    booking_lead_days = models.FloatField(null=True, help_text="Median days from booking to session.")
    suppressed = models.JSONField(default=list)

    class Meta:
        ordering = ["month", "commission", "procedure_type"]
        indexes = [models.Index(fields=["month", "procedure_type"])]


class IndicatorRefresh(models.Model):
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    dossiers = models.PositiveIntegerField()
    rows = models.PositiveIntegerField()

    class Meta:
        ordering = ["-finished_at"]


class InquiryRule(models.Model):
    """The procedure types whose law requires a public inquiry, and for how many days."""

    procedure_type = models.OneToOneField(
        "dossiers.ProcedureType", on_delete=models.CASCADE, primary_key=True, related_name="inquiry_rule"
    )
    days = models.PositiveSmallIntegerField(help_text="How long the inquiry stays open (calendar days).")


class Inquiry(models.Model):
    """A dossier's public inquiry: its period (the server's clock decides), and the documents the
    desk marks public for it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.CASCADE, related_name="inquiries")
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    public_versions = models.ManyToManyField("dossiers.PlanVersion", blank=True, related_name="+")
    notice = models.TextField(blank=True, help_text="What the public is told of the project.")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="inquiry_closes_after_it_opens"
            )
        ]


class ObservationKind(models.TextChoices):
    OBSERVATION = "observation", _("Observation")
    OBJECTION = "objection", _("Objection")


class Observation(models.Model):
    """What someone says during an inquiry: never public; its author is seen by the desk only."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="observations")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=12, choices=ObservationKind.choices)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]


class ObservationAttachment(models.Model):
    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="attachments")
    storage_key = models.CharField(max_length=500)
    filename = models.CharField(max_length=255)
    media_type = models.CharField(max_length=50)
    size = models.PositiveBigIntegerField()
