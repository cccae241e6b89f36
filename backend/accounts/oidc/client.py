"""The relying party's side of OpenID Connect, with Authlib for the OAuth 2 exchanges and joserfc
for the ID token.

What the provider publishes (discovery, its signing keys) is cached: a login costs the provider
two calls (the code exchange and, when the ID token lacks a claim, userinfo), not five. Keys are
fetched again, once, when a token names a key the cache does not know (the provider rotated).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any

import requests
from authlib.integrations.requests_client import OAuth2Session
from authlib.oauth2 import OAuth2Error
from django.conf import settings
from django.core.cache import cache
from joserfc import jws, jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from accounts.oidc.errors import INVALID_TOKEN, PROVIDER_ERROR, PROVIDER_UNAVAILABLE, OidcError

logger = logging.getLogger(__name__)

# Asymmetric algorithms only: a provider's keys are public, so an HMAC token "signed" with one
# of them would be a forgery anyone can make.
ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA")
# Clock skew tolerated between the provider and us on exp and iat.
LEEWAY_SECONDS = 60
CACHE_SECONDS = 3600
TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class OidcConfig:
    """URBADESK["OIDC"], from the URBADESK_OIDC_* variables (config/env.py)."""

    issuer: str
    client_id: str
    client_secret: str
    scopes: str
    claim_email: str
    claim_name: str
    claim_level: str
    label: str

    @property
    def enabled(self) -> bool:
        return bool(self.issuer and self.client_id)


@dataclass(frozen=True)
class Identity:
    """Who the provider says logged in, through the configured claim mapping."""

    issuer: str
    subject: str
    email: str
    email_verified: bool
    full_name: str
    identity_level: str


def oidc_config() -> OidcConfig:
    values = settings.URBADESK["OIDC"]
    return OidcConfig(
        issuer=values["ISSUER"].rstrip("/"),
        client_id=values["CLIENT_ID"],
        client_secret=values["CLIENT_SECRET"],
        scopes=values["SCOPES"],
        claim_email=values["CLAIM_EMAIL"],
        claim_name=values["CLAIM_NAME"],
        claim_level=values["CLAIM_LEVEL"],
        label=values["LABEL"],
    )


def _cache_key(kind: str, issuer: str) -> str:
    return f"oidc:{kind}:{hashlib.sha256(issuer.encode()).hexdigest()[:32]}"


def _get_json(url: str, **kwargs: Any) -> Any:
    try:
        response = requests.get(url, timeout=TIMEOUT_SECONDS, **kwargs)
        response.raise_for_status()
        return response.json()
    except (requests.RequestException, ValueError) as error:
        raise OidcError(PROVIDER_UNAVAILABLE, f"GET {url}: {error}") from error


def discovery(config: OidcConfig) -> dict[str, Any]:
    """The provider's metadata, which must name the configured issuer exactly (OIDC Discovery §4.3)."""
    key = _cache_key("discovery", config.issuer)
    metadata = cache.get(key)
    if metadata is None:
        metadata = _get_json(f"{config.issuer}/.well-known/openid-configuration")
        named = metadata.get("issuer") if isinstance(metadata, dict) else None
        if named != config.issuer:
            raise OidcError(PROVIDER_ERROR, f"discovery names issuer {named!r}")
        missing = {"authorization_endpoint", "token_endpoint", "jwks_uri"} - set(metadata)
        if missing:
            raise OidcError(PROVIDER_ERROR, f"discovery lacks {sorted(missing)}")
        cache.set(key, metadata, CACHE_SECONDS)
    return metadata


def _key_set(config: OidcConfig, *, refresh: bool = False) -> KeySet:
    key = _cache_key("jwks", config.issuer)
    jwks = None if refresh else cache.get(key)
    if jwks is None:
        jwks = _get_json(discovery(config)["jwks_uri"])
        cache.set(key, jwks, CACHE_SECONDS)
    try:
        return KeySet.import_key_set(jwks)
    except (JoseError, ValueError, TypeError, KeyError, AttributeError) as error:
        raise OidcError(PROVIDER_ERROR, f"unreadable JWKS: {error}") from error


def _token_auth_method(metadata: dict[str, Any]) -> str:
    """HTTP Basic (the default of OIDC Discovery), or the form post a provider may ask for instead."""
    supported = metadata.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    return (
        "client_secret_post"
        if "client_secret_basic" not in supported and "client_secret_post" in supported
        else "client_secret_basic"
    )


def _session(config: OidcConfig, redirect_uri: str) -> OAuth2Session:
    return OAuth2Session(
        client_id=config.client_id,
        client_secret=config.client_secret,
        scope=config.scopes,
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
        token_endpoint_auth_method=_token_auth_method(discovery(config)),
        timeout=TIMEOUT_SECONDS,
    )


def authorization_url(config: OidcConfig, *, redirect_uri: str, state: str, nonce: str, code_verifier: str) -> str:
    """Where to send the browser: the provider's login page, with state, nonce and a PKCE challenge."""
    endpoint = discovery(config)["authorization_endpoint"]
    with _session(config, redirect_uri) as session:
        url, _ = session.create_authorization_url(endpoint, state=state, code_verifier=code_verifier, nonce=nonce)
    return url


def _exchange_code(config: OidcConfig, *, code: str, code_verifier: str, redirect_uri: str) -> dict[str, Any]:
    endpoint = discovery(config)["token_endpoint"]
    with _session(config, redirect_uri) as session:
        try:
            return dict(
                session.fetch_token(endpoint, grant_type="authorization_code", code=code, code_verifier=code_verifier)
            )
        except (OAuth2Error, ValueError) as error:
            raise OidcError(PROVIDER_ERROR, f"token endpoint: {error}") from error
        except requests.RequestException as error:
            raise OidcError(PROVIDER_UNAVAILABLE, f"token endpoint: {error}") from error


def _signing_keys(config: OidcConfig, id_token: str) -> KeySet:
    """The provider's keys; fetched again once if the token names a key we do not have."""
    try:
        kid = jws.extract_compact(id_token.encode()).headers().get("kid")
    except (JoseError, ValueError) as error:
        raise OidcError(INVALID_TOKEN, f"unreadable ID token: {error}") from error
    keys = _key_set(config)
    if kid and kid not in {key.kid for key in keys.keys}:
        keys = _key_set(config, refresh=True)
    return keys


def verify_id_token(config: OidcConfig, id_token: str, *, nonce: str) -> dict[str, Any]:
    """The ID token's claims, once its signature, issuer, audience, times and nonce are right
    (OIDC Core §3.1.3.7); anything else is an `invalid_token` refusal."""
    keys = _signing_keys(config, id_token)
    try:
        token = jwt.decode(id_token, keys, algorithms=list(ALGORITHMS))
        registry = jwt.JWTClaimsRegistry(
            leeway=LEEWAY_SECONDS,
            iss={"essential": True, "value": config.issuer},
            aud={"essential": True, "value": config.client_id},
            sub={"essential": True},
            exp={"essential": True},
            iat={"essential": True},
            nonce={"essential": True, "value": nonce},
        )
        registry.validate(token.claims)
    except (JoseError, ValueError) as error:
        raise OidcError(INVALID_TOKEN, f"ID token refused: {error}") from error
    claims = dict(token.claims)
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if (len(audiences) > 1 or "azp" in claims) and claims.get("azp") != config.client_id:
        # OIDC Core §3.1.3.7 (5): a token for several parties must name us as the one it was for.
        raise OidcError(INVALID_TOKEN, f"authorised party {claims.get('azp')!r}")
    return claims


def _userinfo(config: OidcConfig, access_token: str, subject: str) -> dict[str, Any]:
    """The claims the provider keeps for userinfo (many put only `sub` in the ID token)."""
    endpoint = discovery(config).get("userinfo_endpoint")
    if not endpoint or not access_token:
        return {}
    claims = _get_json(endpoint, headers={"Authorization": f"Bearer {access_token}"})
    if not isinstance(claims, dict) or claims.get("sub") != subject:
        # OIDC Core §5.3.2: a userinfo answer about someone else must not be used.
        raise OidcError(INVALID_TOKEN, "userinfo names another subject")
    return claims


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _level(value: Any) -> str:
    """The identity level as text: providers send a URI (`acr`) or a number (a `loa` claim)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ""
    return str(value).strip()


def identity_from_code(config: OidcConfig, *, code: str, code_verifier: str, redirect_uri: str, nonce: str) -> Identity:
    """Exchanges the code and returns who logged in, mapped through URBADESK_OIDC_CLAIM_*."""
    tokens = _exchange_code(config, code=code, code_verifier=code_verifier, redirect_uri=redirect_uri)
    id_token = tokens.get("id_token")
    if not isinstance(id_token, str):
        raise OidcError(INVALID_TOKEN, "the token response has no ID token")
    claims = verify_id_token(config, id_token, nonce=nonce)
    wanted = (config.claim_email, config.claim_name, config.claim_level, "email_verified")
    if any(name not in claims for name in wanted):
        # The ID token's claims win: they are signed; userinfo only fills in what it lacks.
        claims = {**_userinfo(config, _text(tokens.get("access_token")), claims["sub"]), **claims}
    verified = claims.get("email_verified")
    return Identity(
        issuer=config.issuer,
        subject=claims["sub"],
        email=_text(claims.get(config.claim_email)).lower(),
        email_verified=verified is True or verified == "true",
        full_name=_text(claims.get(config.claim_name)),
        identity_level=_level(claims.get(config.claim_level)),
    )
