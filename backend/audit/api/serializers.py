from rest_framework import serializers

from audit.models import AuditEvent


class ChangesSerializer(serializers.Serializer):
    before = serializers.DictField(required=False, help_text="The object's summary before the change.")
    after = serializers.DictField(required=False, help_text="The object's summary after the change.")


class AuditEventSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor_label", help_text="The actor's e-mail address, or `system`.")
    changes = ChangesSerializer()

    class Meta:
        model = AuditEvent
        fields = ["seq", "occurred_at", "actor", "action", "object_type", "object_id", "changes", "hash"]


class ChainReportSerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    checked = serializers.IntegerField(help_text="How many events were verified.")
    first_broken_seq = serializers.IntegerField(allow_null=True)
    reason = serializers.CharField(allow_blank=True)
