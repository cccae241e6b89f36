"""Point in polygon (with holes), the checks of pasted GeoJSON, and the centroid: properties that
hold for any shape, and the edge cases an administrator's drawing meets."""

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from certificates import geometry
from certificates.tests.factories import square

lon = st.floats(min_value=-160, max_value=160, allow_nan=False)  # room for the shapes drawn from it
lat = st.floats(min_value=-70, max_value=70, allow_nan=False)
side = st.floats(min_value=1e-4, max_value=5, allow_nan=False)
fraction = st.floats(min_value=0.01, max_value=0.99)


def polygon(*rings):
    return {"type": "Polygon", "coordinates": [list(r) for r in rings]}


def regular(cx: float, cy: float, radius: float, sides: int) -> list[list[float]]:
    ring = [
        [cx + radius * math.cos(2 * math.pi * k / sides), cy + radius * math.sin(2 * math.pi * k / sides)]
        for k in range(sides)
    ]
    return [*ring, ring[0]]


@given(lon, lat, side, fraction, fraction)
def test_a_point_strictly_inside_a_square_is_inside(west, south, size, fx, fy):
    area = polygon(square(west, south, size))
    assert geometry.contains(area, (west + fx * size, south + fy * size))


@given(lon, lat, side, st.floats(min_value=1.01, max_value=3), fraction)
def test_a_point_beyond_a_square_is_outside(west, south, size, beyond, fy):
    area = polygon(square(west, south, size))
    assert not geometry.contains(area, (west + beyond * size, south + fy * size))
    assert not geometry.contains(area, (west + fy * size, south - (beyond - 1) * size - 1e-6))


@given(lon, lat, side, fraction, fraction, st.booleans(), st.integers(min_value=0, max_value=3))
def test_the_answer_does_not_depend_on_the_rings_direction_or_first_vertex(west, south, size, fx, fy, reverse, start):
    ring = square(west, south, size)[:-1]
    ring = ring[start:] + ring[:start]
    if reverse:
        ring = ring[::-1]
    point = (west + fx * 1.5 * size, south + fy * size)
    expected = geometry.contains(polygon(square(west, south, size)), point)
    assert geometry.contains(polygon([*ring, ring[0]]), point) == expected


@given(lon, lat, side, fraction, fraction)
def test_a_hole_is_outside_and_the_ring_around_it_inside(west, south, size, fx, fy):
    outer = square(west, south, 3 * size)
    hole = square(west + size, south + size, size)
    area = polygon(outer, hole)
    in_hole = (west + size + fx * size, south + size + fy * size)
    in_ring = (west + fx * size * 0.99, south + fy * 3 * size)
    assert not geometry.contains(area, in_hole)
    assert geometry.contains(area, in_ring)


@given(st.floats(min_value=-100, max_value=100), st.floats(min_value=-60, max_value=60), st.integers(3, 40))
def test_a_regular_polygon_holds_its_centre_and_not_far_points(cx, cy, sides):
    area = polygon(regular(cx, cy, 0.5, sides))
    assert geometry.contains(area, (cx, cy))
    assert not geometry.contains(area, (cx + 0.6, cy))
    assert not geometry.contains(area, (cx, cy - 0.6))


@given(lon, lat, side, fraction, fraction, st.floats(min_value=-5, max_value=5), st.floats(min_value=-5, max_value=5))
def test_moving_the_area_and_the_point_together_keeps_the_answer(west, south, size, fx, fy, dx, dy):
    point = (west + (fx * 2 - 0.5) * size, south + fy * size)
    before = geometry.contains(polygon(square(west, south, size)), point)
    moved = geometry.contains(polygon(square(west + dx, south + dy, size)), (point[0] + dx, point[1] + dy))
    assume(abs(point[0] - west) > 1e-6 and abs(point[0] - west - size) > 1e-6)  # not on an edge, rounded
    assert moved == before


@given(lon, lat, side, side)
def test_the_centroid_of_a_rectangle_is_its_centre(west, south, width, height):
    ring = [[west, south], [west + width, south], [west + width, south + height], [west, south + height]]
    x, y = geometry.centroid(polygon([*ring, ring[0]]))
    assert math.isclose(x, west + width / 2, abs_tol=1e-7) and math.isclose(y, south + height / 2, abs_tol=1e-7)


def test_a_multipolygon_covers_each_of_its_parts():
    area = {"type": "MultiPolygon", "coordinates": [[square(0, 0, 1)], [square(5, 5, 1)]]}
    assert geometry.contains(area, (0.5, 0.5)) and geometry.contains(area, (5.5, 5.5))
    assert not geometry.contains(area, (3, 3))


def test_a_point_on_the_boundary_belongs_to_the_area():
    area = polygon(square(0, 0, 1))
    assert geometry.contains(area, (0, 0.5)) and geometry.contains(area, (1, 1))


def test_a_concave_area_leaves_its_notch_out():
    notched = [[0, 0], [4, 0], [4, 4], [2, 1], [0, 4], [0, 0]]
    assert geometry.contains(polygon(notched), (1, 1)) and geometry.contains(polygon(notched), (3, 1))
    assert not geometry.contains(polygon(notched), (2, 3))


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ({"type": "Point", "coordinates": [0, 0]}, "Polygon or a MultiPolygon"),
        ([[0, 0]], "GeoJSON geometry is an object"),
        ({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}, "closed"),
        ({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]}, "at least four"),
        ({"type": "Polygon", "coordinates": [[[0, 0], [200, 0], [1, 1], [0, 0]]]}, "longitude 200"),
        ({"type": "Polygon", "coordinates": [[[0, 0], [1, 95], [1, 1], [0, 0]]]}, "latitude 95"),
        ({"type": "Polygon", "coordinates": [[[0, 0], ["1", 0], [1, 1], [0, 0]]]}, "numbers"),
        ({"type": "Polygon", "coordinates": [[[0, 0], [True, 0], [1, 1], [0, 0]]]}, "numbers"),
        ({"type": "Polygon", "coordinates": []}, "list of rings"),
        ({"type": "MultiPolygon", "coordinates": "x"}, "list of polygons"),
    ],
)
def test_unusable_geojson_is_refused_with_the_reason(value, says):
    with pytest.raises(geometry.InvalidGeometry, match=says):
        geometry.validate(value)
