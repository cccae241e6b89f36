"""Plan versions: both upload paths, analysis, and every kind of bad file."""

import hashlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accounts.tests.factories import UserFactory
from audit.models import AuditEvent
from dossiers.models import Page, PlanVersion, Upload
from dossiers.tests import files
from dossiers.tests.factories import PlanFactory
from storage.services import get_storage

pytestmark = pytest.mark.django_db


def stored_files(settings) -> list[Path]:
    root = Path(settings.STORAGE_FILESYSTEM_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def multipart(client, plan, content: bytes, name: str = "plan.pdf", language: str = "en", **data):
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(
        f"/api/v1/plans/{plan.id}/versions/",
        {"file": upload, **data},
        format="multipart",
        HTTP_ACCEPT_LANGUAGE=language,
    )


def http_put(url: str, body: bytes, headers: dict) -> int:
    """PUT to an upload URL as a browser would (the filesystem backend's URLs are the API's)."""
    if "://testserver/" in url:
        path = url.split("://testserver", 1)[1]
        return Client().put(path, body, content_type=headers.get("Content-Type", "")).status_code
    import urllib.request

    request = urllib.request.Request(url, data=body, method="PUT", headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


def direct_upload(client, plan, content: bytes, *, name="plan.pdf", declared_size=None, sha256=None, put=True):
    payload = {"filename": name, "size": declared_size if declared_size is not None else len(content)}
    if sha256:
        payload["sha256"] = sha256
    started = client.post(f"/api/v1/plans/{plan.id}/uploads/", payload, format="json")
    assert started.status_code == 201, started.data
    if put:
        assert http_put(started.data["upload_url"], content, started.data["headers"]) in (200, 201)
    return started, client.post(f"/api/v1/uploads/{started.data['id']}/complete/", HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def plan():
    return PlanFactory()


@pytest.fixture
def owner(plan, client_for):
    return client_for(plan.dossier.created_by)


def test_multipart_upload_is_analysed_to_ready(owner, plan, run_jobs, django_capture_on_commit_callbacks, settings):
    content = files.good_pdf(rotate=90)
    with django_capture_on_commit_callbacks(execute=True):
        response = multipart(owner, plan, content, declared_scale=100)
    assert response.status_code == 201, response.data
    assert response.data["status"] == "processing"
    assert response.data["number"] == 1
    assert response.data["sha256"] == hashlib.sha256(content).hexdigest()
    version = PlanVersion.objects.get()
    assert version.storage_key == (
        f"dossiers/{plan.dossier_id}/plans/{plan.id}/v1/{hashlib.sha256(content).hexdigest()}.pdf"
    )
    assert run_jobs() == 1
    detail = owner.get(f"/api/v1/plan-versions/{version.id}/").data
    assert detail["status"] == "ready"
    assert detail["page_count"] == 1
    page = detail["pages"][0]
    assert page["width_pt"] == pytest.approx(841 / 25.4 * 72, abs=0.01)
    assert page["height_pt"] == pytest.approx(594 / 25.4 * 72, abs=0.01)
    assert page["rotation"] == 90
    assert page["declared_scale"] == 100
    # the thumbnail is drawn as the page is shown: rotated a quarter turn, so portrait
    assert page["thumbnail_height"] == 512 and page["thumbnail_width"] < 512
    thumb = Client().get(page["thumbnail_url"].split("://testserver", 1)[1])
    assert thumb.status_code == 200
    assert b"".join(thumb.streaming_content).startswith(b"\x89PNG")
    original = Client().get(detail["download_url"].split("://testserver", 1)[1])
    assert b"".join(original.streaming_content) == content
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    assert actions[-2:] == ["plan_version.created", "plan_version.ready"]


def test_versions_are_numbered_in_order(owner, plan):
    numbers = [multipart(owner, plan, files.good_pdf(width_m=w)).data["number"] for w in (10, 11, 12)]
    assert numbers == [1, 2, 3]
    listed = owner.get(f"/api/v1/plans/{plan.id}/versions/").data["results"]
    assert [v["number"] for v in listed] == [1, 2, 3]


@pytest.mark.parametrize(
    ("name", "content", "media_type", "pages", "width_pt"),
    [
        ("scan.png", files.png(300, 150, dpi=150), "image/png", 1, 144.0),
        ("photo.jpg", files.jpeg(300, 200), "image/jpeg", 1, 300.0),
        ("plans.tif", files.tiff_two_pages(), "image/tiff", 2, 200.0),
    ],
)
def test_images_become_versions(
    owner, plan, run_jobs, django_capture_on_commit_callbacks, name, content, media_type, pages, width_pt
):
    with django_capture_on_commit_callbacks(execute=True):
        response = multipart(owner, plan, content, name=name)
    assert response.status_code == 201, response.data
    run_jobs()
    version = PlanVersion.objects.get()
    assert version.status == "ready"
    assert version.media_type == media_type
    assert version.page_count == pages
    first = Page.objects.get(version=version, index=1)
    assert first.width_pt == pytest.approx(width_pt, abs=0.05)  # PNG stores dots per metre
    assert first.thumbnail_key.endswith("page-1.png")


BAD_FILES = [
    ("not-a-pdf.pdf", b"Ceci n'est pas un PDF, juste du texte.", 422, "not a PDF"),
    ("truncated.pdf", files.truncated_pdf(), 422, "incomplete"),
    ("encrypted.pdf", files.encrypted_pdf(), 422, "encrypted"),
    ("bomb.png", files.bomb_png(), 422, "decompression bomb"),
]


@pytest.mark.parametrize(("name", "content", "status", "message"), BAD_FILES)
def test_bad_files_are_refused_by_multipart_and_leave_nothing(owner, plan, settings, name, content, status, message):
    response = multipart(owner, plan, content, name=name)
    assert response.status_code == status
    assert message in response.data["detail"]
    assert response.data["type"] == "unprocessable_file"
    assert PlanVersion.objects.count() == 0
    assert stored_files(settings) == []
    assert not AuditEvent.objects.filter(action__startswith="plan_version").exists()


@pytest.mark.parametrize(("name", "content", "status", "message"), BAD_FILES)
def test_bad_files_are_refused_by_direct_upload_and_leave_nothing(
    owner, plan, settings, name, content, status, message
):
    _started, response = direct_upload(owner, plan, content, name=name)
    assert response.status_code == status
    assert message in response.data["detail"]
    assert PlanVersion.objects.count() == 0
    assert Upload.objects.count() == 0
    assert stored_files(settings) == []


def test_too_many_pages(owner, plan, settings):
    settings.URBADESK = {**settings.URBADESK, "MAX_PDF_PAGES": 3}
    response = multipart(owner, plan, files.good_pdf(pages=4))
    assert response.status_code == 422
    assert "4 pages; the limit is 3" in response.data["detail"]
    assert PlanVersion.objects.count() == 0 and stored_files(settings) == []


def test_empty_file_is_refused(owner, plan, settings):
    response = multipart(owner, plan, b"")
    assert response.status_code == 400
    assert "file" in response.data["errors"]
    started = owner.post(f"/api/v1/plans/{plan.id}/uploads/", {"filename": "x.pdf", "size": 0}, format="json")
    assert started.status_code == 400 and "size" in started.data["errors"]
    assert PlanVersion.objects.count() == 0 and Upload.objects.count() == 0 and stored_files(settings) == []


def test_oversized_file_is_413_and_leaves_nothing(owner, plan, settings):
    settings.URBADESK = {**settings.URBADESK, "MAX_UPLOAD_BYTES": 500}
    response = multipart(owner, plan, files.good_pdf())
    assert response.status_code == 413
    assert response.data["type"] == "payload_too_large"
    started = owner.post(f"/api/v1/plans/{plan.id}/uploads/", {"filename": "x.pdf", "size": 5000}, format="json")
    assert started.status_code == 413
    assert PlanVersion.objects.count() == 0 and Upload.objects.count() == 0 and stored_files(settings) == []


def test_direct_upload_to_filesystem(owner, plan, run_jobs, django_capture_on_commit_callbacks, settings):
    content = files.good_pdf()
    with django_capture_on_commit_callbacks(execute=True):
        _started, response = direct_upload(owner, plan, content, sha256=hashlib.sha256(content).hexdigest())
    assert response.status_code == 201, response.data
    run_jobs()
    version = PlanVersion.objects.get()
    assert version.status == "ready"
    keys = {str(p.relative_to(settings.STORAGE_FILESYSTEM_ROOT)) for p in stored_files(settings)}
    assert keys == {version.storage_key, version.pages.get().thumbnail_key}  # staging object removed


def test_direct_upload_to_s3(owner, plan, run_jobs, django_capture_on_commit_callbacks, s3_storage):
    content = files.good_pdf()
    with django_capture_on_commit_callbacks(execute=True):
        started, response = direct_upload(owner, plan, content)
    assert started.data["upload_url"].startswith("http://127.0.0.1:")
    assert response.status_code == 201, response.data
    run_jobs()
    version = PlanVersion.objects.get()
    assert version.status == "ready"
    storage = get_storage()
    assert storage.stat(version.storage_key).size == len(content)
    assert storage.stat(f"uploads/{started.data['id']}") is None
    import urllib.request

    with urllib.request.urlopen(owner.get(f"/api/v1/plan-versions/{version.id}/").data["download_url"]) as got:
        assert got.read() == content


def test_complete_twice_returns_the_same_version(owner, plan):
    started, first = direct_upload(owner, plan, files.good_pdf())
    again = owner.post(f"/api/v1/uploads/{started.data['id']}/complete/")
    assert first.status_code == again.status_code == 201
    assert first.data["id"] == again.data["id"]
    assert PlanVersion.objects.count() == 1


def test_complete_before_the_file_arrived_is_409(owner, plan):
    _started, response = direct_upload(owner, plan, files.good_pdf(), put=False)
    assert response.status_code == 409
    assert Upload.objects.count() == 1  # the client may still send the file


def test_declared_size_or_hash_mismatch_is_refused(owner, plan, settings):
    content = files.good_pdf()
    _s, wrong_size = direct_upload(owner, plan, content, declared_size=len(content) + 1)
    assert wrong_size.status_code == 422 and "size" in wrong_size.data["errors"]
    _s, wrong_hash = direct_upload(owner, plan, content, sha256="0" * 64)
    assert wrong_hash.status_code == 422 and "sha256" in wrong_hash.data["errors"]
    assert PlanVersion.objects.count() == 0 and Upload.objects.count() == 0 and stored_files(settings) == []


def test_foreign_plan_and_upload_are_404(plan, owner, client_for):
    stranger = client_for(UserFactory())
    assert multipart(stranger, plan, files.good_pdf()).status_code == 404
    assert stranger.get(f"/api/v1/plans/{plan.id}/versions/").status_code == 404
    assert stranger.post(f"/api/v1/plans/{plan.id}/uploads/", {"filename": "a.pdf", "size": 10}).status_code == 404
    started, _ = direct_upload(owner, plan, files.good_pdf(), put=False)
    assert stranger.post(f"/api/v1/uploads/{started.data['id']}/complete/").status_code == 404
    version = multipart(owner, plan, files.good_pdf()).data
    assert stranger.get(f"/api/v1/plan-versions/{version['id']}/").status_code == 404


def test_submitted_dossier_takes_no_new_version(owner, plan):
    plan.dossier.status = "submitted"
    plan.dossier.save()
    response = multipart(owner, plan, files.good_pdf())
    assert response.status_code == 409
    assert PlanVersion.objects.count() == 0


def test_submit_after_a_ready_version(owner, plan, run_jobs, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        multipart(owner, plan, files.good_pdf())
    run_jobs()
    response = owner.post(f"/api/v1/dossiers/{plan.dossier_id}/submit/")
    assert response.status_code == 200 and response.data["status"] == "submitted"


def test_worker_rejects_what_it_cannot_render(owner, plan, run_jobs, django_capture_on_commit_callbacks, monkeypatch):
    from dossiers import tasks
    from dossiers.analysis import FileRefused

    def refuse(*args, **kwargs):
        raise FileRefused("The PDF cannot be rendered (test).")

    monkeypatch.setattr(tasks, "render_thumbnails", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        version_id = multipart(owner, plan, files.good_pdf()).data["id"]
    run_jobs()
    detail = owner.get(f"/api/v1/plan-versions/{version_id}/").data
    assert detail["status"] == "rejected"
    assert detail["rejection_reason"] == "The PDF cannot be rendered (test)."


def test_analysis_is_idempotent(owner, plan, run_jobs, django_capture_on_commit_callbacks):
    from dossiers.tasks import analyse_plan_version

    with django_capture_on_commit_callbacks(execute=True):
        version_id = multipart(owner, plan, files.good_pdf()).data["id"]
    run_jobs()
    analyse_plan_version(version_id)
    assert Page.objects.filter(version_id=version_id).count() == 1
    assert AuditEvent.objects.filter(action="plan_version.ready").count() == 1


@pytest.mark.parametrize("count", [1, 10])
def test_version_list_query_count_does_not_grow(
    owner, plan, django_assert_num_queries, run_jobs, django_capture_on_commit_callbacks, count
):
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(count):
            multipart(owner, plan, files.good_pdf(width_m=5 + i))
    run_jobs()
    # plan lookup, count, versions page, their pages
    with django_assert_num_queries(4):
        response = owner.get(f"/api/v1/plans/{plan.id}/versions/?page_size=50")
    assert len(response.data["results"]) == count


def test_errors_speak_the_request_language(owner, plan):
    french = multipart(owner, plan, b"pas un PDF", language="fr")
    english = multipart(owner, plan, b"pas un PDF", language="en")
    assert french.data["detail"].startswith("Le fichier n'est pas un document PDF")
    assert french.data["title"] == "Fichier refusé"
    assert english.data["detail"].startswith("The file is not a PDF")
