"""Creates the development certificate authority that issues each signer's certificate."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from signatures.pki import InternalCa


class Command(BaseCommand):
    help = "Create the internal (development) certificate authority under the data folder, once."

    def handle(self, *args, **options) -> None:
        conf = settings.URBADESK["SIGNING"]
        if conf["KEYS"] != "internal":
            self.stdout.write(f"Signing keys come from {conf['KEYS']}: no internal CA needed.")
            return
        ca = InternalCa(Path(conf["PKI_DIR"]))
        created = ca.create()
        self.stdout.write(f"{'Created' if created else 'Kept'} the internal CA in {ca.folder}")
