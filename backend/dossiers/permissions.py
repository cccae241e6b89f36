"""Who may write what, once the selectors have shown the object is visible.

A visible object that the user may not change is a 403 (its existence is no secret to them);
an invisible one was already a 404.
"""

from __future__ import annotations

from typing import Any

from dossiers.lifecycle import allowed_actions, is_party
from dossiers.models import BOOKABLE_STATUSES, EDITABLE_STATUSES, Dossier

CREATOR_ROLES = {"applicant", "project_author", "service", "admin"}


def can_create_dossier(user: Any) -> bool:
    return user.is_authenticated and (user.is_admin or user.role in CREATOR_ROLES)


def can_edit_dossier(user: Any, dossier: Dossier) -> bool:
    """Parties of the dossier (and administrators) change its data and plans: the applicant's
    side of the lifecycle."""
    return is_party(user, dossier)


def dossier_permissions(user: Any, dossier: Dossier) -> dict[str, Any]:
    """What the user may do with the dossier now, so clients need not copy these rules."""
    is_editor = can_edit_dossier(user, dossier)
    return {
        "can_edit": is_editor and dossier.status in EDITABLE_STATUSES,
        "can_submit": is_editor and dossier.status == "draft",
        "can_book": is_editor and dossier.status in BOOKABLE_STATUSES,
        "actions": allowed_actions(user, dossier),
    }
