"""Hostile files sent to the public signature check (`POST /verify/`, no account needed).

It keeps nothing and only reads signatures, so it may answer about PDFs that plans refuse (with
scripts, attachments…): a PDF gets 200 and a verdict, anything else a 400 in the error shape, a
file over the upload limit a 413. Never a 500, never a hang, never a stored byte.
"""

from __future__ import annotations

import io

import pytest

from dossiers.tests import files
from dossiers.tests.hostile import CORPUS, Hostile, page_pdf, within
from signatures.models import Document

pytestmark = pytest.mark.django_db

SIGNATURE = b"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 10 20 %s] /Contents <3082000a> >>"

# Hostile signatures: only the verifier reads them.
SIGNATURE_CASES = {
    "signature-field-loop": (
        page_pdf(
            catalog=b"/AcroForm << /Fields [5 0 R] /SigFlags 3 >>",
            extra=[b"<< /FT /Sig /T (s) /Kids [5 0 R] /V 6 0 R >>", SIGNATURE % b"4000000000"],
        ),
        400,
    ),
    "signature-byte-range-past-the-end": (
        page_pdf(
            catalog=b"/AcroForm << /Fields [5 0 R] /SigFlags 3 >>",
            extra=[
                b"<< /FT /Sig /T (s) /V 6 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] >>",
                SIGNATURE % b"4000000000",
            ],
        ),
        200,
    ),
    "signature-field-listed-5000-times": (
        page_pdf(
            catalog=b"/AcroForm << /Fields [" + b"5 0 R " * 5000 + b"] /SigFlags 3 >>",
            extra=[b"<< /FT /Sig /T (s) /V 6 0 R >>", SIGNATURE % b"30"],
        ),
        200,
    ),
}


def verify(api_client, content: bytes, name: str = "decision.pdf"):
    upload = io.BytesIO(content)
    upload.name = name
    return api_client.post("/api/v1/verify/", {"file": upload}, format="multipart", HTTP_ACCEPT_LANGUAGE="en")


def stored_files(settings) -> list:
    from pathlib import Path

    root = Path(settings.STORAGE_FILESYSTEM_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def assert_answer(response, status: int) -> None:
    assert response.status_code == status, response.content[:500]
    body = response.json()
    if status == 200:
        assert body["verdict"] in {"unsigned", "invalid", "altered"}
        assert body["document"] is None and body["latest"] is False
        assert all(not s["valid"] for s in body["signatures"])
    else:
        assert body["status"] == 400 and body["type"] == "invalid_request"
        assert body["detail"] == "This file is not a PDF document." and "file" in body["errors"]


@pytest.mark.parametrize("case", [pytest.param(case, id=case.id) for case in CORPUS])
def test_hostile_file(case: Hostile, api_client, signing):
    with within():
        response = verify(api_client, case.content(), case.name)
    assert_answer(response, case.verify)
    assert stored_files(signing) == [] and not Document.objects.exists()


@pytest.mark.parametrize(("content", "status"), [pytest.param(*v, id=k) for k, v in SIGNATURE_CASES.items()])
def test_hostile_signature(content, status, api_client, signing):
    with within():
        response = verify(api_client, content)
    assert_answer(response, status)
    assert stored_files(signing) == []


def test_zero_byte_file_is_400(api_client, signing):
    response = verify(api_client, b"")
    assert response.status_code == 400 and "file" in response.json()["errors"]


def test_oversized_file_is_413(api_client, signing):
    signing.URBADESK = {**signing.URBADESK, "MAX_UPLOAD_BYTES": 500}
    response = verify(api_client, files.good_pdf())
    assert response.status_code == 413
    assert response.json()["type"] == "too_large" and response.json()["status"] == 413


def test_a_field_listed_5000_times_is_checked_once(api_client, signing):
    content, _status = SIGNATURE_CASES["signature-field-listed-5000-times"]
    response = verify(api_client, content)
    assert response.status_code == 200 and len(response.json()["signatures"]) == 1


def test_more_signature_fields_than_any_document_has_is_refused(api_client, signing):
    from signatures.pdfsign import MAX_SIGNATURES

    count = MAX_SIGNATURES + 1
    fields = [b"<< /FT /Sig /T (s%d) /V %d 0 R >>" % (n, 5 + count + n) for n in range(count)]
    content = page_pdf(
        catalog=b"/AcroForm << /Fields [" + b"".join(b"%d 0 R " % (5 + n) for n in range(count)) + b"] /SigFlags 3 >>",
        extra=fields + [SIGNATURE % b"30"] * count,
    )
    with within():
        response = verify(api_client, content)
    assert response.status_code == 400
    assert response.json()["detail"] == (
        f"This PDF has more than {MAX_SIGNATURES} signature fields; no document of ours has as many."
    )
