"""Daily (the in-stack scheduler runs it): the open data's indicators computed again."""

from django.core.management.base import BaseCommand

from portal.indicators import refresh


class Command(BaseCommand):
    help = "Compute the open-data indicators again (per commission, procedure type and month)."

    def handle(self, *args, **options) -> None:
        done = refresh()
        seconds = (done.finished_at - done.started_at).total_seconds()
        self.stdout.write(f"{done.rows} indicator rows from {done.dossiers} dossiers in {seconds:.1f} s")
