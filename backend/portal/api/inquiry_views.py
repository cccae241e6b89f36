"""Public inquiries over HTTP: the desk opens one; the public reads open ones and sends
observations; the desk reads the observations (with their authors) and their PDF."""

from __future__ import annotations

from django.conf import settings
from django.db.models import OuterRef
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.openapi import errors
from dossiers import lifecycle
from dossiers import selectors as dossier_selectors
from dossiers.public import of_natural_person
from portal import inquiries, privacy
from portal.api import serializers as s
from portal.api.views import PublicView
from portal.models import Inquiry
from storage.services import get_storage

DESK_ONLY = _("Only the permit desk of the dossier's authority reads the observations.")


def _link(request: Request, key: str, filename: str) -> str:
    url = get_storage().download_url(key, expires_in=settings.URBADESK["DOWNLOAD_URL_TTL_SECONDS"], filename=filename)
    return request.build_absolute_uri(url)


def _inquiry(inquiry: Inquiry, *, count: int | None) -> dict:
    now = timezone.now()
    return {
        "id": inquiry.id,
        "dossier_id": inquiry.dossier_id,
        "opens_at": inquiry.opens_at,
        "closes_at": inquiry.closes_at,
        "notice": inquiry.notice,
        "is_open": inquiry.opens_at <= now < inquiry.closes_at,
        "observations": count,
    }


class DossierInquiryView(APIView):
    @extend_schema(
        operation_id="dossiers_inquiries",
        summary="The dossier's public inquiries",
        description="Their periods; the desk also sees how many observations each received.",
        responses={200: s.InquirySerializer(many=True), **errors(401, 404)},
    )
    def get(self, request: Request, dossier_id) -> Response:
        dossier = dossier_selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        desk = lifecycle.is_desk(request.user, dossier)
        rows = [
            _inquiry(inquiry, count=inquiry.observations.count() if desk else None)
            for inquiry in dossier.inquiries.all()
        ]
        return Response(s.InquirySerializer(rows, many=True).data)

    @extend_schema(
        operation_id="dossiers_inquiry_open",
        summary="Open the dossier's public inquiry",
        description=(
            "For a procedure whose rules require one (409 otherwise, or while one is planned or open): the "
            "project appears on the public portal with the plan versions marked public, and anyone with an "
            "account may send observations until it closes (the server's clock). Its period stops the legal "
            "clock of the dossier."
        ),
        request=s.InquiryOpenSerializer,
        responses={201: s.InquirySerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, dossier_id) -> Response:
        dossier = dossier_selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        serializer = s.InquiryOpenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        inquiry = inquiries.inquiry_open(actor=request.user, dossier=dossier, **serializer.validated_data)
        return Response(s.InquirySerializer(_inquiry(inquiry, count=0)).data, status=201)


class PublicInquiriesView(PublicView):
    @extend_schema(
        operation_id="public_inquiries",
        summary="Public inquiries open now",
        description=(
            "Each project under inquiry with its notice, period and the documents marked public (short-lived "
            "links). A natural person's project shows its street, not its house."
        ),
        responses={200: s.PublicInquirySerializer(many=True), **errors(429)},
    )
    def get(self, request: Request) -> Response:
        now = timezone.now()
        rows = []
        open_now = (
            Inquiry.objects.filter(opens_at__lte=now, closes_at__gt=now)
            .annotate(natural_person=of_natural_person(OuterRef("dossier")))
            .select_related("dossier")
            .prefetch_related("public_versions__plan")
            .order_by("closes_at")
        )
        for inquiry in open_now:
            dossier = inquiry.dossier
            place = privacy.shown(
                {
                    "natural_person": inquiry.natural_person,
                    "address": dossier.address,
                    "latitude": dossier.latitude,
                    "longitude": dossier.longitude,
                }
            )
            rows.append(
                {
                    "id": inquiry.id,
                    "reference": dossier.reference,
                    "procedure_type": dossier.procedure_type_id,
                    "title": dossier.title,
                    "address": place["address"],
                    "latitude": place["latitude"],
                    "longitude": place["longitude"],
                    "opens_at": inquiry.opens_at,
                    "closes_at": inquiry.closes_at,
                    "notice": inquiry.notice,
                    "documents": [
                        {
                            "title": version.plan.title,
                            "version": version.number,
                            "pages": version.page_count,
                            "download_url": _link(request, version.storage_key, version.original_filename),
                        }
                        for version in inquiry.public_versions.all()
                    ],
                }
            )
        return Response(s.PublicInquirySerializer(rows, many=True).data)


class ObservationsView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="inquiry_observation_submit",
        summary="Send an observation or an objection",
        description=(
            "Anyone with an account, while the inquiry is open (409 before it opens or once it has closed, to "
            "the second). Up to 5 attachments (PDF or image, 10 MB each), checked by their content. "
            "Acknowledged by e-mail. Observations are never public."
        ),
        request={"multipart/form-data": s.ObservationSubmitSerializer},
        responses={201: s.ObservationReceiptSerializer, **errors(400, 401, 404, 409, 413, 422)},
    )
    def post(self, request: Request, inquiry_id) -> Response:
        inquiry = Inquiry.objects.filter(pk=inquiry_id).first()
        if inquiry is None:
            raise Http404
        data = {
            "kind": request.data.get("kind"),
            "text": request.data.get("text"),
            "files": request.FILES.getlist("files"),
        }
        serializer = s.ObservationSubmitSerializer(data=data)
        serializer.is_valid(raise_exception=True)
        observation = inquiries.observation_submit(actor=request.user, inquiry=inquiry, **serializer.validated_data)
        return Response(s.ObservationReceiptSerializer(observation).data, status=201)


def _desk_inquiry(request: Request, inquiry_id) -> Inquiry:
    inquiry = Inquiry.objects.filter(pk=inquiry_id).select_related("dossier").first()
    if inquiry is None or not dossier_selectors.visible_dossiers(request.user).filter(pk=inquiry.dossier_id).exists():
        raise Http404
    if not lifecycle.is_desk(request.user, inquiry.dossier):
        raise PermissionDenied(str(DESK_ONLY))
    return inquiry


def _observations(inquiry: Inquiry):
    return inquiry.observations.select_related("author").prefetch_related("attachments").order_by("created_at")


class ObservationListView(ObservationsView):
    @extend_schema(
        operation_id="inquiry_observations",
        summary="The observations of an inquiry",
        description="The desk only: each with its author and attachments.",
        responses={200: s.ObservationSerializer(many=True), **errors(401, 403, 404)},
    )
    def get(self, request: Request, inquiry_id) -> Response:
        inquiry = _desk_inquiry(request, inquiry_id)
        rows = [
            {
                "id": o.id,
                "kind": o.kind,
                "text": o.text,
                "created_at": o.created_at,
                "author_name": o.author.full_name,
                "author_email": o.author.email,
                "attachments": [
                    {
                        "filename": a.filename,
                        "media_type": a.media_type,
                        "size": a.size,
                        "download_url": _link(request, a.storage_key, a.filename),
                    }
                    for a in o.attachments.all()
                ],
            }
            for o in _observations(inquiry)
        ]
        return Response(s.ObservationSerializer(rows, many=True).data)


class ObservationsPdfView(APIView):
    @extend_schema(
        operation_id="inquiry_observations_pdf",
        summary="The observations as a PDF, for the file and the commission",
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, **errors(401, 403, 404)},
    )
    def get(self, request: Request, inquiry_id) -> HttpResponse:
        inquiry = _desk_inquiry(request, inquiry_id)
        pdf = inquiries.observations_pdf(inquiry, list(_observations(inquiry)), language=request.LANGUAGE_CODE or "fr")
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="observations-{inquiry.dossier.reference}.pdf"'
        return response
