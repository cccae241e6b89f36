"""One contract, two backends: the filesystem default and S3 (against moto's HTTP server)."""

import io
import time
import urllib.error
import urllib.request

import pytest
from django.test import Client

from storage.base import InvalidKey, validate_key
from storage.services import get_storage

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["filesystem", "s3"])
def storage(request):
    if request.param == "s3":
        request.getfixturevalue("s3_storage")
    return get_storage()


def http(url: str, method: str = "GET", body: bytes | None = None, headers: dict | None = None) -> tuple[int, bytes]:
    """Follow a signed URL the way a browser would: API-relative URLs go to Django."""
    if url.startswith("/"):
        client = Client()
        if method == "PUT":
            response = client.put(url, body, content_type=(headers or {}).get("Content-Type", ""))
        else:
            response = client.get(url)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        return response.status_code, content
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_put_open_stat_delete(storage):
    data = b"%PDF-1.7 " + b"x" * 3_000_000  # more than one chunk
    info = storage.put(
        "dossiers/a/plans/b/v1/abc.pdf", io.BytesIO(data), size=len(data), content_type="application/pdf"
    )
    assert info.size == len(data)
    assert storage.stat("dossiers/a/plans/b/v1/abc.pdf").size == len(data)
    with storage.open("dossiers/a/plans/b/v1/abc.pdf") as stream:
        assert stream.read() == data
    storage.delete("dossiers/a/plans/b/v1/abc.pdf")
    assert storage.stat("dossiers/a/plans/b/v1/abc.pdf") is None
    storage.delete("dossiers/a/plans/b/v1/abc.pdf")  # deleting twice is fine


def test_put_of_unknown_length(storage):
    storage.put("k/unknown", io.BytesIO(b"abc" * 1000), size=None, content_type="application/octet-stream")
    assert storage.stat("k/unknown").size == 3000


def test_missing_object(storage):
    assert storage.stat("no/such/key") is None
    with pytest.raises(FileNotFoundError), storage.open("no/such/key"):
        pass
    with pytest.raises(FileNotFoundError):
        storage.copy("no/such/key", "elsewhere")


def test_copy(storage):
    storage.put("a/source", io.BytesIO(b"hello"), size=5, content_type="text/plain")
    info = storage.copy("a/source", "b/destination")
    assert info.size == 5
    with storage.open("b/destination") as stream:
        assert stream.read() == b"hello"


def test_download_url_serves_the_bytes(storage):
    storage.put("a/plan.pdf", io.BytesIO(b"%PDF-content"), size=12, content_type="application/pdf")
    status, body = http(storage.download_url("a/plan.pdf", expires_in=60, filename="plan.pdf"))
    assert status == 200
    assert body == b"%PDF-content"


def test_upload_url_accepts_a_put(storage):
    target = storage.upload_url("uploads/one", expires_in=60, content_type="application/pdf")
    assert target.method == "PUT"
    status, _ = http(target.url, "PUT", b"%PDF-uploaded", target.headers)
    assert status in (200, 201)
    with storage.open("uploads/one") as stream:
        assert stream.read() == b"%PDF-uploaded"


def test_expired_url_is_refused():
    # Expiry of S3 URLs is the store's job (moto's server does not check it), so this one
    # proves the filesystem backend's own check.
    storage = get_storage()
    storage.put("a/old", io.BytesIO(b"x"), size=1, content_type="text/plain")
    url = storage.download_url("a/old", expires_in=1)
    time.sleep(2.1)
    status, _ = http(url)
    assert status == 403


@pytest.mark.parametrize("key", ["../etc/passwd", "/absolute", "a/../b", "a//b", "", "a/b/", "a b"])
def test_unsafe_keys_are_refused(key):
    with pytest.raises(InvalidKey):
        validate_key(key)


def test_filesystem_url_is_single_use_and_method_bound():
    storage = get_storage()
    target = storage.upload_url("uploads/once", expires_in=60, content_type="application/pdf")
    assert http(target.url, "PUT", b"1", target.headers)[0] == 201
    assert http(target.url, "PUT", b"2", target.headers)[0] == 409
    assert http(target.url)[0] == 403  # an upload URL does not download
    tampered = target.url[:-2] + ("A" if target.url[-2] != "A" else "B") + "/"
    assert http(tampered, "PUT", b"3", target.headers)[0] == 403


def test_filesystem_upload_over_the_limit_leaves_nothing(settings):
    settings.URBADESK = {**settings.URBADESK, "MAX_UPLOAD_BYTES": 10}
    storage = get_storage()
    target = storage.upload_url("uploads/big", expires_in=60, content_type="application/pdf")
    status, body = http(target.url, "PUT", b"x" * 11, target.headers)
    assert status == 413
    assert b"payload_too_large" in body
    assert storage.stat("uploads/big") is None
    assert not list((settings.STORAGE_FILESYSTEM_ROOT / "uploads").glob(".part-*"))


def test_s3_bucket_is_versioned(s3_storage):
    storage = get_storage()
    config = storage.client.get_bucket_versioning(storage.bucket)
    assert config.status == "Enabled"
    storage.ensure_ready()  # idempotent


def test_s3_delete_removes_every_version(s3_storage):
    storage = get_storage()
    storage.put("uploads/twice", io.BytesIO(b"one"), size=3, content_type="text/plain")
    storage.put("uploads/twice", io.BytesIO(b"two"), size=3, content_type="text/plain")
    storage.delete("uploads/twice")
    left = list(storage.client.list_objects(storage.bucket, prefix="uploads/twice", include_version=True))
    assert left == []


def test_ping_answers_while_the_store_is_there_and_raises_once_it_is_gone(storage, settings):
    storage.ping()
    if storage.name == "s3":
        storage.client.remove_bucket(settings.STORAGE_S3["BUCKET"])
    else:
        storage.root.rmdir()
    with pytest.raises(FileNotFoundError):
        storage.ping()
