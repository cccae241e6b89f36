"""Steps the signing tests share."""

import io

from accounts.tests.factories import UserFactory
from signatures.models import Document
from storage.services import get_storage

PASSWORD = "correct horse battery staple"


def person(role, organisation, name):
    user = UserFactory(role=role, organisation=organisation, full_name=name)
    user.set_password(PASSWORD)
    user.save()
    return user


def prepare(client, dossier, signers=None):
    body = {"signers": signers} if signers is not None else {}
    return client.post(f"/api/v1/dossiers/{dossier.id}/decision-document/", body, format="json")


def sign(client, document, password=PASSWORD, sha256=None):
    return client.post(
        f"/api/v1/documents/{document['id']}/sign/",
        {"password": password, "sha256": sha256 or document["sha256"]},
        format="json",
    )


def stored(document_id) -> bytes:
    with get_storage().open(Document.objects.get(pk=document_id).file_key) as stream:
        return stream.read()


def verify(api_client, pdf: bytes, name="decision.pdf"):
    return api_client.post("/api/v1/verify/", {"file": io.BytesIO(pdf)}, format="multipart")


def three_signers(world):
    return [
        {"user": str(world["president"].id), "role": "Le président"},
        {"user": str(world["deputy"].id), "role": "La vice-présidente"},
        {"user": str(world["agent"].id), "role": "Pour ampliation"},
    ]
