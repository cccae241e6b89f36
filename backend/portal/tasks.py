"""The refresh an administrator asks for, run by a worker."""

import dramatiq

from portal.indicators import refresh


@dramatiq.actor(queue_name="portal", max_retries=2)
def refresh_indicators() -> None:
    refresh()
