"""Worker entry points for annotations: ids in, idempotent."""

import dramatiq

from annotations.exports.cache import export_build


@dramatiq.actor(queue_name="exports", max_retries=2, min_backoff=2_000, time_limit=20 * 60_000)
def build_annotated_export(export_id: str) -> None:
    export_build(export_id=export_id)
