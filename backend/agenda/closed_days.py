"""Closed days for the legal deadlines of dossiers (registered with dossiers.deadlines)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from agenda.models import ClosedDay
from dossiers.models import Dossier


def closed_days_for(dossiers: Iterable[Dossier]) -> dict[object, set[date]]:
    """Public holidays for every dossier, plus the closed days of the commissions of its
    authority that examine its procedure. Two queries whatever the number of dossiers."""
    dossiers = list(dossiers)
    if not dossiers:
        return {}
    holidays: set[date] = set()
    own: dict[tuple[object, object], set[date]] = {}
    rows = ClosedDay.objects.filter(date__gte=min(d.submitted_at or d.created_at for d in dossiers).date()).values_list(
        "date", "commission__organisation_id", "commission__procedure_types"
    )
    for day, organisation, procedure in rows:
        if organisation is None:
            holidays.add(day)
        else:
            own.setdefault((organisation, procedure), set()).add(day)
    return {d.pk: holidays | own.get((d.organisation_id, d.procedure_type_id), set()) for d in dossiers}
