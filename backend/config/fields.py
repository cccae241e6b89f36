"""Serializer fields shared by the apps."""

from __future__ import annotations

from datetime import datetime
from operator import attrgetter
from typing import Any
from zoneinfo import ZoneInfo

from rest_framework import serializers


def zoned_iso(value: datetime | None, zone: str) -> str | None:
    """ISO 8601 with the zone's UTC offset, e.g. 2026-12-01T09:00:00+01:00 (never "Z").

    The instant is unchanged; the wall-clock digits are those of the server's time-zone database,
    which clients can show as they are. Browsers carry their own copy of that database, and some
    lag behind a country's changes (a Chromium build puts Africa/Casablanca at UTC+0 in December
    2026 where the IANA database says UTC+1): converting an instant to local time in the browser
    would then show a sitting an hour early.
    """
    if value is None:
        return None
    return value.astimezone(ZoneInfo(zone)).isoformat()


class ZonedDateTimeField(serializers.DateTimeField):
    """A read-only date-time written in the time zone found at `zone` (a dotted attribute path
    from the serialised object, e.g. "session.commission.timezone")."""

    def __init__(self, *, zone: str, **kwargs: Any) -> None:
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)
        self.zone = attrgetter(zone)

    def get_attribute(self, instance: Any) -> Any:
        value = super().get_attribute(instance)
        return (value, self.zone(instance)) if value is not None else None

    def to_representation(self, value: Any) -> str | None:
        instant, zone = value
        return zoned_iso(instant, zone)
