"""Forged, replayed and malformed OpenID Connect answers: each refused, and nothing created.

The local issuer (conftest.FakeIssuer) answers the code exchange with the ID token each test
minted; `test_a_correct_token_logs_in` shows that a right one passes through it, so that each
refusal below is for the one thing forged.
"""

from __future__ import annotations

import base64
import json
import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from joserfc.jwk import RSAKey
from rest_framework.test import APIClient

from accounts.models import ExternalIdentity, OidcLogin, OidcTicket, User
from accounts.tests.conftest import CLIENT_ID, fragment, use_oidc

pytestmark = pytest.mark.django_db

CALLBACK = "/api/v1/auth/oidc/callback/"


def callback(api_client, fake, id_token: str, state: str, **query: str) -> dict[str, str]:
    fake.id_token = id_token
    return fragment(api_client.get(CALLBACK, {"code": "a-code", "state": state, **query}))


def assert_nobody_logged_in() -> None:
    assert not User.objects.exists()
    assert not ExternalIdentity.objects.exists()
    assert not OidcTicket.objects.exists()


def login_with(api_client, fake, start_login, **overrides) -> dict[str, str]:
    request = start_login()
    token = fake.mint(fake.claims(request["nonce"], **overrides))
    return callback(api_client, fake, token, request["state"])


def test_a_correct_token_logs_in(api_client, fake_issuer, start_login):
    answer = login_with(api_client, fake_issuer, start_login)
    assert set(answer) == {"ticket", "next"}
    tokens = api_client.post("/api/v1/auth/oidc/exchange/", {"ticket": answer["ticket"]}, format="json")
    assert tokens.status_code == 200
    assert ExternalIdentity.objects.get().identity_level == "urn:eidas:loa:high"


def test_the_start_sends_state_nonce_and_pkce(fake_issuer, start_login):
    request = start_login()
    assert request["client_id"] == CLIENT_ID and request["response_type"] == "code"
    assert request["code_challenge_method"] == "S256" and len(request["code_challenge"]) == 43
    assert request["scope"] == "openid email profile"
    login = OidcLogin.objects.get()
    assert (request["state"], request["nonce"]) == (login.state, login.nonce)
    assert login.code_verifier not in request.values()


def test_a_token_signed_with_a_key_the_provider_does_not_publish_is_refused(api_client, fake_issuer, start_login):
    request = start_login()
    stranger = RSAKey.generate_key(2048, parameters={"kid": "key-1"})  # the same kid, another key
    token = fake_issuer.mint(fake_issuer.claims(request["nonce"]), key=stranger)
    assert callback(api_client, fake_issuer, token, request["state"]) == {"error": "invalid_token"}
    assert_nobody_logged_in()


def test_a_token_naming_an_unknown_key_is_refused_after_one_new_fetch_of_the_keys(api_client, fake_issuer, start_login):
    request = start_login()
    stranger = RSAKey.generate_key(2048, parameters={"kid": "not-published"})
    token = fake_issuer.mint(fake_issuer.claims(request["nonce"]), key=stranger)
    assert callback(api_client, fake_issuer, token, request["state"]) == {"error": "invalid_token"}
    assert fake_issuer.requests.count("/jwks") == 2  # the cached keys, then once more
    assert_nobody_logged_in()


def test_a_key_rotated_at_the_provider_is_fetched_once_and_works(api_client, fake_issuer, start_login):
    assert set(login_with(api_client, fake_issuer, start_login)) == {"ticket", "next"}
    fake_issuer.signing_key = RSAKey.generate_key(2048, parameters={"kid": "key-2"})
    fake_issuer.published = [fake_issuer.signing_key]
    assert set(login_with(api_client, fake_issuer, start_login)) == {"ticket", "next"}
    assert fake_issuer.requests.count("/jwks") == 2
    assert fake_issuer.requests.count("/.well-known/openid-configuration") == 1


def test_an_unsigned_token_is_refused(api_client, fake_issuer, start_login):
    request = start_login()

    def part(value: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    token = f"{part({'alg': 'none'})}.{part(fake_issuer.claims(request['nonce']))}."
    assert callback(api_client, fake_issuer, token, request["state"]) == {"error": "invalid_token"}
    assert_nobody_logged_in()


def test_a_token_from_another_issuer_is_refused(api_client, fake_issuer, start_login):
    assert login_with(api_client, fake_issuer, start_login, iss="https://idp.example.org") == {"error": "invalid_token"}
    assert_nobody_logged_in()


def test_a_token_for_another_client_is_refused(api_client, fake_issuer, start_login):
    assert login_with(api_client, fake_issuer, start_login, aud="another-client") == {"error": "invalid_token"}
    assert_nobody_logged_in()


def test_a_token_for_several_audiences_needs_us_as_its_authorised_party(api_client, fake_issuer, start_login):
    forged = login_with(api_client, fake_issuer, start_login, aud=[CLIENT_ID, "another-client"], azp="another-client")
    assert forged == {"error": "invalid_token"}
    assert_nobody_logged_in()
    assert login_with(api_client, fake_issuer, start_login, azp="another-client") == {"error": "invalid_token"}
    assert_nobody_logged_in()
    right = login_with(api_client, fake_issuer, start_login, aud=[CLIENT_ID, "another-client"], azp=CLIENT_ID)
    assert set(right) == {"ticket", "next"}


def test_a_token_with_another_nonce_is_refused(api_client, fake_issuer, start_login):
    assert login_with(api_client, fake_issuer, start_login, nonce="the-nonce-of-another-login") == {
        "error": "invalid_token"
    }
    assert_nobody_logged_in()


def test_an_expired_token_is_refused(api_client, fake_issuer, start_login):
    now = int(time.time())
    assert login_with(api_client, fake_issuer, start_login, iat=now - 3600, exp=now - 600) == {"error": "invalid_token"}
    assert_nobody_logged_in()


def test_a_token_issued_in_the_future_is_refused(api_client, fake_issuer, start_login):
    now = int(time.time())
    assert login_with(api_client, fake_issuer, start_login, iat=now + 3600, exp=now + 7200) == {
        "error": "invalid_token"
    }
    assert_nobody_logged_in()


def test_a_replayed_callback_is_refused(api_client, fake_issuer, start_login):
    request = start_login()
    token = fake_issuer.mint(fake_issuer.claims(request["nonce"]))
    assert set(callback(api_client, fake_issuer, token, request["state"])) == {"ticket", "next"}
    assert callback(api_client, fake_issuer, token, request["state"]) == {"error": "invalid_state"}
    assert OidcTicket.objects.count() == 1 and ExternalIdentity.objects.count() == 1


def test_an_unknown_state_is_refused(api_client, fake_issuer, start_login):
    request = start_login()
    token = fake_issuer.mint(fake_issuer.claims(request["nonce"]))
    assert callback(api_client, fake_issuer, token, "a-state-we-never-sent") == {"error": "invalid_state"}
    assert callback(api_client, fake_issuer, token, "") == {"error": "invalid_state"}
    assert "/token" not in fake_issuer.requests  # the code was never exchanged
    assert_nobody_logged_in()


def test_a_callback_link_finished_in_another_browser_is_refused(api_client, fake_issuer, start_login):
    """Login CSRF: someone starts a login, stops at the callback and sends its link to another
    person; that browser never received the state, so the login is not finished there."""
    request = start_login()
    token = fake_issuer.mint(fake_issuer.claims(request["nonce"]))
    victim = APIClient()
    assert callback(victim, fake_issuer, token, request["state"]) == {"error": "invalid_state"}
    assert "/token" not in fake_issuer.requests
    assert_nobody_logged_in()
    assert set(callback(api_client, fake_issuer, token, request["state"])) == {"ticket", "next"}


def test_a_state_older_than_ten_minutes_is_refused(api_client, fake_issuer, start_login):
    request = start_login()
    OidcLogin.objects.update(created_at=timezone.now() - timedelta(minutes=11))
    token = fake_issuer.mint(fake_issuer.claims(request["nonce"]))
    assert callback(api_client, fake_issuer, token, request["state"]) == {"error": "invalid_state"}
    assert_nobody_logged_in()


def test_the_provider_refusing_the_login_comes_back_as_access_denied(api_client, fake_issuer, start_login):
    request = start_login()
    answer = fragment(api_client.get(CALLBACK, {"error": "access_denied", "state": request["state"]}))
    assert answer == {"error": "access_denied"}
    assert not OidcLogin.objects.exists()  # the state is spent
    assert "/token" not in fake_issuer.requests
    assert_nobody_logged_in()


def test_an_answer_naming_another_issuer_is_refused(api_client, fake_issuer, start_login):
    request = start_login()
    token = fake_issuer.mint(fake_issuer.claims(request["nonce"]))
    answer = callback(api_client, fake_issuer, token, request["state"], iss="https://idp.example.org")
    assert answer == {"error": "invalid_token"}
    assert_nobody_logged_in()


def test_userinfo_about_someone_else_is_refused(api_client, fake_issuer, start_login):
    request = start_login()
    claims = fake_issuer.claims(request["nonce"])
    del claims["email"]  # so that userinfo is asked
    fake_issuer.userinfo = {"sub": "someone-else", "email": "victim@example.org", "email_verified": True}
    assert callback(api_client, fake_issuer, fake_issuer.mint(claims), request["state"]) == {"error": "invalid_token"}
    assert_nobody_logged_in()


def test_userinfo_fills_in_what_the_id_token_lacks(api_client, fake_issuer, start_login):
    request = start_login()
    claims = fake_issuer.claims(request["nonce"])
    del claims["email"], claims["name"]
    fake_issuer.userinfo = {"sub": claims["sub"], "email": "Filled@Example.org", "name": "Filled In", "acr": "low"}
    assert set(callback(api_client, fake_issuer, fake_issuer.mint(claims), request["state"])) == {"ticket", "next"}
    user = User.objects.get()
    assert (user.email, user.full_name) == ("filled@example.org", "Filled In")
    assert ExternalIdentity.objects.get().identity_level == "urn:eidas:loa:high"  # the signed claim wins


def test_a_login_without_an_email_is_refused(api_client, fake_issuer, start_login):
    request = start_login()
    claims = fake_issuer.claims(request["nonce"])
    del claims["email"]
    fake_issuer.userinfo = {"sub": claims["sub"], "name": "No Mail"}
    assert callback(api_client, fake_issuer, fake_issuer.mint(claims), request["state"]) == {"error": "email_required"}
    assert_nobody_logged_in()


@pytest.mark.parametrize(
    "next_path", ["https://evil.example.org/", "//evil.example.org/", "/\\evil.example.org", "dossiers", "javascript:x"]
)
def test_the_start_refuses_a_next_that_leaves_the_site(api_client, fake_issuer, next_path):
    response = api_client.get("/api/v1/auth/oidc/start/", {"next": next_path})
    assert response.status_code == 400
    assert response.data["type"] == "validation_error" and "next" in response.data["errors"]
    assert not OidcLogin.objects.exists()


def test_an_expired_ticket_is_refused(api_client, fake_issuer, start_login):
    answer = login_with(api_client, fake_issuer, start_login)
    OidcTicket.objects.update(created_at=timezone.now() - timedelta(seconds=61))
    response = api_client.post("/api/v1/auth/oidc/exchange/", {"ticket": answer["ticket"]}, format="json")
    assert response.status_code == 400 and set(response.data) >= {"type", "title", "status", "detail"}
    assert not OidcTicket.objects.exists()


def test_a_ticket_link_sent_to_another_browser_logs_no_one_in(api_client, fake_issuer, start_login):
    """Login CSRF at the exchange: someone logs in, stops at `/login/oidc#ticket=…` and sends the
    link to a victim; the victim's browser lacks the ticket's other half (a cookie) and is refused."""
    answer = login_with(api_client, fake_issuer, start_login)
    victim = APIClient()
    refused = victim.post("/api/v1/auth/oidc/exchange/", {"ticket": answer["ticket"]}, format="json")
    assert refused.status_code == 400 and "access" not in refused.data
    # The browser that logged in still may, once; its cookie then goes.
    tokens = api_client.post("/api/v1/auth/oidc/exchange/", {"ticket": answer["ticket"]}, format="json")
    assert tokens.status_code == 200 and tokens.cookies["urbadesk_oidc_ticket"].value == ""
    cookie = api_client.cookies.get("urbadesk_oidc_ticket")
    assert cookie is None or cookie.value == ""


def test_an_unknown_ticket_is_refused(api_client):
    response = api_client.post("/api/v1/auth/oidc/exchange/", {"ticket": "made-up"}, format="json")
    assert response.status_code == 400 and response.data["type"] == "invalid_request"
    assert api_client.post("/api/v1/auth/oidc/exchange/", {}, format="json").status_code == 400


def test_a_provider_that_does_not_answer_is_a_clear_error(api_client, settings):
    use_oidc(settings, "http://127.0.0.1:9")  # discard: nothing listens
    response = api_client.get("/api/v1/auth/oidc/start/", {"next": "/dossiers"})
    assert fragment(response) == {"error": "provider_unavailable"}
    assert not OidcLogin.objects.exists()


def test_without_a_provider_the_login_is_off(api_client, settings):
    use_oidc(settings, "")
    assert api_client.get("/api/v1/auth/oidc/").data == {"enabled": False, "label": ""}
    assert fragment(api_client.get("/api/v1/auth/oidc/start/")) == {"error": "disabled"}
    assert fragment(api_client.get(CALLBACK, {"code": "x", "state": "y"})) == {"error": "disabled"}


def test_discovery_naming_another_issuer_is_refused(api_client, fake_issuer, settings):
    use_oidc(settings, fake_issuer.issuer + "/other")
    cache.clear()
    assert fragment(api_client.get("/api/v1/auth/oidc/start/")) == {"error": "provider_error"}
    assert not OidcLogin.objects.exists()
