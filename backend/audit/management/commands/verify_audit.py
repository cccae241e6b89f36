from django.core.management.base import BaseCommand, CommandError

from audit.services import audit_verify_chain


class Command(BaseCommand):
    help = "Verify the hash chain of the audit log; exits non-zero at the first broken link."

    def handle(self, *args, **options) -> None:
        report = audit_verify_chain()
        if not report.ok:
            raise CommandError(f"audit chain broken at event #{report.first_broken_seq}: {report.reason}")
        self.stdout.write(self.style.SUCCESS(f"audit chain intact: {report.checked} events verified"))
