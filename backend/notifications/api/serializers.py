from rest_framework import serializers

from notifications.models import Notification
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
