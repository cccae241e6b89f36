"""The demo data: one dossier per stage a visitor can try, made once however often it runs."""

import io

import pytest
from django.core.management import call_command

from dossiers.models import Decision, Dossier

pytestmark = pytest.mark.django_db


def test_the_demo_holds_a_draft_a_submitted_and_a_granted_dossier_once():
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    statuses = sorted(Dossier.objects.values_list("status", flat=True))
    assert statuses == ["decision", "draft", "submitted", "under_review"]
    decided = Dossier.objects.get(status="decision")
    assert Decision.objects.get(dossier=decided).value == "granted_with_conditions"
    assert decided.plans.get().versions.get().status == "ready"
    allotment = Dossier.objects.get(procedure_type="PL")
    (inquiry,) = allotment.inquiries.all()
    assert inquiry.public_versions.count() == 1
