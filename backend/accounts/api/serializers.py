from rest_framework import serializers

from accounts.models import Organisation, User


class OrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "slug", "name", "kind"]


class MeSerializer(serializers.ModelSerializer):
    organisation = OrganisationSerializer(allow_null=True)

    class Meta:
        model = User
        fields = ["id", "email", "full_name", "role", "organisation", "language"]


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField(help_text="Short-lived access token: send as `Authorization: Bearer <access>`.")
    refresh = serializers.CharField(help_text="Refresh token; each refresh returns a new one and revokes the old.")
