"""Gathers what an export shows: the annotations the user may see, with measured values."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from annotations import selectors
from annotations.exports.pdf import ExportItem, ExportViewport, PageBox, annotated_pdf
from annotations.models import Viewport
from dossiers.models import PlanVersion
from storage.base import iter_chunks
from storage.services import get_storage


def page_boxes(version: PlanVersion) -> dict[int, PageBox]:
    return {
        page.index: PageBox(page.width_pt, page.height_pt, page.origin_x_pt, page.origin_y_pt, page.user_unit)
        for page in version.pages.all()
    }


class StaleExport(Exception):
    """The annotations changed between the request and the build."""


def export_items(*, user: Any, version: PlanVersion, only: dict[str, int] | None = None) -> list[ExportItem]:
    """What the user sees on the version; with `only` ({id: revision}), exactly those or StaleExport."""
    scales = selectors.page_scales(version=version)
    items = []
    annotations = selectors.annotation_list(user=user, version=version)
    if only is not None:
        annotations = [a for a in annotations if only.get(str(a.id)) == a.revision]
        if len(annotations) != len(only):
            raise StaleExport
    for annotation in annotations:
        value = unit = None
        mpp = None
        if annotation.kind == "measurement":
            result, mpp = selectors.measurement_of(annotation, scales)
            value, unit = result.value, result.unit
        items.append(
            ExportItem(
                id=str(annotation.id),
                page_index=annotation.page_index,
                kind=annotation.kind,
                geometry=annotation.geometry,
                style=annotation.style or {},
                text=annotation.text,
                author=annotation.author.full_name or annotation.author.email,
                measurement_kind=annotation.measurement_kind,
                measurement_value=value,
                measurement_unit=unit or "",
                metres_per_point=mpp,
                replies=tuple((c.author.full_name or c.author.email, c.body) for c in annotation.comments.all()),
            )
        )
    return items


def build_annotated_pdf(*, user: Any, version: PlanVersion, only: dict[str, int] | None = None) -> bytes:
    """Streams the original to a temporary file (never whole in memory) and annotates it."""
    with tempfile.TemporaryDirectory(prefix="urbadesk-export-") as folder:
        source = Path(folder) / "source"
        with get_storage().open(version.storage_key) as stream, source.open("wb") as out:
            for chunk in iter_chunks(stream):
                out.write(chunk)
        viewports = [
            ExportViewport(v.page_index, tuple(v.rect), v.scale, v.label)
            for v in Viewport.objects.filter(version=version)
        ]
        return annotated_pdf(
            source,
            version.media_type,
            page_boxes(version),
            export_items(user=user, version=version, only=only),
            viewports,
        )
