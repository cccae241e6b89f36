"""Reads of webhooks: an endpoint and its deliveries belong to their owner; anyone else gets 404."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from notifications.models import WebhookDelivery, WebhookSubscription


def webhook_list(*, user: Any) -> QuerySet[WebhookSubscription]:
    return WebhookSubscription.objects.filter(owner=user).order_by("created_at")


def webhook_get_for_user(*, user: Any, webhook_id: Any) -> WebhookSubscription:
    subscription = webhook_list(user=user).filter(pk=webhook_id).first()
    if subscription is None:
        raise Http404
    return subscription


def webhook_deliveries(*, subscription: WebhookSubscription, status: str | None = None) -> QuerySet[WebhookDelivery]:
    queryset = subscription.deliveries.prefetch_related("attempts").order_by("-created_at")
    return queryset.filter(status=status) if status else queryset


def webhook_delivery_get_for_user(*, user: Any, delivery_id: Any) -> WebhookDelivery:
    delivery = (
        WebhookDelivery.objects.filter(subscription__owner=user, pk=delivery_id).select_related("subscription").first()
    )
    if delivery is None:
        raise Http404
    return delivery
