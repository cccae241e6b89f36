"""Every endpoint that answers without an account is rate-limited, and so is logging in."""

import pytest
from django.core.cache import cache
from rest_framework.permissions import AllowAny
from rest_framework.throttling import ScopedRateThrottle

from config.health import LiveView, ReadyView
from config.tests.routes import routed

pytestmark = pytest.mark.django_db

# Load balancers ask these every few seconds; they read nothing and write nothing.
UNLIMITED = {LiveView, ReadyView}


def api_views() -> list[tuple[str, type]]:
    return [(route, view.cls) for route, view in routed() if hasattr(view, "cls")]


def is_public(view: type) -> bool:
    return any(permission is AllowAny for permission in view.permission_classes)


def test_the_public_endpoints_are_found():
    public = {view.__name__ for _, view in api_views() if is_public(view)}
    assert {"VerifyUploadView", "ProjectsGeoJsonView", "CalendarFeedIcsView", "LoginView"} & public


@pytest.mark.parametrize(
    ("route", "view"),
    [(route, view) for route, view in api_views() if is_public(view) and view not in UNLIMITED],
    ids=lambda value: value if isinstance(value, str) else value.__name__,
)
def test_no_public_endpoint_without_a_rate_limit(route, view):
    assert any(issubclass(throttle, ScopedRateThrottle) for throttle in view.throttle_classes), route
    assert view.throttle_scope in {"login", "public", "verify"}, route


def test_public_endpoints_answer_429_past_their_rate(api_client, monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"public": "3/min"})
    cache.clear()
    statuses = [api_client.get("/api/v1/public/map-config/").status_code for _ in range(4)]
    last = api_client.get("/api/v1/public/projects/")
    cache.clear()
    assert statuses == [200, 200, 200, 429]
    assert last.status_code == 429  # one budget for all public endpoints, per client address
    assert last.data["type"] == "throttled" and int(last["Retry-After"]) > 0
