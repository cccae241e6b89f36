"""The authorised projects the public map and its downloads show, filtered as asked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet

from dossiers.public import public_decisions

GRANTED = ("granted", "granted_with_conditions")


@dataclass(frozen=True)
class ProjectFilter:
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north (WGS 84)
    procedure_type: str | None = None
    commission: Any = None
    decided_after: date | None = None
    decided_before: date | None = None


def authorised_projects(criteria: ProjectFilter) -> QuerySet:
    """Granted permits, newest decision first; with a box, only those placed inside it."""
    rows = public_decisions().filter(decision__in=GRANTED)
    if criteria.bbox is not None:
        west, south, east, north = criteria.bbox
        rows = rows.filter(
            dossier__longitude__gte=west,
            dossier__longitude__lte=east,
            dossier__latitude__gte=south,
            dossier__latitude__lte=north,
        )
    if criteria.procedure_type:
        rows = rows.filter(dossier__procedure_type_id=criteria.procedure_type)
    if criteria.commission is not None:
        rows = rows.filter(dossier__commission_opinions__commission_id=criteria.commission).distinct()
    if criteria.decided_after:
        rows = rows.filter(decided_at__date__gte=criteria.decided_after)
    if criteria.decided_before:
        rows = rows.filter(decided_at__date__lte=criteria.decided_before)
    return rows
