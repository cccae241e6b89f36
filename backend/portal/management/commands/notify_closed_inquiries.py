"""Hourly (the in-stack scheduler runs it): the desk hears of each public inquiry that closed."""

from django.core.management.base import BaseCommand

from portal.inquiries import closed_inquiry_notices


class Command(BaseCommand):
    help = "Tell the desk of each public inquiry closed in the last day that its observations are ready."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{closed_inquiry_notices()} notification(s)")
