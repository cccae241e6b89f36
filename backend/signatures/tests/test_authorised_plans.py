"""The final plans stamped page by page (vector, upright) behind a cover, and signed as one set."""

import io

import pypdfium2 as pdfium
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory
from dossiers.models import Decision, DossierStatus, PlanVersion
from dossiers.samples import building_outline_pdf
from dossiers.tests.factories import DossierFactory, PlanFactory
from signatures.tests.helpers import person, sign, stored, verify

pytestmark = pytest.mark.django_db


def _red(image) -> int:
    return sum(1 for r, g, b in image.get_flattened_data() if r > 150 and g < 90 and b < 90)


def upload(client_for, run_jobs, capture, plan, content: bytes) -> PlanVersion:
    with capture(execute=True):
        response = client_for(plan.dossier.created_by).post(
            f"/api/v1/plans/{plan.id}/versions/",
            {"file": SimpleUploadedFile("plan.pdf", content), "declared_scale": 100},
            format="multipart",
        )
    assert response.status_code == 201, response.data
    run_jobs()
    return PlanVersion.objects.get(pk=response.data["id"])


@pytest.fixture
def granted(signing, client_for, run_jobs, django_capture_on_commit_callbacks):
    authority = OrganisationFactory()
    dossier = DossierFactory(organisation=authority)
    site = PlanFactory(dossier=dossier, title="Plan de masse")
    facade = PlanFactory(dossier=dossier, title="Façades", kind="elevation")
    upload(client_for, run_jobs, django_capture_on_commit_callbacks, site, building_outline_pdf(title="Old"))
    upload(client_for, run_jobs, django_capture_on_commit_callbacks, site, building_outline_pdf(title="Site v2"))
    upload(client_for, run_jobs, django_capture_on_commit_callbacks, facade, building_outline_pdf(rotate=90, pages=2))
    dossier.status = DossierStatus.DECISION
    dossier.save()
    president = person(Role.SIGNING_AUTHORITY, authority, "Hassan Fassi")
    Decision.objects.create(dossier=dossier, value="granted", text="Accordé.", decided_by=president)
    return dict(dossier=dossier, president=president, agent=person(Role.DESK_AGENT, authority, "Karim Tazi"))


def test_the_latest_plans_are_stamped_on_every_page_and_signed_as_one_set(granted, client_for, api_client):
    dossier = granted["dossier"]
    prepared = client_for(granted["agent"]).post(f"/api/v1/dossiers/{dossier.id}/authorised-plans/", {}, format="json")
    assert prepared.status_code == 201, prepared.data
    document = prepared.data
    assert document["kind"] == "authorised_plans" and document["pages"] == 1 + 1 + 2  # cover, site v2, 2 facades
    reader = PdfReader(io.BytesIO(stored(document["id"])))
    decided = Decision.objects.get(dossier=dossier).decided_at.date().isoformat()
    stamp = f"APPROUVÉ — {dossier.reference} — {decided}"
    cover = " ".join(reader.pages[0].extract_text().split())  # lines break where the font's widths say
    assert "Plan de masse" in cover and "Façades" in cover and stamp in cover
    for page in reader.pages[1:]:
        text = page.extract_text()
        assert stamp in text and document["code"] in text
        assert "/Image" not in str(page["/Resources"].get("/XObject", {}))  # still vector, not a scan
    assert "Site v2" in reader.pages[1].extract_text() and "Old" not in reader.pages[1].extract_text()
    # The sheets' own content is kept byte for byte; the stamp is drawn after it.
    original = PdfReader(io.BytesIO(building_outline_pdf(rotate=90, pages=2))).pages[0].get_contents().get_data()
    assert original in reader.pages[2].get_contents().get_data()
    # As displayed (the rotated sheet shown portrait), the stamp sits in the lower right corner.
    rendered = pdfium.PdfDocument(stored(document["id"]))
    for index in (1, 2):
        image = rendered[index].render(scale=0.1).to_pil().convert("RGB")
        width, height = image.size
        assert (height > width) == (index == 2)
        assert _red(image.crop((int(width * 0.7), int(height * 0.8), width, height))) > 20
        assert _red(image.crop((0, 0, int(width * 0.5), int(height * 0.5)))) == 0

    signed = sign(client_for(granted["president"]), document)
    assert signed.status_code == 200, signed.data
    checked = verify(api_client, stored(document["id"])).data
    assert checked["verdict"] == "valid" and len(checked["signatures"]) == 1
    listed = client_for(dossier.created_by).get(f"/api/v1/dossiers/{dossier.id}/documents/").data["results"]
    assert [d["kind"] for d in listed] == ["authorised_plans"]  # the applicant downloads the signed set


def test_no_stamp_on_a_refused_permit_nor_without_plans(granted, client_for):
    dossier = granted["dossier"]
    Decision.objects.filter(dossier=dossier).update(value="refused")
    desk = client_for(granted["agent"])
    assert desk.post(f"/api/v1/dossiers/{dossier.id}/authorised-plans/", {}, format="json").status_code == 409
    empty = DossierFactory(organisation=dossier.organisation, status=DossierStatus.DECISION)
    Decision.objects.create(dossier=empty, value="granted", text="Accordé.", decided_by=granted["president"])
    assert desk.post(f"/api/v1/dossiers/{empty.id}/authorised-plans/", {}, format="json").status_code == 409
