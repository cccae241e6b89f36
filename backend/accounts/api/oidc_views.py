"""Log in with an external identity provider (OpenID Connect): the four endpoints the SPA uses.

Start and callback are browser navigations, answered with redirects: to the provider, then
back to the SPA's `/login/oidc` with a one-time ticket (or an error code) in the fragment,
never a 500 and never tokens in a URL. The SPA exchanges the ticket for its token pair.
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.api.serializers import OidcConfigSerializer, OidcExchangeSerializer, TokenPairSerializer
from accounts.oidc.client import oidc_config
from accounts.oidc.errors import OidcError
from accounts.oidc.flow import (
    LOGIN_TTL,
    TICKET_TTL,
    is_relative_path,
    oidc_login_callback,
    oidc_login_start,
    oidc_ticket_redeem,
)
from config.openapi import errors
from config.throttling import PublicView

logger = logging.getLogger(__name__)

SPA_LANDING = "/login/oidc"
# The state of the login this browser started, read back by the callback (login CSRF).
STATE_COOKIE = "urbadesk_oidc_state"
TICKET_COOKIE = "urbadesk_oidc_ticket"
COOKIE_PATH = "/api/v1/auth/oidc/"
NEXT_NOT_RELATIVE = _("Only a path on this site, starting with a single /, is accepted.")
DEFAULT_NEXT = "/dossiers"


def _set_cookie(response: HttpResponse, name: str, value: str, *, max_age: int) -> None:
    """A cookie only the login's own endpoints receive, and only from this site's pages (Lax: it
    goes with the provider's redirect back, a top-level GET, not with a cross-site post)."""
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=COOKIE_PATH,
        secure=settings.URBADESK["PUBLIC_URL"].startswith("https://"),
        httponly=True,
        samesite="Lax",
    )


def _to_spa(**fragment: str) -> HttpResponseRedirect:
    """Back to the SPA, what it needs in the fragment; the response is never cached."""
    response = HttpResponseRedirect(f"{SPA_LANDING}#{urlencode(fragment)}")
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "no-referrer"
    return response


def _refused(error: OidcError, step: str) -> HttpResponseRedirect:
    logger.warning("OpenID Connect login refused at %s: %s", step, error)
    return _to_spa(error=error.code)


class OidcStartQuerySerializer(serializers.Serializer):
    next = serializers.CharField(required=False, default=DEFAULT_NEXT, max_length=500)

    def validate_next(self, value: str) -> str:
        if not is_relative_path(value):
            raise serializers.ValidationError(NEXT_NOT_RELATIVE)
        return value


class OidcConfigView(PublicView):
    @extend_schema(
        operation_id="auth_oidc_config",
        summary="External login: is it offered",
        description=(
            "Whether this installation offers a login with an identity provider through OpenID Connect "
            "(a national or regional eID), and the name to show on its button."
        ),
        responses={200: OidcConfigSerializer, **errors(429)},
    )
    def get(self, request: Request) -> Response:
        config = oidc_config()
        return Response({"enabled": config.enabled, "label": config.label if config.enabled else ""})


class OidcStartView(PublicView):
    @extend_schema(
        operation_id="auth_oidc_start",
        summary="External login: go to the provider",
        description=(
            "A browser navigation, not an API call: redirects to the identity provider's login page "
            "(authorization code flow with state, nonce and PKCE S256). `next` is where the SPA goes "
            "once logged in: a path on this site only. When no provider is configured, or it does "
            "not answer, redirects to `/login/oidc#error=<code>`."
        ),
        parameters=[OpenApiParameter("next", OpenApiTypes.STR, description="A path of the SPA, e.g. `/dossiers`.")],
        responses={
            302: OpenApiResponse(description="To the provider's login page, or to `/login/oidc#error=<code>`."),
            **errors(400, 429),
        },
    )
    def get(self, request: Request) -> HttpResponseRedirect:
        query = OidcStartQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        try:
            started = oidc_login_start(next_path=query.validated_data["next"])
        except OidcError as error:
            return _refused(error, "start")
        response = HttpResponseRedirect(started.url)
        _set_cookie(response, STATE_COOKIE, started.state, max_age=int(LOGIN_TTL.total_seconds()))
        add_never_cache_headers(response)
        return response


class OidcCallbackView(PublicView):
    @extend_schema(
        operation_id="auth_oidc_callback",
        summary="External login: the provider's answer",
        description=(
            "Where the identity provider sends the browser back (the redirect URI to register there: "
            "URBADESK_PUBLIC_URL + this path). Checks the answer against the login it started (state, "
            "issuer), exchanges the code, verifies the ID token (signature, issuer, audience, expiry, "
            "nonce), then links or creates the account and redirects to `/login/oidc#ticket=<ticket>&next=<path>`; "
            "on any refusal to `/login/oidc#error=<code>`."
        ),
        parameters=[
            OpenApiParameter("code", OpenApiTypes.STR, description="The authorization code."),
            OpenApiParameter("state", OpenApiTypes.STR, description="The login's state, as sent at the start."),
            OpenApiParameter(
                "iss", OpenApiTypes.STR, description="The provider's issuer (RFC 9207), when it sends it."
            ),
            OpenApiParameter("error", OpenApiTypes.STR, description="The provider's error code, e.g. `access_denied`."),
            OpenApiParameter("error_description", OpenApiTypes.STR, description="The provider's explanation."),
        ],
        responses={
            302: OpenApiResponse(description="To `/login/oidc#ticket=…&next=…`, or `/login/oidc#error=<code>`."),
            **errors(429),
        },
    )
    def get(self, request: Request) -> HttpResponseRedirect:
        query = request.query_params
        try:
            ticket = oidc_login_callback(
                state=query.get("state", ""),
                browser_state=request.COOKIES.get(STATE_COOKIE, ""),
                code=query.get("code", ""),
                error=query.get("error", ""),
                issuer=query.get("iss", ""),
            )
        except OidcError as error:
            response = _refused(error, "callback")
        else:
            response = _to_spa(ticket=ticket.ticket, next=ticket.next_path)
            _set_cookie(response, TICKET_COOKIE, ticket.binding, max_age=int(TICKET_TTL.total_seconds()))
        response.delete_cookie(STATE_COOKIE, path=COOKIE_PATH)
        return response


class OidcExchangeView(APIView):
    """Anyone holding a fresh ticket may call it; rate-limited like the password login."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"

    @extend_schema(
        operation_id="auth_oidc_exchange",
        summary="External login: exchange the ticket for tokens",
        description=(
            "Exchanges the one-time ticket of `/login/oidc#ticket=…` for the same token pair as "
            "`POST /api/v1/auth/token/`. A ticket works once, within a minute, and only in the browser that "
            "logged in (it holds the ticket's other half in a cookie)."
        ),
        request=OidcExchangeSerializer,
        responses={200: TokenPairSerializer, **errors(400, 429)},
    )
    def post(self, request: Request) -> Response:
        serializer = OidcExchangeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = oidc_ticket_redeem(
            ticket=serializer.validated_data["ticket"], binding=request.COOKIES.get(TICKET_COOKIE, "")
        )
        refresh = RefreshToken.for_user(user)
        response = Response({"access": str(refresh.access_token), "refresh": str(refresh)})
        response.delete_cookie(TICKET_COOKIE, path=COOKIE_PATH)
        return response
