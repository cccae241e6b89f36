"""Who the desk may name to sign: the candidates it is offered, defaults first, are exactly those
the preparation accepts; naming some of them makes them the signers, in the order given."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory
from agenda import services as agenda_services
from agenda.tests.conftest import setup  # noqa: F401  (the agenda's world: a commission and its sessions)
from commissions.models import MemberRole
from commissions.tests.factories import MemberFactory
from dossiers.models import Decision, DossierStatus
from dossiers.tests.factories import DossierFactory
from signatures.models import Document
from signatures.services import BAD_SIGNER, NOT_PRESENT
from signatures.tests.helpers import person, prepare

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(signing):
    authority = OrganisationFactory(name="Commune urbaine de Casablanca")
    dossier = DossierFactory(organisation=authority, status=DossierStatus.DECISION)
    president = person(Role.SIGNING_AUTHORITY, authority, "Hassan Fassi")
    Decision.objects.create(dossier=dossier, value="granted", text="Permis accordé.", decided_by=president)
    return dict(
        dossier=dossier,
        president=president,
        deputy=person(Role.SIGNING_AUTHORITY, authority, "Amina Berrada"),
        agent=person(Role.DESK_AGENT, authority, "Karim Tazi"),
    )


def candidates(client, dossier):
    return client.get(f"/api/v1/dossiers/{dossier.id}/signer-candidates/")


def test_the_desk_is_offered_the_authority_s_signers_with_who_decided_first(decided, client_for):
    world = decided
    authority = world["dossier"].organisation
    person(Role.SIGNING_AUTHORITY, OrganisationFactory(), "Elsewhere Signer")
    person(Role.COMMISSION_MEMBER, authority, "Wrong Role")
    gone = person(Role.SIGNING_AUTHORITY, authority, "Gone Signer")
    gone.is_active = False
    gone.save()

    listed = candidates(client_for(world["agent"]), world["dossier"])

    assert listed.status_code == 200
    assert [(c["name"], c["suggested_role"], c["default"]) for c in listed.data] == [
        ("Hassan Fassi", "Autorité signataire", True),
        ("Amina Berrada", "Autorité signataire", False),
        ("Karim Tazi", "Agent du guichet", False),
    ]
    assert listed.data[0]["user"] == str(world["president"].id)
    assert listed.data[0]["email"] == world["president"].email


def test_candidates_are_for_the_dossier_s_desk_only(decided, client_for):
    world = decided
    dossier = world["dossier"]
    assert candidates(client_for(dossier.created_by), dossier).status_code == 403
    assert candidates(client_for(world["president"]), dossier).status_code == 403
    stranger = person(Role.DESK_AGENT, OrganisationFactory(), "Elsewhere Agent")
    assert candidates(client_for(stranger), dossier).status_code == 404


def test_candidates_read_in_constant_queries(decided, client_for, django_assert_num_queries):
    world = decided
    desk = client_for(world["agent"])
    with django_assert_num_queries(4):
        assert len(candidates(desk, world["dossier"]).data) == 3
    for index in range(6):
        person(Role.DESK_AGENT, world["dossier"].organisation, f"Agent {index}")
    with django_assert_num_queries(4):
        assert len(candidates(desk, world["dossier"]).data) == 9


def test_the_candidates_chosen_sign_in_the_order_given(decided, client_for):
    world = decided
    desk = client_for(world["agent"])
    offered = {c["name"]: c for c in candidates(desk, world["dossier"]).data}
    chosen = [offered["Karim Tazi"], offered["Hassan Fassi"]]

    made = prepare(desk, world["dossier"], [{"user": c["user"], "role": c["suggested_role"]} for c in chosen])

    assert made.status_code == 201, made.data
    assert [(s["name"], s["role"]) for s in made.data["signers"]] == [
        ("Karim Tazi", "Agent du guichet"),
        ("Hassan Fassi", "Autorité signataire"),
    ]


def test_someone_not_offered_is_refused_on_signers(decided, client_for):
    world = decided
    outsider = person(Role.SIGNING_AUTHORITY, OrganisationFactory(), "Elsewhere Signer")
    refused = prepare(client_for(world["agent"]), world["dossier"], [{"user": str(outsider.id), "role": "Maire"}])
    assert refused.status_code == 400
    assert refused.data["errors"]["signers"] == [str(BAD_SIGNER) % {"email": outsider.email}]
    assert not Document.objects.exists()


@pytest.fixture
def sat(setup):  # noqa: F811
    """A held session at which the rapporteur, the secretary and the chair sat; another member did not."""
    chair, secretary, absent = setup.permanent, setup.occasional, setup.other_occasional
    chair.role, secretary.role = MemberRole.CHAIR, MemberRole.SECRETARY
    chair.save()
    secretary.save()
    rapporteur = MemberFactory(commission=setup.commission, body=setup.commission.organisation)
    rapporteur.role = MemberRole.RAPPORTEUR
    rapporteur.save()
    dossier = setup.dossier()
    slot = setup.future_slots().filter(starts_at__gt=timezone.now() + timedelta(days=2)).first()
    agenda_services.booking_create(actor=dossier.created_by, dossier=dossier, slot=slot)
    session = slot.session
    agenda_services.attendance_set(actor=setup.agent, session=session, present=[rapporteur.pk, secretary.pk, chair.pk])
    return dict(session=session, chair=chair, secretary=secretary, rapporteur=rapporteur, absent=absent, setup=setup)


def session_candidates(client, session):
    return client.get(f"/api/v1/sessions/{session.id}/signer-candidates/")


def test_the_desk_is_offered_who_sat_with_the_chair_then_the_secretary_first(sat, client_for):
    listed = session_candidates(client_for(sat["setup"].agent), sat["session"])

    assert listed.status_code == 200
    assert [(c["user"], c["suggested_role"], c["default"]) for c in listed.data] == [
        (str(sat["chair"].user.id), "Président", True),
        (str(sat["secretary"].user.id), "Secrétaire", True),
        (str(sat["rapporteur"].user.id), "Rapporteur", False),
    ]


def test_session_candidates_are_for_the_commission_s_desk_only(sat, client_for):
    session = sat["session"]
    assert session_candidates(client_for(sat["chair"].user), session).status_code == 403
    stranger = person(Role.DESK_AGENT, OrganisationFactory(), "Elsewhere Agent")
    assert session_candidates(client_for(stranger), session).status_code == 404


def test_session_candidates_read_in_constant_queries(sat, client_for, django_assert_num_queries):
    world, session = sat["setup"], sat["session"]
    desk = client_for(world.agent)
    with django_assert_num_queries(2):
        assert len(session_candidates(desk, session).data) == 3
    more = [MemberFactory(commission=world.commission, body=world.commission.organisation) for _ in range(5)]
    sitting = [sat["chair"].pk, sat["secretary"].pk, sat["rapporteur"].pk, *(m.pk for m in more)]
    agenda_services.attendance_set(actor=world.agent, session=session, present=sitting)
    with django_assert_num_queries(2):
        assert len(session_candidates(desk, session).data) == 8


def test_minutes_are_signed_by_the_members_chosen_in_order_and_not_by_the_absent(sat, client_for):
    desk = client_for(sat["setup"].agent)
    session = sat["session"]
    url = f"/api/v1/sessions/{session.id}/minutes/"
    absent = sat["absent"].user
    refused = desk.post(url, {"signers": [{"user": str(absent.id), "role": "Membre"}]}, format="json")
    assert refused.status_code == 400
    assert refused.data["errors"]["signers"] == [str(NOT_PRESENT) % {"email": absent.email}]

    offered = session_candidates(desk, session).data
    chosen = [{"user": c["user"], "role": c["suggested_role"]} for c in reversed(offered)]
    made = desk.post(url, {"signers": chosen}, format="json")

    assert made.status_code == 201, made.data
    assert [str(s["user"]) for s in made.data["signers"]] == [c["user"] for c in chosen]
