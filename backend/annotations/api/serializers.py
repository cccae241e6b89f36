from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from annotations import selectors
from annotations.models import (
    AnnotatedExport,
    Annotation,
    AnnotationKind,
    Comment,
    MeasurementKind,
    PageCalibration,
    RemarkStatus,
    Viewport,
    Visibility,
)


class CommentSerializer(serializers.ModelSerializer):
    author = serializers.EmailField(source="author.email", read_only=True)
    author_name = serializers.CharField(source="author.full_name", read_only=True)

    class Meta:
        model = Comment
        fields = ["id", "author", "author_name", "body", "created_at"]
        read_only_fields = fields


_COMMENT = CommentSerializer()  # one instance for every comment of a list, not one per annotation


class MeasurementSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=MeasurementKind.choices)
    value = serializers.FloatField(allow_null=True, help_text="Metres, square metres, degrees or a count.")
    unit = serializers.ChoiceField(choices=[("m", "m"), ("m2", "m2"), ("deg", "deg"), ("count", "count")])
    reason = serializers.CharField(allow_blank=True, help_text="Why there is no value, e.g. `uncalibrated`.")


GEOMETRY_HELP = (
    "Page points of the unrotated page, origin top-left, y down. `{points: [[x, y], …]}` for note (1), "
    "line and arrow (2), polyline (2+), polygon and cloud (3+) and measurements; `{rect: [x, y, w, h]}` for "
    "rectangle, ellipse, text, stamp and highlight; `{strokes: [[[x, y], …], …]}` for ink."
)


class AnnotationSerializer(serializers.ModelSerializer):
    author = serializers.EmailField(source="author.email", read_only=True)
    author_name = serializers.CharField(source="author.full_name", read_only=True)
    geometry = serializers.DictField(help_text=GEOMETRY_HELP)
    style = serializers.DictField()
    comments = serializers.SerializerMethodField()
    measurement = serializers.SerializerMethodField()
    deleted = serializers.SerializerMethodField()
    carried_from_version = serializers.UUIDField(
        source="carried_from.version_id",
        read_only=True,
        allow_null=True,
        help_text="The version holding the remark this one continues, to show it there.",
    )
    carried_from_page = serializers.IntegerField(source="carried_from.page_index", read_only=True, allow_null=True)

    class Meta:
        model = Annotation
        fields = [
            "id",
            "version",
            "page_index",
            "kind",
            "geometry",
            "style",
            "text",
            "measurement_kind",
            "measurement",
            "is_remark",
            "status",
            "visibility",
            "author",
            "author_name",
            "carried_from",
            "carried_from_version",
            "carried_from_page",
            "revision",
            "comments",
            "created_at",
            "updated_at",
            "deleted",
        ]
        read_only_fields = fields

    @extend_schema_field(MeasurementSerializer(allow_null=True))
    def get_measurement(self, obj: Annotation) -> dict[str, Any] | None:
        if obj.kind != AnnotationKind.MEASUREMENT:
            return None
        result, _mpp = selectors.measurement_of(obj, self.context.get("scales", {}))
        return {"kind": result.kind, "value": result.value, "unit": result.unit, "reason": result.reason}

    @extend_schema_field(CommentSerializer(many=True))
    def get_comments(self, obj: Annotation) -> list[dict[str, Any]]:
        """The selectors prefetch them into `comment_list`; an annotation just created has none."""
        comments = getattr(obj, "comment_list", None)
        if comments is None:
            comments = obj.comments.select_related("author")
        return [_COMMENT.to_representation(comment) for comment in comments]

    def get_deleted(self, obj: Annotation) -> bool:
        return obj.deleted_at is not None


class AnnotationCreateSerializer(serializers.Serializer):
    page_index = serializers.IntegerField(min_value=1)
    kind = serializers.ChoiceField(choices=AnnotationKind.choices)
    geometry = serializers.DictField(help_text=GEOMETRY_HELP)
    style = serializers.DictField(required=False, default=dict)
    text = serializers.CharField(required=False, allow_blank=True, default="", max_length=20_000)
    measurement_kind = serializers.ChoiceField(choices=MeasurementKind.choices, required=False, default="")
    is_remark = serializers.BooleanField(required=False, default=False)
    visibility = serializers.ChoiceField(choices=Visibility.choices, required=False, default=Visibility.INTERNAL)


class AnnotationUpdateSerializer(serializers.Serializer):
    revision = serializers.IntegerField(min_value=1, help_text="The revision you are changing (from your last read).")
    geometry = serializers.DictField(required=False, help_text=GEOMETRY_HELP)
    style = serializers.DictField(required=False)
    text = serializers.CharField(required=False, allow_blank=True, max_length=20_000)
    measurement_kind = serializers.ChoiceField(choices=MeasurementKind.choices, required=False)
    status = serializers.ChoiceField(choices=RemarkStatus.choices, required=False)
    visibility = serializers.ChoiceField(choices=Visibility.choices, required=False)


class CommentCreateSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=20_000)


class CalibrationSerializer(serializers.ModelSerializer):
    calibrated_by = serializers.EmailField(source="calibrated_by.email", read_only=True)
    points = serializers.ListField(child=serializers.ListField(child=serializers.FloatField()), allow_null=True)

    class Meta:
        model = PageCalibration
        fields = [
            "page_index",
            "method",
            "metres_per_point",
            "scale",
            "points",
            "known_length_m",
            "calibrated_by",
            "calibrated_at",
        ]
        read_only_fields = fields


class CalibrationSetSerializer(serializers.Serializer):
    page_index = serializers.IntegerField(min_value=1)
    scale = serializers.IntegerField(min_value=1, max_value=1_000_000, required=False, allow_null=True, default=None)
    points = serializers.ListField(
        child=serializers.ListField(child=serializers.FloatField(), min_length=2, max_length=2),
        min_length=2,
        max_length=2,
        required=False,
        allow_null=True,
        default=None,
    )
    known_length_m = serializers.FloatField(min_value=0.000001, required=False, allow_null=True, default=None)


class ViewportSerializer(serializers.ModelSerializer):
    rect = serializers.ListField(child=serializers.FloatField(), min_length=4, max_length=4)

    class Meta:
        model = Viewport
        fields = ["id", "page_index", "rect", "scale", "label", "created_at"]
        read_only_fields = fields


class ViewportCreateSerializer(serializers.Serializer):
    page_index = serializers.IntegerField(min_value=1)
    rect = serializers.ListField(child=serializers.FloatField(), min_length=4, max_length=4)
    scale = serializers.IntegerField(min_value=1, max_value=1_000_000)
    label = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)


class XfdfImportResultSerializer(serializers.Serializer):
    created = AnnotationSerializer(many=True)
    replies = serializers.IntegerField(help_text="Replies added to the threads of the imported (or existing) remarks.")
    skipped = serializers.IntegerField(
        help_text="Entries not imported: kinds Urbadesk does not draw, and replies whose markup is not found."
    )
    scale_mismatches = serializers.IntegerField(
        help_text="Imported measurements that the desktop tool took at another scale than this page's: "
        "their values here (from this page's calibration) differ from the desktop figures."
    )


class AnnotatedExportSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField(help_text="Short-lived URL of the PDF, once ready.")

    class Meta:
        model = AnnotatedExport
        fields = ["id", "version", "status", "size", "error", "created_at", "finished_at", "download_url"]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_download_url(self, obj: AnnotatedExport) -> str | None:
        from django.conf import settings

        from storage.services import get_storage

        if obj.status != "ready":
            return None
        stem = obj.version.original_filename.rsplit(".", 1)[0] or "plan"
        url = get_storage().download_url(
            obj.storage_key,
            expires_in=settings.URBADESK["DOWNLOAD_URL_TTL_SECONDS"],
            filename=f"{stem}-v{obj.version.number}-annote.pdf",
        )
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url
