from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from audit.models import AuditEvent, AuditHead

GENESIS_HASH = "0" * 64


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, (uuid.UUID, datetime)):
        return str(value) if isinstance(value, uuid.UUID) else value.isoformat()
    return value


def event_hash(*, prev_hash: str, payload: dict[str, Any]) -> str:
    body = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((prev_hash + body).encode()).hexdigest()


def event_payload(event: AuditEvent) -> dict[str, Any]:
    """The fields a hash covers; changing any of them breaks the chain."""
    return {
        "seq": event.seq,
        "occurred_at": event.occurred_at.isoformat(),
        "actor_id": str(event.actor_id) if event.actor_id else None,
        "actor_label": event.actor_label,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "dossier_id": str(event.dossier_id) if event.dossier_id else None,
        "changes": event.changes,
    }


@transaction.atomic
def audit_record(
    *,
    actor: Any,
    action: str,
    object_type: str,
    object_id: Any,
    dossier_id: uuid.UUID | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain, inside the caller's transaction.

    `actor` is a user or None for the system. If the caller's transaction rolls back, the
    event goes with it, so the log never records a write that did not happen.
    """
    # The head row is created by the initial migration; locking it serialises appends.
    head = AuditHead.objects.select_for_update().get(id=1)
    changes: dict[str, Any] = {}
    if before is not None:
        changes["before"] = _canonical(before)
    if after is not None:
        changes["after"] = _canonical(after)
    event = AuditEvent(
        seq=head.last_seq + 1,
        occurred_at=timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=getattr(actor, "email", None) or "system",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        dossier_id=dossier_id,
        changes=changes,
        prev_hash=head.last_hash,
    )
    event.hash = event_hash(prev_hash=head.last_hash, payload=event_payload(event))
    event.save()
    head.last_seq = event.seq
    head.last_hash = event.hash
    head.save(update_fields=["last_seq", "last_hash"])
    return event


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_broken_seq: int | None
    reason: str


def audit_verify_chain(*, batch_size: int = 2000) -> ChainReport:
    """Recompute every hash in order; report the first event whose link or content is wrong."""
    prev_hash = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=batch_size):
        if event.seq != expected_seq:
            return ChainReport(False, checked, expected_seq, f"event #{expected_seq} is missing")
        if event.prev_hash != prev_hash:
            return ChainReport(False, checked, event.seq, "previous-hash link does not match")
        if event_hash(prev_hash=prev_hash, payload=event_payload(event)) != event.hash:
            return ChainReport(False, checked, event.seq, "content does not match its hash")
        prev_hash = event.hash
        expected_seq += 1
        checked += 1
    head = AuditHead.objects.filter(id=1).first()
    if head is not None and (head.last_seq != checked or head.last_hash != prev_hash):
        return ChainReport(False, checked, checked + 1, "events after the last one were removed")
    return ChainReport(True, checked, None, "")
