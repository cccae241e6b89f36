from decimal import Decimal

import factory

from accounts.tests.factories import OrganisationFactory
from certificates.models import Parcel, ZoningArea


def square(west: float, south: float, side: float) -> list[list[float]]:
    """A closed ring, counter-clockwise, of a square with its lower left corner at (west, south)."""
    return [[west, south], [west + side, south], [west + side, south + side], [west, south + side], [west, south]]


class ParcelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Parcel

    organisation = factory.SubFactory(OrganisationFactory)
    reference = factory.Sequence(lambda n: f"TF {1000 + n}/C")
    address = factory.Sequence(lambda n: f"{n} boulevard d'Anfa, Casablanca")
    latitude = Decimal("33.590000")
    longitude = Decimal("-7.630000")


class ZoningAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ZoningArea

    organisation = factory.SubFactory(OrganisationFactory)
    code = factory.Sequence(lambda n: f"R{n}")
    name_fr = "Zone d'habitat collectif"
    name_en = "Multi-storey housing zone"
    text_fr = "Hauteur maximale : 15 m (R+4). Recul de 5 m sur voie."
    text_en = "Maximum height: 15 m (ground + 4). Set back 5 m from the street."
    geometry = factory.LazyFunction(lambda: {"type": "Polygon", "coordinates": [square(-7.64, 33.58, 0.02)]})
