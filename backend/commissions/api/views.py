"""HTTP layer of commissions: validate, check permission, call one service or selector."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Organisation, Role
from commissions import selectors, services
from commissions.api import serializers as s
from commissions.models import Commission, CommissionMember, RequiredBody
from config.exceptions import DomainError
from config.openapi import errors
from dossiers import selectors as dossier_selectors

NOT_A_MANAGER = gettext_lazy("Only the desk agents of the commission's authority may change it.")
ORGANISATION_NEEDED = gettext_lazy("Say which authority runs the commission (organisation).")


def _require_manager(request: Request, commission) -> None:
    if not selectors.can_manage_commission(request.user, commission):
        raise PermissionDenied(str(NOT_A_MANAGER))


class CommissionListCreateView(generics.ListAPIView):
    serializer_class = s.CommissionSerializer
    filter_backends: list = []

    def get_queryset(self):
        return selectors.commission_list(user=self.request.user).order_by("name")

    @extend_schema(
        operation_id="commissions_list",
        summary="List commissions",
        description="Active commissions (and, for desk agents, the inactive ones of their authority).",
        responses={200: s.CommissionSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="commissions_create",
        summary="Create a commission",
        description="Desk agents create the commissions of their own authority; administrators, any.",
        request=s.CommissionCreateSerializer,
        responses={201: s.CommissionSerializer, **errors(400, 401, 403)},
    )
    def post(self, request: Request) -> Response:
        serializer = s.CommissionCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        slug = data.pop("organisation", None)
        organisation = Organisation.objects.filter(slug=slug).first() if slug else request.user.organisation
        if organisation is None:
            raise DomainError(str(ORGANISATION_NEEDED), errors={"organisation": [str(ORGANISATION_NEEDED)]})
        if not request.user.is_admin and not (
            request.user.role in selectors.MANAGER_ROLES and request.user.organisation_id == organisation.pk
        ):
            raise PermissionDenied(str(NOT_A_MANAGER))
        commission = services.commission_create(actor=request.user, organisation=organisation, **data)
        return Response(s.CommissionSerializer(commission).data, status=status.HTTP_201_CREATED)


class CommissionDetailView(APIView):
    @extend_schema(
        operation_id="commissions_retrieve",
        summary="Get a commission",
        description="One commission.",
        responses={200: s.CommissionSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, commission_id) -> Response:
        commission = selectors.commission_get_for_user(user=request.user, commission_id=commission_id)
        return Response(s.CommissionSerializer(commission).data)

    @extend_schema(
        operation_id="commissions_partial_update",
        summary="Change a commission",
        description="Name, time zone, procedure types, territory, active flag.",
        request=s.CommissionUpdateSerializer,
        responses={200: s.CommissionSerializer, **errors(400, 401, 403, 404)},
    )
    def patch(self, request: Request, commission_id) -> Response:
        commission = selectors.commission_get_for_user(user=request.user, commission_id=commission_id)
        _require_manager(request, commission)
        serializer = s.CommissionUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.commission_update(actor=request.user, commission=commission, **serializer.validated_data)
        commission = selectors.commission_get_for_user(user=request.user, commission_id=commission_id)
        return Response(s.CommissionSerializer(commission).data)


class CommissionMembersView(generics.ListAPIView):
    serializer_class = s.MemberSerializer
    filter_backends: list = []

    def get_queryset(self):
        user = self.request.user
        commission = selectors.commission_get_for_user(user=user, commission_id=self.kwargs["commission_id"])
        # Members' names and e-mail addresses are for the commission's own people only.
        sits = selectors.seats_of(user=user).filter(commission=commission).exists()
        if not (sits or selectors.can_manage_commission(user, commission)):
            raise PermissionDenied(str(NOT_A_MANAGER))
        return selectors.member_list(commission=commission)

    @extend_schema(
        operation_id="commissions_members_list",
        summary="List a commission's members",
        description="Active members, each with the body they represent, their kind and role. For its agents and members.",
        responses={200: s.MemberSerializer(many=True), **errors(400, 401, 403, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="commissions_members_create",
        summary="Add or change a member",
        description="Seats an existing account on the commission (or changes their seat).",
        request=s.MemberAddSerializer,
        responses={201: s.MemberSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request, commission_id) -> Response:
        commission = selectors.commission_get_for_user(user=request.user, commission_id=commission_id)
        _require_manager(request, commission)
        serializer = s.MemberAddSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        member = services.member_add(actor=request.user, commission=commission, **serializer.validated_data)
        return Response(s.MemberSerializer(member).data, status=status.HTTP_201_CREATED)


class CommissionMemberDetailView(APIView):
    @extend_schema(
        operation_id="commission_members_destroy",
        summary="Remove a member",
        description="The member leaves the commission; their past reviews keep their author.",
        responses={204: None, **errors(401, 403, 404)},
    )
    def delete(self, request: Request, member_id) -> Response:
        member = CommissionMember.objects.select_related("commission", "user").filter(pk=member_id).first()
        if member is None or not selectors.commission_list(user=request.user).filter(pk=member.commission_id).exists():
            raise Http404
        _require_manager(request, member.commission)
        services.member_remove(actor=request.user, member=member)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CommissionRequiredBodiesView(generics.ListAPIView):
    serializer_class = s.RequiredBodySerializer
    filter_backends: list = []

    def get_queryset(self):
        commission = selectors.commission_get_for_user(
            user=self.request.user, commission_id=self.kwargs["commission_id"]
        )
        return (
            RequiredBody.objects.filter(commission=commission)
            .select_related("procedure_type", "body")
            .order_by("procedure_type_id", "body__name", "pk")
        )

    @extend_schema(
        operation_id="commissions_required_bodies_list",
        summary="List required bodies",
        description="For each procedure type, the bodies whose occasional members review its dossiers.",
        responses={200: s.RequiredBodySerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="commissions_required_bodies_create",
        summary="Require a body for a procedure type",
        description="Occasional members of that body will review every dossier of that procedure type.",
        request=s.RequiredBodyAddSerializer,
        responses={201: s.RequiredBodySerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request, commission_id) -> Response:
        commission = selectors.commission_get_for_user(user=request.user, commission_id=commission_id)
        _require_manager(request, commission)
        serializer = s.RequiredBodyAddSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        rule = services.required_body_add(actor=request.user, commission=commission, **serializer.validated_data)
        return Response(s.RequiredBodySerializer(rule).data, status=status.HTTP_201_CREATED)


class ReviewTaskListView(generics.ListAPIView):
    serializer_class = s.ReviewTaskSerializer
    filter_backends: list = []

    def get_queryset(self):
        include_all = self.request.query_params.get("all") in {"1", "true"}
        return selectors.review_task_list(user=self.request.user, upcoming_only=not include_all)

    @extend_schema(
        operation_id="review_tasks_list",
        summary="My dossiers to review",
        description="The dossiers dispatched to me for upcoming sessions, soonest first (`?all=true` for every task).",
        parameters=[OpenApiParameter("all", bool, description="Include past, done and cancelled tasks.")],
        responses={200: s.ReviewTaskSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)


# --- opinions -----------------------------------------------------------------------------


class ReviewTaskOpinionView(APIView):
    @extend_schema(
        operation_id="review_tasks_opinion",
        summary="Give my opinion on a dossier",
        description=(
            "The member's opinion (favourable, with conditions, unfavourable, abstention) with reasons "
            "and conditions, while the dossier is under review; it may be changed until the commission's "
            "opinion is recorded. A task that is not yours is a 404."
        ),
        request=s.OpinionGiveSerializer,
        responses={200: s.ReviewTaskSerializer, **errors(400, 401, 404, 409)},
    )
    def post(self, request: Request, task_id) -> Response:
        task = selectors.review_task_list(user=request.user, upcoming_only=False).filter(pk=task_id).first()
        if task is None:
            raise Http404
        serializer = s.OpinionGiveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.opinion_give(actor=request.user, task=task, **serializer.validated_data)
        task = selectors.review_task_list(user=request.user, upcoming_only=False).get(pk=task_id)
        return Response(s.ReviewTaskSerializer(task).data)


def _commissions_whose_opinions_user_reads(user, dossier) -> Callable[[Commission], bool]:
    """Members' opinions stay within the commission: the desk, signers and administrators read
    them all; a commission member only those of the commissions where they sit; parties none."""
    if dossier.parties.filter(user=user).exists() and not user.is_admin:
        return lambda commission: False
    if user.role != Role.COMMISSION_MEMBER or user.is_admin:
        return lambda commission: True
    seats = set(CommissionMember.objects.filter(user=user, is_active=True).values_list("commission_id", flat=True))
    return lambda commission: commission.id in seats


def _session_rows(user, dossier) -> list[dict]:
    """Per commission and session that examines the dossier: the members' opinions (for the
    commission's side only), what the rule proposes, and what was recorded."""
    reads_opinions = _commissions_whose_opinions_user_reads(user, dossier)
    rows = []
    for commission, session_id in selectors.dossier_review_sessions(dossier=dossier):
        hidden = not reads_opinions(commission)
        tasks = services.session_opinions(dossier=dossier, commission=commission, session_id=session_id)
        binding = services.binding_bodies(commission=commission, dossier=dossier)
        proposal = services.proposal_for(
            dossier=dossier, commission=commission, session_id=session_id, tasks=tasks, binding=binding
        )
        recorded = selectors.recorded_opinion(dossier=dossier, session_id=session_id)
        rows.append(
            {
                "commission": commission.id,
                "commission_name": commission.name,
                "session_id": session_id,
                "rule": commission.consolidation_rule,
                "proposal": None if hidden else proposal.value,
                "waiting_for": 0 if hidden else proposal.waiting_for,
                "members": []
                if hidden
                else [
                    {
                        "member": t.member.user.full_name or t.member.user.email,
                        "body": t.member.body.name if t.member.body else "",
                        "role": t.member.role,
                        "binding": t.member.body_id in binding,
                        "opinion": t.opinion,
                        "reasons": t.reasons,
                        "conditions": t.conditions,
                        "opinion_at": t.opinion_at,
                    }
                    for t in tasks
                ],
                "recorded": None
                if recorded is None
                else {
                    "value": recorded.value,
                    "proposed": "" if hidden else recorded.proposed,
                    "rule": recorded.rule,
                    "reasons": recorded.reasons,
                    "conditions": recorded.conditions,
                    "recorded_by": recorded.recorded_by.full_name or recorded.recorded_by.email,
                    "recorded_at": recorded.recorded_at,
                },
                "can_record": recorded is None and services.can_record_opinion(user, commission),
            }
        )
    return rows


class DossierOpinionsView(APIView):
    @extend_schema(
        operation_id="dossiers_opinions",
        summary="Opinions on a dossier",
        description=(
            "Per commission and session: the rule, what it proposes from the members' opinions, the "
            "members' opinions (commission side only) and the commission's recorded opinion."
        ),
        responses={200: s.SessionOpinionsSerializer(many=True), **errors(401, 404)},
    )
    def get(self, request: Request, dossier_id) -> Response:
        dossier = dossier_selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        return Response(s.SessionOpinionsSerializer(_session_rows(request.user, dossier), many=True).data)


class CommissionOpinionView(APIView):
    @extend_schema(
        operation_id="dossiers_commission_opinion",
        summary="Record the commission's opinion",
        description=(
            "By the chair, the secretary or the permit desk: the opinion the commission's rule gives "
            "(chair's opinion, or unanimity of the binding bodies), or an explicit one that departs from "
            "it (both are kept). Moves the dossier from `under_review` to `commission_opinion`."
        ),
        request=s.CommissionOpinionRecordSerializer,
        responses={200: s.SessionOpinionsSerializer(many=True), **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, dossier_id) -> Response:
        dossier = dossier_selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        serializer = s.CommissionOpinionRecordSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        session_id = data.pop("session")
        commission = next(
            (c for c, sid in selectors.dossier_review_sessions(dossier=dossier) if sid == session_id), None
        )
        if commission is None:
            raise Http404
        services.commission_opinion_record(
            actor=request.user, dossier=dossier, commission=commission, session_id=session_id, **data
        )
        return Response(s.SessionOpinionsSerializer(_session_rows(request.user, dossier), many=True).data)
