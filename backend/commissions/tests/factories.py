import factory

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from commissions.models import Commission, CommissionMember, MemberKind, MemberRole
from dossiers.models import ProcedureType


class CommissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commission
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Commission {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    timezone = "Africa/Casablanca"

    @factory.post_generation
    def procedure_types(obj, create, extracted, **kwargs):
        if create:
            obj.procedure_types.set(ProcedureType.objects.filter(code__in=extracted or ["PC"]))


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommissionMember

    commission = factory.SubFactory(CommissionFactory)
    user = factory.SubFactory(UserFactory, role=Role.COMMISSION_MEMBER)
    body = factory.SubFactory(OrganisationFactory)
    kind = MemberKind.PERMANENT
    role = MemberRole.MEMBER
