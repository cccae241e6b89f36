"""Urban-planning information certificates: find a parcel, ask for its certificate, follow it."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from certificates import selectors, services
from certificates.api import serializers as s
from config.idempotency import IDEMPOTENCY_PARAMETER, idempotent
from config.openapi import errors


class ParcelListView(generics.ListAPIView):
    serializer_class = s.ParcelSerializer
    filter_backends: list = []

    def get_queryset(self):
        query = s.ParcelSearchSerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return selectors.parcel_search(text=query.validated_data.get("search", ""))

    @extend_schema(
        operation_id="parcels_list",
        summary="Find a parcel",
        description="Parcels whose cadastral reference or address contains `search` (any case), by reference.",
        parameters=[OpenApiParameter("search", OpenApiTypes.STR, description="Part of a reference or an address.")],
        responses={200: s.ParcelSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)


class CertificateListView(generics.ListAPIView):
    serializer_class = s.CertificateRequestSerializer
    filter_backends: list = []
    throttle_scope = "certificate"

    def get_queryset(self):
        return selectors.certificate_request_list(user=self.request.user)

    def get_throttles(self) -> list:
        """Only asking for a certificate (drawing and sealing a PDF) counts against the rate."""
        return [ScopedRateThrottle()] if self.request.method == "POST" else []

    @extend_schema(
        operation_id="certificates_list",
        summary="My certificate requests",
        description="The urban-planning information certificates you asked for, newest first.",
        responses={200: s.CertificateRequestSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="certificates_create",
        summary="Ask for an urban-planning information certificate",
        description=(
            "For a parcel (its reference or id): what is known of it, the zoning that applies there and "
            "the permits granted on it, drawn as a PDF in the language asked and sealed with the platform's "
            "electronic seal, at any hour. Answers 202 at once with the request `pending`; poll it until it is "
            "`ready` (with its download and verification links) or `failed`. 400 with an error on `parcel` for "
            "an unknown parcel; 429 past the rate of requests per person (URBADESK_CERTIFICATE_RATE)."
        ),
        request=s.CertificateRequestInputSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
        responses={202: s.CertificateRequestSerializer, **errors(400, 401, 409, 422, 429)},
    )
    @idempotent
    def post(self, request: Request) -> Response:
        body = s.CertificateRequestInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        parcel = selectors.parcel_find(body.validated_data["parcel"])
        if parcel is None:
            raise ValidationError({"parcel": [str(services.UNKNOWN_PARCEL)]})
        created = services.certificate_request_create(
            actor=request.user, parcel=parcel, language=body.validated_data["language"]
        )
        created = selectors.certificate_request_get_for_user(user=request.user, request_id=created.pk)
        return Response(s.CertificateRequestSerializer(created, context={"request": request}).data, status=202)


class CertificateDetailView(APIView):
    @extend_schema(
        operation_id="certificates_retrieve",
        summary="A certificate request",
        description="Its status and, once ready, the sealed PDF's download link and its verification link.",
        responses={200: s.CertificateRequestSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, certificate_id) -> Response:
        found = selectors.certificate_request_get_for_user(user=request.user, request_id=certificate_id)
        return Response(s.CertificateRequestSerializer(found, context={"request": request}).data)
