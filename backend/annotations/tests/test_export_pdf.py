"""The annotated PDF: real annotations with appearances, in place at every page rotation."""

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from pypdf import PdfReader

from accounts.models import Role
from accounts.tests.factories import UserFactory
from annotations.geometry import rotate_point
from dossiers import services as dossier_services
from dossiers.models import PlanVersion
from dossiers.samples import building_outline_pdf
from dossiers.tests.factories import PlanFactory
from dossiers.tests.files import png

pytestmark = pytest.mark.django_db
RED = "#ff0000"
BOX = [200, 150, 120, 90]  # x, y, w, h in page points: a blank area of the sample sheets


def ready_plan(client_for, run_jobs, capture, content: bytes, name: str = "plan.pdf"):
    plan = PlanFactory()
    owner = client_for(plan.dossier.created_by)
    with capture(execute=True):
        response = owner.post(
            f"/api/v1/plans/{plan.id}/versions/",
            {"file": SimpleUploadedFile(name, content), "declared_scale": 100},
            format="multipart",
        )
    assert response.status_code == 201, response.data
    run_jobs()
    version = PlanVersion.objects.get(pk=response.data["id"])
    assert version.status == "ready"
    member = UserFactory(role=Role.COMMISSION_MEMBER)
    dossier_services.dossier_access_grant(actor=None, dossier=plan.dossier, user=member, reason="review")
    return version, client_for(member), owner


def annotated(client, version) -> bytes:
    """GET annotated.pdf, then follow its 303 to the file (the embedded store serves it)."""
    response = client.get(f"/api/v1/plan-versions/{version.id}/annotated.pdf")
    assert response.status_code == 303, getattr(response, "data", response)
    file = Client().get(response["Location"].split("://testserver", 1)[1])
    assert file.status_code == 200
    return b"".join(file.streaming_content)


def rendered(pdf: bytes, scale: float = 0.5, renderer: str = "pdfium"):
    if renderer == "poppler":
        return rendered_by_poppler(pdf, scale)
    page = pdfium.PdfDocument(pdf)[0]
    return page.render(scale=scale, draw_annots=True).to_pil().convert("RGB")


def rendered_by_poppler(pdf: bytes, scale: float):
    """poppler's own renderer (pdftoppm, from poppler-utils, which .ci/run installs): a second,
    independent reader of our appearance streams."""
    executable = shutil.which("pdftoppm")
    assert executable, "pdftoppm is missing: install poppler-utils (apt-get install poppler-utils)"
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "in.pdf")
        source.write_bytes(pdf)
        dpi = str(round(72 * scale))
        subprocess.run([executable, "-r", dpi, "-png", "-singlefile", str(source), f"{folder}/out"], check=True)
        return Image.open(Path(folder, "out.png")).convert("RGB")


@pytest.mark.parametrize("renderer", ["pdfium", "poppler"])
@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_a_filled_rectangle_shows_where_it_was_drawn_at_every_rotation(
    client_for, run_jobs, django_capture_on_commit_callbacks, rotation, renderer
):
    version, member, _owner = ready_plan(
        client_for, run_jobs, django_capture_on_commit_callbacks, building_outline_pdf(rotate=rotation)
    )
    created = member.post(
        f"/api/v1/plan-versions/{version.id}/annotations/",
        {"page_index": 1, "kind": "rectangle", "geometry": {"rect": BOX}, "style": {"color": RED, "fill": RED}},
        format="json",
    )
    assert created.status_code == 201, created.data
    pdf = annotated(member, version)
    page = version.pages.get()
    centre = (BOX[0] + BOX[2] / 2, BOX[1] + BOX[3] / 2)
    shown = rotate_point(centre, rotation, page.width_pt, page.height_pt)
    image = rendered(pdf, renderer=renderer)
    pixel = image.getpixel((int(shown[0] * 0.5), int(shown[1] * 0.5)))
    assert pixel[0] > 200 and pixel[1] < 80 and pixel[2] < 80, (rotation, pixel)
    original = Client().get(
        member.get(f"/api/v1/plan-versions/{version.id}/").data["download_url"].split("://testserver", 1)[1]
    )
    bare = rendered(b"".join(original.streaming_content), renderer=renderer)
    assert bare.getpixel((int(shown[0] * 0.5), int(shown[1] * 0.5))) == (255, 255, 255)


def test_annotations_are_real_pdf_annotations_with_appearances_and_measures(
    client_for, run_jobs, django_capture_on_commit_callbacks
):
    from annotations.tests.test_annotations_api import OUTLINE

    version, member, owner = ready_plan(
        client_for, run_jobs, django_capture_on_commit_callbacks, building_outline_pdf()
    )
    url = f"/api/v1/plan-versions/{version.id}/annotations/"
    member.post(
        url,
        {"page_index": 1, "kind": "measurement", "measurement_kind": "area", "geometry": {"points": OUTLINE}},
        format="json",
    )
    remark = member.post(
        url,
        {
            "page_index": 1,
            "kind": "polygon",
            "geometry": {"points": OUTLINE[:3]},
            "is_remark": True,
            "visibility": "shared",
            "text": "Reculer de 3 m",
        },
        format="json",
    ).data
    member.post(f"/api/v1/annotations/{remark['id']}/comments/", {"body": "Voir l'article 12"}, format="json")
    member.post(
        url,
        {"page_index": 1, "kind": "text", "geometry": {"rect": [100, 100, 200, 60]}, "text": "Hauteur maximale : 11 m"},
        format="json",
    )
    member.post(
        url, {"page_index": 1, "kind": "ink", "geometry": {"strokes": [[[10, 10], [20, 30], [40, 20]]]}}, format="json"
    )
    reader = PdfReader(io.BytesIO(annotated(member, version)))
    annotations = [a.get_object() for a in reader.pages[0]["/Annots"]]
    subtypes = sorted(a["/Subtype"] for a in annotations)
    assert subtypes == ["/FreeText", "/Ink", "/Polygon", "/Polygon", "/Text"]
    assert all("/AP" in a for a in annotations if a["/Subtype"] != "/Text" or "/IRT" not in a)
    area = next(a for a in annotations if "/Measure" in a)
    assert area["/Contents"] == "Surface : 96,00 m²"
    assert area["/Measure"]["/X"][0]["/C"] == pytest.approx(0.0254 / 72 * 100, rel=1e-3)
    reply = next(a for a in annotations if "/IRT" in a)
    assert reply["/Contents"] == "Voir l'article 12"
    assert "/DA" in next(a for a in annotations if a["/Subtype"] == "/FreeText")

    member.post(
        f"/api/v1/plan-versions/{version.id}/viewports/",
        {"page_index": 1, "rect": [50, 50, 400, 300], "scale": 50, "label": "Détail"},
        format="json",
    )
    with_viewport = PdfReader(io.BytesIO(annotated(member, version)))
    viewport = with_viewport.pages[0]["/VP"][0]
    assert viewport["/Name"] == "Détail" and viewport["/Measure"]["/R"] == "1:50"
    assert viewport["/Measure"]["/X"][0]["/C"] == pytest.approx(0.0254 / 72 * 50, rel=1e-3)
    assert [float(v) for v in viewport["/BBox"]] == pytest.approx([50, 1683.78 - 350, 450, 1683.78 - 50], abs=0.01)

    applicant_view = PdfReader(io.BytesIO(annotated(owner, version)))
    shared_only = [a.get_object() for a in applicant_view.pages[0]["/Annots"]]
    assert sorted(a["/Subtype"] for a in shared_only) == ["/Polygon", "/Text"]  # the shared remark and its reply


def test_an_image_plan_is_placed_on_a_pdf_page_first(client_for, run_jobs, django_capture_on_commit_callbacks):
    version, member, _owner = ready_plan(
        client_for, run_jobs, django_capture_on_commit_callbacks, png(600, 400, dpi=72), name="scan.png"
    )
    member.post(
        f"/api/v1/plan-versions/{version.id}/annotations/",
        {
            "page_index": 1,
            "kind": "rectangle",
            "geometry": {"rect": [10, 10, 50, 50]},
            "style": {"color": RED, "fill": RED},
        },
        format="json",
    )
    pdf = annotated(member, version)
    reader = PdfReader(io.BytesIO(pdf))
    assert [float(v) for v in reader.pages[0].mediabox[2:]] == pytest.approx([600, 400], abs=0.5)
    assert rendered(pdf, scale=1).getpixel((35, 35))[0] > 200


def test_exports_are_built_once_per_content(client_for, run_jobs, django_capture_on_commit_callbacks, monkeypatch):
    from annotations.exports import cache
    from annotations.models import AnnotatedExport

    version, member, owner = ready_plan(
        client_for, run_jobs, django_capture_on_commit_callbacks, building_outline_pdf()
    )
    url = f"/api/v1/plan-versions/{version.id}/annotations/"
    note = member.post(url, {"page_index": 1, "kind": "note", "geometry": {"points": [[40, 40]]}}, format="json").data
    first = member.get(f"/api/v1/plan-versions/{version.id}/annotated.pdf")
    second = member.get(f"/api/v1/plan-versions/{version.id}/annotated.pdf")
    assert first.status_code == second.status_code == 303
    assert AnnotatedExport.objects.count() == 1
    member.patch(f"/api/v1/annotations/{note['id']}/", {"revision": 1, "text": "changé"}, format="json")
    assert member.get(f"/api/v1/plan-versions/{version.id}/annotated.pdf").status_code == 303
    assert AnnotatedExport.objects.count() == 2  # new content, new export

    monkeypatch.setattr(cache, "SYNC_MAX_ANNOTATIONS", 0)  # large exports go to a worker
    member.patch(f"/api/v1/annotations/{note['id']}/", {"revision": 2, "text": "encore"}, format="json")
    with django_capture_on_commit_callbacks(execute=True):
        pending = member.get(f"/api/v1/plan-versions/{version.id}/annotated.pdf")
    assert pending.status_code == 202 and pending.data["status"] == "pending"
    assert run_jobs() == 1
    done = member.get(f"/api/v1/annotation-exports/{pending.data['id']}/")
    assert done.data["status"] == "ready" and done.data["download_url"]
    stranger = client_for(UserFactory())
    assert stranger.get(f"/api/v1/annotation-exports/{pending.data['id']}/").status_code == 404
    # Found by the authorisation matrix: one export serves all who see the same annotations,
    # so each of them may follow it; the applicant, who does not see the internal note, may not.
    from accounts.models import Role

    same_view = client_for(UserFactory(role=Role.ADMIN))
    assert same_view.get(f"/api/v1/plan-versions/{version.id}/annotated.pdf").status_code == 303
    assert same_view.get(f"/api/v1/annotation-exports/{pending.data['id']}/").data["status"] == "ready"
    assert owner.get(f"/api/v1/annotation-exports/{pending.data['id']}/").status_code == 404


def test_a_worker_build_shows_only_what_the_requester_saw(
    client_for, run_jobs, django_capture_on_commit_callbacks, monkeypatch
):
    from annotations.exports import cache
    from annotations.models import AnnotatedExport

    version, member, owner = ready_plan(
        client_for, run_jobs, django_capture_on_commit_callbacks, building_outline_pdf()
    )
    url = f"/api/v1/plan-versions/{version.id}/annotations/"
    member.post(
        url,
        {
            "page_index": 1,
            "kind": "polygon",
            "geometry": {"points": [[10, 10], [90, 10], [50, 60]]},
            "is_remark": True,
            "visibility": "shared",
            "text": "Partagée",
        },
        format="json",
    )
    monkeypatch.setattr(cache, "SYNC_MAX_ANNOTATIONS", 0)
    with django_capture_on_commit_callbacks(execute=True):
        pending = member.get(f"/api/v1/plan-versions/{version.id}/annotated.pdf")
    assert pending.status_code == 202
    member.post(
        url, {"page_index": 1, "kind": "note", "geometry": {"points": [[40, 40]]}, "text": "INTERNE"}, format="json"
    )
    assert run_jobs() == 1
    assert AnnotatedExport.objects.get(pk=pending.data["id"]).status == "ready"
    # The build holds what the member saw when asking, so the applicant (who sees the same)
    # is served it, and the note drawn meanwhile is in neither.
    pdf = annotated(owner, version)
    assert b"Partag" in pdf and b"INTERNE" not in pdf
    assert AnnotatedExport.objects.count() == 1


def test_an_export_whose_annotations_changed_meanwhile_fails_cleanly(
    client_for, run_jobs, django_capture_on_commit_callbacks, monkeypatch
):
    from annotations.exports import cache
    from annotations.exports.collect import StaleExport
    from annotations.models import AnnotatedExport

    version, member, _owner = ready_plan(
        client_for, run_jobs, django_capture_on_commit_callbacks, building_outline_pdf()
    )
    url = f"/api/v1/plan-versions/{version.id}/annotations/"
    note = member.post(url, {"page_index": 1, "kind": "note", "geometry": {"points": [[40, 40]]}}, format="json").data
    monkeypatch.setattr(cache, "SYNC_MAX_ANNOTATIONS", 0)
    with django_capture_on_commit_callbacks(execute=True):
        pending = member.get(f"/api/v1/plan-versions/{version.id}/annotated.pdf")
    member.patch(f"/api/v1/annotations/{note['id']}/", {"revision": 1, "text": "changé"}, format="json")
    with pytest.raises(StaleExport):
        run_jobs()
    assert AnnotatedExport.objects.get(pk=pending.data["id"]).status == "failed"
