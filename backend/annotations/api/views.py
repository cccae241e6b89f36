"""HTTP layer of annotations: lists with ETags for cheap polling, revisions against lost edits."""

from __future__ import annotations

import hashlib
import json
import re

from django.db.models import Count, Max
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, parsers, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations import selectors, services
from annotations.api import serializers as s
from annotations.exports.cache import annotated_export, export_fingerprint
from annotations.exports.collect import export_items, page_boxes
from annotations.exports.jsonld import to_web_annotations
from annotations.exports.xfdf import to_xfdf
from annotations.models import (
    AnnotatedExport,
    AnnotationKind,
    ExportStatus,
    PageCalibration,
    RemarkStatus,
    Viewport,
    Visibility,
)
from config.exceptions import DomainError
from config.idempotency import IDEMPOTENCY_PARAMETER, idempotent
from config.openapi import errors
from config.pagination import PageNumberPagination
from dossiers import selectors as dossier_selectors

NOT_AN_ANNOTATOR = gettext_lazy("Only the commission's side annotates plans; applicants answer in shared remarks.")


class AnnotationPagination(PageNumberPagination):
    """A viewer loads a page's annotations at once: large pages, still bounded."""

    page_size = 500
    max_page_size = 5000


def _require_annotator(request: Request, dossier) -> None:
    """Parties can read the plan but the annotating side of it does not exist for them: 404,
    as the issue's permission rules say, with a message that tells a client why."""
    if not selectors.can_annotate(request.user, dossier):
        raise NotFound(str(NOT_AN_ANNOTATOR))


def _version(request: Request, version_id):
    return dossier_selectors.plan_version_get_for_user(user=request.user, version_id=version_id)


def _context(version) -> dict:
    return {"scales": selectors.page_scales(version=version)}


LIST_PARAMETERS = [
    OpenApiParameter("page", OpenApiTypes.INT, description="Page index (1-based)."),
    OpenApiParameter("kind", OpenApiTypes.STR, enum=[c for c, _ in AnnotationKind.choices]),
    OpenApiParameter("status", OpenApiTypes.STR, enum=[c for c, _ in RemarkStatus.choices]),
    OpenApiParameter("author", OpenApiTypes.EMAIL),
    OpenApiParameter("visibility", OpenApiTypes.STR, enum=[c for c, _ in Visibility.choices]),
    OpenApiParameter("is_remark", OpenApiTypes.BOOL),
    OpenApiParameter(
        "updated_since",
        OpenApiTypes.DATETIME,
        description="Only what changed after this time, deletions included (as `deleted: true`).",
    ),
    OpenApiParameter("page_number", OpenApiTypes.INT, description="Page of results."),
    OpenApiParameter("page_size", OpenApiTypes.INT, description="Results per page (up to 5,000)."),
]


class VersionAnnotationsView(generics.ListAPIView):
    serializer_class = s.AnnotationSerializer
    filter_backends: list = []
    pagination_class = AnnotationPagination

    def get_queryset(self):
        params = self.request.query_params
        updated_since = None
        if raw := params.get("updated_since"):
            try:
                updated_since = parse_datetime(raw)
            except ValueError:
                updated_since = None
            if updated_since is None:
                raise ValidationError({"updated_since": ["An ISO 8601 date-time, e.g. 2026-11-24T10:00:00Z."]})
        page = params.get("page")
        if page is not None and not re.fullmatch(r"[0-9]{1,6}", page):
            raise ValidationError({"page": ["A page number."]})
        remark = params.get("is_remark")
        return selectors.annotation_list(
            user=self.request.user,
            version=self.version,
            page=int(page) if page else None,
            kind=params.get("kind"),
            status=params.get("status"),
            author=params.get("author"),
            visibility=params.get("visibility"),
            is_remark=None if remark is None else remark in {"1", "true"},
            updated_since=updated_since,
        )

    def get_serializer_context(self):
        version = getattr(self, "version", None)  # absent for OPTIONS, which only describes the view
        return {**super().get_serializer_context(), **(_context(version) if version else {})}

    def paginate_queryset(self, queryset):
        self.paginator.page_query_param = "page_number"  # `page` filters by page of the plan
        return super().paginate_queryset(queryset)

    @extend_schema(
        operation_id="plan_versions_annotations_list",
        summary="List a version's annotations",
        description=(
            "Annotations of the version you may see (the applicant sees only remarks shared with them), "
            "with their measurements and threads. Send `If-None-Match` with the last `ETag` to get a 304 "
            "when nothing changed, or `updated_since` to get only the changes."
        ),
        parameters=LIST_PARAMETERS,
        responses={200: s.AnnotationSerializer(many=True), 304: None, **errors(400, 401, 404)},
    )
    def get(self, request: Request, version_id) -> Response:
        self.version = _version(request, version_id)
        queryset = self.filter_queryset(self.get_queryset())
        stamp = queryset.order_by().aggregate(n=Count("id"), last=Max("updated_at"), rev=Max("revision"))
        etag = '"' + hashlib.sha256(f"{request.get_full_path()}|{stamp}".encode()).hexdigest()[:32] + '"'
        if request.headers.get("If-None-Match") == etag:
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        response = self.get_paginated_response(self.get_serializer(self.paginate_queryset(queryset), many=True).data)
        response["ETag"] = etag
        return response

    @extend_schema(
        operation_id="plan_versions_annotations_create",
        summary="Annotate a page",
        description="Draws an annotation, a remark (with a thread and a status) or a measurement on a page.",
        request=s.AnnotationCreateSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
        responses={201: s.AnnotationSerializer, **errors(400, 401, 404, 409, 422)},
    )
    @idempotent
    def post(self, request: Request, version_id) -> Response:
        version = _version(request, version_id)
        _require_annotator(request, version.plan.dossier)
        serializer = s.AnnotationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        annotation = services.annotation_create(actor=request.user, version=version, **serializer.validated_data)
        annotation = selectors.annotation_get_for_user(user=request.user, annotation_id=annotation.pk)
        return Response(s.AnnotationSerializer(annotation, context=_context(version)).data, status=201)


class AnnotationDetailView(APIView):
    def _load(self, request: Request, annotation_id):
        annotation = selectors.annotation_get_for_user(user=request.user, annotation_id=annotation_id)
        return annotation, annotation.version

    @extend_schema(
        operation_id="annotations_retrieve",
        summary="Get an annotation",
        description="One annotation with its measurement and thread.",
        responses={200: s.AnnotationSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, annotation_id) -> Response:
        annotation, version = self._load(request, annotation_id)
        return Response(s.AnnotationSerializer(annotation, context=_context(version)).data)

    @extend_schema(
        operation_id="annotations_partial_update",
        summary="Change an annotation",
        description="Send the `revision` you read: if someone changed it since, you get a 409 and nothing is overwritten.",
        request=s.AnnotationUpdateSerializer,
        responses={200: s.AnnotationSerializer, **errors(400, 401, 404, 409)},
    )
    def patch(self, request: Request, annotation_id) -> Response:
        annotation, version = self._load(request, annotation_id)
        _require_annotator(request, version.plan.dossier)
        serializer = s.AnnotationUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if "revision" not in serializer.validated_data:
            raise ValidationError({"revision": ["Send the revision you are changing."]})
        services.annotation_update(actor=request.user, annotation=annotation, **serializer.validated_data)
        annotation = selectors.annotation_get_for_user(user=request.user, annotation_id=annotation_id)
        return Response(s.AnnotationSerializer(annotation, context=_context(version)).data)

    @extend_schema(
        operation_id="annotations_destroy",
        summary="Delete an annotation",
        description="Send the `revision` you read as a query parameter; a stale one is a 409.",
        parameters=[OpenApiParameter("revision", OpenApiTypes.INT, required=True)],
        responses={204: None, **errors(400, 401, 404, 409)},
    )
    def delete(self, request: Request, annotation_id) -> Response:
        annotation, version = self._load(request, annotation_id)
        _require_annotator(request, version.plan.dossier)
        raw = request.query_params.get("revision", "")
        if not re.fullmatch(r"[0-9]{1,9}", raw):
            raise ValidationError({"revision": ["Send the revision you are deleting."]})
        services.annotation_delete(actor=request.user, annotation=annotation, revision=int(raw))
        return Response(status=status.HTTP_204_NO_CONTENT)


class AnnotationCommentsView(APIView):
    @extend_schema(
        operation_id="annotations_comments_create",
        summary="Answer in a remark's thread",
        description="The commission's side and, on shared remarks, the applicant's side.",
        request=s.CommentCreateSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
        responses={201: s.CommentSerializer, **errors(400, 401, 404, 409, 422)},
    )
    @idempotent
    def post(self, request: Request, annotation_id) -> Response:
        annotation = selectors.annotation_get_for_user(user=request.user, annotation_id=annotation_id)
        serializer = s.CommentCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        comment = services.comment_add(actor=request.user, annotation=annotation, **serializer.validated_data)
        return Response(s.CommentSerializer(comment).data, status=201)


class VersionCalibrationsView(APIView):
    @extend_schema(
        operation_id="plan_versions_calibrations_list",
        summary="Page calibrations",
        description="For each calibrated page: how (declared scale or two points and a length), by whom, when.",
        responses={200: s.CalibrationSerializer(many=True), **errors(401, 404)},
    )
    def get(self, request: Request, version_id) -> Response:
        version = _version(request, version_id)
        rows = PageCalibration.objects.filter(version=version).select_related("calibrated_by").order_by("page_index")
        return Response(s.CalibrationSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="plan_versions_calibrations_set",
        summary="Calibrate a page",
        description=(
            "Give `scale` (1:100 → 100), or `points` (two [x, y]) and `known_length_m`. Every "
            "measurement of the page is recomputed from the new calibration."
        ),
        request=s.CalibrationSetSerializer,
        responses={200: s.CalibrationSerializer, **errors(400, 401, 404, 409)},
    )
    def post(self, request: Request, version_id) -> Response:
        version = _version(request, version_id)
        _require_annotator(request, version.plan.dossier)
        serializer = s.CalibrationSetSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        calibration = services.calibration_set(actor=request.user, version=version, **serializer.validated_data)
        return Response(s.CalibrationSerializer(calibration).data)


class VersionViewportsView(APIView):
    @extend_schema(
        operation_id="plan_versions_viewports_list",
        summary="Page viewports",
        description="Parts of pages drawn at their own scale; a measurement inside one uses its scale.",
        responses={200: s.ViewportSerializer(many=True), **errors(401, 404)},
    )
    def get(self, request: Request, version_id) -> Response:
        version = _version(request, version_id)
        return Response(s.ViewportSerializer(Viewport.objects.filter(version=version), many=True).data)

    @extend_schema(
        operation_id="plan_versions_viewports_create",
        summary="Add a viewport",
        description="A rectangle of a page with its own scale (e.g. a 1:50 detail on a 1:500 sheet).",
        request=s.ViewportCreateSerializer,
        responses={201: s.ViewportSerializer, **errors(400, 401, 404, 409)},
    )
    def post(self, request: Request, version_id) -> Response:
        version = _version(request, version_id)
        _require_annotator(request, version.plan.dossier)
        serializer = s.ViewportCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        viewport = services.viewport_add(actor=request.user, version=version, **serializer.validated_data)
        return Response(s.ViewportSerializer(viewport).data, status=201)


class ExportFailed(DomainError):
    status_code = 503
    error_type = "export_failed"
    title = gettext_lazy("Export failed")


class AnnotatedPdfView(APIView):
    @extend_schema(
        operation_id="plan_versions_annotated_pdf",
        summary="The plan with its annotations, as PDF",
        description=(
            "The original plan (an image plan is first placed on PDF pages) with every annotation you may "
            "see as a real PDF annotation with its appearance, so Acrobat, Bluebeam, pdf.js and poppler "
            "show them alike; measurements carry their label and a /Measure dictionary, viewports their "
            "scale. Built once per content: when ready, a 303 to a short-lived download URL; a large "
            "export is prepared by a worker and answers 202 with the export to poll "
            "(`GET /annotation-exports/{id}/`)."
        ),
        responses={
            303: OpenApiResponse(description="Ready: `Location` is the PDF's short-lived download URL."),
            202: s.AnnotatedExportSerializer,
            **errors(401, 404, 409, 503),
        },
    )
    def get(self, request: Request, version_id) -> HttpResponse:
        version = _version(request, version_id)
        services.ensure_ready(version)
        export = annotated_export(user=request.user, version=version)
        body = s.AnnotatedExportSerializer(export, context={"request": request}).data
        if export.status == ExportStatus.READY:
            return HttpResponseRedirect(body["download_url"], status=303)
        if export.status == ExportStatus.FAILED:
            raise ExportFailed(export.error or str(gettext_lazy("The export failed.")))
        return Response(body, status=status.HTTP_202_ACCEPTED)


class AnnotatedExportView(APIView):
    @extend_schema(
        operation_id="annotation_exports_retrieve",
        summary="An export's progress",
        description="`pending`, then `ready` with a short-lived `download_url`, or `failed` with the reason.",
        responses={200: s.AnnotatedExportSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, export_id) -> Response:
        export = (
            AnnotatedExport.objects.select_related("version")
            .filter(pk=export_id, version__in=dossier_selectors.visible_plan_versions(request.user))
            .first()
        )
        if export is None or not _shares_export(request.user, export):
            raise Http404
        return Response(s.AnnotatedExportSerializer(export, context={"request": request}).data)


def _shares_export(user, export: AnnotatedExport) -> bool:
    """One export serves everyone who sees the same annotations (its fingerprint): they may all
    follow it, and no one else, whoever asked for it first."""
    if export.requested_by_id == user.id:
        return True
    return export_fingerprint(user=user, version=export.version)[0] == export.fingerprint


class XfdfExportView(APIView):
    @extend_schema(
        operation_id="plan_versions_annotations_xfdf",
        summary="The annotations as XFDF",
        description="Adobe's exchange format, for Acrobat, Bluebeam and other desktop tools.",
        responses={(200, "application/vnd.adobe.xfdf"): OpenApiTypes.BINARY, **errors(401, 404)},
    )
    def get(self, request: Request, version_id) -> HttpResponse:
        version = _version(request, version_id)
        body = to_xfdf(export_items(user=request.user, version=version), page_boxes(version))
        response = HttpResponse(body, content_type="application/vnd.adobe.xfdf")
        response["Content-Disposition"] = f'attachment; filename="annotations-v{version.number}.xfdf"'
        return response


class RawXmlParser(parsers.BaseParser):
    """Hands the view the request body as bytes (XFDF is XML, parsed safely by the service)."""

    media_type = "application/vnd.adobe.xfdf"
    MAX_BYTES = 20 * 1024 * 1024

    def parse(self, stream, media_type=None, parser_context=None) -> bytes:
        data = stream.read(self.MAX_BYTES + 1) if stream else b""
        if len(data) > self.MAX_BYTES:
            raise ValidationError({"xfdf": ["The XFDF document is larger than 20 MB."]})
        return data


class PlainXmlParser(RawXmlParser):
    media_type = "application/xml"


class XfdfImportView(APIView):
    parser_classes = [RawXmlParser, PlainXmlParser]

    @extend_schema(
        operation_id="plan_versions_import_xfdf",
        summary="Import annotations from XFDF",
        description=(
            "Send an XFDF document (`Content-Type: application/vnd.adobe.xfdf` or `application/xml`). "
            "Either every annotation is imported, or none: a malformed document, a page the plan does "
            "not have or an invalid shape is a 400 that changes nothing. Measurement markups (intents "
            "LineDimension, PolyLineDimension, PolygonDimension; angle and count by their subject) become "
            "measurements whose values come from this page's calibration; `scale_mismatches` counts those "
            "the desktop tool took at another scale. Replies (`inreplyto`) join the thread of their markup, "
            "which becomes a remark, or of a remark already on this version."
        ),
        request={"application/vnd.adobe.xfdf": OpenApiTypes.BINARY, "application/xml": OpenApiTypes.BINARY},
        responses={201: s.XfdfImportResultSerializer, **errors(400, 401, 404, 409, 415)},
    )
    def post(self, request: Request, version_id) -> Response:
        version = _version(request, version_id)
        _require_annotator(request, version.plan.dossier)
        data = request.data if isinstance(request.data, bytes) else b""
        result = services.annotations_import_xfdf(actor=request.user, version=version, data=data)
        created = selectors.annotation_list(user=request.user, version=version).filter(
            pk__in=[a.pk for a in result.created]
        )
        rows = s.AnnotationSerializer(created, many=True, context=_context(version)).data
        body = {
            "created": rows,
            "replies": result.replies,
            "skipped": result.skipped,
            "scale_mismatches": result.scale_mismatches,
        }
        return Response(body, status=201)


class WebAnnotationView(APIView):
    @extend_schema(
        operation_id="plan_versions_annotations_jsonld",
        summary="The annotations as W3C Web Annotations",
        description="An AnnotationCollection (JSON-LD); each target is a PDF fragment of the page with an SVG shape.",
        responses={(200, "application/ld+json"): OpenApiTypes.OBJECT, **errors(401, 404)},
    )
    def get(self, request: Request, version_id) -> HttpResponse:
        version = _version(request, version_id)
        document = to_web_annotations(
            export_items(user=request.user, version=version),
            source=f"urn:urbadesk:plan-version:{version.pk}",
            collection_id=request.build_absolute_uri(),
        )
        body = json.dumps(document, ensure_ascii=False).encode()
        return HttpResponse(body, content_type='application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"')
