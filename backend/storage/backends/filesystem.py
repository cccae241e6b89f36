"""The embedded default: objects are files under a data folder.

Signed URLs point at the API itself (`storage.views`), which checks the signature and its
age, then streams the file in or out; so the browser flow is the same as with S3.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from django.core import signing
from django.urls import reverse

from storage.base import ObjectInfo, UploadTarget, download_filename, iter_chunks, validate_key

SIGNING_SALT = "urbadesk.storage.filesystem"


class FilesystemStorage:
    name = "filesystem"

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / validate_key(key)

    def ensure_ready(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)

    def ping(self) -> None:
        if not self.root.is_dir():
            raise FileNotFoundError(f"storage folder {self.root} does not exist")

    def put(self, key: str, stream: BinaryIO, *, size: int | None, content_type: str) -> ObjectInfo:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write to a temporary file beside the target, then rename: readers never see half a file.
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        written = 0
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in iter_chunks(stream):
                    out.write(chunk)
                    written += len(chunk)
            os.replace(tmp_name, path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return ObjectInfo(key=key, size=written)

    @contextmanager
    def open(self, key: str) -> Iterator[BinaryIO]:
        with open(self._path(key), "rb") as handle:
            yield handle

    def stat(self, key: str) -> ObjectInfo | None:
        path = self._path(key)
        if not path.is_file():
            return None
        return ObjectInfo(key=key, size=path.stat().st_size)

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def copy(self, source: str, destination: str) -> ObjectInfo:
        src, dst = self._path(source), self._path(destination)
        if not src.is_file():
            raise FileNotFoundError(source)
        dst.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=dst.parent, prefix=".part-")
        os.close(fd)
        shutil.copyfile(src, tmp_name)
        os.replace(tmp_name, dst)
        return ObjectInfo(key=destination, size=dst.stat().st_size)

    def download_url(self, key: str, *, expires_in: int, filename: str | None = None) -> str:
        name = download_filename(filename, key) if filename else None
        token = signing.dumps({"k": validate_key(key), "m": "GET", "f": name, "t": expires_in}, salt=SIGNING_SALT)
        return reverse("storage-object", kwargs={"token": token})

    def upload_url(self, key: str, *, expires_in: int, content_type: str) -> UploadTarget:
        token = signing.dumps({"k": validate_key(key), "m": "PUT", "t": expires_in}, salt=SIGNING_SALT)
        return UploadTarget(
            url=reverse("storage-object", kwargs={"token": token}), method="PUT", headers={"Content-Type": content_type}
        )

    def read_token(self, token: str, *, method: str) -> dict:
        """Decode a URL token; raises signing.BadSignature (or SignatureExpired) if not valid now."""
        unverified = signing.loads(token, salt=SIGNING_SALT)  # checks the signature
        data = signing.loads(token, salt=SIGNING_SALT, max_age=int(unverified["t"]))
        if data.get("m") != method:
            raise signing.BadSignature("wrong method for this URL")
        validate_key(data["k"])
        return data
