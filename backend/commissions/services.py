"""Writes on commissions, their members, and dispatch of dossiers to members for review."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy

from accounts.models import Organisation, User
from audit.services import audit_record
from commissions.models import Commission, CommissionMember, MemberKind, RequiredBody, ReviewTask, TaskStatus
from config.exceptions import DomainError
from dossiers import services as dossier_services
from dossiers.models import Dossier, ProcedureType

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
) -> Commission:
    procedures = _procedures(procedure_types)
    commission = Commission(name=name, organisation=organisation, timezone=timezone, territory=territory)
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
    for name in ("name", "timezone", "territory", "is_active"):
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
    pending = ReviewTask.objects.filter(member=member, status=TaskStatus.PENDING).select_related("dossier")
    dossiers = {task.dossier_id: task.dossier for task in pending}
    pending.update(status=TaskStatus.CANCELLED)
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
