"""The object-key scheme of DESIGN.md, in one place."""

from __future__ import annotations

import uuid

EXTENSIONS = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", "image/tiff": "tif"}


def version_key(*, dossier_id: uuid.UUID, plan_id: uuid.UUID, number: int, sha256: str, media_type: str) -> str:
    return f"dossiers/{dossier_id}/plans/{plan_id}/v{number}/{sha256}.{EXTENSIONS[media_type]}"


def observation_attachment_key(*, inquiry_id: uuid.UUID, observation_id: uuid.UUID, index: int, media_type: str) -> str:
    """Ends with the checked type's extension, so a download is saved as that type whatever its name."""
    return f"inquiries/{inquiry_id}/{observation_id}/{index}.{EXTENSIONS[media_type]}"


def thumbnail_key(*, version_key: str, page_index: int) -> str:
    folder = version_key.rsplit("/", 1)[0]
    return f"{folder}/thumbnails/page-{page_index}.png"


def staging_key(*, upload_id: uuid.UUID) -> str:
    return f"uploads/{upload_id}"
