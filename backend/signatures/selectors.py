"""Who sees which signed document: the dossier's authority and the people who must sign it
always; the dossier's parties once it is signed; minutes, the authority's staff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext

from accounts.models import Role
from dossiers.models import Decision, Dossier, DossierParty
from dossiers.selectors import ORGANISATION_ROLES, visible_dossiers
from signatures.models import Document, DocumentStatus, RequiredSigner

SIGNER_ROLES = frozenset({Role.SIGNING_AUTHORITY, Role.DESK_AGENT})


def visible_documents(user: Any) -> QuerySet[Document]:
    queryset = Document.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    if user.is_admin:
        return queryset
    signer = Exists(RequiredSigner.objects.filter(document=OuterRef("pk"), user=user))
    staff = Q(organisation_id=user.organisation_id) if user.role in ORGANISATION_ROLES else Q(pk__in=[])
    party = Exists(DossierParty.objects.filter(dossier=OuterRef("dossier_id"), user=user))
    signed_for_party = Q(status=DocumentStatus.SIGNED, dossier__in=visible_dossiers(user)) & party
    return queryset.filter(signer | staff | signed_for_party)


def document_list(*, user: Any, dossier: Any = None) -> QuerySet[Document]:
    queryset = visible_documents(user).exclude(status=DocumentStatus.WITHDRAWN)
    if dossier is not None:
        queryset = queryset.filter(dossier=dossier)
    return queryset.select_related("dossier").prefetch_related("signers__user").order_by("-created_at")


def documents_to_sign(*, user: Any) -> QuerySet[Document]:
    """Documents whose next signer is the user."""
    first_unsigned = (
        RequiredSigner.objects.filter(document=OuterRef("pk"), signed_at__isnull=True)
        .order_by("position")
        .values("user_id")[:1]
    )
    return (
        document_list(user=user)
        .filter(status=DocumentStatus.SIGNING)
        .annotate(next_user=first_unsigned)
        .filter(next_user=user.pk)
    )


def document_get_for_user(*, user: Any, document_id: Any) -> Document:
    document = document_list(user=user).filter(pk=document_id).first()
    if document is None:
        raise Http404
    return document


def document_by_code(code: str) -> Document | None:
    return (
        Document.objects.filter(code=code.upper())
        .exclude(status=DocumentStatus.WITHDRAWN)
        .select_related("dossier")
        .prefetch_related("signers__user")
        .first()
    )


def document_by_sha256(sha256: str) -> Document | None:
    return Document.objects.filter(sha256=sha256).prefetch_related("signers__user").first()


@dataclass(frozen=True)
class SignerCandidate:
    """Someone the desk may name to sign, the capacity we suggest for them (in the document's
    language, since it is printed on it), and whether they sign when the desk names nobody."""

    user: Any
    suggested_role: str
    default: bool = False


def last_opinion(dossier: Dossier) -> Any:
    """The commission's opinion recorded last: its commission speaks the decision's language."""
    from commissions.models import CommissionOpinion

    return (
        CommissionOpinion.objects.filter(dossier=dossier).select_related("commission").order_by("-recorded_at").first()
    )


def language_after(opinion: Any) -> str:
    """The language of a dossier's documents: that of the commission that gave `opinion`."""
    return opinion.commission.language if opinion is not None else settings.LANGUAGE_CODE[:2]


def dossier_signers_eligible(*, dossier: Dossier) -> QuerySet:
    """Who may sign a dossier's documents: the active signing authorities and desk agents of its
    authority. The one rule both the check of a chosen list and the candidates list use."""
    return get_user_model().objects.filter(
        is_active=True, role__in=SIGNER_ROLES, organisation_id=dossier.organisation_id
    )


def dossier_default_signers(*, decision: Decision, language: str) -> list[SignerCandidate]:
    """Who signs a dossier's documents when the desk names nobody: the signing authority who decided."""
    with translation.override(language):
        return [SignerCandidate(decision.decided_by, gettext("Signing authority"), default=True)]


def dossier_signer_candidates(*, dossier: Dossier) -> list[SignerCandidate]:
    """Everyone eligible to sign the dossier's documents: the defaults first, in signing order
    (those who are eligible), then the others by name, each with their role as capacity."""
    language = language_after(last_opinion(dossier))
    decision = Decision.objects.filter(dossier=dossier).select_related("decided_by").first()
    defaults = dossier_default_signers(decision=decision, language=language) if decision is not None else []
    people = list(dossier_signers_eligible(dossier=dossier).order_by("full_name", "email"))
    eligible = {person.pk for person in people}
    defaults = [candidate for candidate in defaults if candidate.user.pk in eligible]
    named = {candidate.user.pk for candidate in defaults}
    with translation.override(language):
        others = [SignerCandidate(p, str(p.get_role_display())) for p in people if p.pk not in named]
    return defaults + others


def session_signer_candidates(*, session: Any) -> list[SignerCandidate]:
    """The members who sat at the session, the only ones who may sign its minutes: first the
    defaults, the chair then the secretary, then the others by name; their seat's role as
    capacity, in the commission's language."""
    from commissions.models import MemberRole

    bureau = [MemberRole.CHAIR, MemberRole.SECRETARY]
    rows = session.attendance.filter(present=True).select_related("member__user")
    members = sorted(
        (row.member for row in rows.order_by("member__user__full_name", "member__user__email")),
        key=lambda m: bureau.index(m.role) if m.role in bureau else len(bureau),
    )
    seen: set[Any] = set()
    candidates = []
    with translation.override(session.commission.language):
        for member in members:
            if member.user_id not in seen:
                seen.add(member.user_id)
                candidates.append(SignerCandidate(member.user, str(member.get_role_display()), member.role in bureau))
    return candidates
