"""Documents that people sign (decisions, minutes, authorised plans), who must sign them and in
which order, and the legal mentions each procedure's decision carries."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    DECISION = "decision", _("Decision")
    MINUTES = "minutes", _("Minutes")
    AUTHORISED_PLANS = "authorised_plans", _("Authorised plans")
    CERTIFICATE = "certificate", _("Urban-planning information certificate")


class DocumentStatus(models.TextChoices):
    SIGNING = "signing", _("Awaiting signatures")
    SIGNED = "signed", _("Signed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Document(models.Model):
    """A generated PDF and its signing: `file_key`/`sha256` always name its latest bytes."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    dossier = models.ForeignKey(
        "dossiers.Dossier", null=True, blank=True, on_delete=models.PROTECT, related_name="signed_documents"
    )
    session_id = models.UUIDField(null=True, blank=True, help_text="The agenda session of minutes.")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=300)
    language = models.CharField(max_length=8, default="fr")
    code = models.CharField(max_length=16, unique=True, help_text="Short code of the verification link.")
    file_key = models.CharField(max_length=500)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    pages = models.PositiveIntegerField()
    status = models.CharField(max_length=12, choices=DocumentStatus.choices, default=DocumentStatus.SIGNING)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    signed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "kind"],
                condition=~Q(status="withdrawn") & Q(dossier__isnull=False),
                name="one_live_document_per_dossier_and_kind",
            ),
            models.UniqueConstraint(
                fields=["session_id", "kind"],
                condition=~Q(status="withdrawn") & Q(session_id__isnull=False),
                name="one_live_document_per_session_and_kind",
            ),
        ]


class RequiredSigner(models.Model):
    """One person who must sign, at their place in the order; filled in when they sign."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="signers")
    position = models.PositiveSmallIntegerField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=120, help_text="The capacity in which they sign, shown in the signature.")
    page = models.IntegerField(help_text="The page of their signature box (0 is the first).")
    box = models.JSONField(help_text="Their signature box: [x1, y1, x2, y2] in PDF points.")
    signed_at = models.DateTimeField(null=True, blank=True)
    timestamped = models.BooleanField(default=False)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "position"], name="one_signer_per_position"),
            models.UniqueConstraint(fields=["document", "user"], name="one_position_per_signer"),
        ]


class DecisionTemplate(models.Model):
    """The legal mentions a procedure's decision carries, in each language; an admin edits them.
    `{reference}`, `{decided_at}` and `{authority}` are replaced."""

    procedure_type = models.OneToOneField(
        "dossiers.ProcedureType", on_delete=models.CASCADE, primary_key=True, related_name="decision_template"
    )
    legal_mentions_fr = models.TextField()
    legal_mentions_en = models.TextField()
