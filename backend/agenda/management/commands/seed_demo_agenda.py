"""Demo commission with its members and planning, and eight weeks of sessions. Idempotent.

Run by `seed_demo` after the demo users exist; it lives here because `dossiers` (which holds
`seed_demo`) knows nothing of commissions and agenda.
"""

from __future__ import annotations

from datetime import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import Organisation, User
from agenda import services as agenda_services
from commissions import selectors as commission_selectors
from commissions import services as commission_services

COMMISSION_NAME = "Commission d'urbanisme de Casablanca-Anfa"
DOMAIN = "demo.urbadesk.org"


class Command(BaseCommand):
    help = "Create the demo commission, its members and planning rule, and generate its sessions."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        authority = Organisation.objects.get(slug="casablanca")
        agent = User.objects.get(email=f"agent@{DOMAIN}")
        commission = commission_selectors.commission_find(organisation=authority, name=COMMISSION_NAME)
        if commission is None:
            commission = commission_services.commission_create(
                actor=agent,
                name=COMMISSION_NAME,
                organisation=authority,
                timezone="Africa/Casablanca",
                procedure_types=["PC", "PH", "CC", "PL", "PD"],
                territory="Préfecture de Casablanca-Anfa",
            )
            seats = [
                ("member1", "agence-urbaine", "permanent", "rapporteur"),
                ("member2", "protection-civile", "occasional", "member"),
                ("agent", "casablanca", "permanent", "secretary"),
                ("signer", "casablanca", "permanent", "chair"),
            ]
            for login, body, kind, role in seats:
                commission_services.member_add(
                    actor=agent, commission=commission, email=f"{login}@{DOMAIN}", body=body, kind=kind, role=role
                )
            for code in ("PC", "PL"):
                commission_services.required_body_add(
                    actor=agent, commission=commission, procedure_type=code, body="protection-civile"
                )
            agenda_services.planning_rule_create(
                actor=agent,
                commission=commission,
                weekdays=[2, 4],
                start_time=time(9),
                end_time=time(12),
                slot_minutes=30,
                capacity=3,
                valid_from=timezone.now().date(),
                place="Salle du conseil, arrondissement d'Anfa",
            )
        report = agenda_services.sessions_generate(actor=agent, commission=commission, weeks=8)
        self.stdout.write(
            f"Demo commission: {commission.name} ({report.sessions_created} new sessions, {report.slots_created} new slots)"
        )
