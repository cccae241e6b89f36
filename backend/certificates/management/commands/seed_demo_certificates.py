"""Demo parcels (those of the demo dossiers and a few more) and two areas of a zoning plan around
them, so a demo login can ask for a certificate at once. Idempotent."""

from __future__ import annotations

from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import Organisation
from certificates.models import Parcel, ZoningArea

AUTHORITY = "casablanca"
PARCELS = [
    # reference, address, latitude, longitude
    ("TF 12345/C", "12 rue des Orangers, Anfa, Casablanca", "33.588300", "-7.632200"),
    ("TF 67890/C", "140 boulevard d'Anfa, Casablanca", "33.590900", "-7.631000"),
    ("TF 24680/C", "8 rue Ibn Toufail, Casablanca", "33.585100", "-7.626400"),
    ("TF 13579/C", "Route d'Azemmour, Dar Bouazza", "33.523400", "-7.821900"),
    ("TF 11111/C", "Parc de la Ligue arabe, Casablanca", "33.587000", "-7.629500"),
]
# A block of Anfa with a public garden cut out of it (a hole), and the garden itself.
GARDEN = [[-7.6305, 33.5860], [-7.6285, 33.5860], [-7.6285, 33.5880], [-7.6305, 33.5880], [-7.6305, 33.5860]]
ANFA = [[-7.6400, 33.5800], [-7.6200, 33.5800], [-7.6200, 33.5950], [-7.6400, 33.5950], [-7.6400, 33.5800]]
AREAS = [
    {
        "code": "R+4",
        "name_fr": "Zone d'immeubles collectifs (Anfa)",
        "name_en": "Multi-storey housing zone (Anfa)",
        "text_fr": (
            "Hauteur maximale : 15,50 m (rez-de-chaussée et quatre étages). Coefficient d'occupation du sol : 2,5. "
            "Recul de 5 m sur voie et de 4 m sur les limites séparatives. Commerce autorisé en rez-de-chaussée."
        ),
        "text_en": (
            "Maximum height: 15.50 m (ground floor and four storeys). Floor area ratio: 2.5. Set back 5 m from "
            "the street and 4 m from the side boundaries. Shops allowed on the ground floor."
        ),
        "geometry": {"type": "Polygon", "coordinates": [ANFA, GARDEN[::-1]]},
    },
    {
        "code": "EV",
        "name_fr": "Espace vert public",
        "name_en": "Public green space",
        "text_fr": "Inconstructible, sauf kiosques et équipements d'agrément de moins de 20 m².",
        "text_en": "No building, except kiosks and amenities of less than 20 m².",
        "geometry": {"type": "Polygon", "coordinates": [GARDEN]},
    },
]


class Command(BaseCommand):
    help = "Create the demo parcels and zoning areas (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        authority = Organisation.objects.filter(slug=AUTHORITY).first()
        if authority is None:
            self.stdout.write("No demo authority: run seed_demo.")
            return
        for reference, address, latitude, longitude in PARCELS:
            Parcel.objects.update_or_create(
                reference=reference,
                defaults={
                    "organisation": authority,
                    "address": address,
                    "latitude": Decimal(latitude),
                    "longitude": Decimal(longitude),
                },
            )
        for area in AREAS:
            ZoningArea.objects.update_or_create(
                organisation=authority, code=area["code"], defaults={k: v for k, v in area.items() if k != "code"}
            )
        self.stdout.write(f"Demo parcels: {len(PARCELS)}; zoning areas: {len(AREAS)}.")
