"""The OpenID Connect login, end to end, against a real provider (node-oidc-provider).

Each test drives what a browser does: our start endpoint sends it to the provider, the
provider's login page takes a fixed account's password, the provider sends it back to our
callback, and the SPA exchanges the ticket for the same tokens a password login gives.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
import requests

from accounts.models import ExternalIdentity, OidcLogin, OidcTicket, Role, User
from accounts.oidc.flow import redirect_uri
from accounts.tests.conftest import ACCOUNTS, fragment, use_oidc
from accounts.tests.factories import UserFactory
from audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _provider(settings, oidc_provider) -> str:
    use_oidc(settings, oidc_provider)
    return oidc_provider


def _follow(browser: requests.Session, response: requests.Response) -> requests.Response | str:
    """Follows the provider's redirects; stops at our callback (returns its URL) or at a page."""
    while response.is_redirect:
        location = urljoin(response.url, response.headers["Location"])
        if location.startswith(redirect_uri()):
            return location
        response = browser.get(location, allow_redirects=False, timeout=10)
    return response


def _at_provider(api_client, next_path: str = "/dossiers") -> tuple[requests.Session, requests.Response]:
    """Our start endpoint, then the provider's login page."""
    start = api_client.get("/api/v1/auth/oidc/start/", {"next": next_path})
    assert start.status_code == 302
    browser = requests.Session()
    page = _follow(browser, browser.get(start["Location"], allow_redirects=False, timeout=10))
    assert isinstance(page, requests.Response) and page.status_code == 200, page
    return browser, page


def _callback(api_client, location: str):
    parts = urlsplit(location)
    return api_client.get(f"{parts.path}?{parts.query}")


def provider_login(api_client, login: str, next_path: str = "/dossiers") -> tuple[dict[str, str], str]:
    """Logs in at the provider as `login`; returns our callback's fragment and the callback URL."""
    browser, page = _at_provider(api_client, next_path)
    action = re.search(r'action="([^"]+)"', page.text)
    assert action, page.text
    answer = browser.post(
        urljoin(page.url, action.group(1)),
        data={"login": login, "password": ACCOUNTS[login]["password"]},
        allow_redirects=False,
        timeout=10,
    )
    location = _follow(browser, answer)
    assert isinstance(location, str), getattr(location, "text", location)
    return fragment(_callback(api_client, location)), location


def exchange(api_client, ticket: str):
    return api_client.post("/api/v1/auth/oidc/exchange/", {"ticket": ticket}, format="json")


def me(api_client, access: str):
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    try:
        return api_client.get("/api/v1/auth/me/")
    finally:
        api_client.credentials()


def test_the_spa_learns_the_login_is_offered(api_client):
    response = api_client.get("/api/v1/auth/oidc/")
    assert response.status_code == 200
    assert response.data == {"enabled": True, "label": "itsme / CSAM"}


def test_first_login_creates_an_applicant_and_records_the_identity_level(api_client, _provider):
    answer, _ = provider_login(api_client, "citizen", next_path="/dossiers/new")
    assert set(answer) == {"ticket", "next"} and answer["next"] == "/dossiers/new"

    tokens = exchange(api_client, answer["ticket"])
    assert tokens.status_code == 200 and set(tokens.data) == {"access", "refresh"}
    who = me(api_client, tokens.data["access"])
    assert who.status_code == 200
    assert (who.data["email"], who.data["full_name"], who.data["role"]) == (
        "citizen@example.org",
        "Amina Citoyenne",
        "applicant",
    )

    user = User.objects.get(email="citizen@example.org")
    assert not user.has_usable_password()
    identity = ExternalIdentity.objects.get(user=user)
    assert (identity.issuer, identity.subject) == (_provider, "be-eid-0001")
    assert identity.identity_level == "urn:eidas:loa:substantial" and identity.last_login_at is not None
    event = AuditEvent.objects.get(action="user.oidc_account_created")
    assert event.actor_id == user.pk
    assert event.changes["after"] == {"issuer": _provider, "identity_level": "urn:eidas:loa:substantial"}
    assert not OidcLogin.objects.exists() and not OidcTicket.objects.exists()  # both spent


def test_the_next_login_finds_the_same_account(api_client):
    # Each ticket is exchanged by the browser at once (a second login there replaces the first's cookie).
    first, _ = provider_login(api_client, "citizen")
    first_user = me(api_client, exchange(api_client, first["ticket"]).data["access"]).data["id"]
    second, _ = provider_login(api_client, "citizen")
    second_user = me(api_client, exchange(api_client, second["ticket"]).data["access"]).data["id"]
    assert first_user == second_user
    assert User.objects.filter(email="citizen@example.org").count() == 1
    assert ExternalIdentity.objects.count() == 1
    assert AuditEvent.objects.filter(action="user.oidc_login").count() == 1


def test_a_verified_email_links_the_existing_applicant_side_account(api_client):
    architect = UserFactory(email="architect@example.org", role=Role.PROJECT_AUTHOR)
    answer, _ = provider_login(api_client, "architect")
    tokens = exchange(api_client, answer["ticket"])
    assert me(api_client, tokens.data["access"]).data["id"] == str(architect.pk)
    identity = ExternalIdentity.objects.get()
    assert identity.user == architect and identity.identity_level == "urn:eidas:loa:high"
    assert AuditEvent.objects.filter(action="user.oidc_identity_linked", actor=architect).count() == 1
    architect.refresh_from_db()
    assert architect.has_usable_password()  # the password login still works


def test_an_unverified_email_is_never_linked(api_client):
    UserFactory(email="applicant@example.org")
    answer, _ = provider_login(api_client, "unverified")
    assert answer == {"error": "account_conflict"}
    assert not ExternalIdentity.objects.exists() and User.objects.count() == 1


def test_a_staff_account_is_never_linked_by_email(api_client):
    UserFactory(email="agent@example.org", role=Role.DESK_AGENT)
    answer, _ = provider_login(api_client, "agent")
    assert answer == {"error": "account_conflict"}
    assert not ExternalIdentity.objects.exists() and not OidcTicket.objects.exists()


def test_an_inactive_account_is_refused(api_client):
    answer, _ = provider_login(api_client, "citizen")
    User.objects.filter(email="citizen@example.org").update(is_active=False)
    assert exchange(api_client, answer["ticket"]).status_code == 400
    again, _ = provider_login(api_client, "citizen")
    assert again == {"error": "account_inactive"}


def test_a_replayed_callback_is_refused(api_client):
    answer, callback = provider_login(api_client, "citizen")
    assert fragment(_callback(api_client, callback)) == {"error": "invalid_state"}
    assert OidcTicket.objects.count() == 1  # only the first callback's
    assert exchange(api_client, answer["ticket"]).status_code == 200


def test_a_ticket_is_exchanged_once(api_client):
    answer, _ = provider_login(api_client, "citizen")
    assert exchange(api_client, answer["ticket"]).status_code == 200
    replay = exchange(api_client, answer["ticket"])
    assert replay.status_code == 400 and replay.data["type"] == "invalid_request"


def test_cancelling_at_the_provider_comes_back_as_access_denied(api_client):
    browser, page = _at_provider(api_client)
    cancel = re.search(r'href="([^"]+/abort)"', page.text)
    assert cancel, page.text
    location = _follow(browser, browser.get(urljoin(page.url, cancel.group(1)), allow_redirects=False, timeout=10))
    assert isinstance(location, str) and "error=access_denied" in location
    assert fragment(_callback(api_client, location)) == {"error": "access_denied"}
    assert not User.objects.exists() and not OidcLogin.objects.exists()
