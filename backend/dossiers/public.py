"""A dossier's public information, once its decision is issued: what the geo-portal and the open
data (issue "public portal") publish. Only these fields leave; never a person's name, e-mail or
phone, nor the decision's text (it may name people)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import Exists, F, OuterRef, QuerySet, Subquery

from dossiers.models import Decision, DossierParty

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
    "commission_id",
    "commission",
    "natural_person",
)


def of_natural_person(dossier: Any) -> Exists:
    """Whether a dossier is a natural person's: its applicant belongs to no organisation (a firm or
    a body would); what is shown of where they live may then be coarsened. `dossier` is the
    expression naming the dossier (an OuterRef from a query on another model)."""
    return Exists(
        DossierParty.objects.filter(
            dossier=dossier,
            role="applicant",
            user__organisation__isnull=True,
        )
    )


def public_decisions() -> QuerySet[Decision, dict[str, Any]]:
    """Every issued decision with its dossier's public information, newest first; a dossier is
    here as soon as its decision is recorded (no batch)."""
    # The commission that gave the last recorded opinion (the commissions app, found by name so
    # that dossiers does not import it).
    opinions = apps.get_model("commissions", "CommissionOpinion").objects
    _last_opinion = opinions.filter(dossier=OuterRef("dossier")).order_by("-recorded_at")
    return (
        Decision.objects.annotate(
            natural_person=of_natural_person(OuterRef("dossier")),
            commission_id=Subquery(_last_opinion.values("commission_id")[:1]),
            commission=Subquery(_last_opinion.values("commission__name")[:1]),
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
        .order_by("-decided_at", "reference")
    )
