"""What answers without an account does so within the public rate limit (URBADESK_PUBLIC_RATE,
counted per client address): the public portal, the calendar feeds, the API schema and its docs."""

from __future__ import annotations

from rest_framework.permissions import AllowAny
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView


class PublicRateLimited:
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "public"


class PublicView(PublicRateLimited, APIView):
    """Anyone may call it, no credentials are read, and the public rate limit applies."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
