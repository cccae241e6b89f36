"""Who hears of each lifecycle event of a dossier (the notifications app sends; it knows no domain)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from dossiers.models import Decision, Dossier
from notifications.services import notify

# action of the lifecycle → (event, who hears it)
LIFECYCLE_EVENTS = {
    "submitted": ("dossier.submitted", "desk"),
    "start_check": ("dossier.check_started", "parties"),
    "request_complements": ("dossier.complements_requested", "parties"),
    "request_changes": ("dossier.changes_requested", "parties"),
    "resubmit": ("dossier.resubmitted", "desk"),
    "declare_complete": ("dossier.declared_complete", "parties"),
    "record_opinion": ("dossier.opinion_recorded", "parties"),
    "decide": ("dossier.decision_issued", "parties"),
    "close": ("dossier.closed", "parties"),
}


def parties(dossier: Dossier) -> list[Any]:
    return [party.user for party in dossier.parties.select_related("user")]


def desk_agents(dossier: Dossier) -> list[Any]:
    if dossier.organisation_id is None:
        return []
    return list(get_user_model().objects.filter(role="desk_agent", organisation_id=dossier.organisation_id))


def lifecycle_event(*, actor: Any, dossier: Dossier, action: str, message: str = "") -> None:
    """Tells the people concerned that the dossier moved (not the one who moved it)."""
    if action not in LIFECYCLE_EVENTS:
        return
    event, audience = LIFECYCLE_EVENTS[action]
    recipients = desk_agents(dossier) if audience == "desk" else parties(dossier)
    decision = Decision.objects.filter(dossier=dossier).first() if action == "decide" else None
    notify(
        event=event,
        recipients=recipients,
        context={
            "reference": dossier.reference,
            "title": dossier.title,
            "message": message,
            "decision": decision.get_value_display() if decision else "",
            "decision_value": decision.value if decision else "",
            "status": dossier.status,
        },
        url=f"/dossiers/{dossier.id}",
        dossier_id=dossier.id,
        exclude=actor,
    )
