"""Workers' entry points for dossiers: ids in, idempotent, they call services."""

from __future__ import annotations

import io
import logging
import tempfile
from pathlib import Path

import dramatiq
from django.conf import settings
from django.utils.translation import gettext_lazy

from dossiers import keys, sheets
from dossiers.analysis import PDF, FileRefused, inspect_file, render_thumbnails
from dossiers.models import PlanVersion, VersionStatus
from dossiers.services import plan_version_mark_ready, plan_version_mark_rejected
from storage.base import iter_chunks
from storage.services import get_storage

logger = logging.getLogger(__name__)

ANALYSIS_FAILED = gettext_lazy(
    "The file could not be analysed, although it was tried several times. Send it again; if that "
    "fails too, export the plan again to a plain PDF."
)


# Backoff from 2 s doubling: eight tries span about eight minutes, long enough for a store or a
# database to come back, then the version is rejected rather than left `processing` for ever.
@dramatiq.actor(
    queue_name="analysis",
    max_retries=8,
    min_backoff=2_000,
    max_backoff=5 * 60_000,
    time_limit=10 * 60_000,
    on_retry_exhausted="analysis_gave_up",
)
def analyse_plan_version(version_id: str) -> None:
    """Describe the pages of a stored version and make its thumbnails, then mark it ready.

    Runs again safely: a version that is no longer `processing` is left alone, and the
    thumbnails' keys are fixed by the version, so a retry overwrites the same objects.
    """
    version = PlanVersion.objects.filter(pk=version_id).first()
    if version is None or version.status != VersionStatus.PROCESSING:
        return
    storage = get_storage()
    limits = settings.URBADESK
    with tempfile.TemporaryDirectory(prefix="urbadesk-analysis-") as folder:
        path = Path(folder) / "source"
        with storage.open(version.storage_key) as source, path.open("wb") as out:
            for chunk in iter_chunks(source):
                out.write(chunk)
        try:
            with path.open("rb") as handle:
                facts = inspect_file(handle, max_pages=limits["MAX_PDF_PAGES"], max_pixels=limits["MAX_IMAGE_PIXELS"])
            thumbnails: dict[int, tuple[str, int, int]] = {}
            looks: dict[int, str] = {}
            for index, png, width, height in render_thumbnails(
                path, facts, size=limits["THUMBNAIL_SIZE"], max_pixels=limits["MAX_IMAGE_PIXELS"]
            ):
                key = keys.thumbnail_key(version_key=version.storage_key, page_index=index)
                storage.put(key, io.BytesIO(png), size=len(png), content_type="image/png")
                thumbnails[index] = (key, width, height)
                looks[index] = sheets.fingerprint(png)
            texts = sheets.read_sheet_text(path) if facts.media_type == PDF else {}
        except FileRefused as refused:
            plan_version_mark_rejected(version_id=version.pk, reason=str(refused))
            return
    identities = {index: sheets.sheet_identity(text) for index, text in texts.items()}
    plan_version_mark_ready(
        version_id=version.pk,
        facts=facts,
        thumbnails=thumbnails,
        sheets={
            page.index: sheets.Sheet(page.index, *identities.get(page.index, ("", "")), looks.get(page.index, ""))
            for page in facts.pages
        },
    )


@dramatiq.actor(queue_name="analysis", max_retries=5)
def analysis_gave_up(message: dict, retries: dict) -> None:
    """Every try of an analysis failed (an error, not a refusal of the file): tell the uploader."""
    version_id = message["args"][0]
    logger.error("analysis of plan version %s failed %s times; rejecting it", version_id, retries.get("retries"))
    plan_version_mark_rejected(version_id=version_id, reason=str(ANALYSIS_FAILED))


def recover_unfinished_analyses() -> int:
    """Re-enqueue versions still `processing` (the embedded broker forgets jobs on restart)."""
    ids = list(PlanVersion.objects.filter(status=VersionStatus.PROCESSING).values_list("pk", flat=True))
    for version_id in ids:
        analyse_plan_version.send(str(version_id))
    return len(ids)
