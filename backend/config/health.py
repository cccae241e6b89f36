"""Liveness and readiness, for load balancers, orchestrators and the container health checks.

`live` answers as long as the process serves requests: restart it when this fails. `ready`
also asks the services a request needs (database, broker, object store): take the instance
out of rotation while this fails, but do not restart it, since restarting fixes none of them.
Both are public and cheap; neither says more than which service failed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import dramatiq
from django.db import connection
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from storage.services import get_storage

logger = logging.getLogger(__name__)


class CheckSerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    duration_ms = serializers.FloatField(help_text="How long the service took to answer.")
    error = serializers.CharField(required=False, help_text="The kind of failure, when it failed.")


class LiveSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["ok"])


class ReadySerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["ok", "unavailable"])
    checks = serializers.DictField(
        child=CheckSerializer(), help_text="One entry per service: database, broker, storage."
    )


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _broker() -> None:
    """The Redis broker must answer a ping; the embedded broker lives in this process."""
    client = getattr(dramatiq.get_broker(), "client", None)
    if client is not None:
        client.ping()


def _storage() -> None:
    get_storage().ping()


CHECKS: dict[str, Callable[[], None]] = {"database": _database, "broker": _broker, "storage": _storage}


def _run(check: Callable[[], None]) -> dict[str, object]:
    started = time.perf_counter()
    result: dict[str, object] = {"ok": True}
    try:
        check()
    except Exception as exc:  # any failure means "not ready"; the log has the details
        logger.warning("readiness check %s failed", check.__name__, exc_info=True)
        result = {"ok": False, "error": type(exc).__name__}
    result["duration_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


class _HealthView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []
    throttle_classes: list = []


class LiveView(_HealthView):
    @extend_schema(
        operation_id="health_live",
        tags=["health"],
        summary="Liveness",
        description="200 while the process serves requests. Asks no other service.",
        responses={200: LiveSerializer},
    )
    def get(self, request: Request) -> Response:
        return Response({"status": "ok"})


class ReadyView(_HealthView):
    @extend_schema(
        operation_id="health_ready",
        tags=["health"],
        summary="Readiness",
        description=(
            "200 when the database, the job broker and the object store all answer; 503 with the "
            "same body, naming the failing service, when one does not."
        ),
        responses={
            200: ReadySerializer,
            503: OpenApiResponse(ReadySerializer, description="A service did not answer."),
        },
    )
    def get(self, request: Request) -> Response:
        checks = {name: _run(check) for name, check in CHECKS.items()}
        ready = all(result["ok"] for result in checks.values())
        return Response({"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503)
