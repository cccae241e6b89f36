"""Every user-facing read of dossiers, plans and versions goes through these.

`visible_dossiers(user)` is the one place that says who sees what:
- an administrator sees everything;
- a desk agent or signing authority sees the dossiers of their organisation;
- anyone else (applicant, project author, service account) sees the dossiers they are a party to;
- and anyone sees the dossiers they were granted access to (`DossierAccess`: a commission
  member gets it when a dossier is dispatched to them for review).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy

from config.exceptions import Conflict
from dossiers.models import Dossier, DossierAccess, DossierParty, Page, Plan, PlanVersion, Upload, VersionStatus
from dossiers.sheets import Sheet, SheetMatch, match_sheets

ORGANISATION_ROLES = {"desk_agent", "signing_authority"}


def visible_dossiers(user: Any) -> QuerySet[Dossier]:
    queryset = Dossier.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    if user.is_admin:
        return queryset
    granted = Exists(DossierAccess.objects.filter(dossier=OuterRef("pk"), user=user))
    if user.role in ORGANISATION_ROLES:
        if user.organisation_id is None:
            return queryset.filter(granted)
        return queryset.filter(Q(organisation_id=user.organisation_id) | granted)
    return queryset.filter(Exists(DossierParty.objects.filter(dossier=OuterRef("pk"), user=user)) | granted)


def visible_plans(user: Any) -> QuerySet[Plan]:
    return Plan.objects.filter(dossier__in=visible_dossiers(user))


def visible_plan_versions(user: Any) -> QuerySet[PlanVersion]:
    return PlanVersion.objects.filter(plan__dossier__in=visible_dossiers(user))


def visible_uploads(user: Any) -> QuerySet[Upload]:
    """Direct uploads are private to the person who opened them."""
    return Upload.objects.filter(created_by=user, plan__dossier__in=visible_dossiers(user))


def dossier_list(*, user: Any) -> QuerySet[Dossier]:
    return visible_dossiers(user).select_related("procedure_type", "organisation")


def dossier_get_for_user(*, user: Any, dossier_id: Any) -> Dossier:
    """The dossier if the user may see it; otherwise 404, whether it exists or not."""
    dossier = dossier_list(user=user).filter(pk=dossier_id).first()
    if dossier is None:
        raise Http404
    return dossier


def party_list(*, dossier: Dossier) -> QuerySet[DossierParty]:
    """The parties of a dossier the caller already may see."""
    return DossierParty.objects.filter(dossier=dossier).select_related("user").order_by("created_at")


def plan_list(*, user: Any, dossier: Dossier) -> QuerySet[Plan]:
    return (
        visible_plans(user)
        .filter(dossier=dossier)
        .prefetch_related(Prefetch("versions", queryset=PlanVersion.objects.order_by("number")))
    )


def plan_get_for_user(*, user: Any, plan_id: Any) -> Plan:
    plan = visible_plans(user).select_related("dossier").filter(pk=plan_id).first()
    if plan is None:
        raise Http404
    return plan


def plan_version_list(*, user: Any, plan: Plan) -> QuerySet[PlanVersion]:
    return (
        visible_plan_versions(user)
        .filter(plan=plan)
        .prefetch_related(Prefetch("pages", queryset=Page.objects.order_by("index")))
        .order_by("number")
    )


def plan_version_get_for_user(*, user: Any, version_id: Any) -> PlanVersion:
    version = (
        visible_plan_versions(user)
        .select_related("plan")
        .prefetch_related(Prefetch("pages", queryset=Page.objects.order_by("index")))
        .filter(pk=version_id)
        .first()
    )
    if version is None:
        raise Http404
    return version


def upload_get_for_user(*, user: Any, upload_id: Any) -> Upload:
    upload = visible_uploads(user).select_related("plan__dossier").filter(pk=upload_id).first()
    if upload is None:
        raise Http404
    return upload


def party_dossiers(*, user: Any) -> QuerySet[Dossier]:
    """The dossiers the user acts for (applicant, project author): what they see is the public side."""
    return Dossier.objects.filter(parties__user=user)


def page_get(*, version: PlanVersion, index: int) -> Page | None:
    return Page.objects.filter(version=version, index=index).first()


def previous_version(*, version: PlanVersion) -> PlanVersion | None:
    """The latest ready version of the same plan before this one."""
    return (
        PlanVersion.objects.filter(plan_id=version.plan_id, number__lt=version.number, status="ready")
        .order_by("-number")
        .first()
    )


NOT_READY_TO_COMPARE = gettext_lazy("Both versions must be ready (analysed) to be compared.")


def sheet_matches(*, version: PlanVersion, previous: PlanVersion) -> list[SheetMatch]:
    """The sheets of `version` paired with those of `previous` (both already visible to the caller)."""
    if version.status != VersionStatus.READY or previous.status != VersionStatus.READY:
        raise Conflict(str(NOT_READY_TO_COMPARE))

    def sheets_of(v: PlanVersion) -> list[Sheet]:
        return [Sheet(p.index, p.sheet_number, p.sheet_title, p.fingerprint) for p in v.pages.all()]

    return match_sheets(sheets_of(version), sheets_of(previous))


def webhook_audience(owner_ids: Iterable[Any], dossier_id: Any, internal: bool) -> set[Any]:
    """Which webhook owners may hear of an event on the dossier: those who see it, and for an
    event of the authority's deliberation, not its parties (as in the opinions they are shown)."""
    from django.contrib.auth import get_user_model

    owners = get_user_model().objects.filter(pk__in=list(owner_ids), is_active=True)
    hearing = {user.pk for user in owners if visible_dossiers(user).filter(pk=dossier_id).exists()}
    if internal and hearing:
        hearing -= set(
            DossierParty.objects.filter(dossier_id=dossier_id, user_id__in=hearing).values_list("user_id", flat=True)
        )
    return hearing


def granted_permits_on_parcel(*, reference: str, organisation_id: Any = None) -> list[tuple[str, str, str, Any]]:
    """The permits granted on a parcel, oldest first, as (reference, procedure name fr, procedure
    name en, decision date): what an urban-planning information certificate states of it. Public
    facts of a decision, read without the caller's dossier visibility; nothing else of the dossier
    leaves. Parcel references are matched without regard to case or surrounding spaces."""
    rows = Dossier.objects.filter(
        parcel_reference__iexact=reference.strip(), decision__value__in=("granted", "granted_with_conditions")
    )
    if organisation_id is not None:
        rows = rows.filter(organisation_id=organisation_id)
    return list(
        rows.order_by("decision__decided_at", "reference").values_list(
            "reference", "procedure_type__name_fr", "procedure_type__name_en", "decision__decided_at"
        )
    )
