"""How the rest of the project reaches object storage: `get_storage()`, nothing else."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings

from storage.backends.filesystem import FilesystemStorage
from storage.backends.s3 import S3Storage
from storage.base import Storage


def build_storage(backend: str) -> Storage:
    if backend == "s3":
        conf = settings.STORAGE_S3
        return S3Storage(
            endpoint=conf["ENDPOINT"],
            public_endpoint=conf["PUBLIC_ENDPOINT"],
            access_key=conf["ACCESS_KEY"],
            secret_key=conf["SECRET_KEY"],
            bucket=conf["BUCKET"],
            region=conf["REGION"],
        )
    if backend == "filesystem":
        return FilesystemStorage(settings.STORAGE_FILESYSTEM_ROOT)
    raise ValueError(f"unknown storage backend {backend!r}")


@lru_cache(maxsize=1)
def get_storage() -> Storage:
    storage = build_storage(settings.STORAGE_BACKEND)
    storage.ensure_ready()
    return storage
