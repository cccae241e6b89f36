"""Reactions to what dossiers announces."""

from typing import Any

from django.dispatch import receiver

from annotations.services import remarks_carry_forward
from dossiers.signals import plan_version_ready


@receiver(plan_version_ready, dispatch_uid="annotations.carry_remarks_forward")
def carry_remarks_forward(sender: Any, version: Any, **kwargs: Any) -> None:
    remarks_carry_forward(version=version)
