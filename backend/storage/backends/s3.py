"""S3 protocol backend (MinIO, AWS S3 or any compatible store) through the minio client."""

from __future__ import annotations

import base64
import hashlib
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import BinaryIO
from urllib.parse import urlsplit

import certifi
import urllib3
from minio import Minio
from minio.commonconfig import ENABLED, CopySource
from minio.error import S3Error
from minio.versioningconfig import VersioningConfig

from storage.base import ObjectInfo, UploadTarget, content_disposition, download_filename, validate_key

logger = logging.getLogger(__name__)
PART_SIZE = 10 * 1024 * 1024
_MISSING = {"NoSuchKey", "NoSuchObject", "NoSuchVersion"}

# Browsers upload straight to the store with presigned PUTs, so the bucket must allow them.
CORS_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PUT</AllowedMethod>
<AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader>
<MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>"""


# The minio client waits five minutes to connect by default: a request whose store has gone
# away would hold a web thread that long. Connecting is quick or it is not going to happen;
# reads of large objects may pause, so they get longer.
CONNECT_TIMEOUT_SECONDS = 5
READ_TIMEOUT_SECONDS = 120


def _http_client() -> urllib3.PoolManager:
    """minio's own default pool, with timeouts a web request can afford."""
    return urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=CONNECT_TIMEOUT_SECONDS, read=READ_TIMEOUT_SECONDS),
        maxsize=10,
        cert_reqs="CERT_REQUIRED",
        ca_certs=os.environ.get("SSL_CERT_FILE") or certifi.where(),
        retries=urllib3.Retry(total=3, backoff_factor=0.2, status_forcelist=[500, 502, 503, 504]),
    )


def _client(endpoint: str, *, access_key: str, secret_key: str, region: str) -> Minio:
    parts = urlsplit(endpoint if "://" in endpoint else f"http://{endpoint}")
    # A fixed region keeps presigning local: the client never asks the store for it.
    return Minio(
        parts.netloc,
        access_key=access_key,
        secret_key=secret_key,
        secure=parts.scheme == "https",
        region=region,
        http_client=_http_client(),
    )


class S3Storage:
    name = "s3"

    def __init__(
        self, *, endpoint: str, public_endpoint: str, access_key: str, secret_key: str, bucket: str, region: str
    ) -> None:
        self.bucket = bucket
        self.client = _client(endpoint, access_key=access_key, secret_key=secret_key, region=region)
        # URLs handed to browsers are signed for the host the browser reaches.
        self.public_client = _client(
            public_endpoint or endpoint, access_key=access_key, secret_key=secret_key, region=region
        )

    def ensure_ready(self) -> None:
        if not self.client.bucket_exists(self.bucket):
            try:
                self.client.make_bucket(self.bucket)
            except S3Error as exc:  # another process created it first
                if exc.code not in {"BucketAlreadyOwnedByYou", "BucketAlreadyExists"}:
                    raise
        self.client.set_bucket_versioning(self.bucket, VersioningConfig(ENABLED))
        self._put_bucket_cors()

    def _put_bucket_cors(self) -> None:
        # minio-py 7.2 has no bucket-CORS call, so send PutBucketCors through its signed
        # request helper. MinIO itself allows CORS by default and may answer NotImplemented.
        md5 = base64.b64encode(hashlib.md5(CORS_XML).digest()).decode()  # noqa: S324 (protocol checksum)
        try:
            self.client._execute(
                "PUT", self.bucket, body=CORS_XML, headers={"Content-MD5": md5}, query_params={"cors": ""}
            )
        except S3Error as exc:
            logger.warning("bucket CORS not set (%s); browsers may not upload directly", exc.code)

    def ping(self) -> None:
        # A HEAD on an object of a missing bucket reads as a missing object: ask for the bucket.
        if not self.client.bucket_exists(self.bucket):
            raise FileNotFoundError(f"bucket {self.bucket} does not exist")

    def put(self, key: str, stream: BinaryIO, *, size: int | None, content_type: str) -> ObjectInfo:
        validate_key(key)
        length = -1 if size is None else size
        self.client.put_object(self.bucket, key, stream, length=length, content_type=content_type, part_size=PART_SIZE)
        info = self.stat(key)
        assert info is not None
        return info

    @contextmanager
    def open(self, key: str) -> Iterator[BinaryIO]:
        try:
            response = self.client.get_object(self.bucket, validate_key(key))
        except S3Error as exc:
            if exc.code in _MISSING:
                raise FileNotFoundError(key) from exc
            raise
        try:
            yield response  # urllib3 response: file-like, read(n) streams
        finally:
            response.close()
            response.release_conn()

    def stat(self, key: str) -> ObjectInfo | None:
        try:
            result = self.client.stat_object(self.bucket, validate_key(key))
        except S3Error as exc:
            if exc.code in _MISSING:
                return None
            raise
        return ObjectInfo(key=key, size=int(result.size or 0))

    def delete(self, key: str) -> None:
        """Remove every version of the key: on a versioned bucket a plain delete only adds a
        delete marker and the bytes stay (and are billed) for ever."""
        validate_key(key)
        versions = [
            obj.version_id
            for obj in self.client.list_objects(self.bucket, prefix=key, include_version=True)
            if obj.object_name == key
        ]
        for version_id in versions or [None]:
            self.client.remove_object(self.bucket, key, version_id=version_id)

    def copy(self, source: str, destination: str) -> ObjectInfo:
        if self.stat(source) is None:
            raise FileNotFoundError(source)
        self.client.copy_object(self.bucket, validate_key(destination), CopySource(self.bucket, validate_key(source)))
        info = self.stat(destination)
        assert info is not None
        return info

    def download_url(self, key: str, *, expires_in: int, filename: str | None = None) -> str:
        headers = None
        if filename:
            headers = {"response-content-disposition": content_disposition(download_filename(filename, key))}
        return self.public_client.presigned_get_object(
            self.bucket, validate_key(key), expires=timedelta(seconds=expires_in), response_headers=headers
        )

    def upload_url(self, key: str, *, expires_in: int, content_type: str) -> UploadTarget:
        url = self.public_client.presigned_put_object(
            self.bucket, validate_key(key), expires=timedelta(seconds=expires_in)
        )
        return UploadTarget(url=url, method="PUT", headers={"Content-Type": content_type})
