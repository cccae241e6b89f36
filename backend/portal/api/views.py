"""Public, without an account: the authorised projects as GeoJSON (RFC 7946) and CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from config.openapi import errors
from config.throttling import PublicView
from portal import privacy, selectors
from portal.api import serializers as s

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


class CsvEcho:
    """A file-like object whose write returns the line, so csv.writer can feed a streaming response."""

    def write(self, value: str) -> str:
        return value


def _csv_rows(rows) -> Iterator[str]:
    writer = csv.writer(CsvEcho())
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
        description="The base layer's tile URL and credit (configured by the operator), the procedure types and the commissions.",
        responses={200: s.MapConfigSerializer, **errors(429)},
    )
    def get(self, request: Request) -> Response:
        procedures = apps.get_model("dossiers", "ProcedureType").objects.filter(is_active=True).order_by("position")
        return Response(
            {
                "tile_url": settings.URBADESK["MAP_TILE_URL"],
                "attribution": settings.URBADESK["MAP_ATTRIBUTION"],
                "procedure_types": list(procedures.values("code", "name_fr", "name_en")),
                "commissions": [
                    {"id": str(pk), "name": name}
                    for pk, name in apps.get_model("commissions", "Commission")
                    .objects.filter(is_active=True)
                    .order_by("name")
                    .values_list("id", "name")
                ],
            }
        )
