"""The measurement formulas: shared vectors, and properties that hold for any input."""

import json
import math
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from annotations import geometry as g

VECTORS = json.loads((Path(__file__).resolve().parents[3] / "testvectors" / "measurements.json").read_text())
CALIBRATIONS = {c["name"]: c for c in VECTORS["calibrations"]}


@pytest.mark.parametrize("calibration", VECTORS["calibrations"], ids=lambda c: c["name"])
def test_calibration_vectors(calibration):
    if calibration["method"] == "declared_scale":
        value = g.metres_per_point_for_scale(calibration["scale"])
    else:
        a, b = calibration["points"]
        value = g.metres_per_point_from_two_points(tuple(a), tuple(b), calibration["known_length_m"])
    assert value == pytest.approx(calibration["metres_per_point"], rel=VECTORS["tolerance"])


@pytest.mark.parametrize("vector", VECTORS["measurements"], ids=lambda v: v["name"])
def test_measurement_vectors(vector):
    mpp = CALIBRATIONS[vector["calibration"]]["metres_per_point"] if vector["calibration"] else None
    result = g.measure(vector["kind"], [tuple(p) for p in vector["points"]], mpp)
    if vector["expected"] is None:
        assert result.value is None and result.reason == vector["reason"]
    else:
        assert result.value == pytest.approx(vector["expected"], rel=vector.get("tolerance", VECTORS["tolerance"]))


@pytest.mark.parametrize("vector", VECTORS["rotations"], ids=lambda v: v["name"])
def test_rotation_vectors(vector):
    shown = g.rotate_point(tuple(vector["point"]), vector["rotation"], vector["width"], vector["height"])
    assert shown == pytest.approx(tuple(vector["shown"]))


coordinate = st.floats(min_value=0, max_value=5000, allow_nan=False, allow_infinity=False)
size = st.floats(min_value=1, max_value=3000, allow_nan=False, allow_infinity=False)
scale = st.sampled_from([1, 20, 50, 100, 200, 500, 1000, 2500])
quarter = st.sampled_from([0, 90, 180, 270])


@given(coordinate, coordinate, size, size, scale)
def test_rectangle_area_is_width_times_height_at_any_scale(x, y, w, h, denominator):
    mpp = g.metres_per_point_for_scale(denominator)
    corners = g.rect_corners(g.Rect(x, y, w, h))
    area = g.measure("area", corners, mpp).value
    assert area == pytest.approx((w * mpp) * (h * mpp), rel=1e-9)


@given(coordinate, coordinate, size, size, scale, quarter)
def test_area_and_lengths_do_not_change_with_page_rotation(x, y, w, h, denominator, rotation):
    mpp = g.metres_per_point_for_scale(denominator)
    corners = g.rect_corners(g.Rect(x, y, w, h))
    page_w, page_h = x + w + 10, y + h + 10
    shown = [g.rotate_point(p, rotation, page_w, page_h) for p in corners]
    for kind in ("area", "perimeter"):
        assert g.measure(kind, shown, mpp).value == pytest.approx(g.measure(kind, corners, mpp).value, rel=1e-9)


@given(st.lists(st.tuples(coordinate, coordinate), min_size=3, max_size=30), scale)
def test_closed_polyline_length_is_the_perimeter(points, denominator):
    mpp = g.metres_per_point_for_scale(denominator)
    closed = [*points, points[0]]
    assert g.measure("polyline_length", closed, mpp).value == pytest.approx(
        g.measure("perimeter", points, mpp).value, rel=1e-9, abs=1e-12
    )


@given(coordinate, coordinate, coordinate, coordinate, st.floats(min_value=0.01, max_value=1000))
def test_two_point_calibration_reproduces_the_known_length(ax, ay, bx, by, known):
    assume(math.hypot(bx - ax, by - ay) > 1e-3)
    mpp = g.metres_per_point_from_two_points((ax, ay), (bx, by), known)
    assert g.measure("distance", [(ax, ay), (bx, by)], mpp).value == pytest.approx(known, rel=1e-9)


@given(st.floats(min_value=1, max_value=179))
def test_angle_of_a_ray_pair(degrees):
    rad = math.radians(degrees)
    far = (100 * math.cos(rad), 100 * math.sin(rad))
    assert g.measure("angle", [(100, 0), (0, 0), far], None).value == pytest.approx(degrees, abs=1e-9)


def test_bad_inputs():
    with pytest.raises(ValueError):
        g.metres_per_point_for_scale(0)
    with pytest.raises(ValueError):
        g.metres_per_point_from_two_points((1, 1), (1, 1), 5)
    with pytest.raises(ValueError):
        g.measure("angle", [(0, 0), (0, 0), (1, 1)], None)
    with pytest.raises(ValueError):
        g.measure("distance", [(0, 0)], 1.0)
