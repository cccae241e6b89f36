from rest_framework import serializers

from notifications.models import Notification, WebhookAttempt, WebhookDelivery, WebhookSubscription
from notifications.templates import EVENTS


class NotificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Notification
        fields = ["id", "event", "title", "body", "url", "dossier_id", "created_at", "read_at"]
        read_only_fields = fields


class UnreadCountSerializer(serializers.Serializer):
    unread = serializers.IntegerField()


class MarkReadSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.UUIDField(),
        required=False,
        allow_null=True,
        default=None,
        max_length=1000,
        help_text="The notifications to mark read; omit to mark them all.",
    )


class PreferenceSerializer(serializers.Serializer):
    event = serializers.ChoiceField(choices=list(EVENTS))
    email = serializers.BooleanField()
    sms = serializers.BooleanField()


class WebhookSerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookSubscription
        fields = ["id", "url", "events", "description", "active", "created_at", "updated_at"]
        read_only_fields = fields


class WebhookWithSecretSerializer(WebhookSerializer):
    secret = serializers.CharField(
        read_only=True,
        help_text="Signs each payload: keep it; it is shown only when the endpoint is created or its secret rotated.",
    )

    class Meta(WebhookSerializer.Meta):
        fields = [*WebhookSerializer.Meta.fields, "secret"]
        read_only_fields = fields


def _events_field(**kwargs) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.ChoiceField(choices=list(EVENTS)),
        min_length=1,
        max_length=len(EVENTS),
        help_text="The event types to receive (a `ping` can always be sent on demand).",
        **kwargs,
    )


class WebhookCreateSerializer(serializers.Serializer):
    url = serializers.URLField(
        max_length=500, help_text="An http(s) address that resolves to a public network (or an allowed one)."
    )
    events = _events_field()
    description = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")

    def validate_events(self, value: list[str]) -> list[str]:
        return sorted(set(value))


class WebhookUpdateSerializer(WebhookCreateSerializer):
    url = serializers.URLField(max_length=500, required=False)
    events = _events_field(required=False)
    description = serializers.CharField(max_length=200, required=False, allow_blank=True)
    active = serializers.BooleanField(required=False, help_text="An inactive endpoint is sent nothing.")


class WebhookAttemptSerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookAttempt
        fields = ["number", "attempted_at", "status_code", "error", "duration_ms"]
        read_only_fields = fields


class WebhookDeliverySerializer(serializers.ModelSerializer):
    attempts = WebhookAttemptSerializer(many=True, read_only=True)
    payload = serializers.JSONField(read_only=True, help_text="Exactly the JSON body sent.")

    class Meta:
        model = WebhookDelivery
        fields = [
            "id",
            "event",
            "event_id",
            "dossier_id",
            "status",
            "attempt_count",
            "last_status_code",
            "last_error",
            "delivered_at",
            "created_at",
            "replay_of",
            "payload",
            "attempts",
        ]
        read_only_fields = fields
