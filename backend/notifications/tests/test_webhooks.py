"""Webhooks: who hears of what, signed and sent to a real HTTP receiver, retried, logged, replayed;
and endpoints that must not be reached (not http(s), private addresses)."""

import hashlib
import hmac
import json
import threading
import time
import uuid
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from audit.models import AuditEvent
from commissions import services as commission_services
from commissions.models import MemberRole
from commissions.tests.factories import CommissionFactory, MemberFactory
from dossiers.models import DossierParty, DossierStatus
from dossiers.tests.factories import DossierFactory
from notifications import tasks
from notifications.models import DeliveryStatus, WebhookDelivery, WebhookSubscription

pytestmark = pytest.mark.django_db
PUBLIC = "https://93.184.215.14/hooks/urbadesk"  # a public address, never contacted by these tests


class Receiver:
    """A real HTTP endpoint on this machine; `status` and `delay` say how it answers."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.status, self.delay = 200, 0.0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                time.sleep(receiver.delay)
                try:
                    self.send_response(receiver.status)
                    self.end_headers()
                    self.wfile.write(b"receiver says no" if receiver.status >= 300 else b"ok")
                except BrokenPipeError:  # the sender gave up waiting (the timeout test)
                    pass

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook?source=urbadesk"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def receiver(settings):
    settings.URBADESK = {**settings.URBADESK, "WEBHOOK_ALLOWED_NETWORKS": ["127.0.0.0/8"], "WEBHOOK_TIMEOUT_SECONDS": 1}
    endpoint = Receiver()
    yield endpoint
    endpoint.server.shutdown()
    endpoint.server.server_close()


@pytest.fixture
def world():
    organisation = OrganisationFactory()
    dossier = DossierFactory(organisation=organisation, status=DossierStatus.COMPLETENESS_CHECK)
    agent = UserFactory(role=Role.DESK_AGENT, organisation=organisation)
    system = UserFactory(role=Role.SERVICE)  # the architect's office software, a party to the dossier
    DossierParty.objects.create(dossier=dossier, user=system, role="project_author")
    return dossier, agent, system


def subscribe(client, url, events=("dossier.complements_requested",)):
    return client.post(
        "/api/v1/webhooks/", {"url": url, "events": list(events)}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )


def send_back(client, dossier):
    return client.post(
        f"/api/v1/dossiers/{dossier.id}/request-complements/", {"message": "Joindre le titre foncier."}, format="json"
    )


def verify(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """What a receiver does (the README's recipe)."""
    parts = dict(item.split("=", 1) for item in headers["Urbadesk-Signature"].split(","))
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256).hexdigest()
    fresh = abs(time.time() - int(parts["t"])) < 300
    return fresh and hmac.compare_digest(expected, parts["v1"])


def test_a_party_hears_of_its_dossier_signed_and_a_stranger_does_not(
    world, receiver, client_for, run_jobs, django_capture_on_commit_callbacks
):
    dossier, agent, system = world
    created = subscribe(client_for(system), receiver.url)
    assert created.status_code == 201, created.data
    secret = created.data["secret"]
    assert secret.startswith("whsec_")
    stranger = UserFactory(role=Role.SERVICE)
    assert subscribe(client_for(stranger), receiver.url).status_code == 201
    listed = client_for(system).get("/api/v1/webhooks/").data["results"]
    assert [w["url"] for w in listed] == [receiver.url] and "secret" not in listed[0]
    assert AuditEvent.objects.filter(action="webhook.created", actor=system).count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        assert send_back(client_for(agent), dossier).status_code == 200
    run_jobs()

    (headers, body), *others = receiver.received
    assert others == []  # the stranger's endpoint heard nothing of a dossier it cannot see
    assert verify(secret, headers, body)
    assert not verify("whsec_wrong", headers, body)
    payload = json.loads(body)
    assert payload["type"] == "dossier.complements_requested" == headers["Urbadesk-Event"]
    assert payload["dossier_id"] == str(dossier.id)
    assert payload["data"]["reference"] == dossier.reference
    assert payload["data"]["status"] == "awaiting_complements"
    assert payload["data"]["message"] == "Joindre le titre foncier."
    assert payload["url"].endswith(f"/dossiers/{dossier.id}")
    delivery = WebhookDelivery.objects.get(pk=headers["Urbadesk-Delivery"])
    assert (delivery.status, delivery.attempt_count, delivery.last_status_code) == ("sent", 1, 200)
    log = client_for(system).get(f"/api/v1/webhooks/{delivery.subscription_id}/deliveries/").data["results"]
    assert [(d["status"], [a["status_code"] for a in d["attempts"]]) for d in log] == [("sent", [200])]


def test_a_failing_receiver_is_retried_then_marked_failed_and_its_owner_replays_it(
    world, receiver, client_for, run_jobs, django_capture_on_commit_callbacks
):
    dossier, agent, system = world
    subscribe(client_for(system), receiver.url)
    receiver.status = 500
    assert send_back(client_for(agent), dossier).status_code == 200
    delivery = WebhookDelivery.objects.get()
    for attempt in range(1, tasks.WEBHOOK_MAX_ATTEMPTS):
        with pytest.raises(tasks.WebhookFailed, match="HTTP 500: receiver says no"):
            tasks.deliver_webhook.fn(str(delivery.pk))  # what the worker runs; dramatiq backs off on the raise
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempt_count) == (DeliveryStatus.PENDING, attempt)
    tasks.deliver_webhook.fn(str(delivery.pk))  # the last try records the failure instead of raising
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_status_code) == (DeliveryStatus.FAILED, 500)
    assert list(delivery.attempts.values_list("number", "status_code")) == [
        (n, 500) for n in range(1, tasks.WEBHOOK_MAX_ATTEMPTS + 1)
    ]
    tasks.deliver_webhook.fn(str(delivery.pk))  # a failed delivery is left alone
    assert len(receiver.received) == tasks.WEBHOOK_MAX_ATTEMPTS

    # Nothing lost: the owner replays it once the receiver is fixed; someone else cannot.
    receiver.status = 204
    assert client_for(agent).post(f"/api/v1/webhook-deliveries/{delivery.pk}/replay/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        replayed = client_for(system).post(f"/api/v1/webhook-deliveries/{delivery.pk}/replay/")
    assert replayed.status_code == 202
    run_jobs()
    replay = WebhookDelivery.objects.get(pk=replayed.data["id"])
    assert (replay.status, replay.replay_of_id, replay.event_id) == ("sent", delivery.pk, delivery.event_id)
    assert json.loads(receiver.received[-1][1]) == delivery.payload  # the same body, freshly signed
    assert AuditEvent.objects.filter(action="webhook.replayed").count() == 1


def test_a_receiver_that_times_out_is_logged_and_retried(world, receiver, client_for):
    dossier, agent, system = world
    subscribe(client_for(system), receiver.url)
    receiver.delay = 2  # beyond the 1 s timeout
    send_back(client_for(agent), dossier)
    delivery = WebhookDelivery.objects.get()
    with pytest.raises(tasks.WebhookFailed, match=r"(?i)timed? ?out"):
        tasks.deliver_webhook.fn(str(delivery.pk))
    attempt = delivery.attempts.get()
    assert attempt.status_code is None and attempt.duration_ms >= 900


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://93.184.215.14/hook", "http"),
        ("file:///etc/passwd", "valid URL"),
        ("http://10.1.2.3/hook", "private"),
        ("http://192.168.1.10/hook", "private"),
        ("http://127.0.0.1:8000/api/v1/", "private"),
        ("http://localhost/hook", "private"),
        ("http://169.254.169.254/latest/meta-data/", "private"),
        ("http://[::1]/hook", "private"),
        ("http://[::ffff:10.0.0.1]/hook", "private"),
        ("http://0.0.0.0/hook", "private"),
        ("https://user:pass@93.184.215.14/hook", "password"),
        ("not a url", "valid URL"),
    ],
)
def test_endpoints_that_must_not_be_reached_are_refused(url, reason, client_for):
    owner = UserFactory(role=Role.SERVICE)
    answer = subscribe(client_for(owner), url)
    assert answer.status_code == 400
    assert reason.lower() in " ".join(answer.data["errors"]["url"]).lower()
    assert not WebhookSubscription.objects.exists()


def test_the_allow_list_opens_a_private_network_and_a_public_address_needs_none(settings, client_for):
    owner = UserFactory(role=Role.SERVICE)
    assert subscribe(client_for(owner), PUBLIC).status_code == 201
    assert subscribe(client_for(owner), "http://10.1.2.3/hook").status_code == 400
    settings.URBADESK = {**settings.URBADESK, "WEBHOOK_ALLOWED_NETWORKS": ["10.0.0.0/8"]}
    assert subscribe(client_for(owner), "http://10.1.2.3/hook").status_code == 201
    bad_events = subscribe(client_for(owner), PUBLIC, events=["dossier.exploded"])
    assert bad_events.status_code == 400 and "events" in bad_events.data["errors"]
    assert subscribe(client_for(owner), PUBLIC, events=[]).status_code == 400


def test_an_address_refused_at_send_time_is_not_contacted(world, receiver, settings, client_for):
    dossier, agent, system = world
    subscribe(client_for(system), receiver.url)
    settings.URBADESK = {**settings.URBADESK, "WEBHOOK_ALLOWED_NETWORKS": []}  # the operator closed it since
    send_back(client_for(agent), dossier)
    delivery = WebhookDelivery.objects.get()
    with pytest.raises(tasks.WebhookFailed, match="refused"):
        tasks.deliver_webhook.fn(str(delivery.pk))
    assert receiver.received == []


def test_only_the_owner_sees_and_changes_an_endpoint(
    world, receiver, client_for, run_jobs, django_capture_on_commit_callbacks
):
    _dossier, _agent, system = world
    webhook = subscribe(client_for(system), receiver.url).data
    other = client_for(UserFactory(role=Role.SERVICE))
    base = f"/api/v1/webhooks/{webhook['id']}/"
    assert other.get(base).status_code == 404
    assert other.patch(base, {"active": False}, format="json").status_code == 404
    assert other.delete(base).status_code == 404
    assert other.get(f"{base}deliveries/").status_code == 404
    assert other.post(f"{base}ping/").status_code == 404
    assert other.post(f"{base}rotate-secret/").status_code == 404

    owner = client_for(system)
    assert owner.patch(base, {"url": "http://10.9.9.9/"}, format="json").status_code == 400
    assert WebhookSubscription.objects.get().url == receiver.url  # the refused change left it as it was
    rotated = owner.post(f"{base}rotate-secret/").data["secret"]
    assert rotated != webhook["secret"]
    with django_capture_on_commit_callbacks(execute=True):
        assert owner.post(f"{base}ping/").status_code == 202
    run_jobs()
    ((headers, body),) = receiver.received
    assert json.loads(body)["type"] == "ping" and verify(rotated, headers, body)
    assert owner.get(f"{base}deliveries/?status=nonsense").status_code == 400
    assert owner.patch(base, {"active": False}, format="json").data["active"] is False
    assert owner.delete(base).status_code == 204
    assert list(AuditEvent.objects.filter(object_type="webhook_subscription").values_list("action", flat=True)) == [
        "webhook.created",
        "webhook.secret_rotated",
        "webhook.pinged",
        "webhook.updated",
        "webhook.deleted",
    ]


def test_the_delivery_log_reads_in_constant_queries(world, client_for):
    _dossier, _agent, system = world
    subscription = WebhookSubscription.objects.create(owner=system, url=PUBLIC, events=["ping"], secret="whsec_x")

    def log_queries(deliveries: int) -> int:
        for _ in range(deliveries):
            WebhookDelivery.objects.create(subscription=subscription, event="ping", event_id=uuid.uuid4(), payload={})
        with CaptureQueriesContext(connection) as queries:
            assert client_for(system).get(f"/api/v1/webhooks/{subscription.pk}/deliveries/").status_code == 200
        return len(queries)

    assert log_queries(2) == log_queries(20)


def test_an_opinion_reaches_the_bureau_and_staff_webhooks_but_never_the_parties(world, receiver, client_for, run_jobs):
    dossier, agent, system = world
    dossier.status = DossierStatus.UNDER_REVIEW
    dossier.save()
    commission = CommissionFactory(organisation=dossier.organisation)
    chair = MemberFactory(commission=commission, role=MemberRole.CHAIR)
    member = MemberFactory(commission=commission)
    tasks_ = commission_services.dossier_dispatch(
        actor=None,
        dossier=dossier,
        commission=commission,
        session_id=uuid.uuid4(),
        session_starts_at=timezone.now() + timedelta(days=3),
    )
    for owner in (system, agent):  # the party's software and the desk's
        WebhookSubscription.objects.create(owner=owner, url=receiver.url, events=["opinion.given"], secret="whsec_x")
    task = next(t for t in tasks_ if t.member_id == member.pk)
    given = client_for(member.user).post(
        f"/api/v1/review-tasks/{task.pk}/opinion/", {"value": "unfavourable", "reasons": "Hauteur."}, format="json"
    )
    assert given.status_code == 200, given.data
    (told,) = chair.user.notifications.filter(event="opinion.given")
    assert member.user.full_name in told.body and "Défavorable" in told.body
    assert not member.user.notifications.filter(event="opinion.given").exists()  # not the one who gave it
    assert not dossier.created_by.notifications.filter(event="opinion.given").exists()
    assert [d.subscription.owner for d in WebhookDelivery.objects.select_related("subscription__owner")] == [agent]
