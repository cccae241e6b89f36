"""Occupancy permit and certificate of conformity, opened on a granted building permit."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from accounts.tests.factories import UserFactory
from agenda import services as agenda_services
from agenda.models import Booking
from agenda.tests.conftest import setup  # noqa: F401  (a commission sitting for PC and PH, with sessions)
from dossiers.models import ChecklistItem, Decision, Dossier, DossierParty

pytestmark = pytest.mark.django_db


@pytest.fixture
def permit(setup):  # noqa: F811
    dossier = setup.dossier(status="closed")
    architect = UserFactory(role=Role.PROJECT_AUTHOR)
    DossierParty.objects.create(dossier=dossier, user=architect, role="project_author")
    signer = UserFactory(role=Role.SIGNING_AUTHORITY, organisation=dossier.organisation)
    Decision.objects.create(dossier=dossier, value="granted_with_conditions", text="Accordé.", decided_by=signer)
    return dossier, architect, setup


def follow(client, dossier, procedure="PH"):
    return client.post(f"/api/v1/dossiers/{dossier.id}/follow-ups/", {"procedure_type": procedure}, format="json")


def test_the_applicant_opens_an_occupancy_permit_linked_to_the_permit_and_books_its_inspection(permit, client_for):
    dossier, architect, world = permit
    applicant = client_for(dossier.created_by)
    opened = follow(applicant, dossier)
    assert opened.status_code == 201, opened.data
    child = opened.data
    assert child["reference"].startswith("PH-") and child["status"] == "draft"
    assert child["parent"] == {
        "id": str(dossier.id),
        "reference": dossier.reference,
        "procedure_type": "PC",
        "status": "closed",
    }
    assert (child["address"], child["parcel_reference"]) == (dossier.address, dossier.parcel_reference)
    follow_up = Dossier.objects.get(pk=child["id"])
    assert set(follow_up.parties.values_list("user_id", flat=True)) == {dossier.created_by_id, architect.id}
    assert {"architect-certificate", "photographs", "site-visit-report"} <= set(
        ChecklistItem.objects.filter(procedure_type="PH").values_list("code", flat=True)
    )
    assert [f["reference"] for f in applicant.get(f"/api/v1/dossiers/{dossier.id}/").data["follow_ups"]] == [
        child["reference"]
    ]
    assert follow(client_for(architect), dossier).status_code == 409  # one under way at a time
    assert follow(applicant, dossier, "CC").status_code == 201  # the certificate is another procedure
    procedures = {p["code"]: p["follows"] for p in applicant.get("/api/v1/procedure-types/").data["results"]}
    assert procedures["PH"] == ["PC"] and procedures["PC"] == []

    # The inspection is booked like a commission slot, on a commission that sits for PH.
    follow_up.status = "submitted"
    follow_up.save()
    slot = world.future_slots().filter(starts_at__gt=timezone.now() + timedelta(days=2)).first()
    agenda_services.booking_create(actor=dossier.created_by, dossier=follow_up, slot=slot)
    assert Booking.objects.get(dossier=follow_up).status == "active"


def test_follow_ups_only_for_a_granted_permit_its_parties_and_the_procedures_that_follow_it(permit, client_for):
    dossier, _architect, world = permit
    applicant = client_for(dossier.created_by)
    wrong = follow(applicant, dossier, "PD")
    assert wrong.status_code == 400 and "procedure_type" in wrong.data["errors"]
    assert follow(applicant, dossier, "XX").status_code == 400
    assert follow(client_for(world.agent), dossier).status_code == 403  # the desk sees it, the applicant opens it
    assert follow(client_for(UserFactory()), dossier).status_code == 404
    Decision.objects.filter(dossier=dossier).update(value="refused")
    assert follow(applicant, dossier).status_code == 409
    assert not Dossier.objects.filter(parent=dossier).exists()
