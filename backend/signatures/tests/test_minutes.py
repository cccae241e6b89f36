"""A session's minutes: who sat, each dossier's opinions, signed by the chair who sat."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from agenda import services as agenda_services
from agenda.tests.conftest import setup  # noqa: F401  (the agenda's world: a commission and its sessions)
from commissions import services as commission_services
from commissions.models import MemberRole, ReviewTask
from signatures.tests.helpers import PASSWORD, sign, stored, verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(setup, signing):  # noqa: F811
    chair, member, absent = setup.permanent, setup.occasional, setup.other_occasional
    chair.role = MemberRole.CHAIR
    chair.save()
    absent.role = MemberRole.SECRETARY
    absent.save()
    for seat in (chair, member, absent):
        seat.user.set_password(PASSWORD)
        seat.user.save()
    dossier = setup.dossier()
    slot = setup.future_slots().filter(starts_at__gt=timezone.now() + timedelta(days=2)).first()
    agenda_services.booking_create(actor=dossier.created_by, dossier=dossier, slot=slot)
    dossier.status = "under_review"
    dossier.save()
    task = ReviewTask.objects.get(dossier=dossier, member=member)
    commission_services.opinion_give(
        actor=member.user, task=task, value="unfavourable", reasons="Hauteur excessive", conditions=""
    )
    return dict(session=slot.session, dossier=dossier, chair=chair, member=member, absent=absent, agent=setup.agent)


def minutes(client, session, signers=None):
    body = {"signers": signers} if signers is not None else {}
    return client.post(f"/api/v1/sessions/{session.id}/minutes/", body, format="json")


def test_the_minutes_list_who_sat_and_each_opinion_and_the_chair_signs_them(held, client_for, api_client):
    desk = client_for(held["agent"])
    session = held["session"]
    assert minutes(desk, session).status_code == 409  # attendance first
    present = [str(held["chair"].id), str(held["member"].id)]
    recorded = desk.put(f"/api/v1/sessions/{session.id}/attendance/", {"present": present}, format="json")
    assert recorded.status_code == 200
    assert {(row["name"], row["present"]) for row in recorded.data} == {
        (held["chair"].user.full_name, True),
        (held["member"].user.full_name, True),
        (held["absent"].user.full_name, False),
    }
    assert (
        client_for(held["member"].user)
        .put(f"/api/v1/sessions/{session.id}/attendance/", {"present": present}, format="json")
        .status_code
        == 403
    )
    absent_signer = [{"user": str(held["absent"].user.id), "role": "Secrétaire"}]
    assert minutes(desk, session, absent_signer).status_code == 400

    made = minutes(desk, session)
    assert made.status_code == 201, made.data
    document = made.data
    assert document["kind"] == "minutes" and [s["name"] for s in document["signers"]] == [held["chair"].user.full_name]
    assert minutes(desk, session).status_code == 409
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(stored(document["id"]))).pages)
    assert "Procès-verbal — Commission d'Anfa" in text
    assert (held["chair"].user.full_name in text and "Protection civile" not in text) or "protection" in text.lower()
    assert held["dossier"].reference in text and "Défavorable" in text and "Hauteur excessive" in text
    assert "Absent" in text and held["absent"].user.full_name in text
    assert client_for(held["dossier"].created_by).get(f"/api/v1/documents/{document['id']}/").status_code == 404
    listed = desk.get(f"/api/v1/documents/?session={session.id}").data["results"]
    assert [d["id"] for d in listed] == [document["id"]]

    signed = sign(client_for(held["chair"].user), document)
    assert signed.status_code == 200, signed.data
    assert verify(api_client, stored(document["id"])).data["verdict"] == "valid"


def test_the_minutes_speak_the_commissions_language(held, client_for):
    desk = client_for(held["agent"])
    commission = held["session"].commission
    changed = desk.patch(f"/api/v1/commissions/{commission.id}/", {"language": "en"}, format="json")
    assert changed.status_code == 200 and changed.data["language"] == "en"
    assert desk.patch(f"/api/v1/commissions/{commission.id}/", {"language": "de"}, format="json").status_code == 400
    session = held["session"]
    desk.put(f"/api/v1/sessions/{session.id}/attendance/", {"present": [str(held["chair"].id)]}, format="json")
    document = minutes(desk, session).data
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(stored(document["id"]))).pages)
    assert f"Minutes — {commission.name}" in text and "Unfavourable" in text and "Absent" in text
