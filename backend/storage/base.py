"""The storage interface every backend implements, and the key rules they share.

Keys are opaque `/`-separated paths (see `dossiers.keys`). Objects are written once and never
changed in place; readers get streams, browsers get short-lived signed URLs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol
from urllib.parse import quote

CHUNK_SIZE = 1024 * 1024
_KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]*(/[A-Za-z0-9][A-Za-z0-9._\-]*)*$")


class InvalidKey(ValueError):
    pass


def validate_key(key: str) -> str:
    """Refuse keys that could escape a folder or confuse a store (`..`, absolute, odd bytes)."""
    if not _KEY_RE.match(key) or ".." in key.split("/") or len(key) > 512:
        raise InvalidKey(f"invalid storage key: {key!r}")
    return key


# Characters a file name must not carry into a download: controls (CR and LF would split the
# header), invisible formatting (a right-to-left override shows "plan\u202efdp.exe" as
# "planexe.pdf"), and anything unassigned.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_SAFE_EXTENSIONS = {"pdf": ("pdf",), "png": ("png",), "jpg": ("jpg", "jpeg"), "tif": ("tif", "tiff")}
MAX_FILENAME_LENGTH = 200


def safe_filename(name: str, *, default: str = "file") -> str:
    """A name a person's computer can save a file under: its last path segment, without control,
    invisible or direction-changing characters, leading dots or trailing blanks, and not too long."""
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if unicodedata.category(char) not in _UNSAFE_CATEGORIES)
    name = name.strip().lstrip(".").rstrip(". ")
    if len(name) > MAX_FILENAME_LENGTH:
        stem, dot, extension = name.rpartition(".")
        if dot and 0 < len(extension) <= 10:
            name = stem[: MAX_FILENAME_LENGTH - len(extension) - 1].rstrip(". ") + dot + extension
        else:
            name = name[:MAX_FILENAME_LENGTH]
    return name or default


def download_filename(name: str, key: str) -> str:
    """The safe name of a download, ending with the extension of the stored object when its key
    has one: a PDF is saved as .pdf whatever it was called, never as .html or .exe."""
    name = safe_filename(name, default="download")
    last = key.rsplit("/", 1)[-1]
    extension = last.rpartition(".")[2].lower() if "." in last else ""
    if extension in _SAFE_EXTENSIONS and name.rpartition(".")[2].lower() not in _SAFE_EXTENSIONS[extension]:
        name = f"{name}.{extension}"
    return name


def content_disposition(name: str, *, attachment: bool = True) -> str:
    """A Content-Disposition value (RFC 6266): an ASCII `filename` for old clients and the exact
    name as `filename*` (RFC 5987); `name` should already be a safe_filename."""
    name = safe_filename(name, default="download")
    fallback = "".join(char if " " <= char <= "~" and char not in '"\\%' else "_" for char in name)
    kind = "attachment" if attachment else "inline"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


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
