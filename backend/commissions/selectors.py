"""Reads on commissions. Any signed-in user may read active commissions (their names and
time zones are public facts that applicants need); only their organisation's agents manage them."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from commissions.models import Commission, CommissionMember, CommissionOpinion, MemberRole, ReviewTask, TaskStatus
from dossiers.models import Dossier

MANAGER_ROLES = {"desk_agent"}


def commission_list(*, user: Any) -> QuerySet[Commission]:
    queryset = Commission.objects.select_related("organisation").prefetch_related("procedure_types")
    if user.is_admin:
        return queryset
    if user.role in MANAGER_ROLES and user.organisation_id:
        return queryset.filter(Q(is_active=True) | Q(organisation_id=user.organisation_id))
    return queryset.filter(is_active=True)


def commission_get_for_user(*, user: Any, commission_id: Any) -> Commission:
    commission = commission_list(user=user).filter(pk=commission_id).first()
    if commission is None:
        raise Http404
    return commission


def can_manage_commission(user: Any, commission: Commission) -> bool:
    if user.is_admin:
        return True
    return user.role in MANAGER_ROLES and user.organisation_id == commission.organisation_id


def member_list(*, commission: Commission) -> QuerySet[CommissionMember]:
    return CommissionMember.objects.filter(commission=commission, is_active=True).select_related("user", "body")


def commissions_for_dossier(*, dossier: Dossier) -> QuerySet[Commission]:
    """The active commissions that handle this dossier's procedure (and authority, if set)."""
    queryset = Commission.objects.filter(is_active=True, procedure_types=dossier.procedure_type_id)
    if dossier.organisation_id:
        queryset = queryset.filter(organisation_id=dossier.organisation_id)
    return queryset


def review_task_list(*, user: Any, upcoming_only: bool = True) -> QuerySet[ReviewTask]:
    """The member's review queue: their pending tasks, soonest session first."""
    queryset = ReviewTask.objects.filter(member__user=user, member__is_active=True).select_related(
        "dossier__procedure_type", "member__commission"
    )
    if upcoming_only:
        queryset = queryset.filter(status=TaskStatus.PENDING, session_starts_at__gte=timezone.now())
    return queryset.order_by("session_starts_at", "dossier__reference")


def seats_of(*, user: Any) -> QuerySet[CommissionMember]:
    """The user's active seats, e.g. to filter other apps' rows by `commission=OuterRef(...)`."""
    return CommissionMember.objects.filter(user=user, is_active=True)


def default_rapporteur(*, commission: Commission) -> CommissionMember | None:
    """The member who presents dossiers unless the agent names another: the commission's rapporteur."""
    return (
        CommissionMember.objects.filter(commission=commission, role=MemberRole.RAPPORTEUR, is_active=True)
        .select_related("user")
        .order_by("user__email")
        .first()
    )


def commission_find(*, organisation: Any, name: str) -> Commission | None:
    return Commission.objects.filter(organisation=organisation, name=name).first()


def dossier_review_sessions(*, dossier: Dossier) -> list[tuple[Commission, Any]]:
    """The (commission, session) pairs that examine the dossier, earliest first."""
    pairs: dict[tuple[Any, Any], Commission] = {}
    tasks = (
        ReviewTask.objects.filter(dossier=dossier)
        .exclude(status=TaskStatus.CANCELLED)
        .select_related("member__commission")
        .order_by("session_starts_at")
    )
    for task in tasks:
        pairs.setdefault((task.member.commission_id, task.session_id), task.member.commission)
    return [(commission, session_id) for (_c, session_id), commission in pairs.items()]


def recorded_opinion(*, dossier: Dossier, session_id: Any) -> CommissionOpinion | None:
    return (
        CommissionOpinion.objects.filter(dossier=dossier, session_id=session_id).select_related("recorded_by").first()
    )
