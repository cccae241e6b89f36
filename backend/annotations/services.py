"""Every write on annotations, threads and calibration: atomic, audited, permission-free."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from annotations import geometry
from annotations.models import (
    Annotation,
    CalibrationMethod,
    Comment,
    PageCalibration,
    RemarkStatus,
    Viewport,
    Visibility,
)
from annotations.validation import validate_geometry
from audit.services import audit_record
from config.exceptions import Conflict, DomainError
from dossiers import selectors as dossier_selectors
from dossiers.models import PlanVersion
from dossiers.notify import parties
from notifications.services import notify

NO_SUCH_PAGE = gettext_lazy("This version has no page %(index)d.")
VERSION_NOT_READY = gettext_lazy("This version is %(status)s; only a ready version can be annotated.")
STALE_REVISION = gettext_lazy(
    "Someone changed this annotation meanwhile (revision %(current)d, you sent %(sent)d); reload it and try again."
)
NOT_A_REMARK = gettext_lazy("Only a remark has a status and a thread.")
BAD_CALIBRATION = gettext_lazy("A calibration is a declared scale, or two points and the length between them.")
EDITABLE_FIELDS = ("geometry", "style", "text", "status", "visibility", "measurement_kind")


class StaleRevision(Conflict):
    error_type = "stale_revision"


def ensure_ready(version: PlanVersion) -> None:
    """Only a ready version (analysed, with its pages) is annotated or exported."""
    if version.status != "ready":
        raise Conflict(str(VERSION_NOT_READY) % {"status": version.get_status_display()})


def _page(version: PlanVersion, index: int):
    ensure_ready(version)
    page = dossier_selectors.page_get(version=version, index=index)
    if page is None:
        message = str(NO_SUCH_PAGE) % {"index": index}
        raise DomainError(message, errors={"page_index": [message]})
    return page


def _summary(annotation: Annotation) -> dict[str, Any]:
    return {
        "page": annotation.page_index,
        "kind": annotation.kind,
        "measurement_kind": annotation.measurement_kind,
        "status": annotation.status,
        "visibility": annotation.visibility,
        "revision": annotation.revision,
    }


def _audit(actor: Any, action: str, annotation: Annotation, **changes: Any) -> None:
    audit_record(
        actor=actor,
        action=action,
        object_type="annotation",
        object_id=annotation.id,
        dossier_id=annotation.version.plan.dossier_id,
        **changes,
    )


def _tell_parties(actor: Any, annotation: Annotation) -> None:
    """A remark shared with the applicant's side: they hear of it (the app knows no domain)."""
    dossier = annotation.version.plan.dossier
    notify(
        event="remark.shared",
        recipients=parties(dossier),
        context={
            "reference": dossier.reference,
            "author": actor.full_name or actor.email,
            "text": annotation.text[:300],
        },
        url=f"/plan-versions/{annotation.version_id}?page={annotation.page_index}",
        dossier_id=dossier.id,
        exclude=actor,
    )


@transaction.atomic
def annotation_create(
    *,
    actor: Any,
    version: PlanVersion,
    page_index: int,
    kind: str,
    geometry: dict[str, Any],
    style: dict[str, Any] | None = None,
    text: str = "",
    measurement_kind: str = "",
    is_remark: bool = False,
    visibility: str = "internal",
) -> Annotation:
    page = _page(version, page_index)
    annotation = Annotation(
        version=version,
        page_index=page_index,
        kind=kind,
        style=style or {},
        text=text,
        measurement_kind=measurement_kind if kind == "measurement" else "",
        is_remark=is_remark,
        status=RemarkStatus.OPEN if is_remark else "",
        visibility=visibility,
        author=actor,
        geometry=validate_geometry(
            kind=kind, measurement_kind=measurement_kind, geometry=geometry, width=page.width_pt, height=page.height_pt
        ),
    )
    annotation.full_clean()
    annotation.save()
    _audit(actor, "annotation.created", annotation, after=_summary(annotation))
    if annotation.is_remark and annotation.visibility == Visibility.SHARED:
        _tell_parties(actor, annotation)
    return annotation


@transaction.atomic
def annotation_update(*, actor: Any, annotation: Annotation, revision: int, **fields: Any) -> Annotation:
    """Change an annotation if `revision` is still the current one; otherwise 409, nothing lost."""
    locked = Annotation.objects.select_for_update().select_related("version__plan").get(pk=annotation.pk)
    if locked.revision != revision:
        raise StaleRevision(str(STALE_REVISION) % {"current": locked.revision, "sent": revision})
    before = _summary(locked)
    newly_shared = locked.is_remark and locked.visibility != Visibility.SHARED and fields.get("visibility") == "shared"
    if "status" in fields and not locked.is_remark:
        raise DomainError(str(NOT_A_REMARK), errors={"status": [str(NOT_A_REMARK)]})
    for name in EDITABLE_FIELDS:
        if name in fields:
            setattr(locked, name, fields[name])
    if "geometry" in fields or "measurement_kind" in fields:
        page = _page(locked.version, locked.page_index)
        locked.geometry = validate_geometry(
            kind=locked.kind,
            measurement_kind=locked.measurement_kind,
            geometry=locked.geometry,
            width=page.width_pt,
            height=page.height_pt,
        )
    locked.revision += 1
    locked.full_clean()
    locked.save()
    _audit(actor, "annotation.updated", locked, before=before, after=_summary(locked))
    if newly_shared:
        _tell_parties(actor, locked)
    return locked


@transaction.atomic
def annotation_delete(*, actor: Any, annotation: Annotation, revision: int) -> Annotation:
    locked = Annotation.objects.select_for_update().select_related("version__plan").get(pk=annotation.pk)
    if locked.revision != revision:
        raise StaleRevision(str(STALE_REVISION) % {"current": locked.revision, "sent": revision})
    locked.deleted_at = timezone.now()
    locked.revision += 1
    locked.save(update_fields=["deleted_at", "revision", "updated_at"])
    _audit(actor, "annotation.deleted", locked, before=_summary(locked))
    return locked


@transaction.atomic
def comment_add(*, actor: Any, annotation: Annotation, body: str) -> Comment:
    if not annotation.is_remark:
        raise DomainError(str(NOT_A_REMARK))
    comment = Comment.objects.create(annotation=annotation, author=actor, body=body)
    # A new reply is a change of the remark: pollers using updated_since must see it.
    Annotation.objects.filter(pk=annotation.pk).update(updated_at=timezone.now())
    _audit(actor, "annotation.commented", annotation, after={"comment": str(comment.id)})
    return comment


def _touch_measurements(version: PlanVersion, page_index: int) -> None:
    """A new scale changes the page's measured values without a new revision: marking them
    changed lets open viewers polling with `updated_since` read them again."""
    Annotation.objects.filter(version=version, page_index=page_index, kind="measurement").update(
        updated_at=timezone.now()
    )


@transaction.atomic
def calibration_set(
    *,
    actor: Any,
    version: PlanVersion,
    page_index: int,
    scale: int | None = None,
    points: list[list[float]] | None = None,
    known_length_m: float | None = None,
) -> PageCalibration:
    """Calibrate a page from a declared scale or from two points on a known length."""
    page = _page(version, page_index)
    if scale is not None and points is None:
        method, mpp = CalibrationMethod.DECLARED_SCALE, geometry.metres_per_point_for_scale(scale)
    elif scale is None and points is not None and known_length_m is not None:
        normalised = validate_geometry(
            kind="measurement",
            measurement_kind="distance",
            geometry={"points": points},
            width=page.width_pt,
            height=page.height_pt,
        )["points"]
        try:
            mpp = geometry.metres_per_point_from_two_points(tuple(normalised[0]), tuple(normalised[1]), known_length_m)
        except ValueError as exc:
            raise DomainError(str(exc), errors={"points": [str(exc)]}) from exc
        method, points = CalibrationMethod.TWO_POINTS, normalised
    else:
        raise DomainError(str(BAD_CALIBRATION), errors={"non_field_errors": [str(BAD_CALIBRATION)]})
    calibration, _created = PageCalibration.objects.update_or_create(
        version=version,
        page_index=page_index,
        defaults={
            "method": method,
            "metres_per_point": mpp,
            "scale": scale,
            "points": points,
            "known_length_m": known_length_m,
            "calibrated_by": actor,
        },
    )
    audit_record(
        actor=actor,
        action="page.calibrated",
        object_type="plan_version",
        object_id=version.id,
        dossier_id=version.plan.dossier_id,
        after={
            "page": page_index,
            "method": method,
            "scale": scale,
            "points": points,
            "known_length_m": known_length_m,
            "metres_per_point": mpp,
        },
    )
    _touch_measurements(version, page_index)
    return calibration


@transaction.atomic
def viewport_add(
    *, actor: Any, version: PlanVersion, page_index: int, rect: list[float], scale: int, label: str = ""
) -> Viewport:
    page = _page(version, page_index)
    normalised = validate_geometry(
        kind="rectangle", measurement_kind="", geometry={"rect": rect}, width=page.width_pt, height=page.height_pt
    )["rect"]
    viewport = Viewport.objects.create(
        version=version, page_index=page_index, rect=normalised, scale=scale, label=label, created_by=actor
    )
    audit_record(
        actor=actor,
        action="page.viewport_added",
        object_type="plan_version",
        object_id=version.id,
        dossier_id=version.plan.dossier_id,
        after={"page": page_index, "rect": normalised, "scale": scale},
    )
    _touch_measurements(version, page_index)
    return viewport


@transaction.atomic
def remarks_carry_forward(*, version: PlanVersion) -> int:
    """Copy the open remarks of the plan's previous version onto this one, linked to them.

    Runs when a version becomes ready; a remark whose page the new version lacks stays behind.
    Running it twice copies nothing twice.
    """
    previous = dossier_selectors.previous_version(version=version)
    if previous is None:
        return 0
    pages = set(version.pages.values_list("index", flat=True))
    already = set(Annotation.objects.filter(version=version).values_list("carried_from_id", flat=True))
    carried = 0
    for remark in Annotation.objects.filter(
        version=previous, is_remark=True, status=RemarkStatus.OPEN, deleted_at__isnull=True
    ):
        if remark.pk in already or remark.page_index not in pages:
            continue
        copy = Annotation.objects.create(
            version=version,
            page_index=remark.page_index,
            kind=remark.kind,
            geometry=remark.geometry,
            style=remark.style,
            text=remark.text,
            measurement_kind=remark.measurement_kind,
            is_remark=True,
            status=RemarkStatus.OPEN,
            visibility=remark.visibility,
            author=remark.author,
            carried_from=remark,
        )
        carried += 1
        audit_record(
            actor=None,
            action="annotation.carried_forward",
            object_type="annotation",
            object_id=copy.id,
            dossier_id=version.plan.dossier_id,
            after={"from": str(remark.id), "version": version.number},
        )
    return carried


XFDF_TOO_MANY = gettext_lazy("An import holds at most %(limit)d annotations.")
XFDF_IMPORT_LIMIT = 5000
SCALE_TOLERANCE = 0.005  # a desktop scale within 0.5 % of ours gives the same figures


@dataclass(frozen=True)
class XfdfImport:
    created: list[Annotation]
    replies: int  # replies added to threads
    skipped: int  # markups Urbadesk does not draw, and replies whose markup is neither imported nor here
    scale_mismatches: int  # imported measurements the desktop tool took at another scale than ours


def _reply_parents(version: PlanVersion, names: set[str], created: dict[str, Annotation]) -> dict[str, Annotation]:
    """Each reply's markup: one imported with it, or a remark already on this version (a reply
    exported from Urbadesk and answered in a desktop tool names the remark's id)."""
    existing = {n for n in names - created.keys() if _is_uuid(n)}
    parents = dict(created)
    for remark in Annotation.objects.filter(version=version, pk__in=existing, is_remark=True, deleted_at=None):
        parents[str(remark.pk)] = remark
    return parents


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _scale_differs(annotation: Annotation, theirs: float | None, scales: dict) -> bool:
    if theirs is None:
        return False
    from annotations.selectors import measurement_of

    _, ours = measurement_of(annotation, scales)
    return ours is None or abs(theirs - ours) > SCALE_TOLERANCE * ours


@transaction.atomic
def annotations_import_xfdf(*, actor: Any, version: PlanVersion, data: bytes) -> XfdfImport:
    """Create the markups of an XFDF document and their threads: all of them, or none if one is
    invalid. A markup with replies becomes a remark (internal) so its thread has a home; replies
    keep their desktop author's name in front of the text, the importer being the comment's author."""
    from annotations.exports.collect import page_boxes
    from annotations.exports.xfdf import XfdfError, parse_xfdf
    from annotations.selectors import page_scales

    ensure_ready(version)
    try:
        parsed = parse_xfdf(data, page_boxes(version))
    except XfdfError as exc:
        raise DomainError(str(exc), errors={"xfdf": [str(exc)]}) from exc
    if len(parsed.annotations) + len(parsed.replies) > XFDF_IMPORT_LIMIT:
        message = str(XFDF_TOO_MANY) % {"limit": XFDF_IMPORT_LIMIT}
        raise DomainError(message, errors={"xfdf": [message]})
    # A reply to a reply belongs to the thread of the markup at the root of the chain.
    reply_parent = {reply.name: reply.parent for reply in parsed.replies if reply.name}

    def root(name: str) -> str:
        seen: set[str] = set()
        while name in reply_parent and name not in seen:
            seen.add(name)
            name = reply_parent[name]
        return name

    threaded = {root(reply.parent) for reply in parsed.replies}
    created: dict[str, Annotation] = {}
    made: list[Annotation] = []
    scales = page_scales(version=version)
    mismatches = 0
    for item in parsed.annotations:
        annotation = annotation_create(
            actor=actor,
            version=version,
            page_index=item.page_index,
            kind=item.kind,
            measurement_kind=item.measurement_kind,
            geometry=item.geometry,
            style=item.style,
            text=item.text,
            is_remark=bool(item.name) and item.name in threaded,
        )
        made.append(annotation)
        created.setdefault(item.name or str(annotation.pk), annotation)  # replies go to the first of a name
        mismatches += _scale_differs(annotation, item.metres_per_point, scales)
    parents = _reply_parents(version, threaded, created)
    replies = skipped = 0
    for reply in parsed.replies:
        parent = parents.get(root(reply.parent))
        if parent is None or not reply.body:
            skipped += 1
            continue
        body = f"{reply.author} : {reply.body}" if reply.author else reply.body
        comment_add(actor=actor, annotation=parent, body=body)
        replies += 1
    return XfdfImport(made, replies, parsed.skipped + skipped, mismatches)
