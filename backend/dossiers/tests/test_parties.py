import pytest

from accounts.models import Role
from accounts.tests.factories import UserFactory
from dossiers.models import DossierParty
from dossiers.tests.factories import DossierFactory

pytestmark = pytest.mark.django_db


def test_applicant_adds_their_architect_who_then_sees_the_dossier(client_for):
    dossier = DossierFactory()
    architect = UserFactory(email="archi@example.org", role=Role.PROJECT_AUTHOR)
    assert client_for(architect).get(f"/api/v1/dossiers/{dossier.id}/").status_code == 404
    response = client_for(dossier.created_by).post(
        f"/api/v1/dossiers/{dossier.id}/parties/", {"email": "ARCHI@example.org"}, format="json"
    )
    assert response.status_code == 201, response.data
    assert response.data["role"] == "project_author"
    assert client_for(architect).get(f"/api/v1/dossiers/{dossier.id}/").status_code == 200
    parties = client_for(architect).get(f"/api/v1/dossiers/{dossier.id}/parties/").data["results"]
    assert {p["email"] for p in parties} == {dossier.created_by.email, "archi@example.org"}
    again = client_for(dossier.created_by).post(
        f"/api/v1/dossiers/{dossier.id}/parties/", {"email": "archi@example.org"}, format="json"
    )
    assert again.status_code == 201
    assert DossierParty.objects.filter(dossier=dossier).count() == 2


@pytest.mark.parametrize(
    ("email", "role"),
    [("nobody@example.org", None), ("agent@example.org", Role.DESK_AGENT)],
)
def test_unknown_accounts_and_staff_cannot_be_parties(client_for, email, role):
    dossier = DossierFactory()
    if role:
        UserFactory(email=email, role=role)
    response = client_for(dossier.created_by).post(
        f"/api/v1/dossiers/{dossier.id}/parties/", {"email": email}, format="json"
    )
    assert response.status_code == 400
    assert "email" in response.data["errors"]
    assert DossierParty.objects.filter(dossier=dossier).count() == 1


def test_strangers_cannot_add_themselves(client_for):
    dossier = DossierFactory()
    stranger = UserFactory(email="me@example.org")
    response = client_for(stranger).post(
        f"/api/v1/dossiers/{dossier.id}/parties/", {"email": "me@example.org"}, format="json"
    )
    assert response.status_code == 404
    assert not DossierParty.objects.filter(user=stranger).exists()
