"""Shared OpenAPI pieces: the error body and the error responses each endpoint documents."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="Stable machine-readable error code, e.g. `validation_error`.")
    title = serializers.CharField(help_text="Short human-readable summary, in the request's language.")
    status = serializers.IntegerField(help_text="The HTTP status code.")
    detail = serializers.CharField(help_text="What went wrong and how to fix it.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Per-field messages, for invalid input.",
    )


_DESCRIPTIONS = {
    400: "Invalid input or malformed JSON.",
    401: "Missing, invalid or expired token.",
    403: "Authenticated but not allowed.",
    404: "Not found, or not visible to you; or a page number past the last page.",
    409: "Conflicts with the current state (e.g. the dossier is no longer editable, the file has not arrived).",
    413: "The file or request is too large.",
    415: "The body is not of a content type this endpoint reads, or it cannot be parsed as such.",
    422: "The file was refused (not a valid PDF or image, encrypted, too many pages…), or an Idempotency-Key was reused for another request.",
    429: "Too many requests; retry later.",
    503: "The work could not be done now (a service it depends on did not answer, or an export failed); nothing was changed; retry later.",
}


def errors(*codes: int) -> dict[int, OpenApiResponse]:
    return {code: OpenApiResponse(ErrorSerializer, description=_DESCRIPTIONS[code]) for code in codes}


def document_outages(result: dict, generator: object, request: object, public: bool) -> dict:
    """Any operation may answer 503 (with Retry-After) when the database, the broker or the
    object store does not answer (config.exceptions.UNAVAILABLE): say so on each one, so that
    clients generated from the schema expect it and retry."""
    unavailable = {
        "description": _DESCRIPTIONS[503],
        "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait before retrying."}},
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "responses" in operation:
                operation["responses"].setdefault("503", unavailable)
    return result
