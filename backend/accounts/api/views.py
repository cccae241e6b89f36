from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView
from rest_framework_simplejwt import views as jwt_views

from accounts.api.serializers import MeSerializer, MeUpdateSerializer, TokenPairSerializer
from accounts.services import profile_update
from config.openapi import errors


class TokenObtainView(jwt_views.TokenObtainPairView):
    """Exchanges e-mail and password for a short-lived access token and a refresh token."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"

    @extend_schema(
        operation_id="auth_token_obtain",
        summary="Log in",
        description=(
            "Returns an access token (minutes) and a refresh token (days). Send the access token "
            "as `Authorization: Bearer <access>`. Attempts are rate-limited per client."
        ),
        responses={200: TokenPairSerializer, **errors(400, 401, 429)},
    )
    def post(self, request: Request, *args, **kwargs) -> Response:
        return super().post(request, *args, **kwargs)


class TokenRefreshView(jwt_views.TokenRefreshView):
    """Rotates the refresh token: the old one is blacklisted and a new pair returned."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"

    @extend_schema(
        operation_id="auth_token_refresh",
        summary="Refresh the access token",
        description="Exchanges a refresh token for a new access token and a new refresh token (rotation).",
        responses={200: TokenPairSerializer, **errors(400, 401, 429)},
    )
    def post(self, request: Request, *args, **kwargs) -> Response:
        return super().post(request, *args, **kwargs)


class MeView(APIView):
    @extend_schema(
        operation_id="auth_me",
        summary="Who am I",
        description="The authenticated user, their role and organisation.",
        responses={200: MeSerializer, **errors(401)},
    )
    def get(self, request: Request) -> Response:
        return Response(MeSerializer(_me(request.user)).data)

    @extend_schema(
        operation_id="auth_me_update",
        summary="Change my profile",
        description="My name, language (of notifications and documents) and phone number for SMS notifications.",
        request=MeUpdateSerializer,
        responses={200: MeSerializer, **errors(400, 401)},
    )
    def patch(self, request: Request) -> Response:
        serializer = MeUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        profile_update(actor=request.user, **serializer.validated_data)
        return Response(MeSerializer(_me(request.user)).data)


def _me(user):
    return type(user).objects.select_related("organisation").get(pk=user.pk)
