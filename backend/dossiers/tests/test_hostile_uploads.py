"""Hostile uploads against every way a plan version comes in, and the downloads that serve it.

Each case of the corpus (dossiers/tests/hostile.py) is sent through the multipart upload, the
direct upload and its completion, and stored as-is for the analysis job (as a file checked by an
older version of the checks, or swapped in the store, would be). A refused file leaves nothing
behind: no version, no page, no stored object; an accepted one ends `ready`, or `rejected` with a
reason by the job; never a 500, never a version left `processing`, never a hang.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest
from django.test import Client
from django.utils import translation

from audit.models import AuditEvent
from dossiers.models import Page, PlanVersion, Upload
from dossiers.tests import files
from dossiers.tests.factories import PlanFactory
from dossiers.tests.hostile import CORPUS, HOSTILE_NAMES, Hostile, within
from dossiers.tests.test_uploads import direct_upload, multipart, stored_files
from storage.services import get_storage

pytestmark = pytest.mark.django_db

CASES = [pytest.param(case, id=case.id) for case in CORPUS]


@pytest.fixture
def plan():
    return PlanFactory()


@pytest.fixture
def owner(plan, client_for):
    return client_for(plan.dossier.created_by)


def limited(settings, case: Hostile) -> None:
    settings.URBADESK = {**settings.URBADESK, **case.limits}


def assert_refusal(response, case: Hostile, *, field: str = "file") -> None:
    """A 4xx in the project's error shape, saying why."""
    assert response.status_code == case.status, (response.status_code, getattr(response, "data", None))
    body = response.json()
    assert body["status"] == case.status
    assert body["type"] == "unprocessable_file"
    assert body["title"] == "File refused"
    assert case.refused in body["detail"], body["detail"]
    assert body["errors"] == {field: [body["detail"]]}


def assert_nothing_kept(settings) -> None:
    assert PlanVersion.objects.count() == 0
    assert Page.objects.count() == 0
    assert Upload.objects.count() == 0
    assert stored_files(settings) == []
    assert not AuditEvent.objects.filter(action__startswith="plan_version").exists()


def analyse(run_jobs) -> PlanVersion:
    with translation.override("en"), within():
        assert run_jobs() == 1
    return PlanVersion.objects.get()


def assert_analysed(version: PlanVersion, case: Hostile, settings) -> None:
    """Accepted: ready with its pages. Refused by the job: rejected with the reason, no page,
    no thumbnail (the original stays, as the record of what was sent)."""
    if case.refused:
        assert version.status == "rejected"
        assert case.refused in version.rejection_reason
        assert version.pages.count() == 0
        root = settings.STORAGE_FILESYSTEM_ROOT
        assert {str(p.relative_to(root)) for p in stored_files(settings)} == {version.storage_key}
    else:
        assert version.status == "ready", version.rejection_reason
        assert version.page_count >= 1
        assert version.pages.count() == version.page_count
        assert all(page.thumbnail_key for page in version.pages.all())


@pytest.mark.parametrize("case", CASES)
def test_multipart_upload(case, owner, plan, settings, run_jobs, django_capture_on_commit_callbacks):
    limited(settings, case)
    content = case.content()
    with within(), django_capture_on_commit_callbacks(execute=True):
        response = multipart(owner, plan, content, name=case.name)
    if case.refused and not case.by_worker:
        assert_refusal(response, case)
        assert_nothing_kept(settings)
        return
    assert response.status_code == 201, response.data
    assert_analysed(analyse(run_jobs), case, settings)


@pytest.mark.parametrize("case", CASES)
def test_direct_upload_and_completion(case, owner, plan, settings, run_jobs, django_capture_on_commit_callbacks):
    limited(settings, case)
    content = case.content()
    with within(), django_capture_on_commit_callbacks(execute=True):
        _started, response = direct_upload(owner, plan, content, name=case.name)
    if case.refused and not case.by_worker:
        assert_refusal(response, case)
        assert_nothing_kept(settings)  # the staged object and the upload row are gone too
        return
    assert response.status_code == 201, response.data
    assert_analysed(analyse(run_jobs), case, settings)


@pytest.mark.parametrize("case", CASES)
def test_analysis_job_on_an_unchecked_stored_file(case, plan, settings):
    """The job checks again what it reads from the store: a file that reached it unchecked (sent
    before these checks existed, or replaced in the store) ends `rejected` with the reason."""
    from dossiers.tasks import analyse_plan_version

    limited(settings, case)
    content = case.content()
    key = f"dossiers/{plan.dossier_id}/plans/{plan.id}/v1/{hashlib.sha256(content).hexdigest()}.pdf"
    get_storage().put(key, io.BytesIO(content), size=len(content), content_type="application/pdf")
    version = PlanVersion.objects.create(
        plan=plan,
        number=1,
        storage_key=key,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        media_type="application/pdf",
        original_filename=case.name,
        uploaded_by=plan.dossier.created_by,
    )
    with translation.override("en"), within():
        analyse_plan_version(str(version.id))
    version.refresh_from_db()
    assert_analysed(version, case, settings)


# --- limits of size and emptiness ---------------------------------------------------------------


def test_oversized_files_are_413_on_both_paths_and_leave_nothing(owner, plan, settings):
    settings.URBADESK = {**settings.URBADESK, "MAX_UPLOAD_BYTES": 500}
    content = files.good_pdf()
    response = multipart(owner, plan, content)
    assert response.status_code == 413
    assert response.json()["type"] == "payload_too_large" and "500" in response.json()["detail"]
    started = owner.post(f"/api/v1/plans/{plan.id}/uploads/", {"filename": "x.pdf", "size": 501}, format="json")
    assert started.status_code == 413 and started.json()["type"] == "payload_too_large"
    assert_nothing_kept(settings)


def test_a_file_that_grows_past_the_limit_after_the_start_is_413_at_completion(owner, plan, settings):
    """The client declared a small file, sent it, then the limit went down (or it lied and sent
    more through a store that does not check): completion refuses it and deletes the object."""
    content = files.good_pdf()
    started = owner.post(
        f"/api/v1/plans/{plan.id}/uploads/", {"filename": "x.pdf", "size": len(content)}, format="json"
    )
    path = started.data["upload_url"].split("://testserver", 1)[1]
    assert Client().put(path, content, content_type="application/pdf").status_code == 201
    settings.URBADESK = {**settings.URBADESK, "MAX_UPLOAD_BYTES": 500}
    response = owner.post(f"/api/v1/uploads/{started.data['id']}/complete/")
    assert response.status_code == 413 and response.json()["type"] == "payload_too_large"
    assert_nothing_kept(settings)


def test_the_store_refuses_a_put_past_the_limit(owner, plan, settings):
    settings.URBADESK = {**settings.URBADESK, "MAX_UPLOAD_BYTES": 500}
    started = owner.post(f"/api/v1/plans/{plan.id}/uploads/", {"filename": "x.pdf", "size": 400}, format="json")
    path = started.data["upload_url"].split("://testserver", 1)[1]
    put = Client().put(path, files.good_pdf(), content_type="application/pdf")
    assert put.status_code == 413 and put.json()["type"] == "payload_too_large"
    complete = owner.post(f"/api/v1/uploads/{started.data['id']}/complete/")
    assert complete.status_code == 409  # nothing arrived; the client may still send a right-sized file
    assert stored_files(settings) == [] and PlanVersion.objects.count() == 0


def test_zero_byte_files_are_400_on_both_paths(owner, plan, settings):
    response = multipart(owner, plan, b"")
    assert response.status_code == 400 and "file" in response.json()["errors"]
    started = owner.post(f"/api/v1/plans/{plan.id}/uploads/", {"filename": "x.pdf", "size": 0}, format="json")
    assert started.status_code == 400 and "size" in started.json()["errors"]
    assert_nothing_kept(settings)


def test_a_direct_upload_that_sends_zero_bytes_is_refused_at_completion(owner, plan, settings):
    started = owner.post(f"/api/v1/plans/{plan.id}/uploads/", {"filename": "x.pdf", "size": 1}, format="json")
    path = started.data["upload_url"].split("://testserver", 1)[1]
    Client().put(path, b"", content_type="application/pdf")
    response = owner.post(f"/api/v1/uploads/{started.data['id']}/complete/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422 and "size" in response.json()["errors"]
    assert_nothing_kept(settings)


# --- names, and the headers of downloads ------------------------------------------------------

NAMES = [pytest.param(name, id=key) for key, name in HOSTILE_NAMES.items()]
INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def raw_multipart(name: str, content: bytes) -> tuple[bytes, str]:
    """A multipart body whose file name is sent exactly (RFC 2231 `filename*`), as a hostile
    client would; Django's test client would take its base name and break on CR or LF."""
    boundary = "hostile-boundary-7d1f"
    head = (
        f"--{boundary}\r\n"
        f"Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''{quote(name, safe='')}\r\n"
        "Content-Type: application/pdf\r\n\r\n"
    )
    return head.encode() + content + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def assert_safe_download(response, *, content_type: str = "application/pdf", extension: str = ".pdf") -> str:
    """The download is an attachment, typed, never sniffed, never run as a page; its name has no
    folder, no control or invisible character, and the extension of what it is. Returns it."""
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    disposition = response["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition
    assert disposition.startswith("attachment; ")
    fallback = re.fullmatch(r'attachment; filename="([ -~]*)"; filename\*=UTF-8\'\'([A-Za-z0-9%._~-]+)', disposition)
    assert fallback, disposition
    assert '"' not in fallback[1] and "\\" not in fallback[1]
    name = unquote(fallback[2])
    assert name and "/" not in name and "\\" not in name and not name.startswith(".")
    assert not any(unicodedata.category(char) in INVISIBLE for char in name), ascii(name)
    assert len(name) <= 200
    assert name.endswith(extension), name
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    return name


def fetch(url: str):
    return Client().get(url.split("://testserver", 1)[1])


@pytest.mark.parametrize("name", NAMES)
def test_hostile_names_through_multipart(owner, plan, name):
    body, content_type = raw_multipart(name, files.good_pdf())
    response = owner.post(f"/api/v1/plans/{plan.id}/versions/", body, content_type=content_type)
    if name == "..":  # no name left once Django took its last segment
        assert response.status_code == 400 and "file" in response.json()["errors"]
        return
    assert response.status_code == 201, response.data
    stored = response.data["original_filename"]
    assert "/" not in stored and "\\" not in stored
    assert not any(unicodedata.category(char) in INVISIBLE for char in stored)
    assert_safe_download(fetch(response.data["download_url"]))


@pytest.mark.parametrize("name", NAMES)
def test_hostile_names_through_direct_upload(owner, plan, name):
    _started, response = direct_upload(owner, plan, files.good_pdf(), name=name)
    assert response.status_code == 201, response.data
    assert_safe_download(fetch(response.data["download_url"]))


@pytest.mark.parametrize(("name", "status"), [("plan\x00.pdf", 400), ("a" * 300 + ".pdf", 400)])
def test_names_the_direct_upload_refuses(owner, plan, settings, name, status):
    response = owner.post(f"/api/v1/plans/{plan.id}/uploads/", {"filename": name, "size": 10}, format="json")
    assert response.status_code == status and "filename" in response.json()["errors"]
    assert Upload.objects.count() == 0 and stored_files(settings) == []


def test_a_pdf_named_as_a_web_page_is_downloaded_as_a_pdf(owner, plan):
    _started, response = direct_upload(owner, plan, files.good_pdf(), name="index.html")
    assert assert_safe_download(fetch(response.data["download_url"])) == "index.html.pdf"


def test_an_image_downloads_with_its_own_type_and_extension(owner, plan):
    response = multipart(owner, plan, files.png(40, 30), name="scan.pdf")
    assert response.status_code == 201, response.data
    got = fetch(response.data["download_url"])
    assert assert_safe_download(got, content_type="image/png", extension=".png") == "scan.pdf.png"


def test_thumbnails_are_served_inline_but_never_sniffed(owner, plan, run_jobs, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        version_id = multipart(owner, plan, files.good_pdf()).data["id"]
    run_jobs()
    page = owner.get(f"/api/v1/plan-versions/{version_id}/").data["pages"][0]
    thumb = fetch(page["thumbnail_url"])
    assert thumb.status_code == 200 and thumb["Content-Type"] == "image/png"
    assert thumb["Content-Disposition"] == "inline"
    assert thumb["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name", NAMES)
def test_s3_download_links_carry_a_safe_disposition(name, s3_storage):
    storage = get_storage()
    content = files.good_pdf()
    storage.put("dossiers/a/plans/b/v1/abc.pdf", io.BytesIO(content), size=len(content), content_type="application/pdf")
    url = storage.download_url("dossiers/a/plans/b/v1/abc.pdf", expires_in=60, filename=name)
    (disposition,) = parse_qs(urlsplit(url).query)["response-content-disposition"]
    assert "\r" not in disposition and "\n" not in disposition
    match = re.fullmatch(r'attachment; filename="[ -~]*"; filename\*=UTF-8\'\'([A-Za-z0-9%._~-]+)', disposition)
    assert match, disposition
    decoded = unquote(match[1])
    assert decoded.endswith(".pdf") and "/" not in decoded and "\\" not in decoded
    assert not any(unicodedata.category(char) in INVISIBLE for char in decoded)
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as got:  # the store answers with that header
        assert got.headers["Content-Disposition"] == disposition
        assert got.read() == content


# --- the refusals speak French too; the structure check has a bound ----------------------------


@pytest.mark.parametrize(
    ("case_id", "french"),
    [
        ("openaction-javascript", "Le PDF contient du JavaScript"),
        ("launch-action", "Le PDF contient une action qui ouvre d'autres fichiers ou programmes"),
        ("embedded-files", "Le PDF contient des fichiers incorporés"),
        ("xfa-form", "Le PDF est un formulaire XFA"),
        ("jpeg-pdf-polyglot", "Le fichier contient un PDF qui ne commence pas à son premier octet"),
        ("pdf-with-zip-appended", "Le fichier est à la fois un plan et une archive"),
        ("page-count-claims-a-million", "L'arborescence des pages du PDF est incohérente"),
    ],
)
def test_refusals_speak_french(owner, plan, case_id, french):
    from dossiers.tests.hostile import BY_ID

    response = multipart(owner, plan, BY_ID[case_id].content(), language="fr")
    assert response.status_code == 422
    assert response.json()["title"] == "Fichier refusé"
    assert response.json()["detail"].startswith(french), response.json()["detail"]


def test_a_structure_too_large_to_check_is_refused(owner, plan, settings, monkeypatch):
    from dossiers import analysis
    from dossiers.tests.hostile import page_pdf

    monkeypatch.setattr(analysis, "MAX_PDF_STRUCTURE_NODES", 50)
    link = b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /URI /URI (https://a.example/) >> >>"
    content = page_pdf(page=b"/Annots [" + b"".join(b"%d 0 R " % (5 + n) for n in range(60)) + b"]", extra=[link] * 60)
    response = multipart(owner, plan, content)
    assert response.status_code == 422
    assert "too large to check (more than 50 objects" in response.json()["detail"]
    assert_nothing_kept(settings)
