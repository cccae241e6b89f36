"""Security headers on every kind of response: the SPA, the API, its docs, stored files."""

import pytest

from config import env as env_module
from config import security

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_policy():
    security.spa_policy.cache_clear()
    yield
    security.spa_policy.cache_clear()


def directives(header: str) -> dict[str, list[str]]:
    out = {}
    for part in header.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


@pytest.mark.parametrize("path", ["/api/v1/dossiers/", "/api/v1/health/live/", "/", "/dossiers/x", "/api/docs/"])
def test_every_response_has_the_baseline_headers(client, path):
    response = client.get(path)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    # Swagger UI's OAuth2 pop-up needs its opener: drf-spectacular relaxes COOP on that page only.
    assert response["Cross-Origin-Opener-Policy"] == ("unsafe-none" if path == "/api/docs/" else "same-origin")
    assert "camera=()" in response["Permissions-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_api_responses_may_run_nothing(client):
    csp = directives(client.get("/api/v1/dossiers/")["Content-Security-Policy"])
    assert csp["default-src"] == ["'none'"]
    assert "script-src" not in csp


def test_the_spa_runs_only_its_own_scripts(client):
    csp = directives(client.get("/dossiers/x")["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'", "'wasm-unsafe-eval'"]  # never 'unsafe-eval' or 'unsafe-inline'
    assert csp["object-src"] == ["'none'"]
    assert csp["connect-src"] == ["'self'"]


def test_the_spa_may_reach_the_object_store_and_the_tile_server(client, settings):
    settings.STORAGE_BACKEND = "s3"
    settings.STORAGE_S3 = {**settings.STORAGE_S3, "PUBLIC_ENDPOINT": "https://files.example.org:9000"}
    settings.URBADESK = {**settings.URBADESK, "MAP_TILE_URL": "https://{s}.tiles.example.org/{z}/{x}/{y}.png"}
    csp = directives(client.get("/map")["Content-Security-Policy"])
    assert csp["connect-src"] == ["'self'", "https://files.example.org:9000"]
    assert "https://*.tiles.example.org" in csp["img-src"] and "https://files.example.org:9000" in csp["img-src"]


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("http://127.0.0.1:9000", "http://127.0.0.1:9000"),
        ("minio:9000", "http://minio:9000"),
        ("", None),
    ],
)
def test_origin_of(url, origin):
    assert security.origin_of(url) == origin


def test_https_and_proxy_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("URBADESK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("URBADESK_PUBLIC_URL", "https://permis.example.org")
    monkeypatch.setenv("URBADESK_BEHIND_PROXY", "1")
    loaded = env_module.load()
    assert loaded.https and loaded.behind_proxy and loaded.hsts_seconds == 365 * 24 * 3600
    monkeypatch.setenv("URBADESK_PUBLIC_URL", "http://127.0.0.1:8000")
    monkeypatch.delenv("URBADESK_BEHIND_PROXY")
    loaded = env_module.load()
    assert not loaded.https and not loaded.behind_proxy


def test_hsts_over_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/api/v1/health/live/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000"
