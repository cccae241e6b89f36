from django.conf import settings
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
        fields = ["id", "email", "full_name", "role", "organisation", "language", "phone"]


class MeUpdateSerializer(serializers.Serializer):
    full_name = serializers.CharField(max_length=200, required=False)
    language = serializers.ChoiceField(choices=settings.LANGUAGES, required=False)
    phone = serializers.RegexField(
        r"^(\+[1-9][0-9]{6,14})?$",
        required=False,
        allow_blank=True,
        help_text="International format, e.g. +212600000000; empty to stop SMS.",
    )


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField(help_text="Short-lived access token: send as `Authorization: Bearer <access>`.")
    refresh = serializers.CharField(help_text="Refresh token; each refresh returns a new one and revokes the old.")


class OidcConfigSerializer(serializers.Serializer):
    enabled = serializers.BooleanField(help_text="Whether this installation offers a login with an identity provider.")
    label = serializers.CharField(
        help_text="The provider's name for the login button, e.g. `itsme / CSAM`; empty when off."
    )


class OidcExchangeSerializer(serializers.Serializer):
    ticket = serializers.CharField(max_length=100, help_text="The one-time ticket from `/login/oidc#ticket=…`.")
