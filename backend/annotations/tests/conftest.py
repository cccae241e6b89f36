from dataclasses import dataclass

import pytest

from accounts.models import Role, User
from accounts.tests.factories import UserFactory
from dossiers import services as dossier_services
from dossiers.models import Page, PlanVersion
from dossiers.samples import A1_LANDSCAPE_MM, MM_TO_PT
from dossiers.tests.factories import PlanFactory

A1_W, A1_H = A1_LANDSCAPE_MM[0] * MM_TO_PT, A1_LANDSCAPE_MM[1] * MM_TO_PT


def ready_version(plan, *, number: int = 1, pages: int = 2, rotation: int = 0, scale: int | None = 100) -> PlanVersion:
    version = PlanVersion.objects.create(
        plan=plan,
        number=number,
        status="ready",
        storage_key=f"k/{plan.pk}/v{number}.pdf",
        sha256="0" * 64,
        size=1000,
        media_type="application/pdf",
        original_filename="plan.pdf",
        page_count=pages,
        declared_scale=scale,
        uploaded_by=plan.dossier.created_by,
    )
    for index in range(1, pages + 1):
        Page.objects.create(
            version=version, index=index, width_pt=A1_W, height_pt=A1_H, rotation=rotation, declared_scale=scale
        )
    return version


@dataclass
class World:
    version: PlanVersion
    member: User
    applicant: User


@pytest.fixture
def world(db) -> World:
    plan = PlanFactory()
    member = UserFactory(role=Role.COMMISSION_MEMBER)
    dossier_services.dossier_access_grant(actor=None, dossier=plan.dossier, user=member, reason="review")
    return World(ready_version(plan), member, plan.dossier.created_by)
