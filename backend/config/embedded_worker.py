"""Runs dramatiq worker threads inside the web process when no Redis is configured."""

from __future__ import annotations

import logging

import dramatiq

from config.broker import uses_embedded_worker

logger = logging.getLogger(__name__)
_worker: dramatiq.Worker | None = None


def start_embedded_worker(*, threads: int = 2) -> dramatiq.Worker | None:
    global _worker
    if _worker is not None or not uses_embedded_worker():
        return _worker
    _worker = dramatiq.Worker(dramatiq.get_broker(), worker_threads=threads)
    _worker.start()
    logger.info("embedded dramatiq worker started with %d threads", threads)
    from dossiers.tasks import recover_unfinished_analyses
    from notifications.tasks import recover_pending

    recovered = recover_unfinished_analyses()
    if recovered:
        logger.info("re-enqueued %d unfinished plan analyses", recovered)
    pending = recover_pending()
    if pending:
        logger.info("re-enqueued %d pending notification and webhook deliveries", pending)
    from certificates.tasks import recover_pending_certificates

    certificates = recover_pending_certificates()
    if certificates:
        logger.info("re-enqueued %d pending certificates", certificates)
    from config.schedule import start_in_background

    start_in_background()
    return _worker
