"""The bell: my notifications, how many are unread, marking them read, and my preferences."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.openapi import errors
from notifications import services
from notifications.api import serializers as s
from notifications.models import Notification, Preference
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
