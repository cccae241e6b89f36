"""Legal deadlines (délais de rigueur): when the current phase of a dossier must end.

The completeness check runs from submission, the decision from the day the dossier was declared
complete; time spent waiting for the applicant (complements or changes) does not count. Days are
calendar days, or business days (Monday to Friday, without the closed days that the agenda app
provides through `register_closed_days`, since dossiers does not import agenda).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from dossiers.models import DayKind, DeadlinePhase, DeadlineRule, Dossier, DossierStatus

S = DossierStatus
COMPLETENESS_STATUSES = {S.SUBMITTED, S.COMPLETENESS_CHECK}
DECISION_STATUSES = {S.UNDER_REVIEW, S.COMMISSION_OPINION}
# Reaching this many days left, a dossier is "at risk" on the desk's list.
AT_RISK_DAYS = 5
MAX_DAYS = 3650  # a rule longer than ten years is a typing error, not a deadline

ClosedDays = Callable[[Iterable[Dossier]], dict[object, set[date]]]
_closed_days_providers: list[ClosedDays] = []


def register_closed_days(provider: ClosedDays) -> None:
    """An app that knows closed days (the agenda's public holidays and commission closures)
    gives them per dossier: `provider(dossiers) -> {dossier.pk: {date, …}}`, in few queries."""
    _closed_days_providers.append(provider)


# Other periods that stop the clock (a public inquiry), given by the app that knows them.
Suspensions = Callable[[list[Dossier]], dict[object, list[tuple[date, date | None]]]]
_suspension_providers: list[Suspensions] = []


def register_suspensions(provider: Suspensions) -> None:
    if provider not in _suspension_providers:
        _suspension_providers.append(provider)


def _local(moment: datetime) -> date:
    return moment.astimezone(ZoneInfo(settings.URBADESK["LOCAL_TIME_ZONE"])).date()


def due_date(
    *,
    start: date,
    days: int,
    day_kind: str,
    closed: set[date] = frozenset(),  # type: ignore[assignment]
    suspensions: Iterable[tuple[date, date | None]] = (),
    today: date,
) -> date:
    """The last day of a period of `days` counted from the day after `start`, skipping days in a
    suspension (an open one runs to `today`) and, for business days, weekends and closed days."""
    periods = [(begin, end or today) for begin, end in suspensions]

    def counts(day: date) -> bool:
        if any(begin < day <= end for begin, end in periods):
            return False
        return not (day_kind == DayKind.BUSINESS and (day.weekday() >= 5 or day in closed))

    day, counted = start, 0
    for _ in range(MAX_DAYS * 3):
        if counted >= min(days, MAX_DAYS):
            break
        day += timedelta(days=1)
        counted += counts(day)
    return day


@dataclass(frozen=True)
class Deadline:
    phase: str
    due_date: date
    days_left: int
    suspended: bool
    on_silence: str

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def at_risk(self) -> bool:
        return not self.suspended and 0 <= self.days_left <= AT_RISK_DAYS


def _phase(dossier: Dossier) -> tuple[str, datetime] | None:
    if dossier.completed_at and (dossier.status in DECISION_STATUSES or dossier.status == S.AWAITING_COMPLEMENTS):
        return DeadlinePhase.DECISION, dossier.completed_at
    if dossier.submitted_at and (dossier.status in COMPLETENESS_STATUSES or dossier.status == S.AWAITING_COMPLEMENTS):
        return DeadlinePhase.COMPLETENESS, dossier.submitted_at
    return None


@dataclass(frozen=True)
class _Context:
    rules: dict
    suspensions: dict
    closed: dict


def _context(dossiers: list[Dossier]) -> _Context:
    """The rules, the applicant requests (which stop the clock) and the closed days of these
    dossiers, each read once."""
    from dossiers.models import ApplicantRequest

    rules = {
        (r.procedure_type_id, r.phase): r
        for r in DeadlineRule.objects.filter(procedure_type__in={d.procedure_type_id for d in dossiers})
    }
    suspensions: dict[object, list[tuple[date, date | None]]] = {}
    for request in ApplicantRequest.objects.filter(dossier__in=[d.pk for d in dossiers]).only(
        "dossier_id", "requested_at", "answered_at"
    ):
        suspensions.setdefault(request.dossier_id, []).append(
            (_local(request.requested_at), _local(request.answered_at) if request.answered_at else None)
        )
    for provider in _suspension_providers:
        for pk, periods in provider(dossiers).items():
            suspensions.setdefault(pk, []).extend(periods)
    closed: dict[object, set[date]] = {}
    for provider in _closed_days_providers:
        for pk, days in provider(dossiers).items():
            closed.setdefault(pk, set()).update(days)
    return _Context(rules, suspensions, closed)


def _due(context: _Context, dossier: Dossier, phase: str, started: datetime, today: date) -> tuple[date, Any] | None:
    rule = context.rules.get((dossier.procedure_type_id, phase))
    if rule is None:
        return None
    start = _local(started)
    periods = [p for p in context.suspensions.get(dossier.pk, []) if p[1] is None or p[1] > start]
    due = due_date(
        start=start,
        days=rule.days,
        day_kind=rule.day_kind,
        closed=context.closed.get(dossier.pk, set()),
        suspensions=periods,
        today=today,
    )
    return due, rule


def deadlines_for(dossiers: Iterable[Dossier], *, today: date | None = None) -> dict[object, Deadline]:
    """Each dossier's current deadline (those with none are left out). A constant number of
    queries for any number of dossiers: rules, requests and closed days are read once."""
    dossiers = list(dossiers)
    today = today or _local(timezone.now())
    phases = {d.pk: p for d in dossiers if (p := _phase(d))}
    if not phases:
        return {}
    context = _context([d for d in dossiers if d.pk in phases])
    result = {}
    for dossier in dossiers:
        phase = phases.get(dossier.pk)
        found = _due(context, dossier, phase[0], phase[1], today) if phase else None
        if found is None:
            continue
        due, rule = found
        result[dossier.pk] = Deadline(
            phase=phase[0],
            due_date=due,
            days_left=(due - today).days,
            suspended=dossier.status == S.AWAITING_COMPLEMENTS,
            on_silence=rule.on_silence if phase[0] == DeadlinePhase.DECISION else "",
        )
    return result


def decision_due_dates(dossiers: Iterable[Dossier]) -> dict[object, date]:
    """The legal decision date of dossiers declared complete, whatever became of them since (for
    the open data's share of decisions taken in time)."""
    complete = [d for d in dossiers if d.completed_at]
    if not complete:
        return {}
    context = _context(complete)
    today = _local(timezone.now())
    found = {d.pk: _due(context, d, DeadlinePhase.DECISION, d.completed_at, today) for d in complete}
    return {pk: value[0] for pk, value in found.items() if value is not None}


def deadline_of(dossier: Dossier, *, today: date | None = None) -> Deadline | None:
    return deadlines_for([dossier], today=today).get(dossier.pk)
