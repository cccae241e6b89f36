from __future__ import annotations

import uuid

from django.db.models import QuerySet

from audit.models import AuditEvent


def audit_events_for_dossier(*, dossier_id: uuid.UUID) -> QuerySet[AuditEvent]:
    """The events about one dossier, newest first. Callers check the dossier's visibility."""
    return AuditEvent.objects.filter(dossier_id=dossier_id).order_by("-seq")
