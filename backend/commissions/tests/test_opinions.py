"""Members' opinions, the commission's opinion by its rule, and the signing authority's decision."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from commissions import services
from commissions.consolidation import MemberOpinion, consolidate
from commissions.models import CommissionOpinion, ConsolidationRule, MemberKind, MemberRole, RequiredBody
from commissions.tests.factories import CommissionFactory, MemberFactory
from dossiers.models import Decision, Dossier, DossierStatus
from dossiers.public import PUBLIC_FIELDS, public_decisions
from dossiers.tests.factories import DossierFactory

pytestmark = pytest.mark.django_db
V = "favourable", "favourable_with_conditions", "unfavourable", "abstain"


def op(value="", chair=False, binding=False, conditions=""):
    return MemberOpinion(value=value, is_chair=chair, body_binding=binding, conditions=conditions)


@pytest.mark.parametrize(
    ("rule", "opinions", "expected"),
    [
        ("chair", [op("unfavourable"), op("favourable", chair=True)], ("favourable", 0)),
        ("chair", [op("favourable"), op("", chair=True)], (None, 1)),
        ("binding_unanimity", [op("favourable", binding=True), op("favourable", binding=True)], ("favourable", 0)),
        (
            "binding_unanimity",
            [op("favourable", binding=True), op("favourable_with_conditions", binding=True, conditions="Recul")],
            ("favourable_with_conditions", 0),
        ),
        ("binding_unanimity", [op("unfavourable", binding=True), op("", binding=True)], ("unfavourable", 0)),
        ("binding_unanimity", [op("favourable", binding=True), op("", binding=True)], (None, 1)),
        ("binding_unanimity", [op("unfavourable"), op("favourable", binding=True)], ("favourable", 0)),
        ("binding_unanimity", [op("abstain", binding=True), op("favourable", binding=True)], ("favourable", 0)),
    ],
)
def test_consolidation_rules(rule, opinions, expected):
    proposal = consolidate(rule, opinions)
    assert (proposal.value, proposal.waiting_for) == expected


@pytest.fixture
def review():
    """A dossier under review, dispatched to a chair, a member, and a binding civil-protection member."""
    organisation = OrganisationFactory()
    commission = CommissionFactory(organisation=organisation)
    civil_protection = OrganisationFactory()
    RequiredBody.objects.create(commission=commission, procedure_type_id="PC", body=civil_protection, binding=True)
    chair = MemberFactory(commission=commission, role=MemberRole.CHAIR)
    member = MemberFactory(commission=commission)
    protection = MemberFactory(commission=commission, body=civil_protection, kind=MemberKind.OCCASIONAL)
    dossier = DossierFactory(organisation=organisation, status=DossierStatus.UNDER_REVIEW)
    session = uuid.uuid4()
    tasks = services.dossier_dispatch(
        actor=None,
        dossier=dossier,
        commission=commission,
        session_id=session,
        session_starts_at=timezone.now() + timedelta(days=3),
    )
    agent = UserFactory(role=Role.DESK_AGENT, organisation=organisation)
    by_member = {t.member_id: t for t in tasks}
    return dict(
        dossier=dossier,
        commission=commission,
        session=session,
        agent=agent,
        chair=by_member[chair.pk],
        member=by_member[member.pk],
        protection=by_member[protection.pk],
    )


def give(client_for, task, value, **extra):
    client = client_for(task.member.user)
    return client.post(f"/api/v1/review-tasks/{task.id}/opinion/", {"value": value, **extra}, format="json")


def test_members_give_opinions_and_the_chair_records_the_commissions(review, client_for):
    assert give(client_for, review["member"], "unfavourable", reasons="Hauteur excessive").status_code == 200
    assert give(client_for, review["protection"], "favourable").status_code == 200
    chair_client = client_for(review["chair"].member.user)
    opinions = chair_client.get(f"/api/v1/dossiers/{review['dossier'].id}/opinions/").data
    assert opinions[0]["rule"] == "chair" and opinions[0]["proposal"] is None and opinions[0]["waiting_for"] == 1
    early = chair_client.post(
        f"/api/v1/dossiers/{review['dossier'].id}/commission-opinion/",
        {"session": str(review["session"])},
        format="json",
    )
    assert early.status_code == 409  # the chair has not spoken: the rule cannot decide

    given = give(client_for, review["chair"], "favourable_with_conditions", conditions="Reculer de 3 m")
    assert given.status_code == 200 and given.data["opinion"] == "favourable_with_conditions"
    recorded = chair_client.post(
        f"/api/v1/dossiers/{review['dossier'].id}/commission-opinion/",
        {"session": str(review["session"])},
        format="json",
    )
    assert recorded.status_code == 200, recorded.data
    assert recorded.data[0]["recorded"]["value"] == "favourable_with_conditions"
    assert recorded.data[0]["recorded"]["conditions"] == "Reculer de 3 m"
    assert Dossier.objects.get(pk=review["dossier"].pk).status == "commission_opinion"

    # The applicant sees the commission's opinion, not the members'.
    applicant = client_for(review["dossier"].created_by).get(f"/api/v1/dossiers/{review['dossier'].id}/opinions/")
    assert applicant.data[0]["members"] == [] and applicant.data[0]["recorded"]["value"] == "favourable_with_conditions"

    # The signing authority decides; the applicant sees the decision.
    signer = UserFactory(role=Role.SIGNING_AUTHORITY, organisation=review["dossier"].organisation)
    decided = client_for(signer).post(
        f"/api/v1/dossiers/{review['dossier'].id}/decide/",
        {"value": "granted_with_conditions", "text": "Permis accordé, recul de 3 m."},
        format="json",
    )
    assert decided.status_code == 200, decided.data
    seen = client_for(review["dossier"].created_by).get(f"/api/v1/dossiers/{review['dossier'].id}/").data
    assert seen["status"] == "decision" and seen["decision"]["value"] == "granted_with_conditions"
    # At once public, with no person in it (for the portal to come).
    (published,) = public_decisions()
    dossier = review["dossier"]
    assert published["reference"] == dossier.reference and published["address"] == dossier.address
    assert published["decision"] == "granted_with_conditions" and published["procedure_type"] == "PC"
    assert set(published) == set(PUBLIC_FIELDS)
    person = dossier.created_by
    assert not {person.email, person.full_name, "Permis accordé, recul de 3 m."} & {str(v) for v in published.values()}
    closed = client_for(review["agent"]).post(f"/api/v1/dossiers/{review['dossier'].id}/close/", {}, format="json")
    assert closed.status_code == 200 and closed.data["status"] == "closed"


def test_a_recorded_opinion_may_depart_from_the_rule_and_both_are_kept(review, client_for):
    review["commission"].consolidation_rule = ConsolidationRule.BINDING_UNANIMITY
    review["commission"].save()
    give(client_for, review["protection"], "unfavourable", reasons="Issue de secours absente")
    response = client_for(review["agent"]).post(
        f"/api/v1/dossiers/{review['dossier'].id}/commission-opinion/",
        {"session": str(review["session"]), "value": "favourable", "reasons": "Avis de la séance"},
        format="json",
    )
    assert response.status_code == 200, response.data
    opinion = CommissionOpinion.objects.get()
    assert (opinion.value, opinion.proposed, opinion.rule) == ("favourable", "unfavourable", "binding_unanimity")


def test_bad_opinions_and_decisions_are_refused(review, client_for):
    dossier = review["dossier"]
    stranger = MemberFactory()  # sits on another commission: not dispatched
    assert (
        client_for(stranger.user)
        .post(f"/api/v1/review-tasks/{review['member'].id}/opinion/", {"value": "favourable"}, format="json")
        .status_code
        == 404
    )
    assert give(client_for, review["member"], "maybe").status_code == 400
    assert give(client_for, review["member"], "favourable_with_conditions").status_code == 400  # no conditions
    member_client = client_for(review["member"].member.user)
    recording = member_client.post(
        f"/api/v1/dossiers/{dossier.id}/commission-opinion/", {"session": str(review["session"])}, format="json"
    )
    assert recording.status_code == 403  # an ordinary member does not record the commission's opinion
    foreign_session = client_for(review["agent"]).post(
        f"/api/v1/dossiers/{dossier.id}/commission-opinion/",
        {"session": str(uuid.uuid4()), "value": "favourable"},
        format="json",
    )
    assert foreign_session.status_code == 404
    signer = UserFactory(role=Role.SIGNING_AUTHORITY, organisation=dossier.organisation)
    too_early = client_for(signer).post(
        f"/api/v1/dossiers/{dossier.id}/decide/", {"value": "granted", "text": "Accordé"}, format="json"
    )
    assert too_early.status_code == 409  # no commission opinion yet
    Dossier.objects.filter(pk=dossier.pk).update(status=DossierStatus.COMMISSION_OPINION)
    assert (
        client_for(review["agent"])
        .post(f"/api/v1/dossiers/{dossier.id}/decide/", {"value": "granted", "text": "Accordé"}, format="json")
        .status_code
        == 403
    )
    assert (
        client_for(signer)
        .post(f"/api/v1/dossiers/{dossier.id}/decide/", {"value": "granted", "text": "  "}, format="json")
        .status_code
        == 400
    )
    assert not Decision.objects.exists()
    Dossier.objects.filter(pk=dossier.pk).update(status=DossierStatus.DECISION)
    assert give(client_for, review["member"], "favourable").status_code == 409  # review is over


def test_review_findings_stay_fixed(review, client_for):
    """A second record is a 409, not a 500; opinions close with the record; members' opinions stay
    out of the applicant's history; a seat on the commission gives another authority's agent or
    signer no say over the dossier."""
    dossier = review["dossier"]
    give(client_for, review["chair"], "favourable")
    applicant_history = client_for(dossier.created_by).get(f"/api/v1/dossiers/{dossier.id}/history/").data["results"]
    assert "dossier.opinion_given" not in [event["action"] for event in applicant_history]
    desk = client_for(review["agent"])
    url = f"/api/v1/dossiers/{dossier.id}/commission-opinion/"
    assert desk.post(url, {"session": str(review["session"])}, format="json").status_code == 200
    Dossier.objects.filter(pk=dossier.pk).update(status=DossierStatus.UNDER_REVIEW)  # as after a changes loop
    assert desk.post(url, {"session": str(review["session"])}, format="json").status_code == 409
    assert give(client_for, review["member"], "unfavourable").status_code == 409
    assert CommissionOpinion.objects.count() == 1

    outsider_org = OrganisationFactory()
    for role in (Role.DESK_AGENT, Role.SIGNING_AUTHORITY):
        outsider = UserFactory(role=role, organisation=outsider_org)
        MemberFactory(commission=review["commission"], user=outsider)
        services.dossier_dispatch(
            actor=None,
            dossier=dossier,
            commission=review["commission"],
            session_id=review["session"],
            session_starts_at=timezone.now() + timedelta(days=3),
        )
        client = client_for(outsider)
        assert client.get(f"/api/v1/dossiers/{dossier.id}/").data["permissions"]["actions"] == []
        assert (
            client.post(f"/api/v1/dossiers/{dossier.id}/request-changes/", {"message": "x"}, format="json").status_code
            == 403
        )


def test_an_abstaining_chair_and_an_unheard_binding_body_leave_the_rule_undecided():
    assert consolidate("chair", [op("abstain", chair=True), op("favourable")]).value is None
    one_heard = consolidate("binding_unanimity", [op("favourable", binding=True)], binding_bodies_unheard=1)
    assert (one_heard.value, one_heard.waiting_for) == (None, 1)


def test_a_member_who_leaves_loses_the_dossiers_they_reviewed_and_those_waiting(review, client_for):
    """Found by the authorisation matrix: a member whose opinion was given kept reading (and
    annotating) the dossier after leaving the commission."""
    dossier = review["dossier"]
    assert give(client_for, review["member"], "favourable").status_code == 200
    leaver = client_for(review["member"].member.user)
    waiting = client_for(review["protection"].member.user)
    assert leaver.get(f"/api/v1/dossiers/{dossier.id}/").status_code == 200

    services.member_remove(actor=None, member=review["member"].member)
    services.member_remove(actor=None, member=review["protection"].member)

    for client in (leaver, waiting):
        assert client.get(f"/api/v1/dossiers/{dossier.id}/").status_code == 404
        assert client.get("/api/v1/dossiers/").data["count"] == 0
    review["member"].refresh_from_db()
    review["protection"].refresh_from_db()
    assert (review["member"].status, review["protection"].status) == ("done", "cancelled")  # the opinion stays


def test_members_opinions_stay_within_their_commission(review, client_for):
    """Found by the authorisation matrix: a member of a second commission examining the same
    dossier read the first commission's members' opinions and reasons."""
    dossier = review["dossier"]
    other = CommissionFactory(organisation=dossier.organisation)
    outsider = MemberFactory(commission=other)
    services.dossier_dispatch(
        actor=None,
        dossier=dossier,
        commission=other,
        session_id=uuid.uuid4(),
        session_starts_at=timezone.now() + timedelta(days=10),
    )
    assert give(client_for, review["member"], "unfavourable", reasons="Hauteur excessive").status_code == 200

    rows = {
        row["commission"]: row for row in client_for(outsider.user).get(f"/api/v1/dossiers/{dossier.id}/opinions/").data
    }
    first = rows[str(review["commission"].id)]
    assert first["members"] == [] and first["proposal"] is None
    assert [m["member"] for m in rows[str(other.id)]["members"]] == [outsider.user.full_name or outsider.user.email]
    desk = {
        row["commission"]: row
        for row in client_for(review["agent"]).get(f"/api/v1/dossiers/{dossier.id}/opinions/").data
    }
    assert "Hauteur excessive" in [m["reasons"] for m in desk[str(review["commission"].id)]["members"]]
