"""Pure time arithmetic of planning: which days a rule sits, and the UTC bounds of its slots.

Rules are written in the commission's local time (e.g. 09:00 in Africa/Casablanca); the
database stores UTC. Nothing here touches the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class RuleShape:
    weekdays: tuple[int, ...]  # ISO: 1 = Monday … 7 = Sunday
    start_time: time
    end_time: time
    slot_minutes: int
    valid_from: date
    valid_until: date | None


def minutes_between(start: time, end: time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def slots_fit(start: time, end: time, slot_minutes: int) -> bool:
    """True when the opening hours hold a whole, positive number of slots."""
    span = minutes_between(start, end)
    return slot_minutes > 0 and span >= slot_minutes and span % slot_minutes == 0


def rules_overlap(a: RuleShape, b: RuleShape) -> bool:
    """Two rules clash if they share a weekday, a validity day and an hour."""
    if not set(a.weekdays) & set(b.weekdays):
        return False
    a_end = a.valid_until or date.max
    b_end = b.valid_until or date.max
    if a.valid_from > b_end or b.valid_from > a_end:
        return False
    return a.start_time < b.end_time and b.start_time < a.end_time


def sitting_days(rule: RuleShape, first: date, last: date, closed: Iterable[date]) -> Iterator[date]:
    """The days in [first, last] on which the rule sits, closed days excluded."""
    closed_days = set(closed)
    day = max(first, rule.valid_from)
    end = min(last, rule.valid_until or last)
    while day <= end:
        if day.isoweekday() in rule.weekdays and day not in closed_days:
            yield day
        day += timedelta(days=1)


def local_to_utc(day: date, at: time, zone: str) -> datetime:
    return datetime.combine(day, at, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def slot_bounds(rule: RuleShape, day: date, zone: str) -> list[tuple[datetime, datetime]]:
    """(start, end) in UTC of each slot of the rule's sitting on `day`."""
    start = datetime.combine(day, rule.start_time, tzinfo=ZoneInfo(zone))
    count = minutes_between(rule.start_time, rule.end_time) // rule.slot_minutes
    step = timedelta(minutes=rule.slot_minutes)
    # Wall-clock arithmetic in the local zone, then UTC: a slot at 10:00 stays at 10:00 local
    # on the day clocks change.
    bounds = []
    for i in range(count):
        local_start = (start.replace(tzinfo=None) + i * step).replace(tzinfo=ZoneInfo(zone))
        local_end = (start.replace(tzinfo=None) + (i + 1) * step).replace(tzinfo=ZoneInfo(zone))
        bounds.append((local_start.astimezone(UTC), local_end.astimezone(UTC)))
    return bounds


def local_today(zone: str, now: datetime) -> date:
    return now.astimezone(ZoneInfo(zone)).date()
