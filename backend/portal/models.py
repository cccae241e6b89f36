"""The open data's indicators, computed by the daily refresh and served as they were last computed."""

from __future__ import annotations

from django.db import models


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
