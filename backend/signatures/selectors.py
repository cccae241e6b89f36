"""Who sees which signed document: the dossier's authority and the people who must sign it
always; the dossier's parties once it is signed; minutes, the authority's staff."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from dossiers.models import DossierParty
from dossiers.selectors import ORGANISATION_ROLES, visible_dossiers
from signatures.models import Document, DocumentStatus, RequiredSigner


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
