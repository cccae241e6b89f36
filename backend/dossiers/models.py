from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class ProcedureCategory(models.TextChoices):
    URBAN_PLANNING = "urban_planning", _("Urban planning")
    ECONOMIC = "economic", _("Economic authorisation")


class ProcedureType(models.Model):
    """A procedure of the catalogue (building permit, shop opening declaration…): data that an
    administrator defines without code, from its form to its fee; seeded by migrations."""

    code = models.CharField(max_length=8, primary_key=True, help_text="Reference prefix, e.g. PC.")
    name_fr = models.CharField(max_length=120)
    name_en = models.CharField(max_length=120)
    category = models.CharField(
        max_length=20, choices=ProcedureCategory.choices, default=ProcedureCategory.URBAN_PLANNING
    )
    description_fr = models.TextField(blank=True)
    description_en = models.TextField(blank=True)
    form_schema = models.JSONField(
        default=dict,
        blank=True,
        help_text="The procedure's own form fields, as a JSON schema the SPA renders (see dossiers/procedure_forms.py).",
    )
    is_active = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)
    follows = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="followed_by",
        help_text="The granted permits this procedure may be opened from (e.g. an occupancy permit from a building permit).",
    )

    class Meta:
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.code

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from dossiers.procedure_forms import SchemaError, normalised_schema

        try:
            self.form_schema = normalised_schema(self.form_schema)
        except SchemaError as error:
            raise ValidationError({"form_schema": error.messages}) from error


class DossierStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    COMPLETENESS_CHECK = "completeness_check", _("Completeness check")
    AWAITING_COMPLEMENTS = "awaiting_complements", _("Awaiting complements")
    UNDER_REVIEW = "under_review", _("Under review")
    COMMISSION_OPINION = "commission_opinion", _("Commission opinion")
    DECISION = "decision", _("Decision")
    CLOSED = "closed", _("Closed")


# While the applicant's side may still change the dossier's data, plans and parties.
EDITABLE_STATUSES = (DossierStatus.DRAFT, DossierStatus.AWAITING_COMPLEMENTS)
# While the dossier may hold, move or cancel a commission booking.
BOOKABLE_STATUSES = (DossierStatus.SUBMITTED, DossierStatus.COMPLETENESS_CHECK, DossierStatus.UNDER_REVIEW)


class PaymentStatus(models.TextChoices):
    NONE = "none", _("Nothing owed")
    UNPAID = "unpaid", _("Unpaid")
    PAID = "paid", _("Paid")
    REFUNDED = "refunded", _("Refunded")


class Dossier(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=32, unique=True)
    procedure_type = models.ForeignKey(ProcedureType, on_delete=models.PROTECT, related_name="dossiers")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dossiers",
        help_text="The permitting authority that handles the dossier.",
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    address = models.CharField(max_length=300)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    parcel_reference = models.CharField(max_length=100, blank=True)
    form_data = models.JSONField(default=dict, blank=True, help_text="The answers to its procedure's own form.")
    fee_amount = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, help_text="The fee owed, fixed when it is submitted."
    )
    fee_currency = models.CharField(max_length=3, blank=True)
    payment_status = models.CharField(max_length=12, choices=PaymentStatus.choices, default=PaymentStatus.NONE)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="follow_ups",
        help_text="The granted permit this procedure follows (occupancy permit, certificate of conformity).",
    )
    status = models.CharField(max_length=30, choices=DossierStatus.choices, default=DossierStatus.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True, help_text="When the desk declared the dossier complete.")

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["organisation", "status"]),
            # The lists' default order: a page is read off this index instead of sorting every
            # visible dossier (250 ms → under 1 ms at 100,000 dossiers; see bench/results.md).
            models.Index(fields=["-created_at"], name="dossier_created_desc"),
            models.Index(fields=["organisation", "payment_status"], name="dossier_org_payment"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="dossier_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="dossier_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class PartyRole(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    PROJECT_AUTHOR = "project_author", _("Project author")


class DossierParty(models.Model):
    """A person who acts for the dossier: its applicant, its architect."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="parties")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="dossier_parties")
    role = models.CharField(max_length=20, choices=PartyRole.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dossier", "user"], name="unique_party_per_dossier")]


class DossierAccess(models.Model):
    """Access to a dossier granted by another part of the procedure (e.g. dispatch to a
    commission member), so that `dossiers` needs to know nothing of who granted it."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dossier_accesses")
    reason = models.CharField(max_length=40, help_text="Who granted it and why, e.g. `review`.")
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dossier", "user", "reason"], name="unique_dossier_access")]


class ReferenceCounter(models.Model):
    """The last number given per procedure and year; its row lock serialises reference issue."""

    prefix = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="unique_reference_counter")]


class PlanKind(models.TextChoices):
    SITUATION = "situation", _("Situation plan")
    SITE = "site", _("Site plan")
    FLOOR = "floor", _("Floor plan")
    FACADE = "facade", _("Façade")
    SECTION = "section", _("Section")
    OTHER = "other", _("Other")


class Plan(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="plans")
    kind = models.CharField(max_length=20, choices=PlanKind.choices)
    title = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.title


class VersionStatus(models.TextChoices):
    PROCESSING = "processing", _("Processing")
    READY = "ready", _("Ready")
    REJECTED = "rejected", _("Rejected")


class PlanVersion(models.Model):
    """One immutable file of a plan: v1, v2… Its bytes never change once stored."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=VersionStatus.choices, default=VersionStatus.PROCESSING)
    rejection_reason = models.TextField(blank=True)
    storage_key = models.CharField(max_length=512, unique=True)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    media_type = models.CharField(max_length=50)
    original_filename = models.CharField(max_length=255)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    declared_scale = models.PositiveIntegerField(
        null=True, blank=True, help_text="Denominator of the scale declared at upload: 100 means 1:100."
    )
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    analysed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_version_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="version_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} v{self.number}"


class Page(models.Model):
    """One page of a version, in PDF points (1/72 in) of the unrotated page."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="pages")
    index = models.PositiveIntegerField(help_text="1-based page number.")
    width_pt = models.FloatField()
    height_pt = models.FloatField()
    origin_x_pt = models.FloatField(default=0, help_text="Left of the visible box in PDF user space.")
    origin_y_pt = models.FloatField(default=0, help_text="Bottom of the visible box in PDF user space.")
    rotation = models.PositiveSmallIntegerField(default=0)
    user_unit = models.FloatField(default=1.0)
    declared_scale = models.PositiveIntegerField(null=True, blank=True)
    thumbnail_key = models.CharField(max_length=512, blank=True)
    thumbnail_width = models.PositiveIntegerField(null=True, blank=True)
    thumbnail_height = models.PositiveIntegerField(null=True, blank=True)
    sheet_number = models.CharField(max_length=40, blank=True, help_text="From the title block, e.g. A-101 or PC3.")
    sheet_title = models.CharField(max_length=200, blank=True)
    fingerprint = models.CharField(max_length=1024, blank=True, help_text="Ink map of the rendered page (hex).")

    class Meta:
        ordering = ["version", "index"]
        constraints = [
            models.UniqueConstraint(fields=["version", "index"], name="unique_page_index"),
            models.CheckConstraint(condition=Q(rotation__in=[0, 90, 180, 270]), name="page_rotation_quarter"),
        ]


class UploadStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the file")
    COMPLETED = "completed", _("Completed")


class Upload(models.Model):
    """A direct-to-storage upload: the client PUTs to a staging key, then completes it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="uploads")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    filename = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    media_type = models.CharField(max_length=50, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    declared_scale = models.PositiveIntegerField(null=True, blank=True)
    staging_key = models.CharField(max_length=512, unique=True)
    status = models.CharField(max_length=20, choices=UploadStatus.choices, default=UploadStatus.PENDING)
    version = models.OneToOneField(PlanVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()


# --- completeness and the lifecycle's requests ----------------------------------------


class ChecklistItem(models.Model):
    """A document or plan a procedure requires; data an administrator edits."""

    procedure_type = models.ForeignKey(ProcedureType, on_delete=models.CASCADE, related_name="checklist")
    code = models.SlugField(max_length=40)
    label_fr = models.CharField(max_length=200)
    label_en = models.CharField(max_length=200)
    required = models.BooleanField(default=True, help_text="The dossier cannot be declared complete without it.")
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["procedure_type", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["procedure_type", "code"], name="unique_checklist_code")]

    def __str__(self) -> str:
        return f"{self.procedure_type_id}/{self.code}"

    @property
    def label(self) -> str:
        """In the language of the request (English or, by default, French)."""
        return self.label_en if (get_language() or "fr").startswith("en") else self.label_fr


class ChecklistCheck(models.Model):
    """The desk's verdict on one checklist item of one dossier."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="checklist_checks")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="+")
    satisfied = models.BooleanField()
    note = models.CharField(max_length=500, blank=True)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dossier", "item"], name="unique_check_per_item")]


class RequestKind(models.TextChoices):
    COMPLEMENTS = "complements", _("Complements requested")
    CHANGES = "changes", _("Changes requested")


class ApplicantRequest(models.Model):
    """What the desk or the commission asks the applicant for; the dossier waits until answered."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="applicant_requests")
    kind = models.CharField(max_length=20, choices=RequestKind.choices)
    message = models.TextField()
    missing = models.ManyToManyField(ChecklistItem, blank=True, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier"], condition=Q(answered_at__isnull=True), name="one_open_request_per_dossier"
            )
        ]


class DecisionValue(models.TextChoices):
    GRANTED = "granted", _("Granted")
    GRANTED_WITH_CONDITIONS = "granted_with_conditions", _("Granted with conditions")
    REFUSED = "refused", _("Refused")


class Decision(models.Model):
    """The signing authority's decision on the dossier: what the applicant and the public see."""

    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="decision", primary_key=True)
    value = models.CharField(max_length=30, choices=DecisionValue.choices)
    text = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)


# --- legal deadlines ------------------------------------------------------------------------


class DeadlinePhase(models.TextChoices):
    COMPLETENESS = "completeness", _("Completeness check")
    DECISION = "decision", _("Decision")


class DayKind(models.TextChoices):
    CALENDAR = "calendar", _("Calendar days")
    BUSINESS = "business", _("Business days")


class OnSilence(models.TextChoices):
    NOTHING = "", _("Nothing")
    TACIT_APPROVAL = "tacit_approval", _("Tacit approval")
    TACIT_REFUSAL = "tacit_refusal", _("Tacit refusal")


class DeadlineRule(models.Model):
    """A legal deadline of a procedure (délai de rigueur), as data: how many days a phase may
    take from its start, counted how, and what the law makes of silence."""

    procedure_type = models.ForeignKey(ProcedureType, on_delete=models.CASCADE, related_name="deadline_rules")
    phase = models.CharField(max_length=20, choices=DeadlinePhase.choices)
    days = models.PositiveIntegerField()
    day_kind = models.CharField(max_length=10, choices=DayKind.choices, default=DayKind.CALENDAR)
    on_silence = models.CharField(max_length=20, choices=OnSilence.choices, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["procedure_type", "phase"], name="one_rule_per_phase")]


# --- fees -------------------------------------------------------------------------------------


class FeeBasis(models.TextChoices):
    FIXED = "fixed", _("Fixed amount")
    PER_M2 = "per_m2", _("Per square metre of built surface")
    PER_DWELLING = "per_dwelling", _("Per dwelling")


class FeeRule(models.Model):
    """What a procedure costs, as data: a fixed part plus a rate per unit of one of its form's
    fields, kept between a minimum and a maximum. Amounts are in the deployment's currency."""

    procedure_type = models.OneToOneField(ProcedureType, on_delete=models.CASCADE, related_name="fee_rule")
    basis = models.CharField(max_length=20, choices=FeeBasis.choices, default=FeeBasis.FIXED)
    amount = models.DecimalField(max_digits=12, decimal_places=2, default=0, help_text="The fixed part.")
    rate = models.DecimalField(max_digits=12, decimal_places=2, default=0, help_text="Per m² or per dwelling.")
    quantity_field = models.CharField(
        max_length=64,
        blank=True,
        help_text="The form field holding the m² or the dwellings (e.g. built_surface, dwellings).",
    )
    minimum = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    maximum = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0) & Q(rate__gte=0), name="fee_rule_not_negative"),
            models.CheckConstraint(
                condition=Q(minimum__isnull=True) | Q(maximum__isnull=True) | Q(minimum__lte=models.F("maximum")),
                name="fee_rule_minimum_below_maximum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.procedure_type_id}: {self.get_basis_display()}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from dossiers.fees import rule_problems

        problems = rule_problems(self)
        if problems:
            raise ValidationError(problems)
