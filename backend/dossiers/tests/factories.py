import factory

from accounts.tests.factories import UserFactory
from dossiers.models import Dossier, DossierParty, PartyRole, Plan, PlanKind, ProcedureType


class DossierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dossier
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"PC-2026-{n + 900000:06d}")
    procedure_type = factory.LazyFunction(lambda: ProcedureType.objects.get(code="PC"))
    title = factory.Sequence(lambda n: f"Projet {n}")
    address = "1 avenue Hassan II, Casablanca"
    created_by = factory.SubFactory(UserFactory)
    organisation = None

    @factory.post_generation
    def party(obj, create, extracted, **kwargs):
        if create:
            DossierParty.objects.get_or_create(dossier=obj, user=obj.created_by, defaults={"role": PartyRole.APPLICANT})


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    dossier = factory.SubFactory(DossierFactory)
    kind = PlanKind.SITE
    title = "Plan de masse"
