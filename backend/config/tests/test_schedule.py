"""The in-stack scheduler: when each job is next due, and that it runs them and stops."""

import threading
from datetime import UTC, datetime, time, timedelta

import pytest

from config import schedule


def test_a_daily_job_runs_at_the_local_time_of_the_authority(settings):
    settings.URBADESK = {**settings.URBADESK, "LOCAL_TIME_ZONE": "Africa/Casablanca", "DAILY_JOBS_AT": time(6)}
    daily = schedule.Job("send_reminders", daily_at=time(6))
    # Casablanca is UTC+1 in November: 06:00 there is 05:00 UTC.
    assert schedule.next_run(daily, datetime(2026, 11, 24, 4, 0, tzinfo=UTC)) == datetime(
        2026, 11, 24, 5, 0, tzinfo=UTC
    )
    assert schedule.next_run(daily, datetime(2026, 11, 24, 5, 0, tzinfo=UTC)) == datetime(
        2026, 11, 25, 5, 0, tzinfo=UTC
    )
    hourly = schedule.Job("purge_expired_uploads", every=timedelta(hours=1))
    assert schedule.next_run(hourly, datetime(2026, 11, 24, 4, 30, tzinfo=UTC)) == datetime(
        2026, 11, 24, 5, 30, tzinfo=UTC
    )


@pytest.mark.django_db
def test_the_scheduler_catches_up_at_start_then_runs_each_job_when_due(monkeypatch):
    ran: list[str] = []
    stop = threading.Event()
    clock = [datetime(2026, 11, 24, 4, 59, 59, 900_000, tzinfo=UTC)]

    def fake_command(name, **kwargs):
        ran.append(name)
        if name == "send_reminders" and ran.count(name) == 1:
            raise RuntimeError("mail server down")  # logged; the schedule goes on
        if len(ran) == 5:
            stop.set()

    def wait(seconds):  # time passes instantly
        clock[0] += timedelta(seconds=seconds)
        return stop.is_set()

    monkeypatch.setattr(schedule, "call_command", fake_command)
    monkeypatch.setattr(stop, "wait", wait)
    schedule.run_schedule(stop, now=lambda: clock[0])
    # All at start, then the daily reminders at 06:00 local come before the hourly jobs.
    assert ran == [
        "purge_expired_uploads",
        "notify_closed_inquiries",
        "send_reminders",
        "refresh_indicators",
        "send_reminders",
    ]
    assert clock[0] == datetime(2026, 11, 24, 5, 0, tzinfo=UTC)
