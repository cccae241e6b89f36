"""Which account a first external login lands on (accounts.services.external_identity_login)."""

from __future__ import annotations

import pytest

from accounts.models import ExternalIdentity, Role, User
from accounts.oidc.errors import OidcError
from accounts.services import external_identity_login
from accounts.tests.factories import UserFactory
from audit.models import AuditEvent

pytestmark = pytest.mark.django_db

ISSUER = "https://idp.example.org"


def login(email: str = "person@example.org", *, verified: bool = True, subject: str = "sub-1", level: str = "high"):
    return external_identity_login(
        issuer=ISSUER,
        subject=subject,
        email=email,
        email_verified=verified,
        full_name="Person",
        identity_level=level,
    )


@pytest.mark.parametrize("role", [Role.APPLICANT, Role.PROJECT_AUTHOR])
def test_a_verified_email_links_an_applicant_side_account(role):
    user = UserFactory(email="person@example.org", role=role)
    assert login() == user
    assert ExternalIdentity.objects.get().user == user


@pytest.mark.parametrize(
    "role", [Role.DESK_AGENT, Role.COMMISSION_MEMBER, Role.SIGNING_AUTHORITY, Role.ADMIN, Role.SERVICE]
)
def test_staff_and_service_accounts_are_never_linked_by_email(role):
    UserFactory(email="person@example.org", role=role)
    with pytest.raises(OidcError) as refused:
        login()
    assert refused.value.code == "account_conflict"
    assert not ExternalIdentity.objects.exists() and not AuditEvent.objects.exists()


@pytest.mark.parametrize("flags", [{"is_staff": True}, {"is_superuser": True}])
def test_an_applicant_account_with_staff_rights_is_never_linked(flags):
    UserFactory(email="person@example.org", **flags)
    with pytest.raises(OidcError):
        login()
    assert not ExternalIdentity.objects.exists()


def test_an_unverified_email_creates_an_account_when_none_has_it():
    user = login("new@example.org", verified=False)
    assert (user.email, user.role, user.has_usable_password()) == ("new@example.org", Role.APPLICANT, False)


def test_a_staff_member_linked_by_an_administrator_logs_in_by_the_identity():
    agent = UserFactory(email="agent@example.org", role=Role.DESK_AGENT)
    ExternalIdentity.objects.create(user=agent, issuer=ISSUER, subject="sub-1")
    assert login("whatever@example.org") == agent
    assert ExternalIdentity.objects.get().identity_level == "high"


def test_a_linked_account_made_inactive_is_refused_and_nothing_is_recorded():
    user = login()
    User.objects.filter(pk=user.pk).update(is_active=False)
    with pytest.raises(OidcError) as refused:
        login(level="substantial")
    assert refused.value.code == "account_inactive"
    assert ExternalIdentity.objects.get().identity_level == "high"
    assert not AuditEvent.objects.filter(action="user.oidc_login").exists()


def test_an_inactive_account_is_not_linked():
    UserFactory(email="person@example.org", is_active=False)
    with pytest.raises(OidcError):
        login()
    assert not ExternalIdentity.objects.exists()


def test_each_login_records_the_level_it_was_made_at():
    login(level="low")
    login(level="high")
    levels = [event.changes["after"]["identity_level"] for event in AuditEvent.objects.order_by("seq")]
    assert levels == ["low", "high"]
    assert ExternalIdentity.objects.get().identity_level == "high"
