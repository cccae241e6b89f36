"""The bell: my notifications, how many are unread, marking them read, and my preferences."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.openapi import errors
from notifications import selectors, services
from notifications.api import serializers as s
from notifications.models import DeliveryStatus, Notification, Preference
from notifications.templates import EVENTS


class NotificationListView(generics.ListAPIView):
    serializer_class = s.NotificationSerializer
    filter_backends: list = []

    def get_queryset(self):
        queryset = Notification.objects.filter(recipient=self.request.user)
        if self.request.query_params.get("unread") in {"1", "true"}:
            queryset = queryset.filter(read_at__isnull=True)
        return queryset.order_by("-created_at")

    @extend_schema(
        operation_id="notifications_list",
        summary="My notifications",
        description="Newest first; `?unread=true` for the unread ones only.",
        parameters=[OpenApiParameter("unread", OpenApiTypes.BOOL)],
        responses={200: s.NotificationSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)


class UnreadCountView(APIView):
    @extend_schema(
        operation_id="notifications_unread_count",
        summary="How many notifications I have not read",
        description="Cheap to poll: one counting query.",
        responses={200: s.UnreadCountSerializer, **errors(401)},
    )
    def get(self, request: Request) -> Response:
        unread = Notification.objects.filter(recipient=request.user, read_at__isnull=True).count()
        return Response({"unread": unread})


class MarkReadView(APIView):
    @extend_schema(
        operation_id="notifications_mark_read",
        summary="Mark notifications read",
        description="The given ones (yours only), or all of them when `ids` is omitted.",
        request=s.MarkReadSerializer,
        responses={200: s.UnreadCountSerializer, **errors(400, 401)},
    )
    def post(self, request: Request) -> Response:
        serializer = s.MarkReadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.mark_read(user=request.user, ids=serializer.validated_data["ids"])
        unread = Notification.objects.filter(recipient=request.user, read_at__isnull=True).count()
        return Response({"unread": unread})


class PreferencesView(APIView):
    @extend_schema(
        operation_id="notification_preferences",
        summary="My notification preferences",
        description="For each event: by e-mail (on unless turned off) and by SMS (off unless turned on).",
        responses={200: s.PreferenceSerializer(many=True), **errors(401)},
    )
    def get(self, request: Request) -> Response:
        return Response(s.PreferenceSerializer(_preferences(request.user), many=True).data)

    @extend_schema(
        operation_id="notification_preferences_set",
        summary="Change a notification preference",
        request=s.PreferenceSerializer,
        responses={200: s.PreferenceSerializer(many=True), **errors(400, 401)},
    )
    def put(self, request: Request) -> Response:
        serializer = s.PreferenceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.preference_set(user=request.user, **serializer.validated_data)
        return Response(s.PreferenceSerializer(_preferences(request.user), many=True).data)


def _preferences(user) -> list[dict]:
    stored = {p.event: p for p in Preference.objects.filter(user=user)}
    return [
        {
            "event": event,
            "email": stored[event].email if event in stored else True,
            "sms": stored[event].sms if event in stored else False,
        }
        for event in EVENTS
    ]


class WebhookListCreateView(generics.ListAPIView):
    serializer_class = s.WebhookSerializer
    filter_backends: list = []

    def get_queryset(self):
        return selectors.webhook_list(user=self.request.user)

    @extend_schema(
        operation_id="webhooks_list",
        summary="My webhook endpoints",
        description="The endpoints you subscribed; their secrets are not shown again.",
        responses={200: s.WebhookSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="webhooks_create",
        summary="Subscribe an endpoint to events",
        description=(
            "Each event on a dossier you may see is POSTed to the address as JSON, signed: "
            "`Urbadesk-Signature: t=<unix time>,v1=<HMAC-SHA256 hex of '<t>.' + body>` with the secret "
            "returned here (only here). Refuse a `t` older than 5 minutes. Failed sends are retried with "
            "exponential backoff (6 tries); `Urbadesk-Delivery` identifies a delivery for deduplication. "
            "The address must be http(s) and resolve to a public network."
        ),
        request=s.WebhookCreateSerializer,
        responses={201: s.WebhookWithSecretSerializer, **errors(400, 401)},
    )
    def post(self, request: Request) -> Response:
        serializer = s.WebhookCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        subscription = services.webhook_create(actor=request.user, **serializer.validated_data)
        return Response(s.WebhookWithSecretSerializer(subscription).data, status=status.HTTP_201_CREATED)


class WebhookDetailView(APIView):
    @extend_schema(
        operation_id="webhooks_retrieve",
        summary="Get a webhook endpoint",
        responses={200: s.WebhookSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, webhook_id) -> Response:
        subscription = selectors.webhook_get_for_user(user=request.user, webhook_id=webhook_id)
        return Response(s.WebhookSerializer(subscription).data)

    @extend_schema(
        operation_id="webhooks_update",
        summary="Change a webhook endpoint",
        description="Its address, events, description, or pause it (`active: false`).",
        request=s.WebhookUpdateSerializer,
        responses={200: s.WebhookSerializer, **errors(400, 401, 404)},
    )
    def patch(self, request: Request, webhook_id) -> Response:
        subscription = selectors.webhook_get_for_user(user=request.user, webhook_id=webhook_id)
        serializer = s.WebhookUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        subscription = services.webhook_update(
            actor=request.user, subscription=subscription, **serializer.validated_data
        )
        return Response(s.WebhookSerializer(subscription).data)

    @extend_schema(
        operation_id="webhooks_delete",
        summary="Delete a webhook endpoint",
        description="Its pending deliveries are not sent.",
        responses={204: None, **errors(401, 404)},
    )
    def delete(self, request: Request, webhook_id) -> Response:
        subscription = selectors.webhook_get_for_user(user=request.user, webhook_id=webhook_id)
        services.webhook_delete(actor=request.user, subscription=subscription)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WebhookRotateSecretView(APIView):
    @extend_schema(
        operation_id="webhooks_rotate_secret",
        summary="Give a webhook endpoint a new secret",
        description="The old secret stops signing at once; the new one is shown only in this answer.",
        request=None,
        responses={200: s.WebhookWithSecretSerializer, **errors(401, 404)},
    )
    def post(self, request: Request, webhook_id) -> Response:
        subscription = selectors.webhook_get_for_user(user=request.user, webhook_id=webhook_id)
        subscription = services.webhook_rotate_secret(actor=request.user, subscription=subscription)
        return Response(s.WebhookWithSecretSerializer(subscription).data)


class WebhookPingView(APIView):
    @extend_schema(
        operation_id="webhooks_ping",
        summary="Send a test event to a webhook endpoint",
        description="A signed `ping` event, to check the receiver and its signature check.",
        request=None,
        responses={202: s.WebhookDeliverySerializer, **errors(401, 404)},
    )
    def post(self, request: Request, webhook_id) -> Response:
        subscription = selectors.webhook_get_for_user(user=request.user, webhook_id=webhook_id)
        delivery = services.webhook_ping(actor=request.user, subscription=subscription)
        return Response(s.WebhookDeliverySerializer(delivery).data, status=status.HTTP_202_ACCEPTED)


class WebhookDeliveryListView(generics.ListAPIView):
    serializer_class = s.WebhookDeliverySerializer
    filter_backends: list = []

    def get_queryset(self):
        subscription = selectors.webhook_get_for_user(user=self.request.user, webhook_id=self.kwargs["webhook_id"])
        wanted = self.request.query_params.get("status") or None
        if wanted is not None and wanted not in DeliveryStatus.values:
            raise ValidationError({"status": [f"One of {', '.join(DeliveryStatus.values)}."]})
        return selectors.webhook_deliveries(subscription=subscription, status=wanted)

    @extend_schema(
        operation_id="webhooks_deliveries",
        summary="The delivery log of a webhook endpoint",
        description="Newest first, each with its payload and every try (status code or error, duration).",
        parameters=[OpenApiParameter("status", str, enum=DeliveryStatus.values)],
        responses={200: s.WebhookDeliverySerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)


class WebhookDeliveryReplayView(APIView):
    @extend_schema(
        operation_id="webhook_deliveries_replay",
        summary="Send a delivery again",
        description="A new delivery of the same payload and event id (freshly signed), whatever became of the first.",
        request=None,
        responses={202: s.WebhookDeliverySerializer, **errors(401, 404)},
    )
    def post(self, request: Request, delivery_id) -> Response:
        delivery = selectors.webhook_delivery_get_for_user(user=request.user, delivery_id=delivery_id)
        replay = services.webhook_replay(actor=request.user, delivery=delivery)
        return Response(s.WebhookDeliverySerializer(replay).data, status=status.HTTP_202_ACCEPTED)
