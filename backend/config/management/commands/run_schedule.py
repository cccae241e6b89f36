"""The periodic jobs in their own process (with Redis; the embedded default runs them in the web process)."""

import signal
import threading

from django.core.management.base import BaseCommand

from config.schedule import jobs, run_schedule


class Command(BaseCommand):
    help = "Run the periodic jobs (hourly upload purge, daily reminders) until stopped. Run one per deployment."

    def handle(self, *args, **options) -> None:
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        self.stdout.write("scheduling: " + ", ".join(job.command for job in jobs()))
        run_schedule(stop)
