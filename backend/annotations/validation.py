"""Checks an annotation's geometry against its kind and its page; returns it normalised."""

from __future__ import annotations

import math
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from config.exceptions import DomainError

POINT_KINDS = {
    "note": (1, 1),
    "line": (2, 2),
    "arrow": (2, 2),
    "polyline": (2, None),
    "polygon": (3, None),
    "cloud": (3, None),
}
MEASUREMENT_POINTS = {
    "distance": (2, 2),
    "polyline_length": (2, None),
    "perimeter": (3, None),
    "area": (3, None),
    "angle": (3, 3),
    "count": (1, None),
}
RECT_KINDS = {"rectangle", "ellipse", "text", "stamp", "highlight"}
EDGE_TOLERANCE = 0.5  # points: a click on the page border must not be refused


def _bad(message: str) -> DomainError:
    return DomainError(message, errors={"geometry": [message]})


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _bad(_("Coordinates must be numbers."))
    if not math.isfinite(value):
        raise _bad(_("Coordinates must be finite numbers (no NaN or infinity)."))
    return float(value)


def _point(raw: Any, width: float, height: float) -> list[float]:
    if not isinstance(raw, (list, tuple)) or len(raw) != 2:
        raise _bad(_("A point is a pair [x, y]."))
    x, y = _number(raw[0]), _number(raw[1])
    if not (-EDGE_TOLERANCE <= x <= width + EDGE_TOLERANCE and -EDGE_TOLERANCE <= y <= height + EDGE_TOLERANCE):
        raise _bad(_("The point (%(x).1f, %(y).1f) lies outside the page.") % {"x": x, "y": y})
    return [x, y]


def _points(raw: Any, bounds: tuple[int, int | None], width: float, height: float) -> list[list[float]]:
    if not isinstance(raw, list):
        raise _bad(_("`points` must be a list of [x, y] pairs."))
    low, high = bounds
    limit = settings.URBADESK["MAX_ANNOTATION_VERTICES"]
    if len(raw) > limit:
        raise _bad(_("Too many vertices: %(count)d; the limit is %(limit)d.") % {"count": len(raw), "limit": limit})
    if len(raw) < low or (high is not None and len(raw) > high):
        expected = str(low) if high == low else f"{low}+" if high is None else f"{low}–{high}"
        raise _bad(_("This kind needs %(expected)s points, not %(count)d.") % {"expected": expected, "count": len(raw)})
    return [_point(p, width, height) for p in raw]


def validate_geometry(
    *, kind: str, measurement_kind: str, geometry: Any, width: float, height: float
) -> dict[str, Any]:
    """The geometry, checked and normalised to floats; raises DomainError (400) if invalid."""
    if not isinstance(geometry, dict):
        raise _bad(_("`geometry` must be an object."))
    if kind == "measurement":
        if measurement_kind not in MEASUREMENT_POINTS:
            message = _("A measurement needs a measurement_kind.")
            raise DomainError(message, errors={"measurement_kind": [message]})
        points = _points(geometry.get("points"), MEASUREMENT_POINTS[measurement_kind], width, height)
        if measurement_kind == "angle" and (points[0] == points[1] or points[2] == points[1]):
            raise _bad(_("An angle needs both ends distinct from its vertex."))
        return {"points": points}
    if kind in POINT_KINDS:
        return {"points": _points(geometry.get("points"), POINT_KINDS[kind], width, height)}
    if kind in RECT_KINDS:
        rect = geometry.get("rect")
        if not isinstance(rect, list) or len(rect) != 4:
            raise _bad(_("`rect` is [x, y, width, height]."))
        x, y, w, h = (_number(v) for v in rect)
        if w <= 0 or h <= 0:
            raise _bad(_("A rectangle needs a positive width and height."))
        _point([x, y], width, height)
        _point([x + w, y + h], width, height)
        return {"rect": [x, y, w, h]}
    if kind == "ink":
        strokes = geometry.get("strokes")
        if not isinstance(strokes, list) or not strokes:
            raise _bad(_("`strokes` is a list of point lists."))
        total = sum(len(s) for s in strokes if isinstance(s, list))
        limit = settings.URBADESK["MAX_ANNOTATION_VERTICES"]
        if total > limit:
            raise _bad(_("Too many vertices: %(count)d; the limit is %(limit)d.") % {"count": total, "limit": limit})
        return {"strokes": [_points(s, (1, None), width, height) for s in strokes]}
    raise _bad(_("Unknown annotation kind."))
