"""Workers' entry points for certificates: ids in, idempotent, they call the services."""

from __future__ import annotations

import logging

import dramatiq

from certificates import services
from certificates.models import CertificateRequest, CertificateStatus

logger = logging.getLogger(__name__)


# Backoff from 2 s doubling: six tries span about two minutes, long enough for the store, the
# database or the signing module to come back; then the request is marked failed.
@dramatiq.actor(
    queue_name="certificates",
    max_retries=6,
    min_backoff=2_000,
    max_backoff=60_000,
    time_limit=5 * 60_000,
    on_retry_exhausted="certificate_gave_up",
)
def issue_certificate(request_id: str) -> None:
    """Draws and seals one requested certificate; a request already issued is left alone."""
    services.certificate_issue(request_id=request_id)


@dramatiq.actor(queue_name="certificates", max_retries=5)
def certificate_gave_up(message: dict, retries: dict) -> None:
    request_id = message["args"][0]
    logger.error("certificate %s could not be issued after %s tries", request_id, retries.get("retries"))
    services.certificate_mark_failed(request_id=request_id, reason=str(services.GAVE_UP))


def recover_pending_certificates() -> int:
    """Re-enqueue requests still pending (the embedded broker forgets jobs on restart)."""
    ids = list(CertificateRequest.objects.filter(status=CertificateStatus.PENDING).values_list("pk", flat=True))
    for request_id in ids:
        issue_certificate.send(str(request_id))
    return len(ids)
