"""`Idempotency-Key` support for writes that clients may retry (create a dossier, a plan…).

The first request with a key reserves it (one row, unique per user and key), runs, and
stores its response; a retry with the same key and the same request gets that response
again, marked `Idempotent-Replayed: true`, and writes nothing. A key reused for a different
request is a 422; a retry that arrives while the first one still runs is a 409.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter
from rest_framework.request import Request
from rest_framework.response import Response

from config.exceptions import Conflict, DomainError
from config.models import IdempotencyRecord

HEADER = "Idempotency-Key"
KEY_TTL = timedelta(hours=24)
# A first request that never stored its outcome (its process died) frees its key after this.
IN_FLIGHT_TIMEOUT = timedelta(minutes=5)
KEY_IN_FLIGHT = gettext_lazy("A request with this Idempotency-Key is still being processed; retry shortly.")
KEY_REUSED = gettext_lazy("This Idempotency-Key was used for a different request.")
KEY_TOO_LONG = gettext_lazy("The Idempotency-Key header is longer than 255 characters.")

IDEMPOTENCY_PARAMETER = OpenApiParameter(
    name=HEADER,
    location=OpenApiParameter.HEADER,
    required=False,
    type=str,
    description=(
        "A unique value per logical request (e.g. a UUID). Retrying with the same key returns "
        "the first response instead of writing twice; keys are kept 24 hours."
    ),
)


class KeyReused(DomainError):
    status_code = 422
    error_type = "idempotency_key_reused"
    title = gettext_lazy("Idempotency-Key reused")


def _fingerprint(request: Request) -> str:
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    if request.content_type.startswith("application/json"):
        digest.update(request.body)
    return digest.hexdigest()


def _reserve(request: Request, key: str) -> IdempotencyRecord | Response:
    fingerprint = _fingerprint(request)
    now = timezone.now()
    IdempotencyRecord.objects.filter(user=request.user, key=key, created_at__lt=now - KEY_TTL).delete()
    IdempotencyRecord.objects.filter(
        user=request.user, key=key, status_code__isnull=True, created_at__lt=now - IN_FLIGHT_TIMEOUT
    ).delete()
    try:
        with transaction.atomic():
            return IdempotencyRecord.objects.create(user=request.user, key=key, fingerprint=fingerprint)
    except IntegrityError:
        existing = IdempotencyRecord.objects.get(user=request.user, key=key)
    if existing.fingerprint != fingerprint:
        raise KeyReused(str(KEY_REUSED))
    if existing.status_code is None:
        raise Conflict(str(KEY_IN_FLIGHT))
    return Response(existing.response_body, status=existing.status_code, headers={"Idempotent-Replayed": "true"})


def idempotent(view_method: Callable[..., Response]) -> Callable[..., Response]:
    """Decorate a view's `post` so that an `Idempotency-Key` header makes retries safe."""

    @functools.wraps(view_method)
    def wrapper(self, request: Request, *args, **kwargs) -> Response:
        key = request.headers.get(HEADER)
        if not key or not request.user.is_authenticated:
            return view_method(self, request, *args, **kwargs)
        if len(key) > 255:
            raise DomainError(str(KEY_TOO_LONG))
        reserved = _reserve(request, key)
        if isinstance(reserved, Response):
            return reserved
        try:
            response = view_method(self, request, *args, **kwargs)
        except Exception:
            # Errors raised as exceptions are not stored: the client may fix and retry.
            reserved.delete()
            raise
        reserved.status_code = response.status_code
        reserved.response_body = response.data
        reserved.save(update_fields=["status_code", "response_body"])
        return response

    return wrapper
