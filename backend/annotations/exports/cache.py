"""Annotated PDFs built once per content: small ones in the request, large ones by a worker."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from annotations import selectors
from annotations.exports.collect import build_annotated_pdf
from annotations.models import AnnotatedExport, ExportStatus, PageCalibration, Viewport
from dossiers.models import PlanVersion
from storage.services import get_storage

FORMAT_VERSION = "annotated-pdf-1"  # bump when the exporter's output changes
SYNC_MAX_ANNOTATIONS = 300
SYNC_MAX_PAGES = 20


def export_fingerprint(*, user: Any, version: PlanVersion) -> tuple[str, dict[str, int]]:
    """(fingerprint of what the user's export would contain, its annotations {id: revision})."""
    annotations = list(
        selectors.visible_annotations(user)
        .filter(version=version, deleted_at__isnull=True)
        .order_by("id")
        .values_list("id", "revision", "updated_at")
    )
    calibrations = list(
        PageCalibration.objects.filter(version=version)
        .order_by("page_index")
        .values_list("page_index", "metres_per_point")
    )
    viewports = list(
        Viewport.objects.filter(version=version).order_by("id").values_list("id", "rect", "scale", "label")
    )
    payload = json.dumps([FORMAT_VERSION, version.sha256, annotations, calibrations, viewports], default=str)
    return hashlib.sha256(payload.encode()).hexdigest(), {str(a[0]): a[1] for a in annotations}


def export_build(*, export_id: Any) -> AnnotatedExport | None:
    """Build and store one export; idempotent (a ready export is left alone)."""
    export = AnnotatedExport.objects.select_related("version__plan", "requested_by").filter(pk=export_id).first()
    if export is None or export.status == ExportStatus.READY:
        return export
    version = export.version
    key = (
        f"dossiers/{version.plan.dossier_id}/plans/{version.plan_id}/v{version.number}/"
        f"exports/annotated-{export.fingerprint}.pdf"
    )
    try:
        # Exactly the annotations the fingerprint covers: a build never shows more than the
        # requester could see when asking (nor anything drawn since).
        pdf = build_annotated_pdf(user=export.requested_by, version=version, only=export.contents)
        get_storage().put(key, io.BytesIO(pdf), size=len(pdf), content_type="application/pdf")
    except Exception as exc:  # recorded for the user; the next request starts again
        AnnotatedExport.objects.filter(pk=export.pk).update(
            status=ExportStatus.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000], finished_at=timezone.now()
        )
        raise
    AnnotatedExport.objects.filter(pk=export.pk).update(
        status=ExportStatus.READY, storage_key=key, size=len(pdf), finished_at=timezone.now()
    )
    export.refresh_from_db()
    return export


def annotated_export(*, user: Any, version: PlanVersion) -> AnnotatedExport:
    """The export of what `user` sees on `version`: found by content, or started now."""
    fingerprint, contents = export_fingerprint(user=user, version=version)
    existing = AnnotatedExport.objects.filter(version=version, fingerprint=fingerprint).first()
    if existing is not None and existing.status != ExportStatus.FAILED:
        return existing
    if existing is not None:
        existing.delete()
    try:
        with transaction.atomic():
            export = AnnotatedExport.objects.create(
                version=version, fingerprint=fingerprint, contents=contents, requested_by=user
            )
    except IntegrityError:  # another request started the same export
        return AnnotatedExport.objects.get(version=version, fingerprint=fingerprint)
    if len(contents) <= SYNC_MAX_ANNOTATIONS and (version.page_count or 0) <= SYNC_MAX_PAGES:
        # On failure the export row says FAILED and why; the view reports it.
        with contextlib.suppress(Exception):
            export_build(export_id=export.pk)
        export.refresh_from_db()
    else:
        from annotations.tasks import build_annotated_export

        transaction.on_commit(lambda: build_annotated_export.send(str(export.pk)))
    return export
