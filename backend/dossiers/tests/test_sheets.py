"""Sheets of a plan set: identity from the title block, matching between versions, and the API."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A3, landscape
from reportlab.pdfgen import canvas

from accounts.models import Role
from accounts.tests.factories import UserFactory
from dossiers import services
from dossiers.models import PlanVersion
from dossiers.sheets import SAME_SHEET_MAX_DIFFERENCE, Sheet, difference, fingerprint, match_sheets, sheet_identity
from dossiers.tests.factories import PlanFactory


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cabinet Benali\nPlan n° A-101\nPlan du rez-de-chaussée\nEch. 1:100", ("A-101", "Plan du rez-de-chaussée")),
        ("PC2 - Plan de masse\n1:500", ("PC2", "Plan de masse")),
        ("Titre : Façade sud\nPlanche : 3", ("3", "Façade sud")),
        ("Sheet No. S-02\nTitle: Foundations", ("S-02", "Foundations")),
        ("Ech. 1:100 — format A1", ("", "")),
    ],
)
def test_sheet_identity_from_the_title_block(text, expected):
    assert sheet_identity(text) == expected


def drawing(boxes: list[tuple[int, int, int, int]]) -> bytes:
    image = Image.new("RGB", (512, 362), "white")
    pen = ImageDraw.Draw(image)
    for box in boxes:
        pen.rectangle(box, outline="black", width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_fingerprints_tell_a_small_change_from_another_sheet():
    plan = drawing([(50, 50, 300, 250), (320, 60, 460, 200)])
    moved_wall = drawing([(50, 50, 300, 250), (330, 60, 460, 200)])
    other_sheet = drawing([(100, 20, 200, 340), (250, 150, 500, 340), (20, 300, 90, 350)])
    assert difference(fingerprint(plan), fingerprint(plan)) == 0
    assert 0 < difference(fingerprint(plan), fingerprint(moved_wall)) < SAME_SHEET_MAX_DIFFERENCE
    assert difference(fingerprint(plan), fingerprint(other_sheet)) > SAME_SHEET_MAX_DIFFERENCE


def test_sheets_match_by_number_then_title_then_look():
    look_a, look_b = fingerprint(drawing([(50, 50, 300, 250)])), fingerprint(drawing([(20, 200, 500, 350)]))
    look_a2 = fingerprint(drawing([(50, 50, 310, 250)]))
    previous = [
        Sheet(1, "PC1", "Plan de situation", look_a),
        Sheet(2, "PC2", "Plan de masse", look_b),
        Sheet(3, "", "Coupe AA", look_b),
        Sheet(4, "", "", look_a),
        Sheet(5, "PC8", "Notice", look_b),
    ]
    current = [
        Sheet(1, "PC2", "Plan de masse modifié", look_b),  # reordered: found by number
        Sheet(2, "", "coupe  aa", look_a),  # renumbered: found by title (case, spacing ignored)
        Sheet(3, "", "", look_a2),  # no text: found by look, slightly changed
        Sheet(4, "PC1", "Plan de situation", look_a),
        Sheet(5, "PC9", "Insertion", fingerprint(drawing([(5, 5, 505, 355), (100, 100, 160, 160)]))),  # new
    ]
    matches = [(m.base, m.other, m.matched_by) for m in match_sheets(current, previous)]
    assert matches == [
        (1, 2, "number"),
        (2, 3, "title"),
        (3, 4, "content"),
        (4, 1, "number"),
        (5, None, ""),
        (None, 5, ""),
    ]
    by_base = {m.base: m for m in match_sheets(current, previous)}
    assert by_base[1].difference == 0 and by_base[3].difference > 0


def plan_set(sheets: list[tuple[str, int]]) -> bytes:
    """A landscape A3 set: each sheet a title block ("PC2 - Plan de masse") and a box at `x`."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=landscape(A3))
    width, _height = landscape(A3)
    for label, x in sheets:
        pdf.setLineWidth(6)
        pdf.rect(x, 200, 400, 300)
        pdf.setFont("Helvetica", 14)
        pdf.drawString(width - 300, 60, label)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.mark.django_db
def test_the_api_pairs_the_sheets_of_two_versions(client_for, run_jobs, django_capture_on_commit_callbacks):
    plan = PlanFactory()
    owner = client_for(plan.dossier.created_by)

    def upload(content: bytes) -> str:
        with django_capture_on_commit_callbacks(execute=True):
            response = owner.post(
                f"/api/v1/plans/{plan.id}/versions/",
                {"file": SimpleUploadedFile("set.pdf", content)},
                format="multipart",
            )
        assert response.status_code == 201, response.data
        run_jobs()
        return response.data["id"]

    v1 = upload(plan_set([("PC1 - Plan de situation", 100), ("PC2 - Plan de masse", 300), ("PC3 - Coupe", 500)]))
    v2 = upload(plan_set([("PC3 - Coupe", 500), ("PC1 - Plan de situation", 130), ("PC5 - Façades", 200)]))
    pages = owner.get(f"/api/v1/plan-versions/{v2}/").data["pages"]
    assert [(p["sheet_number"], p["sheet_title"]) for p in pages] == [
        ("PC3", "Coupe"),
        ("PC1", "Plan de situation"),
        ("PC5", "Façades"),
    ]
    member = UserFactory(role=Role.COMMISSION_MEMBER)
    services.dossier_access_grant(actor=None, dossier=plan.dossier, user=member, reason="review")
    response = client_for(member).get(f"/api/v1/plan-versions/{v2}/sheet-matches/", {"previous": v1})
    assert response.status_code == 200, response.data
    rows = [(m["page"], m["previous_page"], m["matched_by"], m["changed"]) for m in response.data["matches"]]
    assert rows == [(1, 3, "number", False), (2, 1, "number", True), (3, None, "", True), (None, 2, "", True)]


@pytest.mark.django_db
def test_comparing_needs_two_visible_ready_versions_of_one_dossier(client_for):
    from annotations.tests.conftest import ready_version

    plan = PlanFactory()
    owner = client_for(plan.dossier.created_by)
    v1, v2 = ready_version(plan), ready_version(plan, number=2)
    foreign = ready_version(PlanFactory())
    url = f"/api/v1/plan-versions/{v2.id}/sheet-matches/"
    assert owner.get(url, {"previous": v1.id}).status_code == 200
    assert owner.get(url, {"previous": foreign.id}).status_code == 404
    assert owner.get(url, {"previous": "nope"}).status_code == 400
    assert owner.get(url).status_code == 400
    other_dossier_plan = PlanFactory(dossier__created_by=plan.dossier.created_by)
    mine_elsewhere = ready_version(other_dossier_plan)
    assert owner.get(url, {"previous": mine_elsewhere.id}).status_code == 400
    PlanVersion.objects.filter(pk=v1.pk).update(status="processing")
    assert owner.get(url, {"previous": v1.id}).status_code == 409


def test_sheet_labels_need_a_word_boundary_and_numbers_ignore_their_dash():
    from dossiers.sheets import normalise

    assert sheet_identity("Façade Nord 2\nPlanche A-101") == ("A-101", "")
    assert sheet_identity("Casino 12") == ("", "")
    assert normalise("A-101") == normalise("A101")
