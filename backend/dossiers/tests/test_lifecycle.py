"""The dossier's lifecycle: each transition from the right state by the right role, and only so."""

import pytest

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from audit.models import AuditEvent
from dossiers.models import ApplicantRequest, ChecklistItem, Dossier, DossierStatus
from dossiers.tests.factories import DossierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    organisation = OrganisationFactory()
    dossier = DossierFactory(organisation=organisation, status=DossierStatus.SUBMITTED)
    agent = UserFactory(role=Role.DESK_AGENT, organisation=organisation)
    return dossier, agent


def act(client, dossier, action, body=None):
    return client.post(f"/api/v1/dossiers/{dossier.id}/{action}/", body or {}, format="json")


def check_all(client, dossier):
    for item in ChecklistItem.objects.filter(procedure_type=dossier.procedure_type):
        response = client.put(
            f"/api/v1/dossiers/{dossier.id}/checklist/{item.code}/", {"satisfied": True}, format="json"
        )
        assert response.status_code == 200, response.data


def test_the_desk_checks_completeness_and_asks_for_complements(world, client_for):
    dossier, agent = world
    desk = client_for(agent)
    applicant = client_for(dossier.created_by)
    assert desk.get(f"/api/v1/dossiers/{dossier.id}/").data["permissions"]["actions"] == ["start_check"]
    assert applicant.get(f"/api/v1/dossiers/{dossier.id}/").data["permissions"]["actions"] == []

    started = act(desk, dossier, "start-check")
    assert started.status_code == 200, started.data
    assert started.data["status"] == "completeness_check"
    assert set(started.data["permissions"]["actions"]) == {"request_complements", "declare_complete"}

    checklist = desk.get(f"/api/v1/dossiers/{dossier.id}/checklist/").data
    assert [row["code"] for row in checklist][:2] == ["site-situation", "title-deed"]
    assert all(row["satisfied"] is None for row in checklist)
    desk.put(f"/api/v1/dossiers/{dossier.id}/checklist/site-situation/", {"satisfied": True}, format="json")

    early = act(desk, dossier, "declare-complete")
    assert early.status_code == 409
    assert "Certificat de propriété" in early.data["detail"]  # names what is missing

    sent = act(
        desk, dossier, "request-complements", {"message": "Joindre le titre foncier.", "missing": ["title-deed"]}
    )
    assert sent.status_code == 200, sent.data
    assert sent.data["status"] == "awaiting_complements"
    assert applicant.get(f"/api/v1/dossiers/{dossier.id}/").data["permissions"]["can_edit"] is True
    requests = applicant.get(f"/api/v1/dossiers/{dossier.id}/requests/").data
    assert requests[0]["message"] == "Joindre le titre foncier."
    assert requests[0]["missing"] == [{"code": "title-deed", "label": "Certificat de propriété ou titre foncier"}]

    back = act(applicant, dossier, "resubmit")
    assert back.status_code == 200 and back.data["status"] == "completeness_check"
    assert ApplicantRequest.objects.get().answered_at is not None

    check_all(desk, dossier)
    complete = act(desk, dossier, "declare-complete")
    assert complete.status_code == 200 and complete.data["status"] == "under_review"
    assert Dossier.objects.get(pk=dossier.pk).completed_at is not None
    actions = list(AuditEvent.objects.filter(dossier_id=dossier.id).values_list("action", flat=True))
    for expected in (
        "dossier.start_check",
        "dossier.request_complements",
        "dossier.resubmit",
        "dossier.declare_complete",
    ):
        assert expected in actions


def test_changes_requested_in_review_come_back_to_review(world, client_for):
    dossier, agent = world
    Dossier.objects.filter(pk=dossier.pk).update(status=DossierStatus.UNDER_REVIEW)
    desk, applicant = client_for(agent), client_for(dossier.created_by)
    assert act(desk, dossier, "request-changes", {"message": "Reculer la façade de 3 m."}).status_code == 200
    assert applicant.get(f"/api/v1/dossiers/{dossier.id}/requests/").data[0]["kind"] == "changes"
    assert act(applicant, dossier, "resubmit").data["status"] == "under_review"


@pytest.mark.parametrize(
    ("status", "action", "who", "expected"),
    [
        ("draft", "start-check", "agent", 409),
        ("completeness_check", "start-check", "agent", 409),
        ("submitted", "start-check", "applicant", 403),
        ("submitted", "declare-complete", "agent", 409),
        ("completeness_check", "resubmit", "applicant", 409),
        ("awaiting_complements", "resubmit", "agent", 403),
        ("submitted", "request-changes", "agent", 409),
        ("under_review", "request-complements", "agent", 409),
    ],
)
def test_an_impossible_transition_is_refused_and_changes_nothing(world, client_for, status, action, who, expected):
    dossier, agent = world
    Dossier.objects.filter(pk=dossier.pk).update(status=status)
    client = client_for(agent if who == "agent" else dossier.created_by)
    response = act(client, dossier, action, {"message": "x"})
    assert response.status_code == expected, response.data
    assert Dossier.objects.get(pk=dossier.pk).status == status
    assert not ApplicantRequest.objects.exists()


def test_bad_input_is_refused(world, client_for):
    dossier, agent = world
    desk = client_for(agent)
    act(desk, dossier, "start-check")
    assert (
        desk.put(f"/api/v1/dossiers/{dossier.id}/checklist/nope/", {"satisfied": True}, format="json").status_code
        == 404
    )
    assert (
        desk.put(
            f"/api/v1/dossiers/{dossier.id}/checklist/site-plan/", {"satisfied": "maybe"}, format="json"
        ).status_code
        == 400
    )
    empty = act(desk, dossier, "request-complements", {"message": "   "})
    assert empty.status_code == 400
    unknown = act(desk, dossier, "request-complements", {"message": "Manque", "missing": ["site-plan", "nope"]})
    assert unknown.status_code == 400 and "nope" in unknown.data["detail"]
    assert Dossier.objects.get(pk=dossier.pk).status == "completeness_check"
    assert not ApplicantRequest.objects.exists()
    applicant = client_for(dossier.created_by)
    assert (
        applicant.put(
            f"/api/v1/dossiers/{dossier.id}/checklist/site-plan/", {"satisfied": True}, format="json"
        ).status_code
        == 403
    )


def test_a_foreign_dossier_is_404_for_the_desk_of_another_authority(world, client_for):
    dossier, _agent = world
    stranger = UserFactory(role=Role.DESK_AGENT, organisation=OrganisationFactory())
    assert act(client_for(stranger), dossier, "start-check").status_code == 404
    assert client_for(stranger).get(f"/api/v1/dossiers/{dossier.id}/checklist/").status_code == 404
