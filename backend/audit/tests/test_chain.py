import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import Role
from accounts.tests.factories import UserFactory
from audit.models import AuditEvent, AuditHead
from audit.services import audit_record, audit_verify_chain

pytestmark = pytest.mark.django_db


def _events(n: int, actor=None) -> list[AuditEvent]:
    return [
        audit_record(actor=actor, action="thing.changed", object_type="thing", object_id=i, after={"n": i})
        for i in range(n)
    ]


def test_events_link_to_their_predecessor():
    events = _events(3)
    assert events[0].prev_hash == "0" * 64
    assert events[1].prev_hash == events[0].hash
    assert events[2].prev_hash == events[1].hash
    assert [e.seq for e in events] == [1, 2, 3]
    report = audit_verify_chain()
    assert report.ok and report.checked == 3


def test_tampered_content_is_found():
    events = _events(4)
    AuditEvent.objects.filter(pk=events[2].pk).update(changes={"after": {"n": 999}})
    report = audit_verify_chain()
    assert not report.ok
    assert report.first_broken_seq == 3
    assert "content" in report.reason


def test_deleted_event_is_found():
    events = _events(4)
    AuditEvent.objects.filter(pk=events[1].pk).delete()
    report = audit_verify_chain()
    assert not report.ok and report.first_broken_seq == 2


def test_truncated_tail_is_found():
    events = _events(3)
    AuditEvent.objects.filter(pk=events[2].pk).delete()
    report = audit_verify_chain()
    assert not report.ok and report.first_broken_seq == 3
    assert AuditHead.objects.get().last_seq == 3


def test_command_fails_on_a_broken_chain(capsys):
    events = _events(2)
    call_command("verify_audit")
    assert "2 events verified" in capsys.readouterr().out
    AuditEvent.objects.filter(pk=events[0].pk).update(action="thing.forged")
    with pytest.raises(CommandError, match="#1"):
        call_command("verify_audit")


def test_verify_endpoint_is_for_administrators(client_for):
    _events(2)
    assert client_for(UserFactory()).get("/api/v1/audit/verify/").status_code == 403
    response = client_for(UserFactory(role=Role.ADMIN)).get("/api/v1/audit/verify/")
    assert response.status_code == 200
    assert response.data == {"ok": True, "checked": 2, "first_broken_seq": None, "reason": ""}


def test_actor_label_survives_the_user(client_for):
    user = UserFactory(email="gone@example.org")
    event = audit_record(actor=user, action="x", object_type="y", object_id=1)
    assert event.actor_label == "gone@example.org"
    assert audit_verify_chain().ok
