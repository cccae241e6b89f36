"""The development provider's callback, delivered by a worker as a provider's server would, a
moment after the payer chose: the SPA must wait for it, as it must for a real provider."""

from __future__ import annotations

import dramatiq

from payments import services
from payments.providers.dev import SIGNATURE_HEADER


@dramatiq.actor(queue_name="payments", max_retries=5, min_backoff=500)
def deliver_dev_callback(body: str, signature: str) -> None:
    services.callback_receive(provider_name="dev", body=body.encode(), headers={SIGNATURE_HEADER: signature})
