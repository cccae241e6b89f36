from django.conf import settings
from rest_framework import serializers

from certificates.models import CertificateRequest, Parcel
from signatures.documents import verification_url
from storage.services import get_storage


class ParcelSerializer(serializers.ModelSerializer):
    authority = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = Parcel
        fields = ["id", "reference", "address", "latitude", "longitude", "authority"]
        read_only_fields = fields


class ParcelSearchSerializer(serializers.Serializer):
    search = serializers.CharField(required=False, allow_blank=True, max_length=100)


class CertificateRequestInputSerializer(serializers.Serializer):
    parcel = serializers.CharField(max_length=100, help_text="The parcel's reference (e.g. TF 1234/C) or its id.")
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES, default="fr", help_text="The language the certificate is written in."
    )


class CertificateRequestSerializer(serializers.ModelSerializer):
    parcel = ParcelSerializer(read_only=True)
    document = serializers.UUIDField(
        source="document_id", read_only=True, allow_null=True, help_text="The signed document, once ready."
    )
    code = serializers.SerializerMethodField(help_text="The code of its verification link, once ready.")
    verification_url = serializers.SerializerMethodField(help_text="Where anyone checks it, once ready.")
    download_url = serializers.SerializerMethodField(help_text="The sealed PDF (short-lived link), once ready.")

    class Meta:
        model = CertificateRequest
        fields = [
            "id",
            "parcel",
            "language",
            "status",
            "created_at",
            "ready_at",
            "document",
            "code",
            "verification_url",
            "download_url",
        ]
        read_only_fields = fields

    def get_code(self, obj: CertificateRequest) -> str | None:
        return obj.document.code if obj.document_id else None

    def get_verification_url(self, obj: CertificateRequest) -> str | None:
        return verification_url(obj.document.code) if obj.document_id else None

    def get_download_url(self, obj: CertificateRequest) -> str | None:
        if not obj.document_id:
            return None
        url = get_storage().download_url(
            obj.document.file_key,
            expires_in=settings.URBADESK["DOWNLOAD_URL_TTL_SECONDS"],
            filename=f"certificate-{obj.parcel.reference}-{obj.document.code}.pdf",
        )
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url
