"""Worker side of notifications: one delivery per job, retried with backoff, every attempt logged."""

from __future__ import annotations

import dramatiq
from django.db import transaction
from django.utils import timezone

from notifications import channels, webhooks
from notifications.models import Delivery, DeliveryStatus, WebhookAttempt, WebhookDelivery

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


WEBHOOK_MAX_ATTEMPTS = 6  # backoff doubles from 10 s: the last try is about 5 minutes after the first


@dramatiq.actor(queue_name="webhooks", max_retries=WEBHOOK_MAX_ATTEMPTS - 1, min_backoff=10_000, max_backoff=3_600_000)
def deliver_webhook(delivery_id: str) -> None:
    """Posts one delivery. The HTTP call runs outside any transaction (a slow receiver holds no
    lock); each try is logged. A failure is re-raised for dramatiq's exponential backoff until
    the last try marks the delivery failed. A sent or failed delivery is left alone."""
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update()
            .select_related("subscription")
            .filter(pk=delivery_id, status=DeliveryStatus.PENDING)
            .first()
        )
        if delivery is None:
            return
        delivery.attempt_count += 1
        delivery.save(update_fields=["attempt_count"])
    number = delivery.attempt_count
    subscription = delivery.subscription
    attempted_at = timezone.now()
    outcome = webhooks.post(
        url=subscription.url,
        secret=subscription.secret,
        body=webhooks.body_of(delivery),
        headers={"Urbadesk-Event": delivery.event, "Urbadesk-Delivery": str(delivery.pk)},
    )
    with transaction.atomic():
        WebhookAttempt.objects.create(
            delivery=delivery,
            number=number,
            attempted_at=attempted_at,
            status_code=outcome.status_code,
            error=outcome.error,
            duration_ms=outcome.duration_ms,
        )
        fields = {"last_status_code": outcome.status_code, "last_error": outcome.error}
        if outcome.ok:
            fields.update(status=DeliveryStatus.SENT, delivered_at=timezone.now())
        elif number >= WEBHOOK_MAX_ATTEMPTS:
            fields.update(status=DeliveryStatus.FAILED)
        WebhookDelivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.PENDING).update(**fields)
    if not outcome.ok and number < WEBHOOK_MAX_ATTEMPTS:
        raise WebhookFailed(outcome.error)


class WebhookFailed(Exception):
    """The receiver did not answer 2xx; dramatiq tries again later."""


def recover_pending() -> int:
    """Queues again the deliveries still pending (the embedded worker's queue lives in memory
    and is lost when the process stops); a delivery is sent once whatever the number of jobs."""
    count = 0
    for pk in Delivery.objects.filter(status=DeliveryStatus.PENDING).values_list("pk", flat=True).iterator():
        deliver.send(str(pk))
        count += 1
    for pk in WebhookDelivery.objects.filter(status=DeliveryStatus.PENDING).values_list("pk", flat=True).iterator():
        deliver_webhook.send(str(pk))
        count += 1
    return count
