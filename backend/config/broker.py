"""The dramatiq broker: Redis when REDIS_URL is set, else an in-process stub broker.

With the stub broker the web process runs its own worker threads (config.embedded_worker),
which is the embedded default of `make run`. Jobs queued in memory are lost on a restart,
so the embedded worker re-enqueues unfinished work at start (each app's `recover` hook).
"""

from __future__ import annotations

import os

import dramatiq
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import Middleware


class DbConnectionsMiddleware(Middleware):
    """Closes stale database connections around each message, as Django does per request."""

    def _close(self, *args: object, **kwargs: object) -> None:
        from django.db import close_old_connections

        close_old_connections()

    before_process_message = _close
    after_process_message = _close
    after_skip_message = _close

    def before_worker_thread_shutdown(self, *args: object, **kwargs: object) -> None:
        from django.db import connections

        connections.close_all()


def setup_broker(*, redis_url: str) -> dramatiq.Broker:
    kind = os.environ.get("URBADESK_BROKER") or ("redis" if redis_url else "stub")
    if kind == "redis":
        from dramatiq.brokers.redis import RedisBroker

        broker: dramatiq.Broker = RedisBroker(url=redis_url)
    else:
        broker = StubBroker()
        broker.emit_after("process_boot")
    broker.add_middleware(DbConnectionsMiddleware())
    dramatiq.set_broker(broker)
    return broker


def uses_embedded_worker() -> bool:
    return isinstance(dramatiq.get_broker(), StubBroker)
