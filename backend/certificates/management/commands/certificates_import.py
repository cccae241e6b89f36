"""Imports parcels or zoning areas from a GeoJSON FeatureCollection (WGS 84), e.g. exported from a
GIS. Existing rows (same reference, or same authority and code) are updated; nothing is written
when any feature is wrong, and the error names the feature."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import Organisation
from certificates import geometry
from certificates.models import Parcel, ZoningArea


def _parcel(authority: Organisation, properties: dict, shape: dict) -> None:
    """A parcel drawn as a Point, or as a Polygon (its outline; its point is then the centroid)."""
    if shape.get("type") == "Point":
        longitude, latitude = shape["coordinates"][:2]
        outline = None
    else:
        geometry.validate(shape, allow_multi=False)
        longitude, latitude = geometry.centroid(shape)
        outline = shape
    Parcel.objects.update_or_create(
        reference=str(properties["reference"]).strip(),
        defaults={
            "organisation": authority,
            "address": str(properties.get("address", "")),
            "latitude": Decimal(f"{latitude:.6f}"),
            "longitude": Decimal(f"{longitude:.6f}"),
            "outline": outline,
        },
    )


def _zoning(authority: Organisation, properties: dict, shape: dict) -> None:
    fields = {key: str(properties[key]) for key in ("name_fr", "name_en", "text_fr", "text_en")}
    ZoningArea.objects.update_or_create(
        organisation=authority, code=str(properties["code"]).strip(), defaults={**fields, "geometry": shape}
    )


class Command(BaseCommand):
    help = "Import parcels or zoning areas of an authority from a GeoJSON FeatureCollection."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("kind", choices=["parcels", "zoning"])
        parser.add_argument("file", type=Path)
        parser.add_argument("--authority", required=True, help="The permitting authority's slug.")

    @transaction.atomic
    def handle(self, *args, kind: str, file: Path, authority: str, **options) -> None:
        organisation = Organisation.objects.filter(slug=authority).first()
        if organisation is None:
            raise CommandError(f"No organisation with the slug {authority!r}.")
        try:
            collection = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"{file}: not a readable JSON file ({error}).") from error
        if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
            raise CommandError(f"{file}: a GeoJSON FeatureCollection is expected.")
        write = _parcel if kind == "parcels" else _zoning
        features = collection.get("features") or []
        for index, feature in enumerate(features):
            try:
                write(organisation, feature.get("properties") or {}, feature.get("geometry") or {})
            except (KeyError, TypeError, ValueError, IndexError, ValidationError, geometry.InvalidGeometry) as error:
                raise CommandError(f"Feature {index}: {error!r}; nothing was imported.") from error
        self.stdout.write(f"Imported {len(features)} {kind} for {organisation.name}.")
