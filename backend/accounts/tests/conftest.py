"""Identity providers for the OpenID Connect login tests.

- `oidc_provider`: a real one, node-oidc-provider (accounts/tests/oidc_provider/provider.mjs), run
  as a child process on a free port, with fixed test accounts; `make backend-test` installs it.
- `fake_issuer`: a local issuer whose token endpoint answers the ID token a test minted (with
  joserfc, signed with a key it publishes or not), for the forged and replayed answers a real
  provider never gives.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from joserfc import jwt
from joserfc.jwk import RSAKey

PROVIDER_DIR = Path(__file__).resolve().parent / "oidc_provider"
CLIENT_ID = "urbadesk-test"
CLIENT_SECRET = "urbadesk-test-secret"
CALLBACK = "/api/v1/auth/oidc/callback/"

# The provider's fixed accounts: login → password, subject, claims and assurance level (acr).
ACCOUNTS: dict[str, dict[str, Any]] = {
    "citizen": {
        "password": "citizen-password",
        "sub": "be-eid-0001",
        "email": "citizen@example.org",
        "email_verified": True,
        "name": "Amina Citoyenne",
        "acr": "urn:eidas:loa:substantial",
    },
    "architect": {
        "password": "architect-password",
        "sub": "be-eid-0002",
        "email": "architect@example.org",
        "email_verified": True,
        "name": "Youssef Architecte",
        "acr": "urn:eidas:loa:high",
    },
    "unverified": {
        "password": "unverified-password",
        "sub": "be-eid-0003",
        "email": "applicant@example.org",
        "email_verified": False,
        "name": "Not Proven",
        "acr": "urn:eidas:loa:low",
    },
    "agent": {
        "password": "agent-password",
        "sub": "be-eid-0004",
        "email": "agent@example.org",
        "email_verified": True,
        "name": "Desk Agent",
        "acr": "urn:eidas:loa:high",
    },
}


def use_oidc(settings, issuer: str, **overrides: str) -> None:
    """Turns the OpenID Connect login on for one test, against `issuer`."""
    settings.URBADESK = {
        **settings.URBADESK,
        "OIDC": {
            "ISSUER": issuer,
            "CLIENT_ID": CLIENT_ID,
            "CLIENT_SECRET": CLIENT_SECRET,
            "SCOPES": "openid email profile",
            "CLAIM_EMAIL": "email",
            "CLAIM_NAME": "name",
            "CLAIM_LEVEL": "acr",
            "LABEL": "itsme / CSAM",
            **overrides,
        },
    }


def fragment(response) -> dict[str, str]:
    """The `#…` of a redirect to the SPA's /login/oidc, as a dict."""
    assert response.status_code == 302, response.status_code
    location = response["Location"]
    path, _, hashed = location.partition("#")
    assert path == "/login/oidc", location
    return {key: values[0] for key, values in parse_qs(hashed).items()}


@pytest.fixture(autouse=True)
def _fresh_oidc_cache() -> Iterator[None]:
    """Discovery and keys are cached per issuer; each test starts from the provider's answers."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def oidc_provider() -> Iterator[str]:
    """A real OpenID Connect provider (node-oidc-provider) on a free port; yields its issuer."""
    node = shutil.which("node")
    if node is None or not (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
        pytest.fail(f"the test provider is not installed: run `npm ci` in {PROVIDER_DIR} (make backend-test does)")
    from django.conf import settings

    env = {
        **os.environ,
        "OIDC_CLIENT_ID": CLIENT_ID,
        "OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_REDIRECT_URIS": settings.URBADESK["PUBLIC_URL"].rstrip("/") + CALLBACK,
        "OIDC_ACCOUNTS": json.dumps(ACCOUNTS),
    }
    process = subprocess.Popen(
        [node, "provider.mjs"], cwd=PROVIDER_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        line = process.stdout.readline() if process.stdout else ""
        if not line:
            pytest.fail(f"the test OpenID Connect provider did not start (exit code {process.poll()})")
        yield json.loads(line)["issuer"]
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@dataclass
class FakeIssuer:
    """A local issuer: discovery, JWKS and a token endpoint that answers `id_token`."""

    issuer: str = ""
    signing_key: RSAKey = field(default_factory=lambda: RSAKey.generate_key(2048, parameters={"kid": "key-1"}))
    published: list[RSAKey] = field(default_factory=list)
    id_token: str = ""
    userinfo: dict[str, Any] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def mint(self, claims: dict[str, Any], *, key: RSAKey | None = None, alg: str = "RS256") -> str:
        key = key or self.signing_key
        return jwt.encode({"alg": alg, "kid": key.kid}, claims, key)

    def claims(self, login_nonce: str, /, **overrides: Any) -> dict[str, Any]:
        """A correct ID token's claims for the login whose nonce this is; overrides forge it."""
        now = int(time.time())
        return {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "sub": "forged-subject",
            "nonce": login_nonce,
            "iat": now,
            "exp": now + 300,
            "email": "someone@example.org",
            "email_verified": True,
            "name": "Some One",
            "acr": "urn:eidas:loa:high",
            **overrides,
        }

    def answer(self, path: str) -> tuple[int, dict[str, Any]]:
        self.requests.append(path)
        if path.endswith("/.well-known/openid-configuration"):
            return 200, {
                "issuer": self.issuer,
                "authorization_endpoint": f"{self.issuer}/authorize",
                "token_endpoint": f"{self.issuer}/token",
                "jwks_uri": f"{self.issuer}/jwks",
                "userinfo_endpoint": f"{self.issuer}/userinfo",
            }
        if path == "/jwks":
            return 200, {"keys": [key.as_dict(private=False) for key in self.published]}
        if path == "/token":
            return 200, {"access_token": "access", "token_type": "Bearer", "id_token": self.id_token}
        if path == "/userinfo":
            return 200, self.userinfo
        return 404, {"error": "not_found"}


def _handler(fake: FakeIssuer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _reply(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            status, body = fake.answer(urlsplit(self.path).path)
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = _reply
        do_POST = _reply

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def fake_issuer(settings) -> Iterator[FakeIssuer]:
    """The local issuer, turned on as the login's provider for the test."""
    fake = FakeIssuer()
    fake.published = [fake.signing_key]
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    fake.issuer = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    use_oidc(settings, fake.issuer)
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def start_login(api_client) -> Callable[..., dict[str, str]]:
    """Starts a login through the API; returns the authorization request's parameters."""

    def start(next_path: str = "/dossiers") -> dict[str, str]:
        response = api_client.get("/api/v1/auth/oidc/start/", {"next": next_path})
        assert response.status_code == 302, response.content
        return {key: values[0] for key, values in parse_qs(urlsplit(response["Location"]).query).items()}

    return start
