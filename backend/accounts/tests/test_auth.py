from datetime import timedelta

import pytest
from django.core.cache import cache
from rest_framework.throttling import ScopedRateThrottle
from rest_framework_simplejwt.tokens import AccessToken

from accounts.tests.factories import PASSWORD, OrganisationFactory, UserFactory
from audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def login(api_client, email, password=PASSWORD):
    return api_client.post("/api/v1/auth/token/", {"email": email, "password": password}, format="json")


def test_login_returns_tokens_that_authenticate(api_client):
    user = UserFactory(organisation=OrganisationFactory(slug="casa", name="Casablanca"))
    response = login(api_client, user.email)
    assert response.status_code == 200
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.data['access']}")
    me = api_client.get("/api/v1/auth/me/")
    assert me.status_code == 200
    assert me.data["email"] == user.email
    assert me.data["role"] == "applicant"
    assert me.data["organisation"]["slug"] == "casa"


def test_wrong_password_is_401_in_the_error_shape(api_client):
    user = UserFactory()
    response = login(api_client, user.email, "wrong-password")
    assert response.status_code == 401
    assert response.data["type"] == "authentication_failed"
    assert set(response.data) >= {"type", "title", "status", "detail"}


def test_refresh_rotates_and_blacklists_the_old_token(api_client):
    user = UserFactory()
    tokens = login(api_client, user.email).data
    rotated = api_client.post("/api/v1/auth/token/refresh/", {"refresh": tokens["refresh"]}, format="json")
    assert rotated.status_code == 200
    assert rotated.data["refresh"] != tokens["refresh"]
    replay = api_client.post("/api/v1/auth/token/refresh/", {"refresh": tokens["refresh"]}, format="json")
    assert replay.status_code == 401


def test_expired_access_token_is_401(api_client):
    user = UserFactory()
    token = AccessToken.for_user(user)
    token.set_exp(lifetime=-timedelta(seconds=1))
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = api_client.get("/api/v1/dossiers/")
    assert response.status_code == 401
    assert response.data["type"] in {"not_authenticated", "authentication_failed"}


def test_no_token_is_401(api_client):
    response = api_client.get("/api/v1/auth/me/")
    assert response.status_code == 401
    assert response.data["type"] == "not_authenticated"


def test_login_is_throttled(api_client, monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"login": "3/min"})
    cache.clear()
    statuses = [login(api_client, "nobody@example.org", "x").status_code for _ in range(4)]
    cache.clear()
    assert statuses[:3] == [401, 401, 401]
    assert statuses[3] == 429


def test_people_set_their_phone_for_sms_and_their_language(client_for):
    user = UserFactory()
    me = client_for(user)
    changed = me.patch("/api/v1/auth/me/", {"phone": "+212600000000", "language": "en"}, format="json")
    assert changed.status_code == 200 and (changed.data["phone"], changed.data["language"]) == ("+212600000000", "en")
    assert me.patch("/api/v1/auth/me/", {"phone": "06 00 00"}, format="json").status_code == 400
    assert me.patch("/api/v1/auth/me/", {"language": "de"}, format="json").status_code == 400
    event = AuditEvent.objects.get(action="user.profile_updated")
    assert event.changes["after"] == {"changed": ["language", "phone"]}  # not the number itself
