"""HTTP layer of the dossier's lifecycle: one action endpoint per transition, the checklist."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import F
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.idempotency import IDEMPOTENCY_PARAMETER, idempotent
from config.openapi import errors
from dossiers import deadlines, lifecycle, selectors
from dossiers.api import serializers as s
from dossiers.api.views import _detail
from dossiers.models import ApplicantRequest, ChecklistCheck


def _action_view(
    *,
    name: str,
    summary: str,
    description: str,
    run: Callable[..., Any],
    body: type[s.serializers.Serializer] | None = None,
) -> type[APIView]:
    """A `POST /dossiers/{id}/<action>/` endpoint for one transition of the lifecycle table."""

    class ActionView(APIView):
        @extend_schema(
            operation_id=f"dossiers_{name}",
            summary=summary,
            description=description,
            request=body,
            parameters=[IDEMPOTENCY_PARAMETER],
            responses={200: s.DossierDetailSerializer, **errors(400, 401, 403, 404, 409, 422)},
        )
        @idempotent
        def post(self, request: Request, dossier_id) -> Response:
            dossier = selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
            fields: dict[str, Any] = {}
            if body is not None:
                serializer = body(data=request.data)
                serializer.is_valid(raise_exception=True)
                fields = dict(serializer.validated_data)
            run(actor=request.user, dossier=dossier, **fields)
            return Response(_detail(request, dossier_id))

    ActionView.__name__ = ActionView.__qualname__ = f"{name.title().replace('_', '')}View"
    return ActionView


StartCheckView = _action_view(
    name="start_check",
    summary="Start the completeness check",
    description="The desk takes a submitted dossier: `submitted` → `completeness_check`.",
    run=lifecycle.dossier_start_check,
)
DeclareCompleteView = _action_view(
    name="declare_complete",
    summary="Declare the dossier complete",
    description=(
        "`completeness_check` → `under_review`, once every required checklist item is confirmed; "
        "otherwise a 409 naming what is missing. Starts the legal clock of the review."
    ),
    run=lifecycle.dossier_declare_complete,
)
RequestComplementsView = _action_view(
    name="request_complements",
    summary="Ask the applicant for complements",
    description="`completeness_check` → `awaiting_complements`, with a message and the missing items.",
    run=lifecycle.dossier_request_complements,
    body=s.SendBackSerializer,
)
RequestChangesView = _action_view(
    name="request_changes",
    summary="Ask the applicant for changes",
    description=(
        "The commission wants the plans changed: `under_review` or `commission_opinion` → "
        "`awaiting_complements`. The applicant sees the message and the remarks shared with them."
    ),
    run=lifecycle.dossier_request_changes,
    body=s.ChangesSerializer,
)
ResubmitView = _action_view(
    name="resubmit",
    summary="Resubmit after complements or changes",
    description=(
        "The applicant's side has answered: back to `completeness_check` (complements) or to `under_review` (changes)."
    ),
    run=lifecycle.dossier_resubmit,
)
DecideView = _action_view(
    name="decide",
    summary="Decide on the dossier",
    description=(
        "The signing authority's decision (granted, granted with conditions, refused) with its text, "
        "once the commission has given its opinion: `commission_opinion` → `decision`. The applicant "
        "sees it on the dossier."
    ),
    run=lifecycle.dossier_decide,
    body=s.DecideSerializer,
)
CloseView = _action_view(
    name="close",
    summary="Close the dossier",
    description="The desk files a decided dossier: `decision` → `closed`.",
    run=lifecycle.dossier_close,
)


class ChecklistView(APIView):
    @extend_schema(
        operation_id="dossiers_checklist",
        summary="The dossier's completeness checklist",
        description="The documents its procedure requires, with the desk's verdict on each.",
        responses={200: s.ChecklistEntrySerializer(many=True), **errors(401, 404)},
    )
    def get(self, request: Request, dossier_id) -> Response:
        dossier = selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        return Response(s.ChecklistEntrySerializer(_entries(dossier), many=True).data)


def _entries(dossier) -> list[dict[str, Any]]:
    checks = {
        check.item_id: check for check in ChecklistCheck.objects.filter(dossier=dossier).select_related("checked_by")
    }
    rows = []
    for item in lifecycle.checklist_items(dossier):
        check = checks.get(item.pk)
        rows.append(
            {
                "code": item.code,
                "label": item.label,
                "required": item.required,
                "satisfied": check.satisfied if check else None,
                "note": check.note if check else "",
                "checked_by": check.checked_by.email if check else None,
                "checked_at": check.checked_at if check else None,
            }
        )
    return rows


class ChecklistItemView(APIView):
    @extend_schema(
        operation_id="dossiers_checklist_check",
        summary="Confirm or reject one checklist item",
        description="The desk's verdict on one required document, during the completeness check.",
        request=s.ChecklistCheckSerializer,
        responses={200: s.ChecklistEntrySerializer(many=True), **errors(400, 401, 403, 404, 409)},
    )
    def put(self, request: Request, dossier_id, code: str) -> Response:
        dossier = selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        serializer = s.ChecklistCheckSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        lifecycle.checklist_check(actor=request.user, dossier=dossier, code=code, **serializer.validated_data)
        return Response(s.ChecklistEntrySerializer(_entries(dossier), many=True).data)


class ApplicantRequestsView(APIView):
    @extend_schema(
        operation_id="dossiers_requests",
        summary="What the applicant was asked for",
        description="Complements and changes requested, the open one first, with the missing items.",
        responses={200: s.ApplicantRequestSerializer(many=True), **errors(401, 404)},
    )
    def get(self, request: Request, dossier_id) -> Response:
        dossier = selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        requests = (
            ApplicantRequest.objects.filter(dossier=dossier)
            .select_related("requested_by")
            .prefetch_related("missing")
            .order_by(F("answered_at").asc(nulls_first=True), "-requested_at")
        )
        rows = [
            {
                "id": r.id,
                "kind": r.kind,
                "message": r.message,
                "missing": [{"code": item.code, "label": item.label} for item in r.missing.all()],
                "requested_by": r.requested_by.full_name or r.requested_by.email,
                "requested_at": r.requested_at,
                "answered_at": r.answered_at,
            }
            for r in requests
        ]
        return Response(s.ApplicantRequestSerializer(rows, many=True).data)


DEADLINE_STATES = {"at_risk", "overdue", "all"}


class DeadlinesView(generics.GenericAPIView):
    serializer_class = s.DossierDeadlineSerializer
    filter_backends: list = []

    @extend_schema(
        operation_id="dossiers_deadlines",
        summary="Dossiers by legal deadline",
        description=(
            "The dossiers you can see that run against a legal deadline, soonest first: `state=at_risk` "
            f"(at most {deadlines.AT_RISK_DAYS} days left, the default), `overdue`, or `all`. A constant "
            "number of queries whatever the number of dossiers; paginated."
        ),
        parameters=[OpenApiParameter("state", OpenApiTypes.STR, enum=sorted(DEADLINE_STATES))],
        responses={200: s.DossierDeadlineSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request) -> Response:
        state = request.query_params.get("state", "at_risk")
        if state not in DEADLINE_STATES:
            raise ValidationError({"state": [f"One of {', '.join(sorted(DEADLINE_STATES))}."]})
        candidates = selectors.visible_dossiers(request.user).filter(
            status__in=[*deadlines.COMPLETENESS_STATUSES, *deadlines.DECISION_STATUSES, "awaiting_complements"]
        )
        found = deadlines.deadlines_for(candidates)
        rows = [
            {"id": d.id, "reference": d.reference, "title": d.title, "status": d.status, "deadline": found[d.pk]}
            for d in candidates
            if d.pk in found
            and (
                state == "all"
                or (state == "overdue" and found[d.pk].overdue)
                or (state == "at_risk" and (found[d.pk].at_risk or found[d.pk].overdue))
            )
        ]
        rows.sort(key=lambda row: (row["deadline"].due_date, row["reference"]))
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(s.DossierDeadlineSerializer(page, many=True).data)
