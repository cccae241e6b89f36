"""Telling people what happened: one notification per recipient, a delivery per channel."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.services import audit_record
from config.exceptions import DomainError
from notifications import webhooks
from notifications.models import (
    Channel,
    Delivery,
    DeliveryStatus,
    Notification,
    Preference,
    WebhookDelivery,
    WebhookSubscription,
)
from notifications.templates import INTERNAL_EVENTS, render

TOO_MANY_WEBHOOKS = _("You have reached the limit of %(limit)s webhook endpoints; delete one first.")


@transaction.atomic
def notify(
    *,
    event: str,
    recipients: Iterable[Any],
    context: dict[str, Any],
    url: str = "",
    dossier_id: Any = None,
    exclude: Any = None,
    once_per: timedelta | None = None,
) -> list[Notification]:
    """Each recipient (once, not `exclude`: the person who acted) gets the event in their own
    language, in the application always, and by e-mail and SMS as their preferences say.
    Sending happens in a worker after the caller's transaction commits."""
    from notifications.tasks import deliver

    people = {user.pk: user for user in recipients if user is not None and getattr(user, "is_active", True)}
    if exclude is not None:
        people.pop(exclude.pk, None)
    if once_per is not None:  # a reminder a daily job sends: not twice within the window
        told = Notification.objects.filter(
            event=event, dossier_id=dossier_id, recipient_id__in=people, created_at__gte=timezone.now() - once_per
        ).values_list("recipient_id", flat=True)
        for pk in set(told):
            people.pop(pk, None)
    preferences = {p.user_id: p for p in Preference.objects.filter(user_id__in=people, event=event)}
    created = []
    for user in people.values():
        title, body = render(event, getattr(user, "language", "fr"), context)
        notification = Notification.objects.create(
            recipient=user, event=event, title=title, body=body, url=url, dossier_id=dossier_id
        )
        preference = preferences.get(user.pk)
        channels = [Channel.EMAIL] if preference is None or preference.email else []
        if preference is not None and preference.sms:
            channels.append(Channel.SMS)
        Delivery.objects.create(
            notification=notification, channel=Channel.IN_APP, status=DeliveryStatus.SENT, sent_at=timezone.now()
        )
        for channel in channels:
            delivery = Delivery.objects.create(notification=notification, channel=channel)
            transaction.on_commit(lambda pk=str(delivery.pk): deliver.send(pk))
        created.append(notification)
    if dossier_id is not None:
        webhooks.publish(
            event=event,
            dossier_id=dossier_id,
            data=context,
            url=url,
            internal=event in INTERNAL_EVENTS,
            once_per=once_per,
        )
    return created


def mark_read(*, user: Any, ids: Iterable[Any] | None = None) -> int:
    """Marks the user's notifications read (all of them when `ids` is None)."""
    queryset = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    return queryset.update(read_at=timezone.now())


@transaction.atomic
def preference_set(*, user: Any, event: str, email: bool, sms: bool) -> Preference:
    preference, _created = Preference.objects.update_or_create(
        user=user, event=event, defaults={"email": email, "sms": sms}
    )
    return preference


MAX_WEBHOOKS_PER_OWNER = 20


def _webhook_audit(actor: Any, action: str, subscription: WebhookSubscription, **after: Any) -> None:
    audit_record(
        actor=actor,
        action=action,
        object_type="webhook_subscription",
        object_id=subscription.pk,
        after={"url": subscription.url, "events": subscription.events, "active": subscription.active, **after},
    )


def _checked_url(url: str) -> str:
    try:
        webhooks.resolve(url)
    except webhooks.UnsafeUrl as refused:
        raise DomainError(str(refused), errors={"url": [str(refused)]}) from refused
    return url


@transaction.atomic
def webhook_create(*, actor: Any, url: str, events: list[str], description: str = "") -> WebhookSubscription:
    """A new endpoint for the actor's events; its secret is returned once, in this answer."""
    type(actor).objects.select_for_update().filter(pk=actor.pk).first()  # two creations at once count in turn
    if WebhookSubscription.objects.filter(owner=actor).count() >= MAX_WEBHOOKS_PER_OWNER:
        raise DomainError(str(TOO_MANY_WEBHOOKS) % {"limit": MAX_WEBHOOKS_PER_OWNER})
    subscription = WebhookSubscription.objects.create(
        owner=actor, url=_checked_url(url), events=events, description=description, secret=webhooks.new_secret()
    )
    _webhook_audit(actor, "webhook.created", subscription)
    return subscription


@transaction.atomic
def webhook_update(*, actor: Any, subscription: WebhookSubscription, **changes: Any) -> WebhookSubscription:
    if "url" in changes:
        _checked_url(changes["url"])
    for field, value in changes.items():
        setattr(subscription, field, value)
    subscription.save()
    _webhook_audit(actor, "webhook.updated", subscription)
    return subscription


@transaction.atomic
def webhook_delete(*, actor: Any, subscription: WebhookSubscription) -> None:
    _webhook_audit(actor, "webhook.deleted", subscription)
    subscription.delete()


@transaction.atomic
def webhook_rotate_secret(*, actor: Any, subscription: WebhookSubscription) -> WebhookSubscription:
    subscription.secret = webhooks.new_secret()
    subscription.save(update_fields=["secret", "updated_at"])
    _webhook_audit(actor, "webhook.secret_rotated", subscription)
    return subscription


@transaction.atomic
def webhook_ping(*, actor: Any, subscription: WebhookSubscription) -> WebhookDelivery:
    """A `ping` the owner sends to check their receiver and its signature check."""
    event_id = uuid.uuid4()
    delivery = WebhookDelivery.objects.create(
        subscription=subscription,
        event=webhooks.PING,
        event_id=event_id,
        payload=webhooks.payload_for(event=webhooks.PING, event_id=event_id, dossier_id=None, data={}, url=""),
    )
    _webhook_audit(actor, "webhook.pinged", subscription, delivery=str(delivery.pk))
    webhooks.enqueue(delivery)
    return delivery


@transaction.atomic
def webhook_replay(*, actor: Any, delivery: WebhookDelivery) -> WebhookDelivery:
    """Sends a delivery's payload again as a new delivery (same event id, so the receiver can
    tell it is the same occurrence), whatever became of the first."""
    replay = WebhookDelivery.objects.create(
        subscription=delivery.subscription,
        event=delivery.event,
        event_id=delivery.event_id,
        dossier_id=delivery.dossier_id,
        payload=delivery.payload,
        replay_of=delivery,
    )
    _webhook_audit(actor, "webhook.replayed", delivery.subscription, delivery=str(delivery.pk), replay=str(replay.pk))
    webhooks.enqueue(replay)
    return replay
