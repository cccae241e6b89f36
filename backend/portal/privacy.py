"""What the public may see of where a natural person's project is: the street, not the house."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

# A house number at the start ("12", "12 bis", "12-14", "n° 7"), with its comma.
_HOUSE_NUMBER = re.compile(
    r"^\s*(?:n[°o]\s*)?\d+[a-z]?(?:\s*[-/]\s*\d+[a-z]?)?(?:\s+(?:bis|ter|quater))?\s*,?\s*", re.I
)
# Three decimals of a degree: about 110 m north-south, enough to find the street, not the door.
_STREET_PRECISION = Decimal("0.001")


def exact_addresses() -> bool:
    return settings.URBADESK["PUBLIC_EXACT_ADDRESS"]


def street_level(address: str) -> str:
    return _HOUSE_NUMBER.sub("", address, count=1).strip() or address


def coarse(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(_STREET_PRECISION, rounding=ROUND_HALF_UP)


def shown(row: dict) -> dict:
    """The row with a natural person's address and position coarsened, unless the operator allows
    exact addresses."""
    if not row["natural_person"] or exact_addresses():
        return row
    return {
        **row,
        "address": street_level(row["address"]),
        "latitude": coarse(row["latitude"]),
        "longitude": coarse(row["longitude"]),
    }
