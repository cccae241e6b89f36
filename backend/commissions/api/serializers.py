from django.conf import settings
from rest_framework import serializers

from commissions.models import (
    Commission,
    CommissionMember,
    ConsolidationRule,
    MemberKind,
    MemberRole,
    OpinionValue,
    RequiredBody,
    ReviewTask,
)
from config.fields import ZonedDateTimeField


class CommissionSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    procedure_types = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Commission
        fields = [
            "id",
            "name",
            "organisation",
            "timezone",
            "language",
            "procedure_types",
            "territory",
            "is_active",
            "created_at",
        ]
        read_only_fields = fields


class CommissionCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    organisation = serializers.SlugField(
        required=False, help_text="Slug of the authority running it; defaults to the agent's own organisation."
    )
    timezone = serializers.CharField(max_length=64, help_text="IANA time zone, e.g. Africa/Casablanca.")
    procedure_types = serializers.ListField(child=serializers.CharField(max_length=8), allow_empty=False)
    territory = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES, required=False, default="fr", help_text="The language of its minutes and decisions."
    )


class CommissionUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False)
    timezone = serializers.CharField(max_length=64, required=False)
    procedure_types = serializers.ListField(
        child=serializers.CharField(max_length=8), allow_empty=False, required=False
    )
    territory = serializers.CharField(max_length=200, required=False, allow_blank=True)
    language = serializers.ChoiceField(choices=settings.LANGUAGES, required=False)
    is_active = serializers.BooleanField(required=False)


class MemberSerializer(serializers.ModelSerializer):
    email = serializers.EmailField(source="user.email", read_only=True)
    full_name = serializers.CharField(source="user.full_name", read_only=True)
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    body_name = serializers.CharField(source="body.name", read_only=True)

    class Meta:
        model = CommissionMember
        fields = ["id", "email", "full_name", "body", "body_name", "kind", "role", "is_active"]
        read_only_fields = fields


class MemberAddSerializer(serializers.Serializer):
    email = serializers.EmailField()
    body = serializers.SlugField(help_text="Slug of the organisation the member represents.")
    kind = serializers.ChoiceField(choices=MemberKind.choices, default=MemberKind.PERMANENT)
    role = serializers.ChoiceField(choices=MemberRole.choices, default=MemberRole.MEMBER)


class RequiredBodySerializer(serializers.ModelSerializer):
    procedure_type = serializers.SlugRelatedField(slug_field="code", read_only=True)
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = RequiredBody
        fields = ["id", "procedure_type", "body"]
        read_only_fields = fields


class RequiredBodyAddSerializer(serializers.Serializer):
    procedure_type = serializers.CharField(max_length=8)
    body = serializers.SlugField()


class ReviewTaskSerializer(serializers.ModelSerializer):
    dossier_reference = serializers.CharField(source="dossier.reference", read_only=True)
    dossier_title = serializers.CharField(source="dossier.title", read_only=True)
    dossier_address = serializers.CharField(source="dossier.address", read_only=True)
    procedure_type = serializers.CharField(source="dossier.procedure_type_id", read_only=True)
    commission = serializers.UUIDField(source="member.commission_id", read_only=True)
    commission_name = serializers.CharField(source="member.commission.name", read_only=True)
    timezone = serializers.CharField(source="member.commission.timezone", read_only=True)
    session_starts_at = ZonedDateTimeField(
        zone="member.commission.timezone",
        help_text="With the commission's UTC offset: its digits are the local wall-clock time.",
    )

    opinion = serializers.ChoiceField(
        choices=OpinionValue.choices, allow_blank=True, read_only=True, help_text="Empty until given."
    )

    class Meta:
        model = ReviewTask
        fields = [
            "id",
            "dossier",
            "dossier_reference",
            "dossier_title",
            "dossier_address",
            "procedure_type",
            "commission",
            "commission_name",
            "timezone",
            "session_id",
            "session_starts_at",
            "status",
            "opinion",
            "reasons",
            "conditions",
            "opinion_at",
        ]
        read_only_fields = fields


class OpinionGiveSerializer(serializers.Serializer):
    value = serializers.ChoiceField(choices=OpinionValue.choices)
    reasons = serializers.CharField(max_length=10000, required=False, allow_blank=True, default="")
    conditions = serializers.CharField(max_length=10000, required=False, allow_blank=True, default="")


class MemberOpinionSerializer(serializers.Serializer):
    member = serializers.CharField(help_text="The member's name.")
    body = serializers.CharField(allow_blank=True, help_text="The body the member speaks for.")
    role = serializers.ChoiceField(choices=MemberRole.choices)
    binding = serializers.BooleanField(help_text="The body's opinion binds the commission.")
    opinion = serializers.CharField(allow_blank=True)
    reasons = serializers.CharField(allow_blank=True)
    conditions = serializers.CharField(allow_blank=True)
    opinion_at = serializers.DateTimeField(allow_null=True)


class RecordedOpinionSerializer(serializers.Serializer):
    value = serializers.ChoiceField(choices=OpinionValue.choices)
    proposed = serializers.CharField(allow_blank=True, help_text="What the rule gave; differs if the record departs.")
    rule = serializers.ChoiceField(choices=ConsolidationRule.choices)
    reasons = serializers.CharField(allow_blank=True)
    conditions = serializers.CharField(allow_blank=True)
    recorded_by = serializers.CharField()
    recorded_at = serializers.DateTimeField()


class SessionOpinionsSerializer(serializers.Serializer):
    commission = serializers.UUIDField()
    commission_name = serializers.CharField()
    session_id = serializers.UUIDField()
    rule = serializers.ChoiceField(choices=ConsolidationRule.choices)
    proposal = serializers.CharField(allow_null=True, help_text="The opinion the rule gives now; null if not yet.")
    waiting_for = serializers.IntegerField(help_text="Opinions the rule still needs.")
    members = MemberOpinionSerializer(many=True, help_text="Empty for the applicant's side.")
    recorded = RecordedOpinionSerializer(allow_null=True)
    can_record = serializers.BooleanField()


class CommissionOpinionRecordSerializer(serializers.Serializer):
    session = serializers.UUIDField(help_text="The session at which the commission examined the dossier.")
    value = serializers.ChoiceField(
        choices=OpinionValue.choices,
        required=False,
        allow_null=True,
        default=None,
        help_text="Leave empty to record what the commission's rule gives.",
    )
    reasons = serializers.CharField(max_length=10000, required=False, allow_blank=True, default="")
    conditions = serializers.CharField(max_length=10000, required=False, allow_blank=True, default="")
