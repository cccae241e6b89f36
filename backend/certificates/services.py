"""Requesting an urban-planning information certificate, and issuing it: drawn, sealed with the
platform's electronic seal, and recorded as a signed document with its verification link."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from audit.services import audit_record
from certificates import selectors
from certificates.models import CertificateRequest, CertificateStatus, Parcel
from dossiers.selectors import granted_permits_on_parcel
from notifications.services import notify
from signatures import documents
from signatures import services as signature_services
from signatures.models import DocumentKind

UNKNOWN_PARCEL = _("No parcel has this reference or id.")
GAVE_UP = _("The certificate could not be issued, although it was tried several times; ask for it again later.")


@transaction.atomic
def certificate_request_create(*, actor: Any, parcel: Parcel, language: str) -> CertificateRequest:
    """Records the request (the log of who asked about which parcel) and queues its issuing once
    the row is committed."""
    from certificates.tasks import issue_certificate

    request = CertificateRequest(requested_by=actor, parcel=parcel, language=language)
    request.full_clean()
    request.save()
    audit_record(
        actor=actor,
        action="certificate.requested",
        object_type="certificate_request",
        object_id=request.id,
        after={"parcel": parcel.reference, "language": language},
    )
    transaction.on_commit(lambda: issue_certificate.send(str(request.id)))
    return request


def _local_date(moment: Any) -> str:
    return moment.astimezone(ZoneInfo(settings.URBADESK["LOCAL_TIME_ZONE"])).strftime("%d/%m/%Y")


def certificate_facts(request: CertificateRequest, *, issued_at: Any) -> documents.CertificateFacts:
    """What the certificate states, in the request's language."""
    parcel, language = request.parcel, request.language
    english = language == "en"
    permits = granted_permits_on_parcel(reference=parcel.reference, organisation_id=parcel.organisation_id)
    requester = request.requested_by
    return documents.CertificateFacts(
        authority=parcel.organisation.name,
        parcel=parcel.reference,
        address=parcel.address,
        latitude=f"{parcel.latitude:.6f}",
        longitude=f"{parcel.longitude:.6f}",
        requested_by=requester.full_name or requester.email,
        issued_on=_local_date(issued_at),
        zones=[
            documents.CertificateZone(
                code=area.code,
                name=area.name_en if english else area.name_fr,
                text=area.text_en if english else area.text_fr,
            )
            for area in selectors.zoning_of(parcel)
        ],
        permits=[
            documents.CertificatePermit(
                reference=reference, procedure=name_en if english else name_fr, decided_on=_local_date(at)
            )
            for reference, name_fr, name_en, at in permits
        ],
    )


def _tell_requester(request: CertificateRequest, *, event: str) -> None:
    """Whoever asked hears of the outcome even after leaving the page that was waiting for it."""
    notify(
        event=event,
        recipients=[request.requested_by],
        context={"parcel": request.parcel.reference},
        url="/certificates",
    )


@transaction.atomic
def certificate_issue(*, request_id: Any) -> CertificateRequest | None:
    """Draws and seals the certificate of a pending request and marks it ready. Runs again
    harmlessly: the request is locked, and one no longer pending is left as it is (sealed once)."""
    request = (
        CertificateRequest.objects.select_for_update(of=("self",))
        .select_related("parcel__organisation", "requested_by")
        .filter(pk=request_id)
        .first()
    )
    if request is None or request.status != CertificateStatus.PENDING:
        return request
    now = timezone.now()
    code = signature_services.new_verification_code()
    drawn = documents.certificate_pdf(certificate_facts(request, issued_at=now), code=code, language=request.language)
    with translation.override(request.language):
        title = gettext("Urban-planning information certificate %(parcel)s") % {"parcel": request.parcel.reference}
    document = signature_services.sealed_document_create(
        actor=request.requested_by,
        kind=DocumentKind.CERTIFICATE,
        organisation=request.parcel.organisation,
        title=title,
        language=request.language,
        code=code,
        drawn=drawn,
    )
    request.status, request.document, request.ready_at = CertificateStatus.READY, document, document.signed_at
    request.save(update_fields=["status", "document", "ready_at"])
    audit_record(
        actor=None,
        action="certificate.issued",
        object_type="certificate_request",
        object_id=request.id,
        after={"document": document.id, "code": document.code, "sha256": document.sha256},
    )
    _tell_requester(request, event="certificate.ready")
    return request


@transaction.atomic
def certificate_mark_failed(*, request_id: Any, reason: str) -> None:
    """Every try failed: the requester sees it failed instead of waiting for ever."""
    request = (
        CertificateRequest.objects.select_for_update(of=("self",))
        .select_related("parcel", "requested_by")
        .filter(pk=request_id)
        .first()
    )
    if request is None or request.status != CertificateStatus.PENDING:
        return
    request.status, request.failure = CertificateStatus.FAILED, reason[:300]
    request.save(update_fields=["status", "failure"])
    audit_record(
        actor=None,
        action="certificate.failed",
        object_type="certificate_request",
        object_id=request.id,
        after={"reason": request.failure},
    )
    _tell_requester(request, event="certificate.failed")
