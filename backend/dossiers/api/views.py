"""HTTP layer of dossiers: validate, check permission, call one service or selector, serialise."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from audit.api.serializers import AuditEventSerializer
from audit.selectors import audit_events_for_dossier
from config.exceptions import DomainError, PayloadTooLarge
from config.idempotency import IDEMPOTENCY_PARAMETER, idempotent
from config.openapi import errors
from config.throttling import PublicRateLimited, PublicView
from dossiers import selectors, services
from dossiers.api import serializers as s
from dossiers.filters import DossierFilter
from dossiers.models import ChecklistItem, ProcedureType
from dossiers.permissions import can_create_dossier, can_edit_dossier, dossier_permissions

NOT_A_PARTY = gettext_lazy("Only the dossier's applicant or project author may change it.")


def _require_edit(request: Request, dossier) -> None:
    if not can_edit_dossier(request.user, dossier):
        raise PermissionDenied(str(NOT_A_PARTY))


def _detail(request: Request, dossier_id) -> dict:
    """The dossier as its detail endpoints return it: with what the caller may do."""
    dossier = selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
    return s.DossierDetailSerializer(dossier, context={"permissions": dossier_permissions(request.user, dossier)}).data


def _catalogue():
    return (
        ProcedureType.objects.filter(is_active=True)
        .select_related("fee_rule")
        .prefetch_related(
            "follows",
            "deadline_rules",
            Prefetch("checklist", queryset=ChecklistItem.objects.filter(is_active=True), to_attr="active_checklist"),
        )
    )


class ProcedureTypeListView(PublicRateLimited, generics.ListAPIView):
    """The catalogue is public: anyone finds every procedure, its documents, deadlines and fee."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    serializer_class = s.ProcedureTypeSerializer
    filter_backends: list = []

    def get_queryset(self):
        return _catalogue()

    @extend_schema(
        operation_id="procedure_types_list",
        summary="List procedure types",
        description=(
            "The catalogue of procedures a dossier can be filed for: permits (building, occupancy…) and economic "
            "authorisations (shop opening, classified establishment…), each with its own form fields, required "
            "documents, deadlines and fee rule. Public."
        ),
        responses={200: s.ProcedureTypeSerializer(many=True), **errors(400, 404, 429)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)


def _procedure(code: str) -> ProcedureType:
    procedure = _catalogue().filter(code=code).first()
    if procedure is None:
        raise NotFound(_("No active procedure has this code."))
    return procedure


class ProcedureTypeDetailView(PublicView):
    @extend_schema(
        operation_id="procedure_types_retrieve",
        summary="Get a procedure type",
        description="One procedure of the catalogue, with its form, documents, deadlines and fee rule. Public.",
        responses={200: s.ProcedureTypeSerializer, **errors(404, 429)},
    )
    def get(self, request: Request, code: str) -> Response:
        return Response(s.ProcedureTypeSerializer(_procedure(code)).data)


class FeeQuoteView(PublicView):
    @extend_schema(
        operation_id="procedure_types_fee_quote",
        summary="Quote the fee of a dossier",
        description=(
            "The fee a dossier of this procedure would owe with these answers, and how it is reached, before anything "
            "is filed; the same computation fixes the fee at submission. Answers are checked as for a draft "
            "(unknown fields and wrong types are refused; required ones may be missing). A free procedure "
            "quotes 0. Public."
        ),
        request=s.FeeQuoteRequestSerializer,
        responses={200: s.FeeSerializer, **errors(400, 404, 429)},
    )
    def post(self, request: Request, code: str) -> Response:
        procedure = _procedure(code)
        serializer = s.FeeQuoteRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        quote = services.fee_quote(procedure=procedure, form_data=serializer.validated_data["form_data"])
        return Response(s.FeeSerializer(quote).data)


class DossierListCreateView(generics.ListAPIView):
    serializer_class = s.DossierSerializer
    filterset_class = DossierFilter
    ordering_fields = ["created_at", "updated_at", "reference", "title", "status"]
    ordering = ["-created_at"]

    def get_queryset(self):
        return selectors.dossier_list(user=self.request.user)

    @extend_schema(
        operation_id="dossiers_list",
        summary="List my dossiers",
        description="The dossiers you may see, filterable by status, procedure type, dates and text; orderable; paginated.",
        responses={200: s.DossierSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="dossiers_create",
        summary="Create a dossier",
        description=(
            "Creates a draft dossier with a unique human reference such as `PC-2026-000123`; "
            "you become its applicant (or project author, if that is your role)."
        ),
        request=s.DossierCreateSerializer,
        responses={201: s.DossierDetailSerializer, **errors(400, 401, 403, 409, 422)},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @idempotent
    def post(self, request: Request) -> Response:
        if not can_create_dossier(request.user):
            raise PermissionDenied(_("Your role cannot create dossiers."))
        serializer = s.DossierCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        dossier = services.dossier_create(actor=request.user, **serializer.validated_data)
        return Response(_detail(request, dossier.pk), status=status.HTTP_201_CREATED)


class DossierDetailView(APIView):
    @extend_schema(
        operation_id="dossiers_retrieve",
        summary="Get a dossier",
        description="One dossier you may see; 404 if it does not exist or is not visible to you.",
        responses={200: s.DossierDetailSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, dossier_id) -> Response:
        return Response(_detail(request, dossier_id))

    @extend_schema(
        operation_id="dossiers_partial_update",
        summary="Change a dossier",
        description="Changes the data of a draft (or a dossier awaiting complements). Parties only.",
        request=s.DossierUpdateSerializer,
        responses={200: s.DossierDetailSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def patch(self, request: Request, dossier_id) -> Response:
        dossier = selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        _require_edit(request, dossier)
        serializer = s.DossierUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.dossier_update(actor=request.user, dossier=dossier, **serializer.validated_data)
        return Response(_detail(request, dossier_id))


class DossierFollowUpView(APIView):
    @extend_schema(
        operation_id="dossiers_follow_up",
        summary="Open the procedure that follows a granted permit",
        description=(
            "An occupancy permit or a certificate of conformity, opened by the permit's applicant side: a new "
            "draft at the same place, linked to the permit, with the same parties and its own checklist. "
            "400 when that procedure does not follow this one; 409 when the permit is not granted or one is "
            "already under way."
        ),
        request=s.FollowUpSerializer,
        responses={201: s.DossierDetailSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, dossier_id) -> Response:
        parent = selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        serializer = s.FollowUpSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        dossier = services.dossier_follow_up_open(actor=request.user, parent=parent, **serializer.validated_data)
        return Response(_detail(request, dossier.id), status=status.HTTP_201_CREATED)


class DossierSubmitView(APIView):
    @extend_schema(
        operation_id="dossiers_submit",
        summary="Submit a dossier",
        description="Moves a draft to `submitted`; it needs at least one plan with a ready version.",
        request=None,
        parameters=[IDEMPOTENCY_PARAMETER],
        responses={200: s.DossierDetailSerializer, **errors(401, 403, 404, 409, 422)},
    )
    @idempotent
    def post(self, request: Request, dossier_id) -> Response:
        dossier = selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        _require_edit(request, dossier)
        services.dossier_submit(actor=request.user, dossier=dossier)
        return Response(_detail(request, dossier_id))


class DossierHistoryView(generics.ListAPIView):
    serializer_class = AuditEventSerializer
    filter_backends: list = []

    def get_queryset(self):
        user = self.request.user
        dossier = selectors.dossier_get_for_user(user=user, dossier_id=self.kwargs["dossier_id"])
        is_party = dossier.parties.filter(user=user).exists()
        return audit_events_for_dossier(dossier_id=dossier.pk, include_internal=user.is_admin or not is_party)

    @extend_schema(
        operation_id="dossiers_history",
        summary="A dossier's history",
        description="Every change to the dossier, its plans and versions, newest first, from the hash-chained audit log.",
        responses={200: AuditEventSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)


class DossierPartiesView(generics.ListAPIView):
    serializer_class = s.PartySerializer
    filter_backends: list = []

    def get_queryset(self):
        dossier = selectors.dossier_get_for_user(user=self.request.user, dossier_id=self.kwargs["dossier_id"])
        return selectors.party_list(dossier=dossier)

    @extend_schema(
        operation_id="dossiers_parties_list",
        summary="List a dossier's parties",
        description="The people who act for the dossier: its applicant(s) and project author(s).",
        responses={200: s.PartySerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="dossiers_parties_create",
        summary="Add a party",
        description=(
            "Gives another account (typically the project's architect) access to the dossier, as "
            "project author or applicant according to that account's role. Parties only."
        ),
        request=s.PartyAddSerializer,
        responses={201: s.PartySerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, dossier_id) -> Response:
        dossier = selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        _require_edit(request, dossier)
        serializer = s.PartyAddSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        party = services.dossier_party_invite(
            actor=request.user, dossier=dossier, email=serializer.validated_data["email"]
        )
        return Response(s.PartySerializer(party).data, status=status.HTTP_201_CREATED)


class DossierPlansView(generics.ListAPIView):
    serializer_class = s.PlanSerializer
    filter_backends: list = []

    def get_queryset(self):
        dossier = selectors.dossier_get_for_user(user=self.request.user, dossier_id=self.kwargs["dossier_id"])
        return selectors.plan_list(user=self.request.user, dossier=dossier)

    @extend_schema(
        operation_id="dossiers_plans_list",
        summary="List a dossier's plans",
        description="The plans of a dossier, each with the summary of its versions.",
        responses={200: s.PlanSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="dossiers_plans_create",
        summary="Add a plan",
        description="Adds a plan (situation, site, floor, façade, section, other) to a dossier; then upload its versions.",
        request=s.PlanCreateSerializer,
        responses={201: s.PlanSerializer, **errors(400, 401, 403, 404, 409, 422)},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @idempotent
    def post(self, request: Request, dossier_id) -> Response:
        dossier = selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        _require_edit(request, dossier)
        serializer = s.PlanCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        plan = services.plan_create(actor=request.user, dossier=dossier, **serializer.validated_data)
        return Response(s.PlanSerializer(plan).data, status=status.HTTP_201_CREATED)


class PlanDetailView(APIView):
    @extend_schema(
        operation_id="plans_retrieve",
        summary="Get a plan",
        description="One plan with the summary of its versions.",
        responses={200: s.PlanSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, plan_id) -> Response:
        plan = selectors.plan_get_for_user(user=request.user, plan_id=plan_id)
        plan = selectors.plan_list(user=request.user, dossier=plan.dossier).get(pk=plan.pk)
        return Response(s.PlanSerializer(plan).data)


class PlanVersionsView(generics.ListAPIView):
    serializer_class = s.PlanVersionSerializer
    filter_backends: list = []
    parser_classes = [MultiPartParser, FormParser]

    def get_queryset(self):
        plan = selectors.plan_get_for_user(user=self.request.user, plan_id=self.kwargs["plan_id"])
        return selectors.plan_version_list(user=self.request.user, plan=plan)

    @extend_schema(
        operation_id="plans_versions_list",
        summary="List a plan's versions",
        description="Every version of the plan (v1, v2…) with its status, pages and a short-lived download URL.",
        responses={200: s.PlanVersionSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="plans_versions_create",
        summary="Upload a version (multipart)",
        description=(
            "Uploads a new version of the plan through the API (multipart/form-data, field `file`). "
            "The file is checked by content (PDF, PNG, JPEG, TIFF), size and structure before it is "
            "stored; the new version is `processing` until a worker has analysed it. For large files "
            "prefer the direct upload (`POST /plans/{id}/uploads/`)."
        ),
        request={"multipart/form-data": s.VersionUploadSerializer},
        responses={201: s.PlanVersionSerializer, **errors(400, 401, 403, 404, 409, 413, 415, 422)},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @idempotent
    def post(self, request: Request, plan_id) -> Response:
        limit = settings.URBADESK["MAX_UPLOAD_BYTES"]
        if int(request.META.get("CONTENT_LENGTH") or 0) > limit + 64 * 1024:
            raise PayloadTooLarge(_("The file is larger than the limit of %(limit)d bytes.") % {"limit": limit})
        plan = selectors.plan_get_for_user(user=request.user, plan_id=plan_id)
        _require_edit(request, plan.dossier)
        serializer = s.VersionUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data["file"]
        version = services.plan_version_create_from_stream(
            actor=request.user,
            plan=plan,
            stream=upload,
            filename=upload.name,
            declared_scale=serializer.validated_data["declared_scale"],
        )
        version = selectors.plan_version_get_for_user(user=request.user, version_id=version.pk)
        return Response(s.PlanVersionSerializer(version, context={"request": request}).data, status=201)


class PlanUploadCreateView(APIView):
    @extend_schema(
        operation_id="plans_uploads_create",
        summary="Start a direct upload",
        description=(
            "Returns a short-lived URL to which the client sends the file itself (`PUT`, with the "
            "returned headers and no Authorization header), then it calls "
            "`POST /uploads/{id}/complete/`. The bytes never pass through the API."
        ),
        request=s.UploadCreateSerializer,
        responses={201: s.UploadTargetSerializer, **errors(400, 401, 403, 404, 409, 413, 422)},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @idempotent
    def post(self, request: Request, plan_id) -> Response:
        plan = selectors.plan_get_for_user(user=request.user, plan_id=plan_id)
        _require_edit(request, plan.dossier)
        serializer = s.UploadCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload, target = services.upload_create(actor=request.user, plan=plan, **serializer.validated_data)
        body = {
            "id": upload.id,
            "upload_url": request.build_absolute_uri(target.url),
            "method": target.method,
            "headers": target.headers,
            "expires_at": upload.expires_at,
        }
        return Response(s.UploadTargetSerializer(body).data, status=status.HTTP_201_CREATED)


class UploadCompleteView(APIView):
    @extend_schema(
        operation_id="uploads_complete",
        summary="Complete a direct upload",
        description=(
            "Checks the uploaded object (present, declared size, declared SHA-256, content and "
            "structure) and makes it the plan's next version, `processing` until analysed. "
            "Calling it again returns the same version."
        ),
        request=None,
        responses={201: s.PlanVersionSerializer, **errors(401, 404, 409, 413, 422)},
    )
    def post(self, request: Request, upload_id) -> Response:
        upload = selectors.upload_get_for_user(user=request.user, upload_id=upload_id)
        version = services.upload_complete(actor=request.user, upload=upload)
        version = selectors.plan_version_get_for_user(user=request.user, version_id=version.pk)
        return Response(s.PlanVersionSerializer(version, context={"request": request}).data, status=201)


class PlanVersionDetailView(APIView):
    @extend_schema(
        operation_id="plan_versions_retrieve",
        summary="Get a plan version",
        description="Status, pages (size in PDF points, rotation, scale, thumbnail), SHA-256 and download URL.",
        responses={200: s.PlanVersionSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, version_id) -> Response:
        version = selectors.plan_version_get_for_user(user=request.user, version_id=version_id)
        return Response(s.PlanVersionSerializer(version, context={"request": request}).data)


SAME_DOSSIER_ONLY = gettext_lazy("Only versions of plans of the same dossier can be compared.")


class SheetComparisonView(APIView):
    @extend_schema(
        operation_id="plan_versions_sheet_matches",
        summary="Match the sheets of two versions",
        description=(
            "Pairs each sheet (page) of this version with the sheet it replaces in `previous`: by sheet "
            "number from the title block, then by sheet title, then by look. New and removed sheets come "
            "unpaired. A reviewer walks the changed pairs in turn."
        ),
        parameters=[OpenApiParameter("previous", OpenApiTypes.UUID, required=True, description="The older version.")],
        responses={200: s.SheetComparisonSerializer, **errors(400, 401, 404, 409)},
    )
    def get(self, request: Request, version_id) -> Response:
        version = selectors.plan_version_get_for_user(user=request.user, version_id=version_id)
        try:
            previous_id = uuid.UUID(request.query_params.get("previous", ""))
        except ValueError:
            raise ValidationError({"previous": ["The id of the version to compare with."]}) from None
        previous = selectors.plan_version_get_for_user(user=request.user, version_id=previous_id)
        if previous.plan.dossier_id != version.plan.dossier_id:
            raise DomainError(str(SAME_DOSSIER_ONLY), errors={"previous": [str(SAME_DOSSIER_ONLY)]})
        matches = selectors.sheet_matches(version=version, previous=previous)
        rows = [
            {
                "page": m.base,
                "previous_page": m.other,
                "matched_by": m.matched_by,
                "difference": m.difference,
                "changed": m.base is None or m.other is None or m.difference is None or m.difference > 0,
            }
            for m in matches
        ]
        return Response({"version": version.id, "previous": previous.id, "matches": rows})
