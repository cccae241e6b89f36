"""Signed documents: prepare, list, sign in turn, withdraw; and the public verification."""

from __future__ import annotations

import hashlib
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from agenda import selectors as agenda_selectors
from commissions.selectors import can_manage_commission
from config.exceptions import DomainError
from config.openapi import errors
from dossiers import lifecycle
from dossiers import selectors as dossier_selectors
from signatures import pdfsign, pki, selectors, services
from signatures.api import serializers as s
from signatures.models import Document, DocumentKind, DocumentStatus
from storage.base import iter_chunks

TOO_LARGE = _("The file is larger than %(limit)s MB.")
NOT_A_PDF = _("This file is not a PDF document.")
TOO_MANY_SIGNATURES = _("This PDF has more than %(limit)s signature fields; no document of ours has as many.")
UNKNOWN_SIGNER = _("No such person: %(id)s.")


def _signer_choices(request: Request) -> list[services.SignerChoice]:
    serializer = s.PrepareDocumentSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    chosen = serializer.validated_data.get("signers") or []
    people = get_user_model().objects.in_bulk([c["user"] for c in chosen])
    for choice in chosen:
        if choice["user"] not in people:
            message = str(UNKNOWN_SIGNER) % {"id": choice["user"]}
            raise DomainError(message, errors={"signers": [message]})
    return [services.SignerChoice(people[c["user"]], c["role"]) for c in chosen]


def _prepared(request: Request, dossier_id, prepare) -> Response:
    dossier = dossier_selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
    signers = _signer_choices(request)
    document = prepare(actor=request.user, dossier=dossier, signers=signers or None)
    document = selectors.document_list(user=request.user).get(pk=document.pk)
    return Response(s.DocumentSerializer(document, context={"request": request}).data, status=201)


class DecisionDocumentView(APIView):
    @extend_schema(
        operation_id="dossiers_decision_document",
        summary="Prepare the decision's document for signature",
        description=(
            "Draws the recorded decision as a PDF (with the procedure's legal mentions, the verification link "
            "and its QR code, and a box per signer) and asks the first signer to sign. The permit desk only; "
            "409 before the decision is recorded or when a document is already being signed."
        ),
        request=s.PrepareDocumentSerializer,
        responses={201: s.DocumentSerializer, **errors(400, 401, 403, 404, 409, 503)},
    )
    def post(self, request: Request, dossier_id) -> Response:
        return _prepared(request, dossier_id, services.decision_document_prepare)


class AuthorisedPlansView(APIView):
    @extend_schema(
        operation_id="dossiers_authorised_plans",
        summary="Stamp the final plans and prepare them for signature",
        description=(
            'Every page of the latest ready version of each plan gets the stamp (e.g. "APPROUVÉ — PC-2026-000123 — '
            '2026-12-01", vector, not re-rasterised) and the verification QR code; a cover lists the sheets with '
            "their fingerprints and holds the signers' boxes. Each signer then signs the whole set once. 409 when "
            "the permit is not granted, no plan is ready, or the set is already being signed."
        ),
        request=s.PrepareDocumentSerializer,
        responses={201: s.DocumentSerializer, **errors(400, 401, 403, 404, 409, 503)},
    )
    def post(self, request: Request, dossier_id) -> Response:
        return _prepared(request, dossier_id, services.authorised_plans_prepare)


class SessionMinutesView(APIView):
    @extend_schema(
        operation_id="sessions_minutes",
        summary="Draw up a session's minutes for signature",
        description=(
            "The minutes (procès-verbal) in the commission's language: who sat and the body each represents, "
            "and for each dossier on the agenda the members' opinions with their reasons and conditions and "
            "the commission's opinion. Signed by the chair then the secretary who sat, unless `signers` says "
            "otherwise (members present only). 409 before attendance is recorded, or when minutes are being signed."
        ),
        request=s.PrepareDocumentSerializer,
        responses={201: s.DocumentSerializer, **errors(400, 401, 403, 404, 409, 503)},
    )
    def post(self, request: Request, session_id) -> Response:
        session = agenda_selectors.session_get_for_user(user=request.user, session_id=session_id)
        signers = _signer_choices(request)
        document = services.minutes_prepare(actor=request.user, session=session, signers=signers or None)
        document = selectors.document_list(user=request.user).get(pk=document.pk)
        return Response(s.DocumentSerializer(document, context={"request": request}).data, status=201)


class DossierSignerCandidatesView(APIView):
    @extend_schema(
        operation_id="dossiers_signer_candidates",
        summary="Who may sign the dossier's documents",
        description=(
            "The people the desk may name in `signers` when it prepares the decision's document or the "
            "authorised plans: the active signing authorities and desk agents of the dossier's authority. "
            "Those who sign when `signers` is left out come first, in signing order, marked `default`; each "
            "comes with a suggested capacity in the document's language. The permit desk only."
        ),
        responses={200: s.SignerCandidateSerializer(many=True), **errors(401, 403, 404)},
    )
    def get(self, request: Request, dossier_id) -> Response:
        dossier = dossier_selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        if not lifecycle.is_desk(request.user, dossier):
            raise PermissionDenied(str(services.NOT_THE_DESK))
        candidates = selectors.dossier_signer_candidates(dossier=dossier)
        return Response(s.SignerCandidateSerializer(candidates, many=True).data)


class SessionSignerCandidatesView(APIView):
    @extend_schema(
        operation_id="sessions_signer_candidates",
        summary="Who may sign a session's minutes",
        description=(
            "The members marked present at the session, the only people the desk may name in `signers` "
            "for its minutes. The chair then the secretary who sat come first, marked `default`: they sign "
            "when `signers` is left out. Each comes with their seat's role as suggested capacity, in the "
            "commission's language. The desk of the commission's authority only."
        ),
        responses={200: s.SignerCandidateSerializer(many=True), **errors(401, 403, 404)},
    )
    def get(self, request: Request, session_id) -> Response:
        session = agenda_selectors.session_get_for_user(user=request.user, session_id=session_id)
        if not can_manage_commission(request.user, session.commission):
            raise PermissionDenied(str(services.NOT_THE_COMMISSION_DESK))
        candidates = selectors.session_signer_candidates(session=session)
        return Response(s.SignerCandidateSerializer(candidates, many=True).data)


class DossierDocumentsView(generics.ListAPIView):
    serializer_class = s.DocumentSerializer
    filter_backends: list = []

    def get_queryset(self):
        dossier = dossier_selectors.dossier_get_for_user(user=self.request.user, dossier_id=self.kwargs["dossier_id"])
        return selectors.document_list(user=self.request.user, dossier=dossier)

    @extend_schema(
        operation_id="dossiers_documents",
        summary="The dossier's signed documents",
        description="The applicant's side sees them once signed; the authority, while they are being signed too.",
        responses={200: s.DocumentSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)


class DocumentListView(generics.ListAPIView):
    serializer_class = s.DocumentSerializer
    filter_backends: list = []

    def get_queryset(self):
        if self.request.query_params.get("to_sign") in {"1", "true"}:
            queryset = selectors.documents_to_sign(user=self.request.user)
        else:
            queryset = selectors.document_list(user=self.request.user)
        session = self.request.query_params.get("session")
        if session:
            try:
                queryset = queryset.filter(session_id=uuid.UUID(session))
            except ValueError as error:
                raise ValidationError({"session": ["A session id (UUID)."]}) from error
        return queryset

    @extend_schema(
        operation_id="documents_list",
        summary="Signed documents",
        description=(
            "The documents you can see; `?to_sign=true`: those waiting for your signature now; "
            "`?session=<id>`: a session's minutes."
        ),
        parameters=[OpenApiParameter("to_sign", OpenApiTypes.BOOL), OpenApiParameter("session", OpenApiTypes.UUID)],
        responses={200: s.DocumentSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)


class DocumentDetailView(APIView):
    @extend_schema(
        operation_id="documents_retrieve",
        summary="Get a signed document",
        responses={200: s.DocumentSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, document_id) -> Response:
        document = selectors.document_get_for_user(user=request.user, document_id=document_id)
        return Response(s.DocumentSerializer(document, context={"request": request}).data)


class DocumentSignView(APIView):
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "sign"

    @extend_schema(
        operation_id="documents_sign",
        summary="Sign a document",
        description=(
            "Adds your PAdES signature (an incremental update; earlier signatures stay valid) with a visible "
            "block, when it is your turn. Confirm with your password, and send the `sha256` of the version you "
            "read: 409 if the document changed since. 403 if you are not among its signers; 409 twice or out "
            "of turn; 503 if keys or a required timestamping service are unavailable."
        ),
        request=s.SignSerializer,
        responses={200: s.DocumentSerializer, **errors(400, 401, 403, 404, 409, 429, 503)},
    )
    def post(self, request: Request, document_id) -> Response:
        document = selectors.document_get_for_user(user=request.user, document_id=document_id)
        serializer = s.SignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.document_sign(actor=request.user, document=document, **serializer.validated_data)
        document = selectors.document_list(user=request.user).get(pk=document.pk)
        return Response(s.DocumentSerializer(document, context={"request": request}).data)


class DocumentWithdrawView(APIView):
    @extend_schema(
        operation_id="documents_withdraw",
        summary="Withdraw a document not yet fully signed",
        description="The desk withdraws it (e.g. to correct it) and may prepare it again.",
        request=None,
        responses={200: s.DocumentSerializer, **errors(401, 403, 404, 409)},
    )
    def post(self, request: Request, document_id) -> Response:
        document = selectors.document_get_for_user(user=request.user, document_id=document_id)
        document = services.document_withdraw(actor=request.user, document=document)
        return Response(s.DocumentSerializer(document, context={"request": request}).data)


SEAL_ROLE = _("Electronic seal of the platform")


def _signers(document: Document) -> list[dict]:
    """Who signed, in order; a document the platform sealed on its own names its seal."""
    if document.kind == DocumentKind.CERTIFICATE:
        return [{"name": pki.SEAL_NAME, "role": str(SEAL_ROLE), "signed_at": document.signed_at}]
    return [
        {"name": signer.user.full_name or signer.user.email, "role": signer.role, "signed_at": signer.signed_at}
        for signer in document.signers.all()
    ]


def _public(document: Document | None) -> dict | None:
    if document is None:
        return None
    return {
        "code": document.code,
        "kind": document.kind,
        "title": document.title,
        "status": document.status,
        "sha256": document.sha256,
        "pages": document.pages,
        "created_at": document.created_at,
        "signed_at": document.signed_at,
        "signers": _signers(document),
    }


def _verdict(reports: list[pdfsign.SignatureReport]) -> str:
    if not reports:
        return "unsigned"
    if not all(r.intact and r.valid for r in reports):
        return "altered" if any(not r.intact for r in reports) else "invalid"
    if not all(r.covers_document for r in reports):
        return "altered"
    return "valid" if all(r.trusted for r in reports) else "untrusted"


class VerifyUploadView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    parser_classes = [MultiPartParser]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "verify"

    @extend_schema(
        operation_id="verify_upload",
        summary="Check the signatures of a PDF",
        description=(
            "Anyone may upload a PDF: each signature's signer, time, integrity and trust, and a verdict "
            "(`altered` when the file changed after a signature). Nothing is kept."
        ),
        request={"multipart/form-data": s.VerifyUploadSerializer},
        responses={200: s.VerificationSerializer, **errors(400, 413, 415, 429)},
    )
    def post(self, request: Request) -> Response:
        serializer = s.VerifyUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data["file"]
        limit = settings.URBADESK["MAX_UPLOAD_BYTES"]
        if upload.size > limit:
            raise FileTooLarge(str(TOO_LARGE) % {"limit": limit // (1024 * 1024)})
        try:
            reports = pdfsign.verify(upload.file, source=pki.key_source())
        except pdfsign.NotAPdf as error:
            raise DomainError(str(NOT_A_PDF), errors={"file": [str(NOT_A_PDF)]}) from error
        except pdfsign.TooManySignatures as error:
            message = str(TOO_MANY_SIGNATURES) % {"limit": pdfsign.MAX_SIGNATURES}
            raise DomainError(message, errors={"file": [message]}) from error
        document = selectors.document_by_sha256(_sha256(upload.file))
        body = {
            "verdict": _verdict(reports),
            "signatures": [report.__dict__ for report in reports],
            "document": _public(document),
            "latest": document is not None,
        }
        return Response(s.VerificationSerializer(body).data)


def _sha256(stream) -> str:
    digest = hashlib.sha256()
    stream.seek(0)
    for chunk in iter_chunks(stream):
        digest.update(chunk)
    return digest.hexdigest()


class FileTooLarge(DomainError):
    status_code = 413
    error_type = "too_large"
    title = _("Too large")


class VerifyCodeView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "verify"

    @extend_schema(
        operation_id="verify_code",
        summary="A signed document by its verification code",
        description="What the QR code of a document points to: its signers, their times and its fingerprint.",
        responses={200: s.PublicDocumentSerializer, **errors(404, 429)},
    )
    def get(self, request: Request, code: str) -> Response:
        document = selectors.document_by_code(code)
        if document is None or document.status == DocumentStatus.WITHDRAWN:
            raise Http404
        return Response(s.PublicDocumentSerializer(_public(document)).data)
