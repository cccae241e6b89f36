"""The periodic jobs, run in-stack: no cron needed.

The embedded default runs them on a thread of the web process; with Redis, `scripts/serve` (and a
deployment) runs one `manage.py run_schedule` process. Every job is safe to run twice (reminders
are sent once per window, purges find nothing the second time), so a restart that runs them
again, or a second scheduler by mistake, sends nothing twice.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections
from django.utils import timezone

logger = logging.getLogger("urbadesk.schedule")


@dataclass(frozen=True)
class Job:
    command: str
    every: timedelta | None = None  # or, once a day at the authority's local time:
    daily_at: time | None = None


def jobs() -> tuple[Job, ...]:
    return (
        Job("purge_expired_uploads", every=timedelta(hours=1)),
        Job("notify_closed_inquiries", every=timedelta(hours=1)),
        Job("send_reminders", daily_at=settings.URBADESK["DAILY_JOBS_AT"]),
        Job("refresh_indicators", daily_at=settings.URBADESK["DAILY_JOBS_AT"]),
    )


def next_run(job: Job, after: datetime) -> datetime:
    """The first time strictly after `after` the job is due (aware datetimes)."""
    if job.every is not None:
        return after + job.every
    assert job.daily_at is not None
    zone = ZoneInfo(settings.URBADESK["LOCAL_TIME_ZONE"])
    local = after.astimezone(zone)
    due = datetime.combine(local.date(), job.daily_at, tzinfo=zone)
    if due <= local:
        due = datetime.combine(local.date() + timedelta(days=1), job.daily_at, tzinfo=zone)
    return due


def _run(job: Job) -> None:
    close_old_connections()
    try:
        call_command(job.command, verbosity=0)
        logger.info("ran %s", job.command)
    except Exception:  # one failing job must not stop the others, nor the next run
        logger.exception("scheduled job %s failed", job.command)
    finally:
        close_old_connections()


def run_schedule(stop: threading.Event, *, now: Callable[[], datetime] = timezone.now) -> None:
    """Runs every job once at start (a missed run is caught up), then each when due, until `stop`."""
    planned = {}
    for job in jobs():
        _run(job)
        planned[job] = next_run(job, now())
    while not stop.is_set():
        job, due = min(planned.items(), key=lambda item: item[1])
        if stop.wait(max(0.0, (due - now()).total_seconds())):
            return
        _run(job)
        planned[job] = next_run(job, now())


_thread: threading.Thread | None = None
_stop = threading.Event()


def start_in_background() -> None:
    """The embedded default's scheduler: a daemon thread of the web process."""
    global _thread
    if _thread is None:
        _thread = threading.Thread(target=run_schedule, args=(_stop,), name="urbadesk-schedule", daemon=True)
        _thread.start()
