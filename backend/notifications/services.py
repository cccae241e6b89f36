"""Telling people what happened: one notification per recipient, a delivery per channel."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from notifications.models import Channel, Delivery, DeliveryStatus, Notification, Preference
from notifications.templates import render


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
