from django.core.management.base import BaseCommand

from dossiers.services import upload_purge_expired


class Command(BaseCommand):
    help = "Delete direct uploads that expired unfinished, and their staged objects (run it hourly)."

    def handle(self, *args, **options) -> None:
        count = upload_purge_expired()
        self.stdout.write(f"{count} expired upload(s) purged")
