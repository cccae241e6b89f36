from __future__ import annotations

import uuid
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Unknown time zone: %(value)s."), params={"value": value})


class ConsolidationRule(models.TextChoices):
    CHAIR = "chair", _("The chair's opinion")
    BINDING_UNANIMITY = "binding_unanimity", _("Unanimity of the bodies whose opinion is binding")


class Commission(models.Model):
    """A body that examines dossiers at its sessions (e.g. the commission of a commune)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="commissions",
        help_text="The permitting authority that runs the commission.",
    )
    timezone = models.CharField(max_length=64, default="Africa/Casablanca", validators=[validate_timezone])
    procedure_types = models.ManyToManyField("dossiers.ProcedureType", related_name="commissions")
    territory = models.CharField(max_length=200, blank=True, help_text="The area it covers, e.g. a prefecture.")
    consolidation_rule = models.CharField(
        max_length=30,
        choices=ConsolidationRule.choices,
        default=ConsolidationRule.CHAIR,
        help_text="How the members' opinions make the commission's opinion.",
    )
    language = models.CharField(
        max_length=2,
        choices=settings.LANGUAGES,
        default="fr",
        help_text="The language of its minutes and decisions.",
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MemberKind(models.TextChoices):
    PERMANENT = "permanent", _("Permanent")
    OCCASIONAL = "occasional", _("Occasional")


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    SECRETARY = "secretary", _("Secretary")
    RAPPORTEUR = "rapporteur", _("Rapporteur")
    MEMBER = "member", _("Member")


class CommissionMember(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    commission = models.ForeignKey(Commission, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="commission_seats")
    body = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="commission_seats",
        help_text="The body the member represents (commune, urban agency, civil protection…).",
    )
    kind = models.CharField(max_length=20, choices=MemberKind.choices, default=MemberKind.PERMANENT)
    role = models.CharField(max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["commission", "role", "user__email"]
        constraints = [models.UniqueConstraint(fields=["commission", "user"], name="unique_member_per_commission")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class RequiredBody(models.Model):
    """A body whose occasional members review every dossier of a procedure type."""

    commission = models.ForeignKey(Commission, on_delete=models.CASCADE, related_name="required_bodies")
    procedure_type = models.ForeignKey("dossiers.ProcedureType", on_delete=models.CASCADE, related_name="+")
    body = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    binding = models.BooleanField(
        default=True, help_text="Its opinion binds the commission (it counts under the unanimity rule)."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["commission", "procedure_type", "body"], name="unique_required_body")
        ]


class TaskStatus(models.TextChoices):
    PENDING = "pending", _("To review")
    DONE = "done", _("Reviewed")
    CANCELLED = "cancelled", _("Cancelled")


class OpinionValue(models.TextChoices):
    FAVOURABLE = "favourable", _("Favourable")
    FAVOURABLE_WITH_CONDITIONS = "favourable_with_conditions", _("Favourable with conditions")
    UNFAVOURABLE = "unfavourable", _("Unfavourable")
    ABSTAIN = "abstain", _("Abstention")


class ReviewTask(models.Model):
    """A dossier to review by one member for one session: what dispatch creates, and the
    member's opinion once given."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.CASCADE, related_name="review_tasks")
    member = models.ForeignKey(CommissionMember, on_delete=models.CASCADE, related_name="tasks")
    session_id = models.UUIDField(help_text="The agenda session the dossier is booked on.")
    session_starts_at = models.DateTimeField()
    status = models.CharField(max_length=20, choices=TaskStatus.choices, default=TaskStatus.PENDING)
    opinion = models.CharField(max_length=30, choices=OpinionValue.choices, blank=True)
    reasons = models.TextField(blank=True)
    conditions = models.TextField(blank=True)
    opinion_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session_starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "member", "session_id"], name="unique_task_per_session")
        ]
        indexes = [models.Index(fields=["member", "status", "session_starts_at"])]


class CommissionOpinion(models.Model):
    """The commission's opinion on a dossier at one session, with the rule that produced it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.CASCADE, related_name="commission_opinions")
    commission = models.ForeignKey(Commission, on_delete=models.PROTECT, related_name="opinions")
    session_id = models.UUIDField()
    value = models.CharField(max_length=30, choices=OpinionValue.choices)
    rule = models.CharField(max_length=30, choices=ConsolidationRule.choices)
    proposed = models.CharField(
        max_length=30, choices=OpinionValue.choices, blank=True, help_text="What the rule gave from the members."
    )
    reasons = models.TextField(blank=True)
    conditions = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "session_id"], name="one_commission_opinion_per_session")
        ]
