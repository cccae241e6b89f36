from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from dossiers import fees
from dossiers.analysis import ACCEPTED
from dossiers.deadlines import deadline_of
from dossiers.lifecycle import TRANSITIONS
from dossiers.models import (
    DayKind,
    DeadlinePhase,
    Decision,
    DecisionValue,
    Dossier,
    DossierParty,
    DossierStatus,
    FeeBasis,
    OnSilence,
    Page,
    Plan,
    PlanKind,
    PlanVersion,
    ProcedureType,
    RequestKind,
)
from storage.services import get_storage


def _absolute(request: Any, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


def _download_url(context: dict, key: str, filename: str | None = None) -> str:
    url = get_storage().download_url(key, expires_in=settings.URBADESK["DOWNLOAD_URL_TTL_SECONDS"], filename=filename)
    return _absolute(context.get("request"), url)


def _in_language(fr: str, en: str) -> str:
    return en if (get_language() or "fr").startswith("en") and en else fr


class RequiredDocumentSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.SerializerMethodField()
    required = serializers.BooleanField(help_text="The dossier cannot be declared complete without it.")

    def get_label(self, obj: Any) -> str:
        return _in_language(obj.label_fr, obj.label_en)


class DeadlineRuleSerializer(serializers.Serializer):
    phase = serializers.ChoiceField(choices=DeadlinePhase.choices)
    days = serializers.IntegerField()
    day_kind = serializers.ChoiceField(choices=DayKind.choices)
    on_silence = serializers.ChoiceField(choices=OnSilence.choices, allow_blank=True)


class FeeRuleSerializer(serializers.Serializer):
    basis = serializers.ChoiceField(choices=FeeBasis.choices)
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, help_text="The fixed part.")
    rate = serializers.DecimalField(max_digits=12, decimal_places=2, help_text="Per m² or per dwelling.")
    quantity_field = serializers.CharField(help_text="The form field the rate multiplies (empty for a fixed fee).")
    minimum = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    maximum = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    currency = serializers.SerializerMethodField()

    def get_currency(self, obj: Any) -> str:
        return fees.currency()


class ProcedureTypeSerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField(help_text="The name in the request's language.")
    description = serializers.SerializerMethodField(help_text="The description in the request's language.")
    follows = serializers.SlugRelatedField(
        slug_field="code",
        many=True,
        read_only=True,
        help_text="The procedures of a granted permit this one may be opened from (POST …/dossiers/{id}/follow-ups/).",
    )
    form_schema = serializers.DictField(
        help_text=(
            "The procedure's own form fields: a JSON schema of one flat object (types string, integer, number, "
            "boolean; `title` in French and `x-title-en`; `oneOf` of `const`/`title` for choices; `x-order`)."
        )
    )
    checklist = RequiredDocumentSerializer(source="active_checklist", many=True, read_only=True)
    deadlines = DeadlineRuleSerializer(source="deadline_rules", many=True, read_only=True)
    fee = serializers.SerializerMethodField(help_text="Its fee rule; null where the procedure is free.")

    class Meta:
        model = ProcedureType
        fields = [
            "code",
            "name",
            "name_fr",
            "name_en",
            "category",
            "description",
            "description_fr",
            "description_en",
            "follows",
            "form_schema",
            "checklist",
            "deadlines",
            "fee",
        ]
        read_only_fields = fields

    def get_name(self, obj: ProcedureType) -> str:
        return _in_language(obj.name_fr, obj.name_en)

    def get_description(self, obj: ProcedureType) -> str:
        return _in_language(obj.description_fr, obj.description_en)

    @extend_schema_field(FeeRuleSerializer(allow_null=True))
    def get_fee(self, obj: ProcedureType) -> dict[str, Any] | None:
        rule = getattr(obj, "fee_rule", None)
        return FeeRuleSerializer(rule).data if rule is not None else None


class FeeQuoteRequestSerializer(serializers.Serializer):
    form_data = serializers.DictField(help_text="The answers to the procedure's form, as they stand.")


class FeeSerializer(serializers.Serializer):
    amount = serializers.DecimalField(max_digits=12, decimal_places=2)
    currency = serializers.CharField()
    basis = serializers.ChoiceField(choices=FeeBasis.choices)
    quantity = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    explanation = serializers.CharField(help_text="How the amount is reached, in the request's language.")


class DossierSerializer(serializers.ModelSerializer):
    procedure_type_name = serializers.SerializerMethodField()
    form_data = serializers.DictField(read_only=True, help_text="The answers to its procedure's form.")
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Dossier
        fields = [
            "id",
            "reference",
            "procedure_type",
            "procedure_type_name",
            "organisation",
            "title",
            "description",
            "address",
            "latitude",
            "longitude",
            "parcel_reference",
            "form_data",
            "status",
            "fee_amount",
            "fee_currency",
            "payment_status",
            "created_at",
            "updated_at",
            "submitted_at",
        ]
        read_only_fields = fields
        extra_kwargs = {"fee_amount": {"help_text": "The fee owed, fixed at submission; null before or when free."}}

    def get_procedure_type_name(self, obj: Dossier) -> str:
        return _in_language(obj.procedure_type.name_fr, obj.procedure_type.name_en)


class DossierPermissionsSerializer(serializers.Serializer):
    can_edit = serializers.BooleanField(help_text="You may change its data, plans and parties now.")
    can_submit = serializers.BooleanField(help_text="You may submit it now.")
    can_book = serializers.BooleanField(help_text="You may book, move or cancel its commission slot now.")
    actions = serializers.ListField(
        child=serializers.ChoiceField(choices=[name for name, t in TRANSITIONS.items() if t.actor != "delegated"]),
        help_text="The lifecycle actions you may take now (each is `POST …/dossiers/{id}/<action>/`, with dashes).",
    )


class DecisionSerializer(serializers.Serializer):
    value = serializers.ChoiceField(choices=DecisionValue.choices)
    text = serializers.CharField()
    decided_by = serializers.CharField(source="decided_by.full_name", help_text="The signing authority's name.")
    decided_at = serializers.DateTimeField()


class DeadlineSerializer(serializers.Serializer):
    phase = serializers.ChoiceField(choices=DeadlinePhase.choices)
    due_date = serializers.DateField(help_text="The last day of the phase under the procedure's rule.")
    days_left = serializers.IntegerField(help_text="Negative once overdue.")
    suspended = serializers.BooleanField(help_text="The clock stops while the applicant is asked for something.")
    overdue = serializers.BooleanField()
    at_risk = serializers.BooleanField()
    on_silence = serializers.ChoiceField(
        choices=OnSilence.choices, allow_blank=True, help_text="What the law makes of silence past the deadline."
    )


class LinkedDossierSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    procedure_type = serializers.CharField(source="procedure_type_id")
    status = serializers.ChoiceField(choices=DossierStatus.choices)


class DossierDetailSerializer(DossierSerializer):
    permissions = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()
    deadline = serializers.SerializerMethodField()
    parent = serializers.SerializerMethodField(help_text="The granted permit this procedure follows, if any.")
    follow_ups = serializers.SerializerMethodField(help_text="The procedures opened on this permit.")

    class Meta(DossierSerializer.Meta):
        fields = [*DossierSerializer.Meta.fields, "permissions", "decision", "deadline", "parent", "follow_ups"]
        read_only_fields = fields

    @extend_schema_field(LinkedDossierSerializer(allow_null=True))
    def get_parent(self, obj: Dossier) -> dict[str, Any] | None:
        return LinkedDossierSerializer(obj.parent).data if obj.parent_id else None

    @extend_schema_field(LinkedDossierSerializer(many=True))
    def get_follow_ups(self, obj: Dossier) -> list[dict[str, Any]]:
        return LinkedDossierSerializer(obj.follow_ups.order_by("created_at"), many=True).data

    @extend_schema_field(DeadlineSerializer(allow_null=True))
    def get_deadline(self, obj: Dossier) -> dict[str, Any] | None:
        deadline = deadline_of(obj)
        return DeadlineSerializer(deadline).data if deadline else None

    @extend_schema_field(DecisionSerializer(allow_null=True))
    def get_decision(self, obj: Dossier) -> dict[str, Any] | None:
        decision = Decision.objects.filter(dossier=obj).select_related("decided_by").first()
        return DecisionSerializer(decision).data if decision else None

    @extend_schema_field(DossierPermissionsSerializer)
    def get_permissions(self, obj: Dossier) -> dict[str, bool]:
        return self.context["permissions"]


_LATITUDE = {"max_digits": 9, "decimal_places": 6, "min_value": -90, "max_value": 90, "allow_null": True}
_LONGITUDE = {"max_digits": 9, "decimal_places": 6, "min_value": -180, "max_value": 180, "allow_null": True}


class DossierCreateSerializer(serializers.Serializer):
    procedure_type = serializers.CharField(max_length=8, help_text="Procedure code, see /api/v1/procedure-types/.")
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    address = serializers.CharField(max_length=300)
    latitude = serializers.DecimalField(required=False, default=None, coerce_to_string=False, **_LATITUDE)
    longitude = serializers.DecimalField(required=False, default=None, coerce_to_string=False, **_LONGITUDE)
    parcel_reference = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    organisation = serializers.SlugField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Slug of the permitting authority; needed only where several exist.",
    )
    form_data = serializers.DictField(
        required=False,
        default=dict,
        help_text="Answers to the procedure's own form (see form_schema); required ones may wait until submission.",
    )


class FollowUpSerializer(serializers.Serializer):
    procedure_type = serializers.CharField(max_length=8, help_text="e.g. PH (occupancy permit) or CC (conformity).")


class DossierUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    address = serializers.CharField(max_length=300, required=False)
    latitude = serializers.DecimalField(required=False, coerce_to_string=False, **_LATITUDE)
    longitude = serializers.DecimalField(required=False, coerce_to_string=False, **_LONGITUDE)
    parcel_reference = serializers.CharField(max_length=100, required=False, allow_blank=True)
    form_data = serializers.DictField(
        required=False, help_text="All the answers to the procedure's form (replaced whole)."
    )


class PlanVersionSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanVersion
        fields = ["id", "number", "status", "created_at"]
        read_only_fields = fields


class PlanSerializer(serializers.ModelSerializer):
    versions = PlanVersionSummarySerializer(many=True, read_only=True)

    class Meta:
        model = Plan
        fields = ["id", "dossier", "kind", "title", "created_at", "versions"]
        read_only_fields = fields


class PlanCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PlanKind.choices)
    title = serializers.CharField(max_length=200)


class PageSerializer(serializers.ModelSerializer):
    thumbnail_url = serializers.SerializerMethodField(help_text="Short-lived URL of a PNG preview, or null.")

    class Meta:
        model = Page
        fields = [
            "index",
            "width_pt",
            "height_pt",
            "origin_x_pt",
            "origin_y_pt",
            "rotation",
            "user_unit",
            "declared_scale",
            "thumbnail_url",
            "thumbnail_width",
            "thumbnail_height",
            "sheet_number",
            "sheet_title",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_thumbnail_url(self, obj: Page) -> str | None:
        return _download_url(self.context, obj.thumbnail_key) if obj.thumbnail_key else None


class PlanVersionSerializer(serializers.ModelSerializer):
    pages = PageSerializer(many=True, read_only=True)
    download_url = serializers.SerializerMethodField(help_text="Short-lived URL of the original file.")

    class Meta:
        model = PlanVersion
        fields = [
            "id",
            "plan",
            "number",
            "status",
            "rejection_reason",
            "original_filename",
            "media_type",
            "size",
            "sha256",
            "page_count",
            "declared_scale",
            "pages",
            "download_url",
            "created_at",
            "analysed_at",
        ]
        read_only_fields = fields

    def get_download_url(self, obj: PlanVersion) -> str:
        return _download_url(self.context, obj.storage_key, filename=obj.original_filename)


_SCALE = {"required": False, "allow_null": True, "default": None, "min_value": 1, "max_value": 1_000_000}


class VersionUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="A PDF, PNG, JPEG or TIFF file.")
    declared_scale = serializers.IntegerField(help_text="Scale denominator: 100 for 1:100.", **_SCALE)


class UploadCreateSerializer(serializers.Serializer):
    filename = serializers.CharField(max_length=255)
    size = serializers.IntegerField(min_value=1, help_text="Exact size in bytes of the file to be sent.")
    media_type = serializers.ChoiceField(choices=[(m, m) for m in ACCEPTED], required=False, default="")
    sha256 = serializers.RegexField(
        r"^[0-9a-fA-F]{64}$", required=False, default="", help_text="If given, the stored file must match it."
    )
    declared_scale = serializers.IntegerField(help_text="Scale denominator: 100 for 1:100.", **_SCALE)


class UploadTargetSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    upload_url = serializers.CharField(help_text="Send the file's bytes here, with `method` and `headers`.")
    method = serializers.CharField()
    headers = serializers.DictField(child=serializers.CharField())
    expires_at = serializers.DateTimeField()


class PartySerializer(serializers.ModelSerializer):
    email = serializers.EmailField(source="user.email", read_only=True)
    full_name = serializers.CharField(source="user.full_name", read_only=True)

    class Meta:
        model = DossierParty
        fields = ["email", "full_name", "role", "created_at"]
        read_only_fields = fields


class PartyAddSerializer(serializers.Serializer):
    email = serializers.EmailField(help_text="The e-mail address of an existing Urbadesk account.")


class SheetMatchSerializer(serializers.Serializer):
    page = serializers.IntegerField(allow_null=True, help_text="Page of this version; null: the sheet was removed.")
    previous_page = serializers.IntegerField(
        allow_null=True, help_text="Page of the previous version; null: the sheet is new."
    )
    matched_by = serializers.ChoiceField(
        choices=["number", "title", "content", ""],
        help_text="How the pair was found: sheet number, sheet title, look of the page; empty if unmatched.",
    )
    difference = serializers.FloatField(
        allow_null=True, help_text="Share of the pages' look that differs (0 = same look); null if unknown."
    )
    changed = serializers.BooleanField(help_text="The pages do not look the same, or the sheet is new or removed.")


class SheetComparisonSerializer(serializers.Serializer):
    version = serializers.UUIDField()
    previous = serializers.UUIDField()
    matches = SheetMatchSerializer(many=True)


class ChecklistEntrySerializer(serializers.Serializer):
    code = serializers.SlugField()
    label = serializers.CharField()
    required = serializers.BooleanField()
    satisfied = serializers.BooleanField(allow_null=True, help_text="null: not checked yet.")
    note = serializers.CharField(allow_blank=True)
    checked_by = serializers.EmailField(allow_null=True)
    checked_at = serializers.DateTimeField(allow_null=True)


class ChecklistCheckSerializer(serializers.Serializer):
    satisfied = serializers.BooleanField()
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class SendBackSerializer(serializers.Serializer):
    message = serializers.CharField(max_length=5000, help_text="What the applicant must provide or change.")
    missing = serializers.ListField(
        child=serializers.SlugField(),
        required=False,
        default=list,
        max_length=100,
        help_text="Codes of the checklist items that are missing.",
    )


class ChangesSerializer(serializers.Serializer):
    message = serializers.CharField(max_length=5000, help_text="What the commission wants changed.")


class ApplicantRequestSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=RequestKind.choices)
    message = serializers.CharField()
    missing = serializers.ListField(child=serializers.DictField(child=serializers.CharField()))
    requested_by = serializers.CharField(help_text="Name of the person who asked.")
    requested_at = serializers.DateTimeField()
    answered_at = serializers.DateTimeField(allow_null=True)


class DecideSerializer(serializers.Serializer):
    value = serializers.ChoiceField(choices=DecisionValue.choices)
    text = serializers.CharField(max_length=20000, help_text="The decision's text, with its conditions.")


class DossierDeadlineSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=DossierStatus.choices)
    deadline = DeadlineSerializer()
