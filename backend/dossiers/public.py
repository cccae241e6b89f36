"""A dossier's public information, once its decision is issued: what the geo-portal and the open
data (issue "public portal") publish. Only these fields leave; never a person's name, e-mail or
phone, nor the decision's text (it may name people)."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet

from dossiers.models import Decision

PUBLIC_FIELDS = (
    "reference",
    "procedure_type",
    "procedure_name_fr",
    "procedure_name_en",
    "authority",
    "address",
    "latitude",
    "longitude",
    "parcel_reference",
    "decision",
    "decided_at",
)


def public_decisions() -> QuerySet[Decision, dict[str, Any]]:
    """Every issued decision with its dossier's public information, newest first; a dossier is
    here as soon as its decision is recorded (no batch)."""
    return (
        Decision.objects.annotate(
            reference=F("dossier__reference"),
            procedure_type=F("dossier__procedure_type_id"),
            procedure_name_fr=F("dossier__procedure_type__name_fr"),
            procedure_name_en=F("dossier__procedure_type__name_en"),
            authority=F("dossier__organisation__name"),
            address=F("dossier__address"),
            latitude=F("dossier__latitude"),
            longitude=F("dossier__longitude"),
            parcel_reference=F("dossier__parcel_reference"),
            decision=F("value"),
        )
        .values(*PUBLIC_FIELDS)
        .order_by("-decided_at")
    )
