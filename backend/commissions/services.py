"""Writes on commissions, their members, and dispatch of dossiers to members for review."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import NotFound, PermissionDenied

from accounts.models import Organisation, User
from audit.services import audit_record
from commissions.consolidation import MemberOpinion, Proposal, consolidate
from commissions.models import (
    Commission,
    CommissionMember,
    CommissionOpinion,
    MemberKind,
    MemberRole,
    OpinionValue,
    RequiredBody,
    ReviewTask,
    TaskStatus,
)
from config.exceptions import Conflict, DomainError
from dossiers import lifecycle as dossier_lifecycle
from dossiers import services as dossier_services
from dossiers.models import Dossier, ProcedureType
from notifications.services import notify

REVIEW_ACCESS = "review"
UNKNOWN_PROCEDURES = gettext_lazy("Unknown procedure types: %(codes)s.")
UNKNOWN_ORGANISATION = gettext_lazy("Unknown organisation: %(slug)s.")
UNKNOWN_USER = gettext_lazy("No active account uses this e-mail address.")
NOT_A_MEMBER_ROLE = gettext_lazy("Only commission members, agents and signing authorities can sit on a commission.")
SEAT_ROLES = {"commission_member", "desk_agent", "signing_authority", "admin"}


def _invalid(field: str, message: str) -> DomainError:
    return DomainError(message, errors={field: [message]})


def _procedures(codes: list[str]) -> list[ProcedureType]:
    found = list(ProcedureType.objects.filter(code__in=codes, is_active=True))
    missing = sorted(set(codes) - {p.code for p in found})
    if missing:
        raise _invalid("procedure_types", str(UNKNOWN_PROCEDURES) % {"codes": ", ".join(missing)})
    return found


def _organisation(slug: str, field: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise _invalid(field, str(UNKNOWN_ORGANISATION) % {"slug": slug})
    return organisation


def _summary(commission: Commission) -> dict[str, Any]:
    return {
        "name": commission.name,
        "timezone": commission.timezone,
        "territory": commission.territory,
        "language": commission.language,
        "is_active": commission.is_active,
        "procedure_types": sorted(commission.procedure_types.values_list("code", flat=True)),
    }


@transaction.atomic
def commission_create(
    *,
    actor: Any,
    name: str,
    organisation: Organisation,
    timezone: str,
    procedure_types: list[str],
    territory: str = "",
    language: str = "fr",
) -> Commission:
    procedures = _procedures(procedure_types)
    commission = Commission(
        name=name, organisation=organisation, timezone=timezone, territory=territory, language=language
    )
    commission.full_clean()
    commission.save()
    commission.procedure_types.set(procedures)
    audit_record(
        actor=actor,
        action="commission.created",
        object_type="commission",
        object_id=commission.id,
        after=_summary(commission),
    )
    return commission


def commission_lock(*, commission: Commission) -> Commission:
    """Lock the commission row until the caller's transaction ends (one planning change at a time)."""
    return Commission.objects.select_for_update().get(pk=commission.pk)


@transaction.atomic
def commission_update(*, actor: Any, commission: Commission, **fields: Any) -> Commission:
    commission = Commission.objects.select_for_update().get(pk=commission.pk)
    before = _summary(commission)
    for name in ("name", "timezone", "territory", "language", "is_active"):
        if name in fields:
            setattr(commission, name, fields[name])
    commission.full_clean()
    commission.save()
    if "procedure_types" in fields:
        commission.procedure_types.set(_procedures(fields["procedure_types"]))
    audit_record(
        actor=actor,
        action="commission.updated",
        object_type="commission",
        object_id=commission.id,
        before=before,
        after=_summary(commission),
    )
    return commission


@transaction.atomic
def member_add(*, actor: Any, commission: Commission, email: str, body: str, kind: str, role: str) -> CommissionMember:
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise _invalid("email", str(UNKNOWN_USER))
    if user.role not in SEAT_ROLES:
        raise _invalid("email", str(NOT_A_MEMBER_ROLE))
    member, _created = CommissionMember.objects.update_or_create(
        commission=commission,
        user=user,
        defaults={"body": _organisation(body, "body"), "kind": kind, "role": role, "is_active": True},
    )
    member.full_clean()
    audit_record(
        actor=actor,
        action="commission.member_set",
        object_type="commission",
        object_id=commission.id,
        after={"member": user.email, "body": body, "kind": kind, "role": role},
    )
    return member


@transaction.atomic
def member_remove(*, actor: Any, member: CommissionMember) -> CommissionMember:
    """Members leave, they are not deleted: their past reviews keep their author.

    Their pending review tasks are cancelled, and they lose access to every dossier they
    no longer review through another active seat.
    """
    member.is_active = False
    member.save(update_fields=["is_active"])
    # Dossiers they reviewed (done) as well as those still waiting for them: a past opinion is
    # no reason to keep reading a dossier once the seat that gave it is gone.
    reviewed = ReviewTask.objects.filter(member=member, status__in=[TaskStatus.PENDING, TaskStatus.DONE])
    dossiers = {task.dossier_id: task.dossier for task in reviewed.select_related("dossier")}
    ReviewTask.objects.filter(member=member, status=TaskStatus.PENDING).update(status=TaskStatus.CANCELLED)
    for dossier in dossiers.values():
        still_reviewing = ReviewTask.objects.filter(
            dossier=dossier,
            member__user=member.user,
            member__is_active=True,
            status__in=[TaskStatus.PENDING, TaskStatus.DONE],
        ).exists()
        if not still_reviewing:
            dossier_services.dossier_access_revoke(actor=actor, dossier=dossier, user=member.user, reason=REVIEW_ACCESS)
    audit_record(
        actor=actor,
        action="commission.member_removed",
        object_type="commission",
        object_id=member.commission_id,
        before={"member": member.user.email},
    )
    return member


@transaction.atomic
def required_body_add(*, actor: Any, commission: Commission, procedure_type: str, body: str) -> RequiredBody:
    procedure = _procedures([procedure_type])[0]
    rule, _created = RequiredBody.objects.get_or_create(
        commission=commission, procedure_type=procedure, body=_organisation(body, "body")
    )
    audit_record(
        actor=actor,
        action="commission.required_body_added",
        object_type="commission",
        object_id=commission.id,
        after={"procedure_type": procedure_type, "body": body},
    )
    return rule


def reviewers_for(*, commission: Commission, dossier: Dossier) -> list[CommissionMember]:
    """Permanent members, plus occasional members of the bodies the procedure requires."""
    required = set(
        RequiredBody.objects.filter(commission=commission, procedure_type_id=dossier.procedure_type_id).values_list(
            "body_id", flat=True
        )
    )
    members = CommissionMember.objects.filter(commission=commission, is_active=True).select_related("user")
    return [m for m in members if m.kind == MemberKind.PERMANENT or m.body_id in required]


@transaction.atomic
def dossier_dispatch(
    *, actor: Any, dossier: Dossier, commission: Commission, session_id: uuid.UUID, session_starts_at: datetime
) -> list[ReviewTask]:
    """Give each reviewer of the commission a review task for this session, and access."""
    tasks = []
    for member in reviewers_for(commission=commission, dossier=dossier):
        task, _created = ReviewTask.objects.update_or_create(
            dossier=dossier,
            member=member,
            session_id=session_id,
            defaults={"session_starts_at": session_starts_at, "status": TaskStatus.PENDING},
        )
        dossier_services.dossier_access_grant(actor=actor, dossier=dossier, user=member.user, reason=REVIEW_ACCESS)
        tasks.append(task)
    audit_record(
        actor=actor,
        action="dossier.dispatched",
        object_type="dossier",
        object_id=dossier.id,
        dossier_id=dossier.id,
        after={
            "commission": commission.name,
            "session": str(session_id),
            "reviewers": [t.member.user.email for t in tasks],
        },
    )
    notify(
        event="dossier.dispatched",
        recipients=[t.member.user for t in tasks],
        context={
            "reference": dossier.reference,
            "title": dossier.title,
            "session": session_starts_at.astimezone(ZoneInfo(commission.timezone)).strftime("%d/%m/%Y %H:%M"),
        },
        url=f"/dossiers/{dossier.id}",
        dossier_id=dossier.id,
        exclude=actor,
    )
    return tasks


@transaction.atomic
def dossier_undispatch(*, actor: Any, dossier: Dossier, session_id: uuid.UUID) -> int:
    """Cancel the review tasks of a session the dossier left; reviewers with no other task lose access."""
    tasks = list(
        ReviewTask.objects.filter(dossier=dossier, session_id=session_id, status=TaskStatus.PENDING).select_related(
            "member__user"
        )
    )
    for task in tasks:
        task.status = TaskStatus.CANCELLED
        task.save(update_fields=["status"])
        still_reviewing = ReviewTask.objects.filter(
            dossier=dossier, member__user=task.member.user, status__in=[TaskStatus.PENDING, TaskStatus.DONE]
        ).exists()
        if not still_reviewing:
            dossier_services.dossier_access_revoke(
                actor=actor, dossier=dossier, user=task.member.user, reason=REVIEW_ACCESS
            )
    if tasks:
        audit_record(
            actor=actor,
            action="dossier.undispatched",
            object_type="dossier",
            object_id=dossier.id,
            dossier_id=dossier.id,
            after={"session": str(session_id), "tasks_cancelled": len(tasks)},
        )
    return len(tasks)


# --- opinions -----------------------------------------------------------------------------

NOT_YOUR_TASK = gettext_lazy("This review task belongs to another member.")
NOT_IN_REVIEW = gettext_lazy("Opinions are given while the dossier is under review; it is %(status)s.")
NEEDS_CONDITIONS = gettext_lazy("A favourable opinion with conditions needs its conditions.")
CANNOT_RECORD = gettext_lazy("Only the commission's chair or secretary, or the permit desk, records its opinion.")
RULE_UNDECIDED = gettext_lazy(
    "The commission's rule (%(rule)s) cannot give an opinion yet: %(count)d opinion(s) awaited. "
    "Record an opinion explicitly to depart from it."
)
NO_SESSION = gettext_lazy("No review of this dossier by this commission at that session.")
ALREADY_RECORDED = gettext_lazy("The commission's opinion for this session is already recorded.")
NO_ABSTENTION = gettext_lazy("A commission gives an opinion; it does not abstain.")


@transaction.atomic
def opinion_give(*, actor: Any, task: ReviewTask, value: str, reasons: str = "", conditions: str = "") -> ReviewTask:
    """A member's opinion on a dossier they were dispatched; it may be changed until the
    commission's opinion is recorded."""
    locked = (
        ReviewTask.objects.select_for_update(of=("self",))
        .select_related("member__user", "member__body", "dossier")
        .get(pk=task.pk)
    )
    if locked.member.user_id != actor.pk:
        raise PermissionDenied(str(NOT_YOUR_TASK))
    dossier = Dossier.objects.select_for_update().get(pk=locked.dossier_id)
    if locked.status == TaskStatus.CANCELLED or dossier.status != "under_review":
        raise Conflict(str(NOT_IN_REVIEW) % {"status": dossier.get_status_display()})
    if CommissionOpinion.objects.filter(dossier=dossier, session_id=locked.session_id).exists():
        raise Conflict(str(ALREADY_RECORDED))
    if value == OpinionValue.FAVOURABLE_WITH_CONDITIONS and not conditions.strip():
        raise DomainError(str(NEEDS_CONDITIONS), errors={"conditions": [str(NEEDS_CONDITIONS)]})
    before = {"opinion": locked.opinion}
    locked.opinion, locked.reasons, locked.conditions = value, reasons.strip(), conditions.strip()
    locked.opinion_at = timezone.now()
    locked.status = TaskStatus.DONE
    locked.save(update_fields=["opinion", "reasons", "conditions", "opinion_at", "status"])
    audit_record(
        actor=actor,
        action="dossier.opinion_given",
        object_type="review_task",
        object_id=locked.id,
        dossier_id=locked.dossier_id,
        before=before,
        after={"opinion": value, "member": actor.email},
    )
    _tell_the_bureau(actor=actor, task=locked, dossier=dossier)
    return locked


BUREAU_ROLES = (MemberRole.CHAIR, MemberRole.SECRETARY, MemberRole.RAPPORTEUR)


def _tell_the_bureau(*, actor: Any, task: ReviewTask, dossier: Dossier) -> None:
    """The chair, secretary and rapporteurs of the commission hear each opinion as it comes in."""
    bureau = CommissionMember.objects.filter(
        commission_id=task.member.commission_id, role__in=BUREAU_ROLES, is_active=True
    ).select_related("user")
    notify(
        event="opinion.given",
        recipients=[seat.user for seat in bureau],
        context={
            "reference": dossier.reference,
            "member": task.member.user.full_name or task.member.user.email,
            "body": task.member.body.name,
            "opinion": task.get_opinion_display(),
            "opinion_value": task.opinion,
        },
        url=f"/dossiers/{dossier.id}",
        dossier_id=dossier.id,
        exclude=actor,
    )


def binding_bodies(*, commission: Commission, dossier: Dossier) -> set[Any]:
    return set(
        RequiredBody.objects.filter(
            commission=commission, procedure_type_id=dossier.procedure_type_id, binding=True
        ).values_list("body_id", flat=True)
    )


def session_opinions(*, dossier: Dossier, commission: Commission, session_id: Any) -> list[ReviewTask]:
    return list(
        ReviewTask.objects.filter(dossier=dossier, member__commission=commission, session_id=session_id)
        .exclude(status=TaskStatus.CANCELLED)
        .select_related("member__user", "member__body")
        .order_by("member__role", "member__user__full_name")
    )


def proposal_for(
    *,
    dossier: Dossier,
    commission: Commission,
    session_id: Any,
    tasks: list[ReviewTask] | None = None,
    binding: set[Any] | None = None,
) -> Proposal:
    """What the commission's rule gives now; a caller that already read the session's tasks and
    the binding bodies passes them, so they are not read twice."""
    if binding is None:
        binding = binding_bodies(commission=commission, dossier=dossier)
    if tasks is None:
        tasks = session_opinions(dossier=dossier, commission=commission, session_id=session_id)
    heard = {t.member.body_id for t in tasks if t.member.body_id in binding}
    return consolidate(
        commission.consolidation_rule,
        (
            MemberOpinion(
                value=t.opinion,
                is_chair=t.member.role == MemberRole.CHAIR,
                body_binding=t.member.body_id in binding,
                conditions=t.conditions,
            )
            for t in tasks
        ),
        binding_bodies_unheard=len(binding - heard),
    )


def can_record_opinion(user: Any, commission: Commission) -> bool:
    if user.is_admin or (user.role == "desk_agent" and user.organisation_id == commission.organisation_id):
        return True
    return CommissionMember.objects.filter(
        commission=commission, user=user, is_active=True, role__in=[MemberRole.CHAIR, MemberRole.SECRETARY]
    ).exists()


@transaction.atomic
def commission_opinion_record(
    *,
    actor: Any,
    dossier: Dossier,
    commission: Commission,
    session_id: Any,
    value: str | None = None,
    reasons: str = "",
    conditions: str = "",
) -> CommissionOpinion:
    """The commission's opinion at a session: the one its rule gives from the members', unless
    `value` departs from it (both are kept). Moves the dossier to `commission_opinion`."""
    if not can_record_opinion(actor, commission):
        raise PermissionDenied(str(CANNOT_RECORD))
    if value == OpinionValue.ABSTAIN:
        raise DomainError(str(NO_ABSTENTION), errors={"value": [str(NO_ABSTENTION)]})
    # Lock, then check, then read the members' opinions: nothing changes between what the rule
    # saw and what is recorded, and a second record is a 409, not a constraint error.
    locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if locked.status != "under_review":
        raise Conflict(str(NOT_IN_REVIEW) % {"status": locked.get_status_display()})
    tasks = ReviewTask.objects.filter(dossier=locked, member__commission=commission, session_id=session_id)
    if not tasks.exists():
        raise NotFound(str(NO_SESSION))
    if CommissionOpinion.objects.filter(dossier=locked, session_id=session_id).exists():
        raise Conflict(str(ALREADY_RECORDED))
    list(tasks.select_for_update())
    proposal = proposal_for(dossier=locked, commission=commission, session_id=session_id)
    chosen = value or proposal.value
    if chosen is None:
        message = str(RULE_UNDECIDED) % {
            "rule": commission.get_consolidation_rule_display(),
            "count": proposal.waiting_for,
        }
        raise Conflict(message)
    if chosen == OpinionValue.FAVOURABLE_WITH_CONDITIONS and not conditions.strip():
        conditions = "\n".join(
            t.conditions
            for t in session_opinions(dossier=locked, commission=commission, session_id=session_id)
            if t.conditions
        )
    opinion = CommissionOpinion.objects.create(
        dossier=locked,
        commission=commission,
        session_id=session_id,
        value=chosen,
        rule=commission.consolidation_rule,
        proposed=proposal.value or "",
        reasons=reasons.strip(),
        conditions=conditions.strip(),
        recorded_by=actor,
    )
    dossier_lifecycle.dossier_record_opinion(actor=actor, dossier=locked, opinion={"value": chosen})
    return opinion
