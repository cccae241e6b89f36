"""Notifications: who hears of what, in their language, by which channel, and what happens on failure."""

import os
import subprocess
import sys

import pytest
from django.core import mail

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from dossiers.models import Dossier, DossierStatus
from dossiers.tests.factories import DossierFactory
from notifications import channels, tasks
from notifications.models import Delivery, DeliveryStatus, Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    organisation = OrganisationFactory()
    dossier = DossierFactory(organisation=organisation, status=DossierStatus.COMPLETENESS_CHECK)
    agent = UserFactory(role=Role.DESK_AGENT, organisation=organisation)
    return dossier, agent


def send_back(client, dossier):
    return client.post(
        f"/api/v1/dossiers/{dossier.id}/request-complements/", {"message": "Joindre le titre foncier."}, format="json"
    )


def test_the_applicant_hears_of_complements_in_the_app_and_by_email(
    world, client_for, run_jobs, django_capture_on_commit_callbacks
):
    dossier, agent = world
    with django_capture_on_commit_callbacks(execute=True):
        assert send_back(client_for(agent), dossier).status_code == 200
    run_jobs()
    (note,) = Notification.objects.all()  # the agent who acted is not told
    assert note.recipient == dossier.created_by and note.event == "dossier.complements_requested"
    assert note.title == f"Compléments demandés : {dossier.reference}"
    assert "Joindre le titre foncier." in note.body
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [dossier.created_by.email]
    assert f"/dossiers/{dossier.id}" in mail.outbox[0].body
    email = Delivery.objects.get(channel="email")
    assert (email.status, email.attempts) == ("sent", 1)

    applicant = client_for(dossier.created_by)
    assert applicant.get("/api/v1/notifications/unread-count/").data == {"unread": 1}
    listed = applicant.get("/api/v1/notifications/").data["results"]
    assert [n["event"] for n in listed] == ["dossier.complements_requested"]
    assert applicant.post("/api/v1/notifications/read/", {}, format="json").data == {"unread": 0}
    # Someone else's notification cannot be marked read through its id.
    other = client_for(agent)
    other.post("/api/v1/notifications/read/", {"ids": [str(note.id)]}, format="json")
    assert Notification.objects.get().read_at is not None  # read by its owner above, untouched by the agent


def test_preferences_language_and_undeliverable_sms(world, client_for, run_jobs, django_capture_on_commit_callbacks):
    dossier, agent = world
    applicant = dossier.created_by
    applicant.language = "en"
    applicant.save()
    prefs = client_for(applicant).put(
        "/api/v1/notification-preferences/",
        {"event": "dossier.complements_requested", "email": False, "sms": True},
        format="json",
    )
    assert prefs.status_code == 200
    row = next(p for p in prefs.data if p["event"] == "dossier.complements_requested")
    assert (row["email"], row["sms"]) == (False, True)
    with django_capture_on_commit_callbacks(execute=True):
        send_back(client_for(agent), dossier)
    run_jobs()
    note = Notification.objects.get()
    assert note.title == f"Complements requested: {dossier.reference}"
    assert mail.outbox == []
    sms = Delivery.objects.get(channel="sms")
    assert (sms.status, sms.last_error) == ("failed", "no phone number")  # nothing to retry
    bad = client_for(applicant).put(
        "/api/v1/notification-preferences/", {"event": "nope", "email": True, "sms": False}, format="json"
    )
    assert bad.status_code == 400


def test_a_mail_server_down_is_retried_then_marked_failed_and_the_transition_stays(world, client_for, monkeypatch):
    dossier, agent = world

    def down(*args, **kwargs):
        raise ConnectionRefusedError("SMTP server unreachable")

    monkeypatch.setattr(channels, "send_mail", down)
    assert send_back(client_for(agent), dossier).status_code == 200
    assert Dossier.objects.get(pk=dossier.pk).status == "awaiting_complements"
    delivery = Delivery.objects.get(channel="email")
    for attempt in range(1, tasks.MAX_ATTEMPTS):
        with pytest.raises(ConnectionRefusedError):
            tasks.deliver.fn(str(delivery.pk))  # what the worker runs; dramatiq retries on the raise
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, attempt)
        assert "SMTP server unreachable" in delivery.last_error
    tasks.deliver.fn(str(delivery.pk))  # the last attempt records the failure instead of raising
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, tasks.MAX_ATTEMPTS)
    tasks.deliver.fn(str(delivery.pk))  # a failed delivery is left alone
    delivery.refresh_from_db()
    assert delivery.attempts == tasks.MAX_ATTEMPTS


def test_pending_deliveries_are_queued_again_when_the_embedded_worker_starts(world, client_for, run_jobs):
    dossier, agent = world
    send_back(client_for(agent), dossier)  # its job is queued on commit, which never comes here: lost
    assert run_jobs() == 0
    assert tasks.recover_pending() == 1
    run_jobs()
    assert Delivery.objects.get(channel="email").status == DeliveryStatus.SENT
    assert len(mail.outbox) == 1
    assert tasks.recover_pending() == 0


def test_a_worker_knows_the_notification_actors_from_its_start(tmp_path):
    """A standalone worker (`dramatiq config.worker`) only listens on the queues of the actors
    declared when it starts; the app declares them, not the first call to notify()."""
    script = "import config.worker, dramatiq; print(sorted(dramatiq.get_broker().get_declared_queues()))"
    env = {**os.environ, "URBADESK_BROKER": "stub", "URBADESK_DATA_DIR": str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    started = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert "'notifications'" in started.stdout and "'webhooks'" in started.stdout


def test_every_transition_of_the_lifecycle_tells_someone_in_both_languages():
    from dossiers.lifecycle import TRANSITIONS
    from dossiers.notify import LIFECYCLE_EVENTS
    from notifications.templates import TEMPLATES

    assert set(TRANSITIONS) <= set(LIFECYCLE_EVENTS)
    for event, _audience in LIFECYCLE_EVENTS.values():
        assert set(TEMPLATES[event]) == {"fr", "en"}


def test_closing_a_decided_dossier_tells_the_applicant(client_for, run_jobs, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory()
    dossier = DossierFactory(organisation=organisation, status=DossierStatus.DECISION)
    agent = UserFactory(role=Role.DESK_AGENT, organisation=organisation)
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(agent).post(f"/api/v1/dossiers/{dossier.id}/close/", {}, format="json").status_code == 200
    (note,) = Notification.objects.filter(recipient=dossier.created_by)
    assert (note.event, note.title) == ("dossier.closed", f"Dossier clos : {dossier.reference}")


def test_an_sms_reaches_the_phone_number_on_the_profile(world, client_for, run_jobs, caplog):
    dossier, agent = world
    applicant = dossier.created_by
    client_for(applicant).patch("/api/v1/auth/me/", {"phone": "+212600000000"}, format="json")
    client_for(applicant).put(
        "/api/v1/notification-preferences/",
        {"event": "dossier.complements_requested", "email": False, "sms": True},
        format="json",
    )
    send_back(client_for(agent), dossier)
    sms = Delivery.objects.get(channel="sms")
    with caplog.at_level("INFO", logger="urbadesk.sms"):
        tasks.deliver.fn(str(sms.pk))
    sms.refresh_from_db()
    assert sms.status == DeliveryStatus.SENT
    assert "SMS to +212600000000: Compléments demandés" in caplog.text
