from decimal import Decimal

import pytest

from accounts.tests.factories import OrganisationFactory, UserFactory
from dossiers.models import DossierStatus, PaymentStatus
from dossiers.tests.factories import DossierFactory


@pytest.fixture
def authority():
    return OrganisationFactory()


@pytest.fixture
def owing(authority):
    """A submitted dossier that owes 800.00 MAD."""
    return DossierFactory(
        organisation=authority,
        status=DossierStatus.SUBMITTED,
        fee_amount=Decimal("800.00"),
        fee_currency="MAD",
        payment_status=PaymentStatus.UNPAID,
    )


@pytest.fixture
def agent(authority):
    return UserFactory(role="desk_agent", organisation=authority)
