from django.conf import settings
from rest_framework import serializers

from signatures.documents import verification_url
from signatures.models import Document, RequiredSigner
from storage.services import get_storage


class RequiredSignerSerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()
    email = serializers.EmailField(source="user.email", read_only=True)

    class Meta:
        model = RequiredSigner
        fields = ["position", "user", "name", "email", "role", "signed_at", "timestamped", "note"]
        read_only_fields = fields

    def get_name(self, obj: RequiredSigner) -> str:
        return obj.user.full_name or obj.user.email


class DocumentSerializer(serializers.ModelSerializer):
    signers = RequiredSignerSerializer(many=True, read_only=True)
    next_signer = serializers.SerializerMethodField(help_text="The position of who signs next; null when done.")
    verification_url = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField(help_text="The current PDF (short-lived link).")

    class Meta:
        model = Document
        fields = [
            "id",
            "kind",
            "dossier",
            "title",
            "language",
            "code",
            "status",
            "sha256",
            "size",
            "pages",
            "created_at",
            "signed_at",
            "signers",
            "next_signer",
            "verification_url",
            "download_url",
        ]
        read_only_fields = fields

    def get_next_signer(self, obj: Document) -> int | None:
        waiting = [s.position for s in obj.signers.all() if s.signed_at is None]
        return min(waiting) if waiting else None

    def get_verification_url(self, obj: Document) -> str:
        return verification_url(obj.code)

    def get_download_url(self, obj: Document) -> str:
        url = get_storage().download_url(
            obj.file_key,
            expires_in=settings.URBADESK["DOWNLOAD_URL_TTL_SECONDS"],
            filename=f"{obj.title.split(' — ')[0]}-{obj.kind}.pdf",
        )
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url


class SignerChoiceSerializer(serializers.Serializer):
    user = serializers.UUIDField()
    role = serializers.CharField(max_length=120)


class PrepareDocumentSerializer(serializers.Serializer):
    signers = SignerChoiceSerializer(
        many=True,
        required=False,
        max_length=9,
        help_text="Who signs, in order, and in which capacity; by default the signing authority who decided.",
    )


class SignerCandidateSerializer(serializers.Serializer):
    user = serializers.UUIDField(source="user.pk", help_text="The id to send in `signers`.")
    name = serializers.SerializerMethodField()
    email = serializers.EmailField(source="user.email")
    suggested_role = serializers.CharField(
        help_text="The capacity to print under their signature, in the document's language; editable."
    )
    default = serializers.BooleanField(help_text="Signs, in this order, when `signers` is left out.")

    def get_name(self, obj) -> str:
        return obj.user.full_name or obj.user.email


class SignSerializer(serializers.Serializer):
    password = serializers.CharField(write_only=True, help_text="Your password, to confirm that you mean to sign.")
    sha256 = serializers.RegexField(
        r"^[0-9a-f]{64}$", help_text="The fingerprint of the document you read (the `sha256` you were shown)."
    )


class SignatureReportSerializer(serializers.Serializer):
    field = serializers.CharField()
    signer = serializers.CharField()
    signer_email = serializers.CharField()
    signed_at = serializers.DateTimeField(allow_null=True)
    timestamped = serializers.BooleanField()
    intact = serializers.BooleanField(help_text="The signed bytes are those the signer signed.")
    valid = serializers.BooleanField(help_text="The cryptographic signature checks.")
    trusted = serializers.BooleanField(help_text="The certificate chains to a root this installation trusts.")
    covers_document = serializers.BooleanField(
        help_text="Nothing changed after it but further signatures, form filling and validation data."
    )
    modification = serializers.CharField()


class PublicSignerSerializer(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField()
    signed_at = serializers.DateTimeField(allow_null=True)


class PublicDocumentSerializer(serializers.Serializer):
    code = serializers.CharField()
    kind = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField()
    sha256 = serializers.CharField(help_text="The fingerprint of its latest version.")
    pages = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    signed_at = serializers.DateTimeField(allow_null=True)
    signers = PublicSignerSerializer(many=True)


class VerificationSerializer(serializers.Serializer):
    verdict = serializers.ChoiceField(
        choices=["valid", "untrusted", "altered", "invalid", "unsigned"],
        help_text="valid: every signature intact, valid, trusted and nothing changed after; untrusted: intact "
        "but from a certificate this installation does not trust; altered: changed after a signature; "
        "invalid: a signature does not check; unsigned: no signature.",
    )
    signatures = SignatureReportSerializer(many=True)
    document = PublicDocumentSerializer(allow_null=True, help_text="Ours, when the file is a known version.")
    latest = serializers.BooleanField(help_text="The file is the latest version of a document of ours.")


class VerifyUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="The PDF to check.")
