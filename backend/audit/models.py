"""An append-only, hash-chained log of every write.

Each event stores the hash of the one before it, so editing or deleting any past event
breaks every hash after it; `verify_chain` (command `verify_audit`, endpoint
`/api/v1/audit/verify/`) finds the first broken link. The chain head is one locked row,
which serialises appends across processes on every database engine.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    actor_label = models.CharField(max_length=254, help_text="The actor's e-mail or 'system', kept if the user goes.")
    action = models.CharField(max_length=80)
    object_type = models.CharField(max_length=80)
    object_id = models.CharField(max_length=64)
    dossier_id = models.UUIDField(null=True, db_index=True)
    changes = models.JSONField(default=dict, help_text="Before/after summary of the change.")
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["dossier_id", "seq"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"


class AuditHead(models.Model):
    """The single row holding the chain's last hash and length; locked by each append."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)
