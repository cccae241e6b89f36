from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

MAX_PAGE_SIZE = 1000
BBOX_FORMAT = _("Four numbers: west,south,east,north in degrees (WGS 84).")
BBOX_RANGE = _("Longitudes lie between -180 and 180, latitudes between -90 and 90.")
BBOX_INVERTED = _("West must be less than east and south less than north.")
DATES_REVERSED = _("decided_after must not be later than decided_before.")


class ProjectQuerySerializer(serializers.Serializer):
    bbox = serializers.CharField(required=False, help_text="west,south,east,north in degrees (WGS 84).")
    procedure_type = serializers.CharField(required=False, max_length=8)
    commission = serializers.UUIDField(required=False)
    decided_after = serializers.DateField(required=False)
    decided_before = serializers.DateField(required=False)
    page = serializers.IntegerField(required=False, min_value=1, default=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE, default=500)

    def validate_bbox(self, value: str) -> tuple[float, float, float, float]:
        parts = value.split(",")
        try:
            west, south, east, north = (float(part) for part in parts)
        except ValueError as error:
            raise serializers.ValidationError(str(BBOX_FORMAT)) from error
        if not all(abs(v) != float("inf") and v == v for v in (west, south, east, north)):
            raise serializers.ValidationError(str(BBOX_FORMAT))
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= 90 and -90 <= north <= 90):
            raise serializers.ValidationError(str(BBOX_RANGE))
        if west >= east or south >= north:
            raise serializers.ValidationError(str(BBOX_INVERTED))
        return west, south, east, north

    def validate(self, data: dict) -> dict:
        after, before = data.get("decided_after"), data.get("decided_before")
        if after and before and after > before:
            raise serializers.ValidationError({"decided_before": [str(DATES_REVERSED)]})
        return data


class PointSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["Point"])
    coordinates = serializers.ListField(child=serializers.FloatField(), min_length=2, max_length=2)


class ProjectPropertiesSerializer(serializers.Serializer):
    reference = serializers.CharField()
    procedure_type = serializers.CharField()
    procedure_name_fr = serializers.CharField()
    procedure_name_en = serializers.CharField()
    decision = serializers.ChoiceField(choices=["granted", "granted_with_conditions"])
    decided_at = serializers.DateField()
    address = serializers.CharField(help_text="At street level for a natural person, unless the operator allows more.")
    parcel_reference = serializers.CharField()
    authority = serializers.CharField(allow_null=True)
    commission = serializers.CharField(allow_null=True)


class ProjectFeatureSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["Feature"])
    id = serializers.CharField(help_text="The permit's reference.")
    geometry = PointSerializer(allow_null=True, help_text="[longitude, latitude]; null when the dossier has none.")
    properties = ProjectPropertiesSerializer()


class LinkSerializer(serializers.Serializer):
    rel = serializers.CharField()
    href = serializers.URLField()
    type = serializers.CharField()


class ProjectCollectionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["FeatureCollection"])
    features = ProjectFeatureSerializer(many=True)
    numberMatched = serializers.IntegerField()
    numberReturned = serializers.IntegerField()
    links = LinkSerializer(many=True)


class MapConfigSerializer(serializers.Serializer):
    tile_url = serializers.CharField(
        allow_blank=True, help_text="A {z}/{x}/{y} tile URL for the base layer; empty: draw on a plain background."
    )
    attribution = serializers.CharField(allow_blank=True, help_text="The tiles' credit line, to show on the map.")
    procedure_types = serializers.ListField(child=serializers.DictField(), help_text="code, name_fr, name_en.")
    commissions = serializers.ListField(
        child=serializers.DictField(), help_text="id, name: the active commissions, for the map's filter."
    )


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        from portal.models import IndicatorRow

        model = IndicatorRow
        fields = [
            "commission_id",
            "commission",
            "procedure_type",
            "month",
            "received",
            "decided",
            "granted",
            "refused",
            "median_days",
            "p90_days",
            "within_deadline",
            "booking_lead_days",
            "suppressed",
        ]
        read_only_fields = fields


class IndicatorQuerySerializer(serializers.Serializer):
    commission = serializers.UUIDField(required=False)
    procedure_type = serializers.CharField(required=False, max_length=8)
    month_from = serializers.DateField(required=False, help_text="A day of the first month.")
    month_to = serializers.DateField(required=False, help_text="A day of the last month.")

    def validate(self, data: dict) -> dict:
        first, last = data.get("month_from"), data.get("month_to")
        if first and last and first > last:
            raise serializers.ValidationError({"month_to": [str(MONTHS_REVERSED)]})
        return data


MONTHS_REVERSED = _("month_from must not be later than month_to.")


class RefreshSerializer(serializers.Serializer):
    queued = serializers.BooleanField()
    last_refresh = serializers.DateTimeField(allow_null=True)


class InquiryOpenSerializer(serializers.Serializer):
    public_versions = serializers.ListField(
        child=serializers.UUIDField(),
        required=False,
        default=list,
        max_length=100,
        help_text="The plan versions the public may see during the inquiry.",
    )
    notice = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    opens_at = serializers.DateTimeField(required=False, help_text="Now, unless said.")
    closes_at = serializers.DateTimeField(
        required=False, help_text="By default: midnight, local time, after the procedure's number of days."
    )


class InquirySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    dossier = serializers.UUIDField(source="dossier_id")
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    notice = serializers.CharField()
    is_open = serializers.BooleanField()
    observations = serializers.IntegerField(allow_null=True, help_text="How many (the desk only).")


class InquiryDocumentSerializer(serializers.Serializer):
    title = serializers.CharField()
    version = serializers.IntegerField()
    pages = serializers.IntegerField(allow_null=True)
    download_url = serializers.CharField()


class PublicInquirySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    procedure_type = serializers.CharField()
    title = serializers.CharField()
    address = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    notice = serializers.CharField()
    documents = InquiryDocumentSerializer(many=True)


class ObservationSubmitSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["observation", "objection"])
    text = serializers.CharField(max_length=20000)
    files = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class ObservationReceiptSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    created_at = serializers.DateTimeField()


class AttachmentSerializer(serializers.Serializer):
    filename = serializers.CharField()
    media_type = serializers.CharField()
    size = serializers.IntegerField()
    download_url = serializers.CharField()


class ObservationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    kind = serializers.CharField()
    text = serializers.CharField()
    created_at = serializers.DateTimeField()
    author_name = serializers.CharField()
    author_email = serializers.EmailField()
    attachments = AttachmentSerializer(many=True)
