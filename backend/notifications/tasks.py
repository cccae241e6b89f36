"""Worker side of notifications: one delivery per job, retried with backoff, every attempt logged."""

from __future__ import annotations

import dramatiq
from django.db import transaction
from django.utils import timezone

from notifications import channels
from notifications.models import Delivery, DeliveryStatus

MAX_ATTEMPTS = 5


@dramatiq.actor(queue_name="notifications", max_retries=MAX_ATTEMPTS - 1, min_backoff=5_000, max_backoff=300_000)
def deliver(delivery_id: str) -> None:
    """Sends one delivery; a sent or failed one is left alone (a retried job is harmless). A
    failure is recorded and re-raised so dramatiq retries it, until the last attempt marks it failed."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update()
            .select_related("notification__recipient")
            .filter(pk=delivery_id, status=DeliveryStatus.PENDING)
            .first()
        )
        if delivery is None:
            return
        delivery.attempts += 1
        notification = delivery.notification
        try:
            channels.send(
                delivery.channel,
                user=notification.recipient,
                title=notification.title,
                body=notification.body,
                url=notification.url,
            )
        except channels.NotDeliverable as refused:
            delivery.status, delivery.last_error = DeliveryStatus.FAILED, str(refused)
            delivery.save(update_fields=["status", "attempts", "last_error"])
            return
        except Exception as error:  # any transport failure is retried, then recorded
            delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
            if delivery.attempts >= MAX_ATTEMPTS:
                delivery.status = DeliveryStatus.FAILED
                delivery.save(update_fields=["status", "attempts", "last_error"])
                return
            delivery.save(update_fields=["attempts", "last_error"])
            failed = error
        else:
            delivery.status, delivery.sent_at, delivery.last_error = DeliveryStatus.SENT, timezone.now(), ""
            delivery.save(update_fields=["status", "sent_at", "attempts", "last_error"])
            return
    raise failed
