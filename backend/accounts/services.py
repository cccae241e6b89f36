"""Changes people make to their own account, and the accounts external logins link or create."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from accounts.models import ExternalIdentity, Role, User
from accounts.oidc.errors import ACCOUNT_CONFLICT, ACCOUNT_INACTIVE, EMAIL_REQUIRED, OidcError
from audit.services import audit_record

# The only accounts an external identity may be linked to by e-mail: the applicant's side. Staff
# (desk, commission, signers, administrators) and service accounts keep their password login, so
# that no one reaches them by proving an e-mail address at a provider.
LINKABLE_ROLES = frozenset({Role.APPLICANT, Role.PROJECT_AUTHOR})


@transaction.atomic
def profile_update(*, actor: Any, **fields: Any) -> Any:
    """Name, language and phone number; audited (the phone number is personal: only that it changed)."""
    before = {name: getattr(actor, name) for name in fields}
    for name, value in fields.items():
        setattr(actor, name, value)
    actor.save(update_fields=list(fields))
    changed = sorted(name for name in fields if before[name] != fields[name])
    audit_record(
        actor=actor, action="user.profile_updated", object_type="user", object_id=actor.pk, after={"changed": changed}
    )
    return actor


def _linkable(user: User) -> bool:
    return user.role in LINKABLE_ROLES and not (user.is_staff or user.is_superuser)


def _valid_email(email: str) -> bool:
    try:
        validate_email(email)
    except ValidationError:
        return False
    return len(email) <= User._meta.get_field("email").max_length


def _link_or_create(*, email: str, email_verified: bool, full_name: str) -> tuple[User, bool]:
    """The account a first login lands on, and whether it was created for it."""
    if not _valid_email(email):
        raise OidcError(EMAIL_REQUIRED, "no valid e-mail claim")
    existing = User.objects.filter(email__iexact=email).first()
    if existing is None:
        return User.objects.create_user(email, None, full_name=full_name[:200], role=Role.APPLICANT), True
    if not email_verified or not _linkable(existing):
        # An unverified address proves nothing; a staff account is never reached this way.
        raise OidcError(ACCOUNT_CONFLICT, f"user {existing.pk} has the e-mail (verified: {email_verified})")
    return existing, False


def _record_login(*, identity: ExternalIdentity, identity_level: str, action: str) -> User:
    user = identity.user
    if not user.is_active:
        raise OidcError(ACCOUNT_INACTIVE, f"user {user.pk} is inactive")
    identity.identity_level = identity_level[:255]
    identity.last_login_at = timezone.now()
    identity.full_clean(validate_unique=False)
    identity.save()
    audit_record(
        actor=user,
        action=action,
        object_type="user",
        object_id=user.pk,
        after={"issuer": identity.issuer, "identity_level": identity.identity_level},
    )
    return user


@transaction.atomic
def external_identity_login(
    *, issuer: str, subject: str, email: str, email_verified: bool, full_name: str, identity_level: str
) -> User:
    """The user an external login is for: the one linked to (issuer, subject); on a first login,
    the applicant account with that verified e-mail, else a new applicant account without a
    password. Records the identity level on the identity and in the audit event; refuses an
    inactive account (and then creates nothing)."""
    identity = (
        ExternalIdentity.objects.select_for_update()
        .select_related("user")
        .filter(issuer=issuer, subject=subject)
        .first()
    )
    if identity is not None:
        return _record_login(identity=identity, identity_level=identity_level, action="user.oidc_login")
    user, created = _link_or_create(email=email, email_verified=email_verified, full_name=full_name)
    identity = ExternalIdentity(user=user, issuer=issuer, subject=subject)
    if created:
        return _record_login(identity=identity, identity_level=identity_level, action="user.oidc_account_created")
    return _record_login(identity=identity, identity_level=identity_level, action="user.oidc_identity_linked")
