"""The login's three steps as the API takes them: start, callback, ticket exchange.

The SPA holds JWTs, not a session cookie, so what the callback must match (state, nonce, PKCE
verifier) is kept server-side in an `OidcLogin` row, and the callback hands the browser a
one-time ticket in the URL fragment rather than tokens: a fragment never reaches a server's log
or a Referer header, and the ticket is worth nothing a minute later or once used.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from authlib.common.security import generate_token
from django.conf import settings
from django.contrib.auth.models import update_last_login
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import OidcLogin, OidcTicket, User
from accounts.oidc import client
from accounts.oidc.errors import ACCESS_DENIED, DISABLED, INVALID_STATE, INVALID_TOKEN, PROVIDER_ERROR, OidcError
from accounts.services import external_identity_login
from config.exceptions import DomainError

logger = logging.getLogger(__name__)

TICKET_REFUSED = _("This login ticket is unknown, already used or expired: log in again.")
LOGIN_TTL = timedelta(minutes=10)
TICKET_TTL = timedelta(seconds=60)


@dataclass(frozen=True)
class Ticket:
    """What the callback sends the browser back to the SPA with."""

    ticket: str
    next_path: str
    # The other half of the ticket, kept by the browser the login ran in (a cookie): a ticket
    # link sent to someone else is worthless without it (login CSRF at the exchange).
    binding: str


def redirect_uri() -> str:
    """The callback's absolute URL, as registered at the provider: under URBADESK_PUBLIC_URL."""
    return settings.URBADESK["PUBLIC_URL"].rstrip("/") + reverse("auth-oidc-callback")


def is_relative_path(value: str) -> bool:
    """A path on this site only (`/dossiers/…`): never `//host`, `/\\host` or `scheme:`."""
    return (
        value.startswith("/")
        and not value.startswith(("//", "/\\"))
        and not any(character in value for character in "\\\r\n\t")
        and len(value) <= OidcLogin._meta.get_field("next_path").max_length
    )


def _enabled_config() -> client.OidcConfig:
    config = client.oidc_config()
    if not config.enabled:
        raise OidcError(DISABLED, "URBADESK_OIDC_ISSUER or URBADESK_OIDC_CLIENT_ID is not set")
    return config


@dataclass(frozen=True)
class Started:
    url: str  # the provider's login page
    state: str  # also kept in the browser (a cookie), so that only this browser can finish the login


def oidc_login_start(*, next_path: str) -> Started:
    """Keeps a new login's state, nonce and PKCE verifier; returns the provider URL to send the browser to."""
    config = _enabled_config()
    OidcLogin.objects.filter(created_at__lt=timezone.now() - LOGIN_TTL).delete()
    login = OidcLogin(
        state=generate_token(43), nonce=generate_token(43), code_verifier=generate_token(64), next_path=next_path
    )
    url = client.authorization_url(
        config, redirect_uri=redirect_uri(), state=login.state, nonce=login.nonce, code_verifier=login.code_verifier
    )
    login.save(force_insert=True)
    return Started(url=url, state=login.state)


def _take_login(state: str) -> OidcLogin:
    """The login this callback answers, deleted as it is read: a second callback with the same
    state (a replay) finds nothing, even when both arrive at once."""
    login = OidcLogin.objects.filter(state=state).first() if state else None
    if login is None or OidcLogin.objects.filter(pk=login.pk).delete()[0] == 0:
        raise OidcError(INVALID_STATE, "unknown or already used state")
    if login.created_at < timezone.now() - LOGIN_TTL:
        raise OidcError(INVALID_STATE, "expired state")
    return login


def _provider_error(error: str) -> OidcError:
    code = ACCESS_DENIED if error in {"access_denied", "login_required", "consent_required"} else PROVIDER_ERROR
    return OidcError(code, f"the provider answered error={error!r}")


def _user_for(config: client.OidcConfig, login: OidcLogin, code: str) -> User:
    identity = client.identity_from_code(
        config, code=code, code_verifier=login.code_verifier, redirect_uri=redirect_uri(), nonce=login.nonce
    )
    fields = {
        "issuer": identity.issuer,
        "subject": identity.subject,
        "email": identity.email,
        "email_verified": identity.email_verified,
        "full_name": identity.full_name,
        "identity_level": identity.identity_level,
    }
    try:
        return external_identity_login(**fields)
    except IntegrityError:
        # The same person's first login finished twice at once: the other one linked it.
        return external_identity_login(**fields)


def oidc_login_callback(*, state: str, browser_state: str, code: str, error: str, issuer: str) -> Ticket:
    """Checks the provider's answer against the login it started, then links or creates the
    account and issues the ticket. Every refusal is an OidcError with its code.

    `browser_state` is the state this browser was given at the start (a cookie): without it,
    someone could start a login, stop at the callback and send that link to another person, who
    would then land in the sender's account (login CSRF)."""
    config = _enabled_config()
    if not state or not secrets.compare_digest(state.encode(), browser_state.encode()):
        raise OidcError(INVALID_STATE, "the state is not the one this browser started")
    login = _take_login(state)
    if error:
        raise _provider_error(error)
    if issuer and issuer != config.issuer:
        # RFC 9207: an answer naming another issuer is a mix-up attack.
        raise OidcError(INVALID_TOKEN, f"the callback names issuer {issuer!r}")
    if not code:
        raise OidcError(PROVIDER_ERROR, "the callback has no code")
    user = _user_for(config, login, code)
    value, binding = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    with transaction.atomic():
        OidcTicket.objects.filter(created_at__lt=timezone.now() - TICKET_TTL).delete()
        OidcTicket.objects.create(ticket_hash=_digest(value, binding), user=user)
    return Ticket(ticket=value, next_path=login.next_path, binding=binding)


def _digest(ticket: str, binding: str) -> str:
    return hashlib.sha256(f"{ticket}.{binding}".encode()).hexdigest()


def oidc_ticket_redeem(*, ticket: str, binding: str) -> User:
    """The user a ticket was issued for, if it is fresh, unused, redeemed by the browser that
    logged in (its `binding` cookie) and the account active; the ticket is spent either way."""
    row = OidcTicket.objects.select_related("user").filter(ticket_hash=_digest(ticket, binding)).first()
    if row is None or OidcTicket.objects.filter(pk=row.pk).delete()[0] == 0:
        raise DomainError(str(TICKET_REFUSED))
    if row.created_at < timezone.now() - TICKET_TTL or not row.user.is_active:
        raise DomainError(str(TICKET_REFUSED))
    update_last_login(None, row.user)
    return row.user
