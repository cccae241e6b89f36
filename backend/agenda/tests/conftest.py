"""A commission with members, a planning rule and four weeks of generated sessions."""

from dataclasses import dataclass
from datetime import time

import pytest
from django.utils import timezone

from accounts.models import Role, User
from accounts.tests.factories import OrganisationFactory, UserFactory
from agenda import services
from agenda.models import PlanningRule, Slot
from commissions.models import Commission, CommissionMember, MemberKind, RequiredBody
from commissions.tests.factories import CommissionFactory, MemberFactory
from dossiers.models import Dossier, ProcedureType
from dossiers.tests.factories import DossierFactory


@dataclass
class Setup:
    commission: Commission
    agent: User
    rule: PlanningRule
    permanent: CommissionMember
    occasional: CommissionMember
    other_occasional: CommissionMember

    def dossier(self, **kwargs) -> Dossier:
        defaults = {"organisation": self.commission.organisation, "status": "submitted"}
        return DossierFactory(**{**defaults, **kwargs})

    def future_slots(self):
        return Slot.objects.filter(session__commission=self.commission, starts_at__gt=timezone.now()).order_by(
            "starts_at"
        )


@pytest.fixture
def setup(db) -> Setup:
    authority = OrganisationFactory(slug="casablanca", name="Commune de Casablanca")
    civil_protection = OrganisationFactory(slug="protection-civile", kind="utility")
    utilities = OrganisationFactory(slug="lydec", kind="utility")
    agent = UserFactory(role=Role.DESK_AGENT, organisation=authority)
    commission = CommissionFactory(organisation=authority, name="Commission d'Anfa", procedure_types=["PC", "PH"])
    permanent = MemberFactory(commission=commission, body=authority)
    occasional = MemberFactory(commission=commission, body=civil_protection, kind=MemberKind.OCCASIONAL)
    other_occasional = MemberFactory(commission=commission, body=utilities, kind=MemberKind.OCCASIONAL)
    RequiredBody.objects.create(
        commission=commission, procedure_type=ProcedureType.objects.get(code="PC"), body=civil_protection
    )
    rule = services.planning_rule_create(
        actor=agent,
        commission=commission,
        weekdays=[1, 2, 3, 4, 5],
        start_time=time(9),
        end_time=time(12),
        slot_minutes=30,
        capacity=2,
        valid_from=timezone.now().date(),
        place="Salle du conseil",
        booking_opens_days=28,
        booking_closes_hours=24,
        cancellation_hours=48,
    )
    services.sessions_generate(actor=agent, commission=commission, weeks=4)
    return Setup(commission, agent, rule, permanent, occasional, other_occasional)
