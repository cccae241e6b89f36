"""Open data over HTTP: the indicators as JSON and CSV, the DCAT-AP catalogue, and the refresh an
administrator asks for."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from audit.services import audit_record
from config.openapi import errors
from portal.api import serializers as s
from portal.api.views import UNKNOWN_COMMISSION, CsvEcho, PublicView
from portal.models import IndicatorRefresh, IndicatorRow
from portal.tasks import refresh_indicators


def _indicator_rows(request: Request):
    query = s.IndicatorQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    data = query.validated_data
    rows = IndicatorRow.objects.all()
    if data.get("commission"):
        if not apps.get_model("commissions", "Commission").objects.filter(pk=data["commission"]).exists():
            raise ValidationError({"commission": [str(UNKNOWN_COMMISSION)]})
        rows = rows.filter(commission_id=data["commission"])
    if data.get("procedure_type"):
        rows = rows.filter(procedure_type=data["procedure_type"])
    if data.get("month_from"):
        rows = rows.filter(month__gte=data["month_from"].replace(day=1))
    if data.get("month_to"):
        rows = rows.filter(month__lte=data["month_to"])
    return rows.order_by("month", "commission", "procedure_type")


class IndicatorsView(PublicView, generics.ListAPIView):
    serializer_class = s.IndicatorSerializer
    filter_backends: list = []

    def get_queryset(self):
        return _indicator_rows(self.request)

    @extend_schema(
        operation_id="public_indicators",
        summary="Open data: how the service performs",
        description=(
            "Per commission, procedure type and month: dossiers received, decided, granted and refused; median "
            "and 90th-percentile days from submission to decision; the share decided within the legal "
            "deadline; the median days from booking to session. Refreshed daily. A figure over fewer dossiers "
            "than the operator's threshold is null and named in `suppressed`."
        ),
        parameters=[
            OpenApiParameter("commission", OpenApiTypes.UUID),
            OpenApiParameter("procedure_type", OpenApiTypes.STR),
            OpenApiParameter("month_from", OpenApiTypes.DATE),
            OpenApiParameter("month_to", OpenApiTypes.DATE),
        ],
        responses={200: s.IndicatorSerializer(many=True), **errors(400, 404, 429)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)


INDICATOR_COLUMNS = [name for name in s.IndicatorSerializer.Meta.fields if name != "suppressed"]


def _indicator_csv(rows) -> Iterator[str]:
    writer = csv.writer(CsvEcho())
    yield "\ufeff" + writer.writerow(INDICATOR_COLUMNS)
    for row in rows.iterator(chunk_size=2000):
        values = [getattr(row, name) for name in INDICATOR_COLUMNS]
        yield writer.writerow(["" if value is None else value for value in values])


class IndicatorsCsvView(PublicView):
    @extend_schema(
        operation_id="public_indicators_csv",
        summary="Open data as CSV",
        description="The same indicators and filters, as UTF-8 CSV (an empty cell is a suppressed figure).",
        responses={(200, "text/csv"): OpenApiTypes.STR, **errors(400, 429)},
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        response = StreamingHttpResponse(
            _indicator_csv(_indicator_rows(request)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="urbadesk-indicators.csv"'
        return response


def _temporal() -> dict[str, str] | None:
    first = IndicatorRow.objects.order_by("month").values_list("month", flat=True).first()
    last = IndicatorRow.objects.order_by("-month").values_list("month", flat=True).first()
    if first is None:
        return None
    return {"@type": "dct:PeriodOfTime", "dcat:startDate": first.isoformat(), "dcat:endDate": last.isoformat()}


class CatalogView(PublicView):
    @extend_schema(
        operation_id="public_catalog",
        summary="The open data catalogue (DCAT-AP)",
        description="The datasets (authorised projects; service indicators) in DCAT-AP terms, as JSON-LD.",
        responses={(200, "application/ld+json"): OpenApiTypes.OBJECT, **errors(429)},
    )
    def get(self, request: Request) -> Response:
        base = request.build_absolute_uri("/api/v1/public/")
        last = IndicatorRefresh.objects.first()
        licence = settings.URBADESK["OPEN_DATA_LICENCE"]

        def distribution(path: str, media: str, title: str) -> dict:
            return {
                "@type": "dcat:Distribution",
                "dcat:accessURL": base + path,
                "dcat:mediaType": media,
                "dct:title": title,
                "dct:license": licence,
            }

        datasets = [
            {
                "@type": "dcat:Dataset",
                "@id": base + "projects/",
                "dct:title": [
                    {"@language": "fr", "@value": "Projets autorisés"},
                    {"@language": "en", "@value": "Authorised projects"},
                ],
                "dct:description": [
                    {"@language": "fr", "@value": "Permis accordés : référence, procédure, date, adresse, position."},
                    {"@language": "en", "@value": "Granted permits: reference, procedure, date, address, position."},
                ],
                "dct:license": licence,
                "dct:accrualPeriodicity": "http://publications.europa.eu/resource/authority/frequency/CONT",
                "dcat:distribution": [
                    distribution("projects/", "application/geo+json", "GeoJSON"),
                    distribution("projects.csv", "text/csv", "CSV"),
                ],
            },
            {
                "@type": "dcat:Dataset",
                "@id": base + "indicators/",
                "dct:title": [
                    {"@language": "fr", "@value": "Indicateurs du service"},
                    {"@language": "en", "@value": "Service indicators"},
                ],
                "dct:description": [
                    {
                        "@language": "fr",
                        "@value": "Par commission, procédure et mois : dossiers reçus, décidés, "
                        "accordés, refusés ; délais médian et 90e centile ; part dans le délai légal ; délai de rendez-vous.",
                    },
                    {
                        "@language": "en",
                        "@value": "Per commission, procedure and month: dossiers received, decided, "
                        "granted, refused; median and 90th-percentile days; share in legal time; booking lead time.",
                    },
                ],
                "dct:license": licence,
                "dct:accrualPeriodicity": "http://publications.europa.eu/resource/authority/frequency/DAILY",
                "dct:modified": last.finished_at.isoformat() if last else None,
                "dct:temporal": _temporal(),
                "dcat:distribution": [
                    distribution("indicators/", "application/json", "JSON"),
                    distribution("indicators.csv", "text/csv", "CSV"),
                ],
            },
        ]
        body = {
            "@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/"},
            "@type": "dcat:Catalog",
            "dct:title": [
                {"@language": "fr", "@value": "Données ouvertes d'Urbadesk"},
                {"@language": "en", "@value": "Urbadesk open data"},
            ],
            "dct:publisher": settings.URBADESK["PUBLIC_URL"],
            "dcat:dataset": datasets,
        }
        return Response(body, content_type="application/ld+json")


class IndicatorRefreshView(APIView):
    @extend_schema(
        operation_id="indicators_refresh",
        summary="Refresh the open data now",
        description="Administrators only: queues the computation the daily job runs.",
        request=None,
        responses={202: s.RefreshSerializer, **errors(401, 403)},
    )
    def post(self, request: Request) -> Response:
        if not request.user.is_admin:
            raise PermissionDenied(str(ADMINS_ONLY))
        audit_record(
            actor=request.user, action="indicators.refresh_requested", object_type="indicators", object_id="all"
        )
        transaction.on_commit(refresh_indicators.send)
        last = IndicatorRefresh.objects.first()
        return Response({"queued": True, "last_refresh": last.finished_at if last else None}, status=202)


ADMINS_ONLY = _("Only administrators refresh the open data on demand.")
