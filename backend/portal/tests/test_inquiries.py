"""Public inquiry: opened by the desk, open to anyone with an account until the second it closes,
never public in what people say, and stopping the dossier's legal clock meanwhile."""

import hashlib
import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfReader

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from dossiers.deadlines import deadline_of
from dossiers.models import PlanVersion
from dossiers.samples import building_outline_pdf
from dossiers.tests.factories import DossierFactory, PlanFactory
from notifications.models import Notification
from portal.models import Inquiry, Observation, ObservationAttachment
from storage.services import get_storage

pytestmark = pytest.mark.django_db


def ready_version(dossier) -> PlanVersion:
    pdf = building_outline_pdf()
    key = f"tests/{dossier.id}/plan.pdf"
    get_storage().put(key, io.BytesIO(pdf), size=len(pdf), content_type="application/pdf")
    return PlanVersion.objects.create(
        plan=PlanFactory(dossier=dossier),
        number=1,
        status="ready",
        storage_key=key,
        sha256=hashlib.sha256(pdf).hexdigest(),
        size=len(pdf),
        media_type="application/pdf",
        original_filename="lotissement.pdf",
        page_count=1,
        uploaded_by=dossier.created_by,
    )


@pytest.fixture
def allotment():
    authority = OrganisationFactory()
    dossier = DossierFactory(
        organisation=authority,
        procedure_type_id="PL",
        status="under_review",
        address="7 rue des Lilas, Casablanca",
        submitted_at=timezone.now() - timedelta(days=10),
        completed_at=timezone.now() - timedelta(days=5),
    )
    return dossier, UserFactory(role=Role.DESK_AGENT, organisation=authority), ready_version(dossier)


def open_inquiry(client, dossier, **body):
    return client.post(f"/api/v1/dossiers/{dossier.id}/inquiries/", body, format="json")


def observe(client, inquiry_id, text="Le projet masque la vue.", files=()):
    return client.post(
        f"/api/v1/inquiries/{inquiry_id}/observations/",
        {"kind": "objection", "text": text, "files": list(files)},
        format="multipart",
    )


def test_the_desk_opens_an_inquiry_and_the_public_sees_the_project_and_its_public_plans(
    allotment, client_for, api_client
):
    dossier, desk, version = allotment
    before = deadline_of(dossier).due_date
    opened = open_inquiry(
        client_for(desk), dossier, public_versions=[str(version.id)], notice="Lotissement de 12 lots."
    )
    assert opened.status_code == 201, opened.data
    assert opened.data["is_open"] is True
    inquiry = Inquiry.objects.get()
    assert (inquiry.closes_at - inquiry.opens_at) > timedelta(days=15)  # to midnight after 15 days
    assert deadline_of(dossier).due_date > before  # the inquiry stops the legal clock

    listed = api_client.get("/api/v1/public/inquiries/").json()
    (row,) = listed
    assert row["reference"] == dossier.reference and row["address"] == "rue des Lilas, Casablanca"
    assert [d["title"] for d in row["documents"]] == [version.plan.title]
    assert dossier.created_by.email not in str(listed) and dossier.created_by.full_name not in str(listed)

    assert open_inquiry(client_for(desk), dossier).status_code == 409  # one at a time
    assert open_inquiry(client_for(dossier.created_by), dossier).status_code == 403
    building = DossierFactory(organisation=dossier.organisation, procedure_type_id="PC")
    assert open_inquiry(client_for(desk), building).status_code == 409  # its procedure needs none
    other = ready_version(DossierFactory(organisation=dossier.organisation, procedure_type_id="PL"))
    foreign = open_inquiry(
        client_for(desk),
        DossierFactory(organisation=dossier.organisation, procedure_type_id="PL"),
        public_versions=[str(other.id)],
    )
    assert foreign.status_code == 400 and "public_versions" in foreign.data["errors"]


def test_anyone_with_an_account_objects_with_an_attachment_and_only_the_desk_reads_it(
    allotment, client_for, api_client
):
    dossier, desk, _version = allotment
    inquiry_id = open_inquiry(client_for(desk), dossier).data["id"]
    neighbour = UserFactory(full_name="Rachid Voisin")
    plan = SimpleUploadedFile("photo-vue.pdf", building_outline_pdf(), content_type="application/pdf")
    sent = observe(client_for(neighbour), inquiry_id, files=[plan])
    assert sent.status_code == 201, sent.data
    assert Notification.objects.filter(recipient=neighbour, event="inquiry.observation_received").exists()
    assert observe(api_client, inquiry_id).status_code == 401

    hostile = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf at all" * 10, content_type="application/pdf")
    refused = observe(client_for(neighbour), inquiry_id, files=[hostile])
    assert refused.status_code == 422 and "files" in refused.data["errors"]
    assert Observation.objects.count() == 1 and ObservationAttachment.objects.count() == 1  # nothing half kept

    read = client_for(desk).get(f"/api/v1/inquiries/{inquiry_id}/observations/")
    assert read.status_code == 200
    (seen,) = read.data
    assert (seen["author_email"], seen["kind"]) == (neighbour.email, "objection")
    assert [a["filename"] for a in seen["attachments"]] == ["photo-vue.pdf"]
    assert client_for(dossier.created_by).get(f"/api/v1/inquiries/{inquiry_id}/observations/").status_code == 403
    assert client_for(neighbour).get(f"/api/v1/inquiries/{inquiry_id}/observations/").status_code == 404
    assert "Rachid Voisin" not in api_client.get("/api/v1/public/inquiries/").content.decode()

    pdf = client_for(desk).get(f"/api/v1/inquiries/{inquiry_id}/observations.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert neighbour.email in text and "masque la vue" in text and "photo-vue.pdf" in text


def test_observations_close_on_the_second_and_big_files_are_refused(allotment, client_for, settings, monkeypatch):
    dossier, desk, _version = allotment
    inquiry_id = open_inquiry(client_for(desk), dossier).data["id"]
    citizen = client_for(UserFactory())
    from portal import inquiries

    monkeypatch.setattr(inquiries, "MAX_ATTACHMENT_BYTES", 100)
    big = SimpleUploadedFile("plan.pdf", building_outline_pdf(), content_type="application/pdf")
    assert observe(citizen, inquiry_id, files=[big]).status_code == 413
    assert observe(citizen, inquiry_id, text="   ").status_code == 400

    Inquiry.objects.filter(pk=inquiry_id).update(
        opens_at=timezone.now() - timedelta(days=15), closes_at=timezone.now() - timedelta(seconds=1)
    )
    late = observe(citizen, inquiry_id)
    assert late.status_code == 409
    Inquiry.objects.filter(pk=inquiry_id).update(
        opens_at=timezone.now() + timedelta(days=1), closes_at=timezone.now() + timedelta(days=2)
    )
    assert observe(citizen, inquiry_id).status_code == 409  # not open yet
    assert observe(citizen, "9b2b61a0-7a4b-4c52-9a52-1f0e2b0f0e2b").status_code == 404
    assert not Observation.objects.exists()


def test_the_desk_hears_once_when_an_inquiry_closes(allotment, client_for):
    from portal.inquiries import closed_inquiry_notices

    dossier, desk, _version = allotment
    inquiry_id = open_inquiry(client_for(desk), dossier).data["id"]
    observe(client_for(UserFactory()), inquiry_id)
    assert closed_inquiry_notices() == 0  # still open
    Inquiry.objects.filter(pk=inquiry_id).update(
        opens_at=timezone.now() - timedelta(days=15), closes_at=timezone.now() - timedelta(hours=1)
    )
    assert closed_inquiry_notices() == 1 and closed_inquiry_notices() == 0
    note = Notification.objects.get(recipient=desk, event="inquiry.closed")
    assert "1 observation" in note.body
