import pytest
from django.contrib import admin

from accounts.models import Role
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_admin_changelist_opens(client):
    user = UserFactory(role=Role.ADMIN, is_staff=True, is_superuser=True)
    client.force_login(user)
    for model in admin.site._registry:
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        assert client.get(url).status_code == 200, url


def test_admin_writes_are_audited(client):
    from audit.models import AuditEvent
    from audit.services import audit_verify_chain

    user = UserFactory(role=Role.ADMIN, is_staff=True, is_superuser=True)
    client.force_login(user)
    response = client.post(
        "/admin/agenda/closedday/add/", {"date": "2026-12-25", "label": "Jour férié", "commission": ""}
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="admin.closedday.created")
    assert event.actor_label == user.email
    assert "label" in event.changes["after"]["fields"]
    assert audit_verify_chain().ok
