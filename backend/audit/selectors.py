from __future__ import annotations

import uuid

from django.db.models import QuerySet

from audit.models import AuditEvent

# Events of the procedure's inner workings (who reviews, what the commission draws and
# measures on the plans): shown to the administration, not to the applicant's side.
INTERNAL_ACTIONS = (
    "dossier.access_granted",
    "dossier.access_revoked",
    "dossier.dispatched",
    "dossier.undispatched",
    "dossier.opinion_given",  # members' opinions stay within the commission; its own opinion is public
)
INTERNAL_PREFIXES = ("annotation.", "page.", "admin.")


def audit_events_for_dossier(*, dossier_id: uuid.UUID, include_internal: bool = True) -> QuerySet[AuditEvent]:
    """The events about one dossier, newest first. Callers check the dossier's visibility."""
    queryset = AuditEvent.objects.filter(dossier_id=dossier_id).order_by("-seq")
    if not include_internal:
        queryset = queryset.exclude(action__in=INTERNAL_ACTIONS)
        for prefix in INTERNAL_PREFIXES:
            queryset = queryset.exclude(action__startswith=prefix)
    return queryset
