"""The dossier's lifecycle: which action moves it from which state to which, and who may act.

draft → submitted → completeness_check → [awaiting_complements →] under_review → …
An action on a dossier in another state is a 409 that names the state; an action the user's
role does not allow is a 403. The table is the rule; services below apply it, lock the dossier,
audit the change and return the dossier as it now is. (Opinions and the decision join this
table with the workflow's next part.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import NotFound, PermissionDenied

from audit.services import audit_record
from config.exceptions import Conflict, DomainError
from dossiers.models import (
    ApplicantRequest,
    ChecklistCheck,
    ChecklistItem,
    Decision,
    Dossier,
    DossierStatus,
    RequestKind,
)
from dossiers.notify import lifecycle_event

DESK_ROLES = frozenset({"desk_agent"})

S = DossierStatus


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str
    # "applicant" (a party of the dossier), "desk", "signer" (the signing authority), or
    # "delegated": the app that owns the act checks who may (the commission's opinion).
    actor: str


TRANSITIONS: dict[str, Transition] = {
    "start_check": Transition(frozenset({S.SUBMITTED}), S.COMPLETENESS_CHECK, "desk"),
    "request_complements": Transition(frozenset({S.COMPLETENESS_CHECK}), S.AWAITING_COMPLEMENTS, "desk"),
    "declare_complete": Transition(frozenset({S.COMPLETENESS_CHECK}), S.UNDER_REVIEW, "desk"),
    "request_changes": Transition(frozenset({S.UNDER_REVIEW, S.COMMISSION_OPINION}), S.AWAITING_COMPLEMENTS, "desk"),
    # Back to where the request came from: the check for complements, the review for changes.
    "resubmit": Transition(frozenset({S.AWAITING_COMPLEMENTS}), S.COMPLETENESS_CHECK, "applicant"),
    "record_opinion": Transition(frozenset({S.UNDER_REVIEW}), S.COMMISSION_OPINION, "delegated"),
    "decide": Transition(frozenset({S.COMMISSION_OPINION}), S.DECISION, "signer"),
    "close": Transition(frozenset({S.DECISION}), S.CLOSED, "desk"),
}

WRONG_STATE = gettext_lazy("This dossier is %(status)s: it cannot be %(action)s now.")
NOT_YOURS = gettext_lazy("Only the permit desk can do this.")
NOT_A_PARTY = gettext_lazy("Only the applicant's side of the dossier can do this.")
INCOMPLETE = gettext_lazy("Required documents are not confirmed yet: %(items)s.")
NO_SUCH_ITEM = gettext_lazy("This procedure's checklist has no item %(code)s.")
NO_MESSAGE = gettext_lazy("Say what the applicant must provide or change.")
ACTION_NAMES = {
    "start_check": gettext_lazy("checked for completeness"),
    "request_complements": gettext_lazy("sent back for complements"),
    "declare_complete": gettext_lazy("declared complete"),
    "request_changes": gettext_lazy("sent back for changes"),
    "resubmit": gettext_lazy("resubmitted"),
    "record_opinion": gettext_lazy("given the commission's opinion"),
    "decide": gettext_lazy("decided"),
    "close": gettext_lazy("closed"),
}
NOT_THE_SIGNER = gettext_lazy("Only the signing authority can decide.")


def _same_authority(user: Any, dossier: Dossier) -> bool:
    return dossier.organisation_id is not None and user.organisation_id == dossier.organisation_id


def is_desk(user: Any, dossier: Dossier) -> bool:
    """A desk agent of the dossier's own authority (a seat on a commission is not enough)."""
    return bool(user.is_admin or (user.role in DESK_ROLES and _same_authority(user, dossier)))


def is_party(user: Any, dossier: Dossier) -> bool:
    return bool(user.is_admin or dossier.parties.filter(user=user).exists())


def is_signer(user: Any, dossier: Dossier) -> bool:
    return bool(user.is_admin or (user.role == "signing_authority" and _same_authority(user, dossier)))


def _may_act(user: Any, dossier: Dossier, transition: Transition, *, delegated: bool = False) -> bool:
    if transition.actor == "delegated":
        return delegated
    if transition.actor == "signer":
        return is_signer(user, dossier)
    return is_desk(user, dossier) if transition.actor == "desk" else is_party(user, dossier)


def allowed_actions(user: Any, dossier: Dossier) -> list[str]:
    """The actions the user may take on the dossier in its present state (for clients);
    at most one query, whatever the number of transitions."""
    candidates = {name: t for name, t in TRANSITIONS.items() if dossier.status in t.sources}
    roles = {t.actor for t in candidates.values()}
    may = {
        "desk": "desk" in roles and is_desk(user, dossier),
        "signer": "signer" in roles and is_signer(user, dossier),
        "applicant": "applicant" in roles and is_party(user, dossier),
        "delegated": False,  # offered by the app that owns the act
    }
    return [name for name, transition in candidates.items() if may[transition.actor]]


def _apply(*, actor: Any, dossier: Dossier, action: str, delegated: bool = False) -> tuple[Dossier, str]:
    """Checks the action against the table on the locked dossier; returns it and its old state."""
    transition = TRANSITIONS[action]
    locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if not _may_act(actor, locked, transition, delegated=delegated):
        message = {"desk": NOT_YOURS, "signer": NOT_THE_SIGNER, "applicant": NOT_A_PARTY}.get(
            transition.actor, NOT_YOURS
        )
        raise PermissionDenied(str(message))
    if locked.status not in transition.sources:
        raise Conflict(str(WRONG_STATE) % {"status": locked.get_status_display(), "action": ACTION_NAMES[action]})
    before = locked.status
    return locked, before


def _record(*, actor: Any, dossier: Dossier, action: str, before: str, **details: Any) -> None:
    dossier.save(update_fields=["status", "completed_at", "updated_at"])
    audit_record(
        actor=actor,
        action=f"dossier.{action}",
        object_type="dossier",
        object_id=dossier.id,
        dossier_id=dossier.id,
        before={"status": before},
        after={"status": dossier.status, **details},
    )
    lifecycle_event(actor=actor, dossier=dossier, action=action, message=str(details.get("message", "")))


@transaction.atomic
def dossier_start_check(*, actor: Any, dossier: Dossier) -> Dossier:
    locked, before = _apply(actor=actor, dossier=dossier, action="start_check")
    locked.status = S.COMPLETENESS_CHECK
    _record(actor=actor, dossier=locked, action="start_check", before=before)
    return locked


def checklist_items(dossier: Dossier) -> list[ChecklistItem]:
    return list(ChecklistItem.objects.filter(procedure_type_id=dossier.procedure_type_id, is_active=True))


@transaction.atomic
def checklist_check(*, actor: Any, dossier: Dossier, code: str, satisfied: bool, note: str = "") -> ChecklistCheck:
    """The desk's verdict on one required document, while it checks completeness."""
    locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if not is_desk(actor, locked):
        raise PermissionDenied(str(NOT_YOURS))
    if locked.status != S.COMPLETENESS_CHECK:
        raise Conflict(
            str(WRONG_STATE) % {"status": locked.get_status_display(), "action": ACTION_NAMES["start_check"]}
        )
    item = ChecklistItem.objects.filter(procedure_type_id=locked.procedure_type_id, code=code, is_active=True).first()
    if item is None:
        raise NotFound(str(NO_SUCH_ITEM) % {"code": code})
    check, _created = ChecklistCheck.objects.update_or_create(
        dossier=locked, item=item, defaults={"satisfied": satisfied, "note": note, "checked_by": actor}
    )
    audit_record(
        actor=actor,
        action="dossier.checklist_checked",
        object_type="dossier",
        object_id=locked.id,
        dossier_id=locked.id,
        after={"item": code, "satisfied": satisfied, "note": note},
    )
    return check


def _missing_required(dossier: Dossier) -> list[ChecklistItem]:
    satisfied = set(ChecklistCheck.objects.filter(dossier=dossier, satisfied=True).values_list("item_id", flat=True))
    return [item for item in checklist_items(dossier) if item.required and item.pk not in satisfied]


@transaction.atomic
def dossier_declare_complete(*, actor: Any, dossier: Dossier) -> Dossier:
    locked, before = _apply(actor=actor, dossier=dossier, action="declare_complete")
    missing = _missing_required(locked)
    if missing:
        labels = ", ".join(item.label for item in missing)
        raise Conflict(str(INCOMPLETE) % {"items": labels})
    locked.status = S.UNDER_REVIEW
    locked.completed_at = timezone.now()
    _record(actor=actor, dossier=locked, action="declare_complete", before=before)
    return locked


def _send_back(
    *, actor: Any, dossier: Dossier, action: str, kind: str, message: str, missing: Iterable[str] = ()
) -> Dossier:
    if not message.strip():
        raise DomainError(str(NO_MESSAGE), errors={"message": [str(NO_MESSAGE)]})
    locked, before = _apply(actor=actor, dossier=dossier, action=action)
    codes = list(dict.fromkeys(missing))
    items = list(
        ChecklistItem.objects.filter(procedure_type_id=locked.procedure_type_id, code__in=codes, is_active=True)
    )
    unknown = sorted(set(codes) - {item.code for item in items})
    if unknown:
        text = str(NO_SUCH_ITEM) % {"code": ", ".join(unknown)}
        raise DomainError(text, errors={"missing": [text]})
    request = ApplicantRequest.objects.create(dossier=locked, kind=kind, message=message.strip(), requested_by=actor)
    request.missing.set(items)
    locked.status = S.AWAITING_COMPLEMENTS
    _record(
        actor=actor,
        dossier=locked,
        action=action,
        before=before,
        request=str(request.id),
        missing=codes,
        message=request.message,
    )
    return locked


def dossier_request_complements(*, actor: Any, dossier: Dossier, message: str, missing: Iterable[str] = ()) -> Dossier:
    with transaction.atomic():
        return _send_back(
            actor=actor,
            dossier=dossier,
            action="request_complements",
            kind=RequestKind.COMPLEMENTS,
            message=message,
            missing=missing,
        )


def dossier_request_changes(*, actor: Any, dossier: Dossier, message: str) -> Dossier:
    """The commission wants the plans changed: back to the applicant, who sees the shared remarks."""
    with transaction.atomic():
        return _send_back(
            actor=actor, dossier=dossier, action="request_changes", kind=RequestKind.CHANGES, message=message
        )


@transaction.atomic
def dossier_resubmit(*, actor: Any, dossier: Dossier) -> Dossier:
    """The applicant has answered: complements go back to the completeness check, changes to review."""
    locked, before = _apply(actor=actor, dossier=dossier, action="resubmit")
    request = ApplicantRequest.objects.filter(dossier=locked, answered_at__isnull=True).first()
    changes = request is not None and request.kind == RequestKind.CHANGES
    locked.status = S.UNDER_REVIEW if changes else S.COMPLETENESS_CHECK
    if request is not None:
        request.answered_at = timezone.now()
        request.save(update_fields=["answered_at"])
    _record(actor=actor, dossier=locked, action="resubmit", before=before)
    return locked


@transaction.atomic
def dossier_record_opinion(*, actor: Any, dossier: Dossier, opinion: dict[str, Any]) -> Dossier:
    """`under_review` → `commission_opinion`; called by the commissions app once it has checked
    that the actor may record its commission's opinion."""
    locked, before = _apply(actor=actor, dossier=dossier, action="record_opinion", delegated=True)
    locked.status = S.COMMISSION_OPINION
    _record(actor=actor, dossier=locked, action="record_opinion", before=before, opinion=opinion)
    return locked


NO_DECISION_TEXT = gettext_lazy("A decision needs its text.")


@transaction.atomic
def dossier_decide(*, actor: Any, dossier: Dossier, value: str, text: str) -> Dossier:
    """The signing authority's decision, after the commission's opinion; the applicant sees it."""
    if not text.strip():
        raise DomainError(str(NO_DECISION_TEXT), errors={"text": [str(NO_DECISION_TEXT)]})
    locked, before = _apply(actor=actor, dossier=dossier, action="decide")
    Decision.objects.create(dossier=locked, value=value, text=text.strip(), decided_by=actor)
    locked.status = S.DECISION
    _record(actor=actor, dossier=locked, action="decide", before=before, decision=value)
    return locked


@transaction.atomic
def dossier_close(*, actor: Any, dossier: Dossier) -> Dossier:
    locked, before = _apply(actor=actor, dossier=dossier, action="close")
    locked.status = S.CLOSED
    _record(actor=actor, dossier=locked, action="close", before=before)
    return locked
