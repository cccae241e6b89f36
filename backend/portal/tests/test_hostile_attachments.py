"""Hostile files as attachments to a public inquiry's observations: anyone with an account may
send them, and the desk downloads them. The same checks as plans; a refused file leaves no
observation, no attachment and no stored object; a kept one is served as a plain download."""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta
from urllib.parse import quote, unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from dossiers.tests import files
from dossiers.tests.factories import DossierFactory
from dossiers.tests.hostile import CORPUS, HOSTILE_NAMES, Hostile, within
from portal.models import Observation, ObservationAttachment
from portal.tests.test_inquiries import ready_version

pytestmark = pytest.mark.django_db

CASES = [pytest.param(case, id=case.id) for case in CORPUS]
INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


@pytest.fixture
def inquiry(client_for):
    authority = OrganisationFactory()
    dossier = DossierFactory(
        organisation=authority,
        procedure_type_id="PL",
        status="under_review",
        submitted_at=timezone.now() - timedelta(days=10),
        completed_at=timezone.now() - timedelta(days=5),
    )
    ready_version(dossier)
    desk = client_for(UserFactory(role=Role.DESK_AGENT, organisation=authority))
    opened = desk.post(f"/api/v1/dossiers/{dossier.id}/inquiries/", {}, format="json")
    assert opened.status_code == 201, opened.data
    return opened.data["id"], desk


@pytest.fixture
def citizen(client_for):
    return client_for(UserFactory())


def stored_objects(settings) -> list[str]:
    """Stored objects other than the published plan of the dossier."""
    from pathlib import Path

    root = Path(settings.STORAGE_FILESYSTEM_ROOT)
    return [str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and p.parts[-3] != "tests"]


def observe(client, inquiry_id, *uploads):
    return client.post(
        f"/api/v1/inquiries/{inquiry_id}/observations/",
        {"kind": "objection", "text": "Je m'oppose au projet.", "files": list(uploads)},
        format="multipart",
        HTTP_ACCEPT_LANGUAGE="en",
    )


def attachments_seen_by_the_desk(desk, inquiry_id) -> list[dict]:
    listed = desk.get(f"/api/v1/inquiries/{inquiry_id}/observations/")
    assert listed.status_code == 200
    return [a for observation in listed.data for a in observation["attachments"]]


def download(url: str):
    return Client().get(url.split("://testserver", 1)[1])


def assert_safe_attachment_download(response) -> str:
    assert response.status_code == 200
    # The type the content was checked to be (the key carries its extension), never the sender's.
    assert response["Content-Type"] in {"application/pdf", "image/png", "image/jpeg", "image/tiff"}
    disposition = response["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition
    match = re.fullmatch(r'attachment; filename="([ -~]*)"; filename\*=UTF-8\'\'([A-Za-z0-9%._~-]+)', disposition)
    assert match, disposition
    name = unquote(match[2])
    extensions = {"application/pdf": (".pdf",), "image/png": (".png",), "image/tiff": (".tif", ".tiff")}
    assert name.lower().endswith(extensions.get(response["Content-Type"], (".jpg", ".jpeg")))
    assert name and "/" not in name and "\\" not in name and not name.startswith(".")
    assert not any(unicodedata.category(char) in INVISIBLE for char in name)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    return name


@pytest.mark.parametrize("case", CASES)
def test_hostile_attachment(case: Hostile, inquiry, citizen, settings):
    inquiry_id, desk = inquiry
    settings.URBADESK = {**settings.URBADESK, **case.limits}
    upload = SimpleUploadedFile(case.name, case.content(), content_type="application/pdf")
    with within():
        response = observe(citizen, inquiry_id, upload)
    if case.refused and not case.by_worker:
        assert response.status_code == case.status, response.data
        body = response.json()
        assert body["type"] == "unprocessable_file" and body["status"] == case.status
        assert case.refused in body["detail"], body["detail"]
        assert body["errors"] == {"files": [body["detail"]]}
        assert not Observation.objects.exists() and not ObservationAttachment.objects.exists()
        assert stored_objects(settings) == []
        return
    # Kept (attachments have no analysis job): as sent, and served only as a download.
    assert response.status_code == 201, response.data
    (attachment,) = attachments_seen_by_the_desk(desk, inquiry_id)
    got = download(attachment["download_url"])
    assert_safe_attachment_download(got)
    assert b"".join(got.streaming_content) == case.content()


def test_one_bad_file_among_good_ones_keeps_nothing(inquiry, citizen, settings):
    inquiry_id, _desk = inquiry
    good = SimpleUploadedFile("plan.pdf", files.good_pdf())
    bad = SimpleUploadedFile("plan.pdf", files.good_pdf() + b"PK\x05\x06" + b"\x00" * 18)
    from dossiers.tests.hostile import BY_ID

    hostile = SimpleUploadedFile("plan.pdf", BY_ID["openaction-javascript"].content())
    assert observe(citizen, inquiry_id, good, bad, hostile).status_code == 422
    assert not Observation.objects.exists() and stored_objects(settings) == []


def test_zero_byte_attachment_is_400(inquiry, citizen, settings):
    inquiry_id, _desk = inquiry
    response = observe(citizen, inquiry_id, SimpleUploadedFile("empty.pdf", b""))
    assert response.status_code == 400 and "files" in response.json()["errors"]
    assert not Observation.objects.exists() and stored_objects(settings) == []


def test_oversized_attachment_is_413(inquiry, citizen, settings, monkeypatch):
    from portal import inquiries

    inquiry_id, _desk = inquiry
    monkeypatch.setattr(inquiries, "MAX_ATTACHMENT_BYTES", 500)
    response = observe(citizen, inquiry_id, SimpleUploadedFile("plan.pdf", files.good_pdf()))
    assert response.status_code == 413 and response.json()["type"] == "payload_too_large"
    assert "files" in response.json()["errors"]
    assert not Observation.objects.exists() and stored_objects(settings) == []


@pytest.mark.parametrize("name", [pytest.param(name, id=key) for key, name in HOSTILE_NAMES.items()])
def test_hostile_attachment_names(inquiry, citizen, name):
    """Names sent exactly (RFC 2231 `filename*`), as a hostile client would."""
    inquiry_id, desk = inquiry
    boundary = "hostile-boundary-5e2a"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nobservation\r\n',
        f'--{boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\nVoir la pièce jointe.\r\n',
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename*=UTF-8''{quote(name, safe='')}\r\n"
        "Content-Type: application/pdf\r\n\r\n",
    ]
    body = "".join(parts).encode() + files.good_pdf() + f"\r\n--{boundary}--\r\n".encode()
    response = citizen.post(
        f"/api/v1/inquiries/{inquiry_id}/observations/", body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == 201, response.data
    if name == "..":  # no name left once Django took its last segment: it drops the file part
        assert attachments_seen_by_the_desk(desk, inquiry_id) == []
        return
    (attachment,) = attachments_seen_by_the_desk(desk, inquiry_id)
    assert not any(unicodedata.category(char) in INVISIBLE for char in attachment["filename"])
    assert "/" not in attachment["filename"] and "\\" not in attachment["filename"]
    assert_safe_attachment_download(download(attachment["download_url"]))
