"""The storage interface every backend implements, and the key rules they share.

Keys are opaque `/`-separated paths (see `dossiers.keys`). Objects are written once and never
changed in place; readers get streams, browsers get short-lived signed URLs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol

CHUNK_SIZE = 1024 * 1024
_KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]*(/[A-Za-z0-9][A-Za-z0-9._\-]*)*$")


class InvalidKey(ValueError):
    pass


def validate_key(key: str) -> str:
    """Refuse keys that could escape a folder or confuse a store (`..`, absolute, odd bytes)."""
    if not _KEY_RE.match(key) or ".." in key.split("/") or len(key) > 512:
        raise InvalidKey(f"invalid storage key: {key!r}")
    return key


@dataclass(frozen=True)
class ObjectInfo:
    key: str
    size: int


@dataclass(frozen=True)
class UploadTarget:
    """Where and how a client sends the bytes of a direct upload."""

    url: str
    method: str = "PUT"
    headers: dict[str, str] = field(default_factory=dict)


class Storage(Protocol):
    name: str

    def ensure_ready(self) -> None:
        """Create the bucket or folder if missing; safe to call at every start."""

    def ping(self) -> None:
        """Raise if the store does not answer or its bucket or folder is gone (readiness)."""

    def put(self, key: str, stream: BinaryIO, *, size: int | None, content_type: str) -> ObjectInfo:
        """Store a stream under `key`, reading it in chunks (never whole in memory)."""

    def open(self, key: str) -> AbstractContextManager[BinaryIO]:
        """A readable stream of the object; raises FileNotFoundError if missing."""

    def stat(self, key: str) -> ObjectInfo | None:
        """Size of the object, or None if it does not exist."""

    def delete(self, key: str) -> None:
        """Remove the object; no error if it is already gone."""

    def copy(self, source: str, destination: str) -> ObjectInfo:
        """Copy inside the store, without passing the bytes through this process when possible."""

    def download_url(self, key: str, *, expires_in: int, filename: str | None = None) -> str:
        """A URL that lets its holder GET the object for `expires_in` seconds."""

    def upload_url(self, key: str, *, expires_in: int, content_type: str) -> UploadTarget:
        """A URL that lets its holder PUT the object once within `expires_in` seconds."""


def iter_chunks(stream: BinaryIO, size: int = CHUNK_SIZE) -> Iterator[bytes]:
    while True:
        chunk = stream.read(size)
        if not chunk:
            return
        yield chunk
