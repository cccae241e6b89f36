"""Signed-URL endpoints of the filesystem backend (the S3 backend's URLs go to the store).

The signature in the URL is the authorisation: it was issued by the API after its own
permission check, names one key and one method, and expires within minutes.
"""

from __future__ import annotations

import mimetypes
from typing import BinaryIO

from django.conf import settings
from django.core import signing
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from config.exceptions import error_body
from config.security import API_POLICY
from storage.backends.filesystem import FilesystemStorage
from storage.base import InvalidKey, content_disposition, download_filename
from storage.services import get_storage


def _error(status: int, error_type: str, title: str, detail: str) -> JsonResponse:
    body = error_body(status_code=status, error_type=error_type, title=title, detail=detail)
    return JsonResponse(body, status=status)


class _LimitedReader:
    """Reads the request body in chunks and stops past `limit` bytes."""

    def __init__(self, stream: BinaryIO, limit: int) -> None:
        self.stream, self.limit, self.count = stream, limit, 0

    def read(self, size: int = -1) -> bytes:
        chunk = self.stream.read(size)
        self.count += len(chunk)
        if self.count > self.limit:
            raise OverflowError
        return chunk


@csrf_exempt
@require_http_methods(["GET", "HEAD", "PUT"])
def storage_object(request: HttpRequest, token: str) -> HttpResponse:
    storage = get_storage()
    if not isinstance(storage, FilesystemStorage):
        return _error(404, "not_found", "Not found", "This store serves no signed URLs.")
    method = "PUT" if request.method == "PUT" else "GET"
    try:
        data = storage.read_token(token, method=method)
    except signing.SignatureExpired:
        return _error(403, "url_expired", "Link expired", "This link has expired; ask the API for a new one.")
    except (signing.BadSignature, InvalidKey, KeyError, ValueError):
        return _error(403, "bad_signature", "Invalid link", "This link is not valid.")
    key = data["k"]
    if method == "PUT":
        return _receive(request, storage, key)
    if storage.stat(key) is None:
        return _error(404, "not_found", "Not found", "The object does not exist.")
    content_type = mimetypes.guess_type(key)[0] or "application/octet-stream"
    handle = storage._path(key).open("rb")
    response = FileResponse(handle, content_type=content_type)
    name = data.get("f")
    if name:
        response["Content-Disposition"] = content_disposition(download_filename(name, key))
    else:  # thumbnails, shown in the page
        response["Content-Disposition"] = "inline"
    # People's files: never sniffed into another type, never run as a page of this site (the
    # sandbox also denies plugins and gives an opened file an origin of its own).
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = f"{API_POLICY}; sandbox"
    return response


def _receive(request: HttpRequest, storage: FilesystemStorage, key: str) -> HttpResponse:
    limit = settings.URBADESK["MAX_UPLOAD_BYTES"]
    declared = int(request.META.get("CONTENT_LENGTH") or 0)
    if declared > limit:
        return _error(413, "payload_too_large", "File too large", f"The limit is {limit} bytes.")
    if storage.stat(key) is not None:
        return _error(409, "conflict", "Already uploaded", "This upload link has already been used.")
    reader = _LimitedReader(request, limit)
    try:
        info = storage.put(key, reader, size=declared or None, content_type=request.content_type or "")
    except OverflowError:
        return _error(413, "payload_too_large", "File too large", f"The limit is {limit} bytes.")
    return JsonResponse({"key": key, "size": info.size}, status=201)
