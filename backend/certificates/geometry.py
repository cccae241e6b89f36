"""GeoJSON polygons in WGS 84 (longitude, latitude), checked and queried without a GIS library.

A zoning area's extent is a few hundred vertices at most and a town has a few hundred areas, so an
even-odd ray cast per area, after a bounding-box test, answers in microseconds: no spatial
database or compiled geometry engine is needed. The plane approximation (degrees as planar
coordinates) is exact enough at parcel scale; it only misjudges edges hundreds of kilometres long.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from typing import Any

Point = tuple[float, float]  # (longitude, latitude)
Ring = Sequence[Sequence[float]]

MAX_VERTICES = 50_000


class InvalidGeometry(ValueError):
    """The GeoJSON cannot be used; the message says what is wrong, for the admin who pasted it."""


def _position(value: Any, where: str) -> Point:
    if not isinstance(value, (list, tuple)) or len(value) < 2:
        raise InvalidGeometry(f"{where}: a position is [longitude, latitude].")
    lon, lat = value[0], value[1]
    if isinstance(lon, bool) or isinstance(lat, bool) or not all(isinstance(v, (int, float)) for v in (lon, lat)):
        raise InvalidGeometry(f"{where}: longitude and latitude are numbers.")
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise InvalidGeometry(f"{where}: longitude and latitude are finite numbers.")
    if not -180 <= lon <= 180:
        raise InvalidGeometry(f"{where}: longitude {lon} is outside -180…180.")
    if not -90 <= lat <= 90:
        raise InvalidGeometry(f"{where}: latitude {lat} is outside -90…90.")
    return float(lon), float(lat)


def _ring(value: Any, where: str) -> list[Point]:
    if not isinstance(value, (list, tuple)):
        raise InvalidGeometry(f"{where}: a ring is a list of positions.")
    points = [_position(p, f"{where}, position {i}") for i, p in enumerate(value)]
    if len(points) < 4:
        raise InvalidGeometry(f"{where}: a ring has at least four positions (the first repeated last).")
    if points[0] != points[-1]:
        raise InvalidGeometry(f"{where}: a ring is closed (its last position repeats its first).")
    return points


def _polygon(value: Any, where: str) -> list[list[Point]]:
    if not isinstance(value, (list, tuple)) or not value:
        raise InvalidGeometry(f"{where}: a polygon is a list of rings (the outer ring, then its holes).")
    return [_ring(ring, f"{where}, ring {i}") for i, ring in enumerate(value)]


def polygons(geometry: Any) -> list[list[list[Point]]]:
    """The polygons of a GeoJSON Polygon or MultiPolygon, each as [outer ring, *holes]; raises
    InvalidGeometry naming the first problem (type, ring not closed, coordinate out of range)."""
    if not isinstance(geometry, dict):
        raise InvalidGeometry("A GeoJSON geometry is an object with `type` and `coordinates`.")
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        found = [_polygon(coordinates, "Polygon")]
    elif kind == "MultiPolygon":
        if not isinstance(coordinates, (list, tuple)) or not coordinates:
            raise InvalidGeometry("MultiPolygon: a list of polygons.")
        found = [_polygon(p, f"MultiPolygon, polygon {i}") for i, p in enumerate(coordinates)]
    else:
        raise InvalidGeometry(f"The geometry is a Polygon or a MultiPolygon, not {kind!r}.")
    if sum(len(ring) for polygon in found for ring in polygon) > MAX_VERTICES:
        raise InvalidGeometry(f"More than {MAX_VERTICES} positions.")
    return found


def validate(geometry: Any, *, allow_multi: bool = True) -> None:
    """Raises InvalidGeometry unless `geometry` is a usable Polygon (or MultiPolygon)."""
    polygons(geometry)
    if not allow_multi and geometry.get("type") != "Polygon":
        raise InvalidGeometry("The geometry is a Polygon.")


def _in_ring(point: Point, ring: Sequence[Point]) -> bool:
    """Even-odd rule: a horizontal ray from the point crosses the ring's edges an odd number of times."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > y) != (y2 > y):
            crossing = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < crossing:
                inside = not inside
    return inside


def _on_segment(point: Point, a: Point, b: Point, tolerance: float = 1e-12) -> bool:
    (x, y), (x1, y1), (x2, y2) = point, a, b
    cross = (x - x1) * (y2 - y1) - (y - y1) * (x2 - x1)
    if abs(cross) > tolerance * max(1.0, abs(x2 - x1) + abs(y2 - y1)):
        return False
    return (
        min(x1, x2) - tolerance <= x <= max(x1, x2) + tolerance
        and min(y1, y2) - tolerance <= y <= max(y1, y2) + tolerance
    )


def _on_boundary(point: Point, ring: Sequence[Point]) -> bool:
    return any(_on_segment(point, a, b) for a, b in itertools.pairwise(ring))


def polygon_contains(polygon: Sequence[Sequence[Point]], point: Point) -> bool:
    """Inside the outer ring and in none of the holes; a point on the outer boundary counts as
    inside (a parcel on the line between two zones belongs to both), one on a hole's boundary too."""
    outer, holes = polygon[0], polygon[1:]
    if _on_boundary(point, outer):
        return True
    if not _in_ring(point, outer):
        return False
    return not any(_in_ring(point, hole) and not _on_boundary(point, hole) for hole in holes)


def bounds(geometry: Any) -> tuple[float, float, float, float]:
    """west, south, east, north of every position of the geometry."""
    xs, ys = [], []
    for polygon in polygons(geometry):
        for x, y in polygon[0]:
            xs.append(x)
            ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def contains(geometry: Any, point: Point) -> bool:
    """Whether the Polygon or MultiPolygon covers the point (lon, lat)."""
    west, south, east, north = bounds(geometry)
    x, y = point
    if not (west <= x <= east and south <= y <= north):
        return False
    return any(polygon_contains(polygon, point) for polygon in polygons(geometry))


def centroid(geometry: Any) -> Point:
    """The area-weighted centroid of a Polygon's outer ring (shoelace formula); the mean of its
    vertices when the ring has no area. What stands for a parcel drawn as an outline."""
    ring = polygons(geometry)[0][0]
    ox, oy = ring[0]  # relative to the first vertex: a small parcel far from (0, 0) keeps its digits
    area2 = cx = cy = 0.0
    for (x1, y1), (x2, y2) in itertools.pairwise((x - ox, y - oy) for x, y in ring):
        cross = x1 * y2 - x2 * y1
        area2 += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(area2) < 1e-18:
        points = ring[:-1]
        return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    return ox + cx / (3 * area2), oy + cy / (3 * area2)


def containing(areas: Iterable[tuple[Any, Any]], point: Point) -> list[Any]:
    """The keys of the (key, geometry) pairs whose geometry covers the point, in the given order."""
    return [key for key, geometry in areas if contains(geometry, point)]
