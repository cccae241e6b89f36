"""Public, without an account: the authorised projects as GeoJSON (RFC 7946) and CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from audit.services import audit_record
from config.openapi import errors
from portal import privacy, selectors
from portal.api import serializers as s
from portal.models import IndicatorRefresh, IndicatorRow
from portal.tasks import refresh_indicators

UNKNOWN_COMMISSION = _("No such commission.")
UNKNOWN_PROCEDURE = _("No such procedure type.")
CSV_COLUMNS = (
    "reference",
    "procedure_type",
    "procedure_name_fr",
    "procedure_name_en",
    "decision",
    "decided_at",
    "address",
    "parcel_reference",
    "latitude",
    "longitude",
    "authority",
    "commission",
)
FILTERS = [
    OpenApiParameter("bbox", OpenApiTypes.STR, description="west,south,east,north in degrees (WGS 84)."),
    OpenApiParameter("procedure_type", OpenApiTypes.STR, description="e.g. PC."),
    OpenApiParameter("commission", OpenApiTypes.UUID),
    OpenApiParameter("decided_after", OpenApiTypes.DATE),
    OpenApiParameter("decided_before", OpenApiTypes.DATE),
]


def _criteria(request: Request) -> tuple[selectors.ProjectFilter, dict[str, Any]]:
    query = s.ProjectQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    data = query.validated_data
    if (
        data.get("commission")
        and not apps.get_model("commissions", "Commission").objects.filter(pk=data["commission"]).exists()
    ):
        raise ValidationError({"commission": [str(UNKNOWN_COMMISSION)]})
    if (
        data.get("procedure_type")
        and not apps.get_model("dossiers", "ProcedureType").objects.filter(pk=data["procedure_type"]).exists()
    ):
        raise ValidationError({"procedure_type": [str(UNKNOWN_PROCEDURE)]})
    criteria = selectors.ProjectFilter(
        bbox=data.get("bbox"),
        procedure_type=data.get("procedure_type"),
        commission=data.get("commission"),
        decided_after=data.get("decided_after"),
        decided_before=data.get("decided_before"),
    )
    return criteria, data


def _feature(row: dict) -> dict:
    row = privacy.shown(row)
    placed = row["latitude"] is not None and row["longitude"] is not None
    return {
        "type": "Feature",
        "id": row["reference"],
        "geometry": {"type": "Point", "coordinates": [float(row["longitude"]), float(row["latitude"])]}
        if placed
        else None,
        "properties": {
            "reference": row["reference"],
            "procedure_type": row["procedure_type"],
            "procedure_name_fr": row["procedure_name_fr"],
            "procedure_name_en": row["procedure_name_en"],
            "decision": row["decision"],
            "decided_at": row["decided_at"].date().isoformat(),
            "address": row["address"],
            "parcel_reference": row["parcel_reference"],
            "authority": row["authority"],
            "commission": row["commission"],
        },
    }


class GeoJsonRenderer(JSONRenderer):
    media_type = "application/geo+json"
    format = "geojson"


class PublicView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "public"


class ProjectsGeoJsonView(PublicView):
    renderer_classes = [JSONRenderer, GeoJsonRenderer]

    @extend_schema(
        operation_id="public_projects",
        summary="Authorised projects (GeoJSON)",
        description=(
            "Granted permits as an RFC 7946 FeatureCollection, newest decision first; a project appears as soon "
            "as its decision is recorded. `bbox` keeps those placed inside the box (the map's view). Paginated "
            "with `page`/`page_size` (at most 1000): `numberMatched`, `numberReturned` and a `next` link. No "
            "personal data: a natural person's project shows its street, not its house, unless the operator "
            "allows exact addresses."
        ),
        parameters=[
            *FILTERS,
            OpenApiParameter("page", OpenApiTypes.INT),
            OpenApiParameter("page_size", OpenApiTypes.INT, description=f"1 to {s.MAX_PAGE_SIZE}."),
        ],
        responses={
            (200, "application/geo+json"): OpenApiResponse(s.ProjectCollectionSerializer),
            **errors(400, 429),
        },
    )
    def get(self, request: Request) -> Response:
        criteria, data = _criteria(request)
        rows = selectors.authorised_projects(criteria)
        page, size = data["page"], data["page_size"]
        matched = rows.count()
        features = [_feature(row) for row in rows[(page - 1) * size : page * size]]
        links = []
        if page * size < matched:
            query = {**request.query_params.dict(), "page": page + 1, "page_size": size}
            links.append(
                {
                    "rel": "next",
                    "href": request.build_absolute_uri(f"{request.path}?{urlencode(query)}"),
                    "type": "application/geo+json",
                }
            )
        body = {
            "type": "FeatureCollection",
            "features": features,
            "numberMatched": matched,
            "numberReturned": len(features),
            "links": links,
        }
        return Response(body, content_type="application/geo+json")


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_rows(rows) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)  # a BOM, so spreadsheets read the accents right
    for row in rows.iterator(chunk_size=2000):
        shown = privacy.shown(row)
        shown["decided_at"] = row["decided_at"].date().isoformat()
        yield writer.writerow([shown[column] if shown[column] is not None else "" for column in CSV_COLUMNS])


class ProjectsCsvView(PublicView):
    @extend_schema(
        operation_id="public_projects_csv",
        summary="Authorised projects (CSV)",
        description="The same projects and filters as the GeoJSON, every one, as UTF-8 CSV.",
        parameters=FILTERS,
        responses={(200, "text/csv"): OpenApiTypes.STR, **errors(400, 429)},
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        criteria, _data = _criteria(request)
        response = StreamingHttpResponse(
            _csv_rows(selectors.authorised_projects(criteria)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="authorised-projects.csv"'
        return response


class MapConfigView(PublicView):
    @extend_schema(
        operation_id="public_map_config",
        summary="What the public map needs",
        description="The base layer's tile URL and credit (configured by the operator), and the procedure types.",
        responses={200: s.MapConfigSerializer, **errors(429)},
    )
    def get(self, request: Request) -> Response:
        procedures = apps.get_model("dossiers", "ProcedureType").objects.filter(is_active=True).order_by("position")
        return Response(
            {
                "tile_url": settings.URBADESK["MAP_TILE_URL"],
                "attribution": settings.URBADESK["MAP_ATTRIBUTION"],
                "procedure_types": list(procedures.values("code", "name_fr", "name_en")),
            }
        )


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
    writer = csv.writer(_Echo())
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
