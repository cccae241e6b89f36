"""Page geometry and measurements: the one place where the formulas live.

Coordinates are PDF points of the *unrotated* page, origin at the top-left corner of the
page's visible box, x to the right, y down (DESIGN.md, "Annotation geometry"). A point is a
pair `[x, y]`. Lengths come out in metres, areas in square metres, angles in degrees; the
SPA computes the same values with the same formulas, and `testvectors/measurements.json`
proves both sides agree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

Point = tuple[float, float]

INCH_IN_METRES = 0.0254
POINTS_PER_INCH = 72.0


def metres_per_point_for_scale(denominator: float) -> float:
    """1:100 → 0.0254 / 72 × 100 metres on the ground per point on paper."""
    if denominator <= 0:
        raise ValueError("the scale denominator must be positive")
    return INCH_IN_METRES / POINTS_PER_INCH * denominator


def metres_per_point_from_two_points(a: Point, b: Point, known_length_m: float) -> float:
    """Calibration from two points drawn on a length the user knows (e.g. a 5 m dimension line)."""
    span = distance_points(a, b)
    if span <= 0:
        raise ValueError("the two calibration points must differ")
    if known_length_m <= 0 or not math.isfinite(known_length_m):
        raise ValueError("the known length must be a positive number of metres")
    return known_length_m / span


def distance_points(a: Point, b: Point) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def polyline_length_points(points: Sequence[Point], *, closed: bool = False) -> float:
    total = sum(distance_points(points[i], points[i + 1]) for i in range(len(points) - 1))
    if closed and len(points) > 2:
        total += distance_points(points[-1], points[0])
    return total


def polygon_area_points(points: Sequence[Point]) -> float:
    """Shoelace formula; the absolute value, so the winding order does not matter.

    Coordinates are taken relative to the first vertex: far from the page origin the plain
    formula subtracts large, nearly equal products and loses digits.
    """
    n = len(points)
    if n < 3:
        return 0.0
    ox, oy = points[0]
    rel = [(x - ox, y - oy) for x, y in points]
    twice = sum(rel[i][0] * rel[(i + 1) % n][1] - rel[(i + 1) % n][0] * rel[i][1] for i in range(n))
    return abs(twice) / 2.0


def angle_degrees(a: Point, vertex: Point, b: Point) -> float:
    """The angle at `vertex` between the rays to `a` and `b`, 0–180°."""
    ax, ay = a[0] - vertex[0], a[1] - vertex[1]
    bx, by = b[0] - vertex[0], b[1] - vertex[1]
    if (ax == 0 and ay == 0) or (bx == 0 and by == 0):
        raise ValueError("an angle needs two points distinct from its vertex")
    return math.degrees(abs(math.atan2(ax * by - ay * bx, ax * bx + ay * by)))


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle in page points (x, y of its top-left corner, then size)."""

    x: float
    y: float
    width: float
    height: float

    def contains(self, point: Point) -> bool:
        return self.x <= point[0] <= self.x + self.width and self.y <= point[1] <= self.y + self.height

    def contains_all(self, points: Sequence[Point]) -> bool:
        return all(self.contains(p) for p in points)


def rect_corners(rect: Rect) -> list[Point]:
    return [
        (rect.x, rect.y),
        (rect.x + rect.width, rect.y),
        (rect.x + rect.width, rect.y + rect.height),
        (rect.x, rect.y + rect.height),
    ]


def ellipse_area_points(rect: Rect) -> float:
    return math.pi * rect.width / 2 * rect.height / 2


def ellipse_perimeter_points(rect: Rect) -> float:
    """Ramanujan's second approximation (error below 1e-9 for plan-like ellipses)."""
    a, b = rect.width / 2, rect.height / 2
    if a + b == 0:
        return 0.0
    h = ((a - b) ** 2) / ((a + b) ** 2)
    return math.pi * (a + b) * (1 + 3 * h / (10 + math.sqrt(4 - 3 * h)))


# --- measurements ---------------------------------------------------------------------

MEASUREMENT_KINDS = ("distance", "polyline_length", "perimeter", "area", "angle", "count")
UNITS = {"distance": "m", "polyline_length": "m", "perimeter": "m", "area": "m2", "angle": "deg", "count": "count"}


@dataclass(frozen=True)
class Measurement:
    kind: str
    value: float | None
    unit: str
    reason: str = ""  # why there is no value (e.g. the page is not calibrated)


def measure(kind: str, points: Sequence[Point], metres_per_point: float | None) -> Measurement:
    """The value of a measurement; lengths and areas need a calibration, angles and counts do not."""
    unit = UNITS[kind]
    if kind == "angle":
        if len(points) != 3:
            raise ValueError("an angle is measured on three points: one end, the vertex, the other end")
        return Measurement(kind, angle_degrees(points[0], points[1], points[2]), unit)
    if kind == "count":
        return Measurement(kind, float(len(points)), unit)
    if metres_per_point is None:
        return Measurement(kind, None, unit, "uncalibrated")
    if kind == "distance":
        if len(points) != 2:
            raise ValueError("a distance is measured between two points")
        return Measurement(kind, distance_points(points[0], points[1]) * metres_per_point, unit)
    if kind == "polyline_length":
        return Measurement(kind, polyline_length_points(points) * metres_per_point, unit)
    if kind == "perimeter":
        return Measurement(kind, polyline_length_points(points, closed=True) * metres_per_point, unit)
    if kind == "area":
        return Measurement(kind, polygon_area_points(points) * metres_per_point**2, unit)
    raise ValueError(f"unknown measurement kind {kind!r}")


def rotate_point(point: Point, rotation: int, width: float, height: float) -> Point:
    """Where a page point (unrotated, top-left origin) appears once the page is shown rotated
    clockwise by `rotation` degrees; `width`/`height` are the unrotated page's size."""
    x, y = point
    if rotation == 0:
        return (x, y)
    if rotation == 90:
        return (height - y, x)
    if rotation == 180:
        return (width - x, height - y)
    if rotation == 270:
        return (y, width - x)
    raise ValueError("rotation must be 0, 90, 180 or 270")


def to_pdf_user_space(point: Point, *, height: float, origin_x: float = 0.0, origin_y: float = 0.0) -> Point:
    """Page point (top-left origin, y down) → PDF user space (bottom-left origin, y up)."""
    return (origin_x + point[0], origin_y + height - point[1])
