"""Run daily (cron, or any scheduler): booking reminders 48 h ahead and legal deadlines at risk."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from agenda.reminders import booking_reminders, deadline_reminders


class Command(BaseCommand):
    help = "Send the daily reminders (bookings within 48 h, dossiers at risk of their legal deadline)."

    def handle(self, *args, **options) -> None:
        bookings = booking_reminders(now=timezone.now())
        deadlines = deadline_reminders()
        self.stdout.write(f"{bookings} booking reminder(s), {deadlines} deadline reminder(s)")
