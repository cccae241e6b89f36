import re

import pytest

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from audit.models import AuditEvent
from dossiers.models import Dossier, DossierParty
from dossiers.tests.factories import DossierFactory

pytestmark = pytest.mark.django_db

VALID = {
    "procedure_type": "PC",
    "title": "Immeuble R+4",
    "description": "Logements et commerces",
    "address": "20 boulevard Zerktouni, Casablanca",
    "latitude": "33.589886",
    "longitude": "-7.603869",
    "parcel_reference": "TF 998877/C",
}


def test_applicant_creates_a_dossier_with_a_reference(client_for):
    applicant = UserFactory()
    response = client_for(applicant).post("/api/v1/dossiers/", VALID, format="json")
    assert response.status_code == 201, response.data
    assert re.fullmatch(r"PC-\d{4}-\d{6}", response.data["reference"])
    assert response.data["status"] == "draft"
    assert response.data["procedure_type_name"] == "Permis de construire"
    dossier = Dossier.objects.get(pk=response.data["id"])
    assert DossierParty.objects.filter(dossier=dossier, user=applicant, role="applicant").exists()
    assert AuditEvent.objects.filter(dossier_id=dossier.pk, action="dossier.created").count() == 1


def test_references_follow_each_other_per_procedure(client_for):
    client = client_for(UserFactory())
    first = client.post("/api/v1/dossiers/", VALID, format="json").data["reference"]
    second = client.post("/api/v1/dossiers/", VALID, format="json").data["reference"]
    demolition = client.post("/api/v1/dossiers/", {**VALID, "procedure_type": "PD"}, format="json").data["reference"]
    assert int(second[-6:]) == int(first[-6:]) + 1
    assert demolition.startswith("PD-") and demolition.endswith("000001")


def test_english_names_follow_accept_language(client_for):
    response = client_for(UserFactory()).get("/api/v1/procedure-types/", HTTP_ACCEPT_LANGUAGE="en")
    names = {row["code"]: row["name"] for row in response.data["results"]}
    assert names["PC"] == "Building permit"
    assert set(names) == {"PC", "PH", "CC", "PL", "PD", "DOC", "EC", "IT", "EP"}
    assert names["DOC"] == "Shop opening declaration"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({**VALID, "procedure_type": "XX"}, "procedure_type"),
        ({**VALID, "latitude": "123"}, "latitude"),
        ({**VALID, "longitude": "abc"}, "longitude"),
        ({k: v for k, v in VALID.items() if k != "title"}, "title"),
        ({**VALID, "organisation": "nowhere"}, "organisation"),
    ],
)
def test_bad_input_is_400_with_field_errors_and_no_row(client_for, payload, field):
    response = client_for(UserFactory()).post("/api/v1/dossiers/", payload, format="json")
    assert response.status_code == 400
    assert response.data["type"] in {"validation_error", "invalid_request"}
    assert field in response.data["errors"]
    assert Dossier.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_malformed_json_is_400(client_for):
    response = client_for(UserFactory()).post(
        "/api/v1/dossiers/", data='{"title": "oops",', content_type="application/json"
    )
    assert response.status_code == 400
    assert response.data["type"] == "parse_error"
    assert Dossier.objects.count() == 0


def test_desk_agent_cannot_create(client_for):
    agent = UserFactory(role=Role.DESK_AGENT, organisation=OrganisationFactory())
    assert client_for(agent).post("/api/v1/dossiers/", VALID, format="json").status_code == 403


def test_authority_is_required_when_several_exist(client_for):
    OrganisationFactory(slug="casa")
    OrganisationFactory(slug="rabat")
    client = client_for(UserFactory())
    response = client.post("/api/v1/dossiers/", VALID, format="json")
    assert response.status_code == 400 and "organisation" in response.data["errors"]
    response = client.post("/api/v1/dossiers/", {**VALID, "organisation": "rabat"}, format="json")
    assert response.status_code == 201 and response.data["organisation"] == "rabat"


def test_visibility_rules(client_for):
    casa, rabat = OrganisationFactory(slug="casa"), OrganisationFactory(slug="rabat")
    mine = DossierFactory(organisation=casa)
    theirs = DossierFactory(organisation=rabat)
    applicant = mine.created_by
    agent = UserFactory(role=Role.DESK_AGENT, organisation=casa)
    member = UserFactory(role=Role.COMMISSION_MEMBER, organisation=casa)
    admin = UserFactory(role=Role.ADMIN)

    def ids(user):
        return {row["id"] for row in client_for(user).get("/api/v1/dossiers/").data["results"]}

    assert ids(applicant) == {str(mine.id)}
    assert ids(agent) == {str(mine.id)}
    assert ids(member) == set()
    assert ids(admin) == {str(mine.id), str(theirs.id)}
    for path in ("", "history/", "plans/"):
        response = client_for(applicant).get(f"/api/v1/dossiers/{theirs.id}/{path}")
        assert response.status_code == 404, path
        assert response.data["type"] == "not_found"


def test_foreign_dossier_cannot_be_changed(client_for):
    dossier = DossierFactory()
    other = client_for(UserFactory())
    assert other.patch(f"/api/v1/dossiers/{dossier.id}/", {"title": "x"}, format="json").status_code == 404
    assert other.post(f"/api/v1/dossiers/{dossier.id}/plans/", {"kind": "site", "title": "x"}).status_code == 404
    dossier.refresh_from_db()
    assert dossier.title != "x"


def test_agent_sees_but_cannot_change(client_for):
    casa = OrganisationFactory(slug="casa")
    dossier = DossierFactory(organisation=casa)
    agent = client_for(UserFactory(role=Role.DESK_AGENT, organisation=casa))
    assert agent.get(f"/api/v1/dossiers/{dossier.id}/").status_code == 200
    assert agent.patch(f"/api/v1/dossiers/{dossier.id}/", {"title": "x"}, format="json").status_code == 403


def test_patch_is_audited_with_before_and_after(client_for):
    dossier = DossierFactory(title="Avant")
    response = client_for(dossier.created_by).patch(
        f"/api/v1/dossiers/{dossier.id}/", {"title": "Après"}, format="json"
    )
    assert response.status_code == 200 and response.data["title"] == "Après"
    event = AuditEvent.objects.get(action="dossier.updated")
    assert event.changes["before"]["title"] == "Avant"
    assert event.changes["after"]["title"] == "Après"
    history = client_for(dossier.created_by).get(f"/api/v1/dossiers/{dossier.id}/history/")
    assert history.data["results"][0]["action"] == "dossier.updated"


def test_submit_needs_a_ready_plan(client_for):
    dossier = DossierFactory()
    response = client_for(dossier.created_by).post(f"/api/v1/dossiers/{dossier.id}/submit/")
    assert response.status_code == 409
    dossier.refresh_from_db()
    assert dossier.status == "draft"


def test_filters_and_search(client_for):
    applicant = UserFactory()
    DossierFactory(created_by=applicant, title="Villa Anfa")
    DossierFactory(created_by=applicant, title="Immeuble Maârif", status="submitted")
    client = client_for(applicant)
    assert client.get("/api/v1/dossiers/?search=anfa").data["count"] == 1
    assert client.get("/api/v1/dossiers/?status=submitted").data["results"][0]["title"] == "Immeuble Maârif"
    assert client.get("/api/v1/dossiers/?status=draft&status=submitted").data["count"] == 2
    assert client.get("/api/v1/dossiers/?procedure_type=PD").data["count"] == 0
    titles = [r["title"] for r in client.get("/api/v1/dossiers/?ordering=title").data["results"]]
    assert titles == sorted(titles)
    bad = client.get("/api/v1/dossiers/?status=nonsense")
    assert bad.status_code == 400 and "status" in bad.data["errors"]


@pytest.mark.parametrize("count", [1, 50])
def test_list_query_count_does_not_grow(client_for, django_assert_num_queries, count):
    applicant = UserFactory()
    for _ in range(count):
        DossierFactory(created_by=applicant, organisation=OrganisationFactory(slug="casa"))
    client = client_for(applicant)
    # count + page (with procedure type and organisation joined); the same for 1 and 50 rows
    with django_assert_num_queries(2):
        response = client.get("/api/v1/dossiers/?page_size=50")
    assert response.data["count"] == count
    assert len(response.data["results"]) == count


@pytest.mark.parametrize("count", [1, 10])
def test_plan_list_and_history_query_counts_do_not_grow(client_for, django_assert_num_queries, count):
    from dossiers.tests.factories import PlanFactory

    dossier = DossierFactory()
    for i in range(count):
        PlanFactory(dossier=dossier, title=f"Plan {i}")
        client_for(dossier.created_by).patch(f"/api/v1/dossiers/{dossier.id}/", {"title": f"T{i}"}, format="json")
    client = client_for(dossier.created_by)
    # dossier lookup, count, plans page, their versions
    with django_assert_num_queries(4):
        plans = client.get(f"/api/v1/dossiers/{dossier.id}/plans/?page_size=50")
    assert len(plans.data["results"]) == count
    # dossier lookup, is the caller a party, count, events page
    with django_assert_num_queries(4):
        history = client.get(f"/api/v1/dossiers/{dossier.id}/history/?page_size=50")
    assert len(history.data["results"]) == count


def test_an_access_grant_makes_a_dossier_visible_and_revoking_hides_it(client_for):
    from dossiers import services

    dossier = DossierFactory()
    member = UserFactory(role=Role.COMMISSION_MEMBER)
    client = client_for(member)
    assert client.get(f"/api/v1/dossiers/{dossier.id}/").status_code == 404
    assert services.dossier_access_grant(actor=None, dossier=dossier, user=member, reason="review")
    assert not services.dossier_access_grant(actor=None, dossier=dossier, user=member, reason="review")
    assert client.get(f"/api/v1/dossiers/{dossier.id}/").status_code == 200
    assert client.get("/api/v1/dossiers/").data["count"] == 1
    assert client.patch(f"/api/v1/dossiers/{dossier.id}/", {"title": "x"}, format="json").status_code == 403
    services.dossier_access_revoke(actor=None, dossier=dossier, user=member, reason="review")
    assert client.get(f"/api/v1/dossiers/{dossier.id}/").status_code == 404
    assert AuditEvent.objects.filter(action="dossier.access_granted").count() == 1


def test_detail_says_what_the_caller_may_do(client_for):
    casa = OrganisationFactory(slug="casa")
    dossier = DossierFactory(organisation=casa)
    owner = client_for(dossier.created_by).get(f"/api/v1/dossiers/{dossier.id}/").data["permissions"]
    assert owner == {"can_edit": True, "can_submit": True, "can_book": False, "actions": []}
    agent = UserFactory(role=Role.DESK_AGENT, organisation=casa)
    assert client_for(agent).get(f"/api/v1/dossiers/{dossier.id}/").data["permissions"] == {
        "can_edit": False,
        "can_submit": False,
        "can_book": False,
        "actions": [],
    }
    dossier.status = "submitted"
    dossier.save()
    assert client_for(dossier.created_by).get(f"/api/v1/dossiers/{dossier.id}/").data["permissions"] == {
        "can_edit": False,
        "can_submit": False,
        "can_book": True,
        "actions": [],
    }
    assert client_for(agent).get(f"/api/v1/dossiers/{dossier.id}/").data["permissions"]["actions"] == ["start_check"]


def test_parties_do_not_see_internal_review_events(client_for):
    from dossiers import services

    casa = OrganisationFactory(slug="casa")
    dossier = DossierFactory(organisation=casa)
    member = UserFactory(role=Role.COMMISSION_MEMBER)
    services.dossier_access_grant(actor=None, dossier=dossier, user=member, reason="review")
    services.dossier_update(actor=dossier.created_by, dossier=dossier, title="Nouveau titre")
    own = client_for(dossier.created_by).get(f"/api/v1/dossiers/{dossier.id}/history/").data["results"]
    assert [e["action"] for e in own] == ["dossier.updated"]
    agent = UserFactory(role=Role.DESK_AGENT, organisation=casa)
    staff = client_for(agent).get(f"/api/v1/dossiers/{dossier.id}/history/").data["results"]
    assert [e["action"] for e in staff] == ["dossier.updated", "dossier.access_granted"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("created_before=0579-02-26T03%3A21%3A43%2B16%3A39", 200),  # an offset PostgreSQL refuses as such
        ("created_after=0001-01-01T00%3A00%3A00%2B01%3A00", 400),  # before year 1 in UTC
        ("created_after=yesterday", 400),
    ],
)
def test_date_filters_take_any_iso_offset_and_refuse_the_impossible(client_for, query, status):
    response = client_for(UserFactory()).get(f"/api/v1/dossiers/?{query}")
    assert response.status_code == status, response.data
