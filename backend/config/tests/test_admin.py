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


def test_spa_routes_serve_the_app_but_admin_keeps_its_redirect(client, settings, tmp_path):
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<html>urbadesk</html>")
    settings.ENV = type(settings.ENV)(**{**settings.ENV.__dict__, "frontend_dist": dist})
    response = client.get("/dossiers/123")
    assert response.status_code == 200 and b"urbadesk" in b"".join(response.streaming_content)
    assert client.get("/admin").status_code == 301
    assert client.get("/api/v1/nothing/").json()["type"] == "not_found"
