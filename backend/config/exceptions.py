"""One error shape for the whole API: {type, title, status, detail, errors?}.

Services raise `DomainError` (or Django's ValidationError); DRF's own exceptions are mapped
too, so clients only ever see this shape, never an HTML page or a bare string.
"""

from __future__ import annotations

import logging
from typing import Any

import redis
import urllib3
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from minio.error import ServerError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

logger = logging.getLogger(__name__)

# A service the API depends on (database, broker, object store) did not answer: the request
# did nothing (its transaction rolled back) and may be retried, so 503 rather than 500.
UNAVAILABLE = (
    OperationalError,
    InterfaceError,
    urllib3.exceptions.HTTPError,
    ServerError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
)
UNAVAILABLE_DETAIL = _("A service Urbadesk depends on did not answer; nothing was changed. Retry in a moment.")
RETRY_AFTER_SECONDS = 5


class DomainError(Exception):
    """A rule of the domain refused the request; `status` says how (409, 413, 422…)."""

    status_code = status.HTTP_400_BAD_REQUEST
    error_type = "invalid_request"
    title = _("Invalid request")

    def __init__(self, detail: str, *, errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors


class Conflict(DomainError):
    status_code = status.HTTP_409_CONFLICT
    error_type = "conflict"
    title = _("Conflict")


class PayloadTooLarge(DomainError):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    error_type = "payload_too_large"
    title = _("File too large")


class UnprocessableFile(DomainError):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    error_type = "unprocessable_file"
    title = _("File refused")


_TYPES: dict[type[exceptions.APIException], tuple[str, Any]] = {
    exceptions.ValidationError: ("validation_error", _("Invalid input")),
    exceptions.ParseError: ("parse_error", _("Malformed request body")),
    exceptions.AuthenticationFailed: ("authentication_failed", _("Authentication failed")),
    exceptions.NotAuthenticated: ("not_authenticated", _("Authentication required")),
    exceptions.PermissionDenied: ("permission_denied", _("Permission denied")),
    exceptions.NotFound: ("not_found", _("Not found")),
    exceptions.MethodNotAllowed: ("method_not_allowed", _("Method not allowed")),
    exceptions.NotAcceptable: ("not_acceptable", _("Not acceptable")),
    exceptions.UnsupportedMediaType: ("unsupported_media_type", _("Unsupported media type")),
    exceptions.Throttled: ("throttled", _("Too many requests")),
}


def error_body(*, status_code: int, error_type: str, title: Any, detail: Any, errors: Any = None) -> dict:
    body: dict[str, Any] = {"type": error_type, "title": str(title), "status": status_code, "detail": str(detail)}
    if errors:
        body["errors"] = errors
    return body


def _field_errors(data: Any) -> dict[str, list[str]]:
    if isinstance(data, dict):
        return {key: _flatten(value) for key, value in data.items()}
    return {"non_field_errors": _flatten(data)}


def _flatten(value: Any) -> list[str]:
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            out.extend(_flatten(item))
        return out
    if isinstance(value, dict):
        return [f"{k}: {m}" for k, v in value.items() for m in _flatten(v)]
    return [str(value)]


def _unavailable(exc: Exception) -> Response:
    logger.error("service unavailable: %s: %s", type(exc).__name__, exc)
    body = error_body(
        status_code=503, error_type="service_unavailable", title=_("Service unavailable"), detail=UNAVAILABLE_DETAIL
    )
    return Response(body, status=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


def exception_handler(exc: Exception, context: dict) -> Response | None:
    if isinstance(exc, UNAVAILABLE):
        return _unavailable(exc)
    if isinstance(exc, DomainError):
        body = error_body(
            status_code=exc.status_code,
            error_type=exc.error_type,
            title=exc.title,
            detail=exc.detail,
            errors=exc.errors,
        )
        return Response(body, status=exc.status_code)
    if isinstance(exc, DjangoValidationError):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(errors)
    elif isinstance(exc, RequestDataTooBig):
        body = error_body(
            status_code=413, error_type="payload_too_large", title=_("Request too large"), detail=str(exc)
        )
        return Response(body, status=413)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    error_type, title = next(
        ((t, ti) for cls, (t, ti) in _TYPES.items() if isinstance(exc, cls)), ("error", _("Error"))
    )
    if isinstance(exc, exceptions.ValidationError):
        errors = _field_errors(exc.detail)
        detail = _("The request has invalid fields; see `errors`.")
    else:
        errors = None
        detail = exc.detail if not isinstance(exc.detail, (list, dict)) else _flatten(exc.detail)[0]
    response.data = error_body(
        status_code=response.status_code, error_type=error_type, title=title, detail=detail, errors=errors
    )
    return response
