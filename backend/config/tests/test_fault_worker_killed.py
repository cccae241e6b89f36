"""A worker is killed (SIGKILL, as by the OOM killer or a lost machine) in the middle of a plan's
analysis: the job goes back to the queue, another worker finishes it, and the plan gets each of
its pages once.

Real processes on the production engines: `dramatiq config.worker` on Redis, PostgreSQL.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from audit.models import AuditEvent
from dossiers import services
from dossiers.models import Page, PlanVersion, VersionStatus
from dossiers.samples import building_outline_pdf
from dossiers.tests.factories import PlanFactory

PAGES = 150

pytestmark = [
    pytest.mark.faults,
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"),
        reason="a standalone worker needs the test database on PostgreSQL and a Redis broker",
    ),
    # serialized_rollback: the seeded procedure types are back even if an earlier test flushed them.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def wait_for(condition: Callable[[], object], *, timeout: float, what: str) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


@pytest.fixture
def redis_url() -> str:
    import redis

    url = os.environ["REDIS_URL"]
    redis.Redis.from_url(url).flushdb()  # no queue left over from another run
    return url


@pytest.fixture
def start_worker(tmp_path: Path, redis_url: str) -> Iterator[Callable[[], subprocess.Popen]]:
    """Start `dramatiq config.worker` on this test's database and object folder."""
    workers: list[subprocess.Popen] = []
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "REDIS_URL": redis_url,
        "URBADESK_BROKER": "redis",
        "URBADESK_DATA_DIR": str(tmp_path),
    }

    def start() -> subprocess.Popen:
        dramatiq = Path(sys.executable).with_name("dramatiq")
        worker = subprocess.Popen(
            [str(dramatiq), "config.worker", "--processes", "1", "--threads", "1", "--queues", "analysis"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: killing it kills its worker processes too
        )
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        kill(worker)


def kill(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)


def requeue_messages_of_dead_workers(redis_url: str) -> None:
    """What any live worker does on its own: dramatiq's Redis broker hands the unacknowledged
    messages of a worker that stopped beating back to their queue during its maintenance. By
    default a worker is dead after 60 s of silence and maintenance runs on 0.1 % of commands;
    this broker makes both immediate so the test need not wait minutes."""
    from dramatiq.brokers.redis import MAINTENANCE_SCALE, RedisBroker

    broker = RedisBroker(url=redis_url, heartbeat_timeout=500, maintenance_chance=MAINTENANCE_SCALE)
    time.sleep(1)
    broker.do_qsize("analysis")
    broker.close()


def test_a_worker_killed_mid_analysis_leaves_the_job_to_the_next_one(tmp_path, start_worker, redis_url, settings):
    settings.STORAGE_FILESYSTEM_ROOT = tmp_path / "objects"  # where the workers' data folder keeps objects
    from storage.services import get_storage

    get_storage.cache_clear()
    plan = PlanFactory()
    content = building_outline_pdf(pages=PAGES)
    version = services.plan_version_create_from_stream(
        actor=plan.dossier.created_by, plan=plan, stream=io.BytesIO(content), filename="plans.pdf"
    )
    # The test process's broker is the stub: put the job on Redis as the API would.
    from dramatiq import Message
    from dramatiq.brokers.redis import RedisBroker

    redis_broker = RedisBroker(url=redis_url)
    redis_broker.declare_queue("analysis")
    redis_broker.enqueue(
        Message(
            queue_name="analysis", actor_name="analyse_plan_version", args=(str(version.id),), kwargs={}, options={}
        )
    )
    redis_broker.close()
    thumbnails = tmp_path / "objects" / Path(version.storage_key).parent / "thumbnails"

    first = start_worker()
    wait_for(lambda: thumbnails.is_dir() and any(thumbnails.iterdir()), timeout=60, what="the first thumbnails")
    kill(first)
    rendered_before_the_kill = len(list(thumbnails.iterdir()))
    version.refresh_from_db()
    assert version.status == VersionStatus.PROCESSING and 0 < rendered_before_the_kill < PAGES
    assert not Page.objects.filter(version=version).exists()

    requeue_messages_of_dead_workers(redis_url)
    second = start_worker()
    wait_for(
        lambda: PlanVersion.objects.get(pk=version.pk).status != VersionStatus.PROCESSING,
        timeout=120,
        what="the second worker to finish the analysis",
    )
    kill(second)

    version.refresh_from_db()
    assert (version.status, version.page_count) == (VersionStatus.READY, PAGES)
    indexes = list(Page.objects.filter(version=version).values_list("index", flat=True))
    assert sorted(indexes) == list(range(1, PAGES + 1))  # each page once
    assert len(list(thumbnails.iterdir())) == PAGES  # a retry overwrites, never adds
    assert AuditEvent.objects.filter(action="plan_version.ready", object_id=str(version.id)).count() == 1
