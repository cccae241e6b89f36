"""Who sees which annotations, and the calibration each page's measurements use.

Whoever may see a plan version sees its annotations, except the applicant's side (the
dossier's parties), who see only remarks shared with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from annotations import geometry
from annotations.models import Annotation, Comment, PageCalibration, Viewport
from dossiers import selectors as dossier_selectors
from dossiers.models import Dossier, PlanVersion

ANNOTATOR_ROLES = {"commission_member", "desk_agent", "signing_authority"}


def is_party(user: Any, dossier: Dossier) -> bool:
    return dossier_selectors.party_dossiers(user=user).filter(pk=dossier.pk).exists()


def visible_annotations(user: Any) -> QuerySet[Annotation]:
    versions = dossier_selectors.visible_plan_versions(user)
    queryset = Annotation.objects.filter(version__in=versions)
    if getattr(user, "is_admin", False):
        return queryset
    party = Exists(dossier_selectors.party_dossiers(user=user).filter(pk=OuterRef("version__plan__dossier")))
    return queryset.filter(~party | Q(is_remark=True, visibility="shared"))


def can_annotate(user: Any, dossier: Dossier) -> bool:
    """The commission's side draws; the applicant's side answers in shared threads."""
    if user.is_admin:
        return True
    return user.role in ANNOTATOR_ROLES and not is_party(user, dossier)


# Into a plain list (`comment_list`): a prefetch kept on the manager builds a queryset per
# annotation, a fifth of a 200-annotation list's time (bench/results.md).
_COMMENTS = Prefetch("comments", queryset=Comment.objects.select_related("author"), to_attr="comment_list")


def annotation_list(
    *,
    user: Any,
    version: PlanVersion,
    page: int | None = None,
    kind: str | None = None,
    status: str | None = None,
    author: str | None = None,
    visibility: str | None = None,
    is_remark: bool | None = None,
    updated_since: datetime | None = None,
) -> QuerySet[Annotation]:
    """The version's annotations; deleted ones appear (as tombstones) only with `updated_since`."""
    queryset = (
        visible_annotations(user)
        .filter(version=version)
        .select_related("author", "carried_from")
        .prefetch_related(_COMMENTS)
    )
    if updated_since is None:
        queryset = queryset.filter(deleted_at__isnull=True)
    else:
        queryset = queryset.filter(updated_at__gt=updated_since)
    filters = {
        "page_index": page,
        "kind": kind,
        "status": status,
        "author__email": author,
        "visibility": visibility,
        "is_remark": is_remark,
    }
    return queryset.filter(**{k: v for k, v in filters.items() if v is not None}).order_by("page_index", "created_at")


def annotation_get_for_user(*, user: Any, annotation_id: Any) -> Annotation:
    annotation = (
        visible_annotations(user)
        .filter(pk=annotation_id, deleted_at__isnull=True)
        .select_related("author", "carried_from", "version__plan__dossier")
        .prefetch_related(_COMMENTS)
        .first()
    )
    if annotation is None:
        raise Http404
    return annotation


@dataclass
class PageScales:
    """Everything a page's measurements need: its calibration and its viewports."""

    metres_per_point: float | None = None
    viewports: list[tuple[geometry.Rect, float]] = field(default_factory=list)

    def for_points(self, points: list[tuple[float, float]]) -> float | None:
        for rect, mpp in self.viewports:
            if rect.contains_all(points):
                return mpp
        return self.metres_per_point


def page_scales(*, version: PlanVersion) -> dict[int, PageScales]:
    """Per page: the calibration (explicit, else the declared scale) and the viewports. Three queries."""
    scales: dict[int, PageScales] = {}
    for page in version.pages.all():
        declared = page.declared_scale or version.declared_scale
        scales[page.index] = PageScales(geometry.metres_per_point_for_scale(declared) if declared else None)
    for calibration in PageCalibration.objects.filter(version=version):
        scales.setdefault(calibration.page_index, PageScales()).metres_per_point = calibration.metres_per_point
    for viewport in Viewport.objects.filter(version=version):
        x, y, w, h = viewport.rect
        scales.setdefault(viewport.page_index, PageScales()).viewports.append(
            (geometry.Rect(x, y, w, h), geometry.metres_per_point_for_scale(viewport.scale))
        )
    return scales


def measurement_of(annotation: Annotation, scales: dict[int, PageScales]) -> tuple[geometry.Measurement, float | None]:
    """A measurement annotation's value with the scale it was taken at (its viewport's, else
    its page's); degenerate geometry stored before a check existed gives no value, not an error."""
    points = [tuple(p) for p in annotation.geometry.get("points", [])]
    page = scales.get(annotation.page_index)
    mpp = page.for_points(points) if page else None
    try:
        return geometry.measure(annotation.measurement_kind, points, mpp), mpp
    except ValueError:
        unit = geometry.UNITS[annotation.measurement_kind]
        return geometry.Measurement(annotation.measurement_kind, None, unit, "degenerate"), mpp
