"""Changes people make to their own account."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from audit.services import audit_record


@transaction.atomic
def profile_update(*, actor: Any, **fields: Any) -> Any:
    """Name, language and phone number; audited (the phone number is personal: only that it changed)."""
    before = {name: getattr(actor, name) for name in fields}
    for name, value in fields.items():
        setattr(actor, name, value)
    actor.save(update_fields=list(fields))
    changed = sorted(name for name in fields if before[name] != fields[name])
    audit_record(
        actor=actor, action="user.profile_updated", object_type="user", object_id=actor.pk, after={"changed": changed}
    )
    return actor
