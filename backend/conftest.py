"""Fixtures shared by every app's tests: users, API clients, storage backends, jobs."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

import dramatiq
import pytest
from dramatiq import Message
from rest_framework.test import APIClient

from storage import services as storage_services


@pytest.fixture(autouse=True)
def _filesystem_storage(settings, tmp_path) -> Iterator[None]:
    """Each test gets an empty filesystem store of its own."""
    settings.STORAGE_BACKEND = "filesystem"
    settings.STORAGE_FILESYSTEM_ROOT = tmp_path / "objects"
    storage_services.get_storage.cache_clear()
    yield
    storage_services.get_storage.cache_clear()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server() -> Iterator[str]:
    """A real S3-protocol HTTP endpoint (moto's server mode), for the `s3` backend's tests."""
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def use_s3(settings, endpoint: str, *, bucket_prefix: str = "test") -> None:
    """Switch the project to the `s3` backend at `endpoint`, on a bucket of its own."""
    import uuid

    settings.STORAGE_BACKEND = "s3"
    settings.STORAGE_S3 = {
        "ENDPOINT": endpoint,
        "PUBLIC_ENDPOINT": endpoint,
        "ACCESS_KEY": "test-access",
        "SECRET_KEY": "test-secret",
        "BUCKET": f"{bucket_prefix}-{uuid.uuid4().hex[:12]}",
        "REGION": "us-east-1",
    }
    storage_services.get_storage.cache_clear()


@pytest.fixture
def s3_storage(settings, s3_server) -> Iterator[None]:
    """The `s3` backend on the session's S3 server, a bucket per test."""
    use_s3(settings, s3_server)
    yield
    storage_services.get_storage.cache_clear()


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def client_for() -> Callable[..., APIClient]:
    def make(user) -> APIClient:
        client = APIClient()
        client.force_authenticate(user)
        return client

    return make


@pytest.fixture
def run_jobs() -> Callable[[], int]:
    """Run the jobs queued on the stub broker, in this thread, like a worker would.

    Jobs are enqueued on commit: wrap the request in `django_capture_on_commit_callbacks(execute=True)`.
    """

    def run() -> int:
        broker = dramatiq.get_broker()
        count = 0
        for queue_name in list(broker.queues):
            queue = broker.queues[queue_name]
            while not queue.empty():
                message = Message.decode(queue.get_nowait())
                queue.task_done()
                broker.get_actor(message.actor_name).fn(*message.args, **message.kwargs)
                count += 1
        return count

    return run


@pytest.fixture(autouse=True)
def _empty_broker() -> Iterator[None]:
    dramatiq.get_broker().flush_all()
    yield
    dramatiq.get_broker().flush_all()
