"""How the service performs, per commission, procedure type and month: what the open data shows.

Each dossier counts under the commission that examined it (its latest booking's, else the one that
recorded its opinion; none while it has neither). Received counts a month's submissions; decided,
granted, refused, processing days and the share in legal time count a month's decisions; the
booking lead time counts the month's sessions.
"""

from __future__ import annotations

import statistics
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from agenda.models import Booking
from commissions.models import Commission, CommissionOpinion
from dossiers.deadlines import decision_due_dates
from dossiers.models import Decision, Dossier
from portal.models import IndicatorRefresh, IndicatorRow

GRANTED = {"granted", "granted_with_conditions"}
CHUNK = 5000


@dataclass
class _Bucket:
    received: int = 0
    decided: int = 0
    granted: int = 0
    refused: int = 0
    days: list[float] = field(default_factory=list)
    in_time: int = 0
    timed: int = 0
    leads: list[float] = field(default_factory=list)


def _uuid(value: Any) -> uuid.UUID | None:
    """A commission id as the database gave it back (a UUID, or its text on SQLite)."""
    return None if value is None else value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _local_month(moment: datetime) -> date:
    local = moment.astimezone(ZoneInfo(settings.URBADESK["LOCAL_TIME_ZONE"]))
    return local.date().replace(day=1)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    rank = share * (len(ordered) - 1)
    low, high = int(rank), min(int(rank) + 1, len(ordered) - 1)
    return round(ordered[low] + (ordered[high] - ordered[low]) * (rank - low), 1)


def _dossiers() -> Iterable[list[Dossier]]:
    """Submitted dossiers with their commission, in chunks (the refresh reads them all)."""
    booked = Booking.objects.filter(dossier=OuterRef("pk")).order_by("-created_at").values("slot__session__commission")
    opined = CommissionOpinion.objects.filter(dossier=OuterRef("pk")).order_by("-recorded_at").values("commission")
    queryset = (
        Dossier.objects.filter(submitted_at__isnull=False)
        .annotate(examined_by=Coalesce(Subquery(booked[:1]), Subquery(opined[:1])))
        .only("id", "procedure_type_id", "submitted_at", "completed_at", "organisation_id")
        .order_by("pk")
    )
    chunk: list[Dossier] = []
    for dossier in queryset.iterator(chunk_size=CHUNK):
        chunk.append(dossier)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def compute() -> tuple[dict[tuple[Any, str, date], _Bucket], int]:
    buckets: dict[tuple[Any, str, date], _Bucket] = defaultdict(_Bucket)
    counted = 0
    for chunk in _dossiers():
        counted += len(chunk)
        decisions = {
            d.dossier_id: d
            for d in Decision.objects.filter(dossier__in=[x.pk for x in chunk]).only(
                "dossier_id", "value", "decided_at"
            )
        }
        due = decision_due_dates(x for x in chunk if x.pk in decisions)
        for dossier in chunk:
            commission = _uuid(dossier.examined_by)
            buckets[(commission, dossier.procedure_type_id, _local_month(dossier.submitted_at))].received += 1
            decision = decisions.get(dossier.pk)
            if decision is None:
                continue
            bucket = buckets[(commission, dossier.procedure_type_id, _local_month(decision.decided_at))]
            bucket.decided += 1
            bucket.granted += decision.value in GRANTED
            bucket.refused += decision.value == "refused"
            bucket.days.append((decision.decided_at - dossier.submitted_at).total_seconds() / 86400)
            if dossier.pk in due:
                bucket.timed += 1
                local_day = decision.decided_at.astimezone(ZoneInfo(settings.URBADESK["LOCAL_TIME_ZONE"])).date()
                bucket.in_time += local_day <= due[dossier.pk]
    for booking in (
        Booking.objects.filter(dossier__submitted_at__isnull=False, status="active")
        .select_related("slot__session")
        .only("created_at", "dossier__procedure_type_id", "slot__session__commission_id", "slot__starts_at")
        .iterator(chunk_size=CHUNK)
    ):
        key = (
            booking.slot.session.commission_id,
            booking.dossier.procedure_type_id,
            _local_month(booking.slot.starts_at),
        )
        buckets[key].leads.append((booking.slot.starts_at - booking.created_at).total_seconds() / 86400)
    return buckets, counted


def _row(key: tuple[Any, str, date], bucket: _Bucket, names: dict[Any, str], least: int) -> IndicatorRow:
    commission, procedure, month = key
    hidden = []

    def kept(fields: list[str], base: int) -> bool:
        if base and base < least:
            hidden.extend(fields)
            return False
        return bool(base)

    row = IndicatorRow(
        commission_id=commission, commission=names.get(commission, ""), procedure_type=procedure, month=month
    )
    if kept(["received"], bucket.received):
        row.received = bucket.received
    elif not bucket.received:
        row.received = 0
    decided_fields = ["decided", "granted", "refused", "median_days", "p90_days"]
    if kept(decided_fields, bucket.decided):
        row.decided, row.granted, row.refused = bucket.decided, bucket.granted, bucket.refused
        row.median_days = round(statistics.median(bucket.days), 1)
        row.p90_days = _percentile(bucket.days, 0.9)
    elif not bucket.decided:
        row.decided = row.granted = row.refused = 0
    if kept(["within_deadline"], bucket.timed):
        row.within_deadline = round(bucket.in_time / bucket.timed, 3)
    if kept(["booking_lead_days"], len(bucket.leads)):
        row.booking_lead_days = round(statistics.median(bucket.leads), 1)
    row.suppressed = hidden
    return row


def refresh() -> IndicatorRefresh:
    """Computes every indicator again and replaces the published ones in one transaction."""
    started = timezone.now()
    buckets, counted = compute()
    names = dict(Commission.objects.values_list("id", "name"))
    least = settings.URBADESK["OPEN_DATA_MIN_GROUP"]
    rows = [_row(key, bucket, names, least) for key, bucket in buckets.items()]
    with transaction.atomic():
        IndicatorRow.objects.all().delete()
        IndicatorRow.objects.bulk_create(rows, batch_size=2000)
        return IndicatorRefresh.objects.create(
            started_at=started, finished_at=timezone.now(), dossiers=counted, rows=len(rows)
        )
