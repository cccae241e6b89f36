"""Every URL Django routes, includes flattened: for the tests that must see all endpoints."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.urls import URLResolver, get_resolver


def routed(patterns: Iterable[Any] | None = None, prefix: str = "") -> Iterator[tuple[str, Callable]]:
    """(route, view callable) of each URL pattern, e.g. ("api/v1/dossiers/<uuid:dossier_id>/", view)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from routed(pattern.url_patterns, route)
        else:
            yield route, pattern.callback
