import pytest

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from audit.models import AuditEvent
from commissions.models import Commission, CommissionMember, RequiredBody
from commissions.tests.factories import CommissionFactory, MemberFactory

pytestmark = pytest.mark.django_db

BODY = {"name": "Commission de Rabat", "timezone": "Africa/Casablanca", "procedure_types": ["PC", "PH"]}


@pytest.fixture
def authority():
    return OrganisationFactory(slug="rabat", name="Commune de Rabat")


@pytest.fixture
def agent(authority):
    return UserFactory(role=Role.DESK_AGENT, organisation=authority)


def test_agent_creates_a_commission_of_their_authority(client_for, agent):
    response = client_for(agent).post("/api/v1/commissions/", BODY, format="json")
    assert response.status_code == 201, response.data
    assert response.data["organisation"] == "rabat"
    assert sorted(response.data["procedure_types"]) == ["PC", "PH"]
    assert AuditEvent.objects.filter(action="commission.created").count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"procedure_types": ["PC", "ZZ"]}, "procedure_types"),
        ({"procedure_types": []}, "procedure_types"),
        ({"name": ""}, "name"),
    ],
)
def test_bad_commissions_are_refused(client_for, agent, change, field):
    response = client_for(agent).post("/api/v1/commissions/", {**BODY, **change}, format="json")
    assert response.status_code == 400
    assert field in response.data["errors"]
    assert Commission.objects.count() == 0


def test_only_the_authoritys_agents_create_and_change(client_for, authority):
    other_agent = UserFactory(role=Role.DESK_AGENT, organisation=OrganisationFactory())
    applicant = UserFactory()
    assert (
        client_for(other_agent)
        .post("/api/v1/commissions/", {**BODY, "organisation": "rabat"}, format="json")
        .status_code
        == 403
    )
    assert (
        client_for(applicant).post("/api/v1/commissions/", {**BODY, "organisation": "rabat"}, format="json").status_code
        == 403
    )
    commission = CommissionFactory(organisation=authority)
    url = f"/api/v1/commissions/{commission.id}/"
    assert client_for(other_agent).patch(url, {"name": "x"}, format="json").status_code == 403
    assert client_for(applicant).get(url).status_code == 200  # commissions are public to signed-in users
    Commission.objects.filter(pk=commission.pk).update(is_active=False)
    assert client_for(applicant).get(url).status_code == 404


def test_members_and_required_bodies(client_for, agent, authority):
    commission = CommissionFactory(organisation=authority)
    civil = OrganisationFactory(slug="protection-civile")
    member = UserFactory(email="m@example.org", role=Role.COMMISSION_MEMBER)
    client = client_for(agent)
    url = f"/api/v1/commissions/{commission.id}/members/"
    added = client.post(
        url, {"email": "M@example.org", "body": "protection-civile", "kind": "occasional"}, format="json"
    )
    assert added.status_code == 201, added.data
    assert added.data["body"] == "protection-civile" and added.data["kind"] == "occasional"
    applicant = UserFactory(email="a@example.org")
    refused = client.post(url, {"email": applicant.email, "body": "rabat"}, format="json")
    assert refused.status_code == 400 and "email" in refused.data["errors"]
    unknown = client.post(url, {"email": "nobody@example.org", "body": "rabat"}, format="json")
    assert unknown.status_code == 400
    rule = client.post(
        f"/api/v1/commissions/{commission.id}/required-bodies/",
        {"procedure_type": "PC", "body": "protection-civile"},
        format="json",
    )
    assert rule.status_code == 201
    assert RequiredBody.objects.filter(commission=commission, body=civil).count() == 1
    seat = CommissionMember.objects.get(user=member)
    assert client.delete(f"/api/v1/commission-members/{seat.id}/").status_code == 204
    assert client.get(url).data["count"] == 0
    seat.refresh_from_db()
    assert not seat.is_active


def test_a_stranger_cannot_remove_a_member(client_for):
    seat = MemberFactory()
    assert client_for(UserFactory()).delete(f"/api/v1/commission-members/{seat.id}/").status_code == 403
    seat.refresh_from_db()
    assert seat.is_active


@pytest.mark.parametrize("count", [1, 10])
def test_list_query_count_does_not_grow(client_for, django_assert_num_queries, count):
    for _ in range(count):
        CommissionFactory(procedure_types=["PC", "PD"])
    client = client_for(UserFactory())
    # count, page, procedure types
    with django_assert_num_queries(3):
        response = client.get("/api/v1/commissions/")
    assert response.data["count"] == count
