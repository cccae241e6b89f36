import { describe, expect, it } from "vitest";
import vectors from "../../../../../testvectors/measurements.json";
import {
  angleDegrees,
  distance,
  ellipseArea,
  ellipsePerimeter,
  measure,
  measurementOf,
  metresPerPointForScale,
  metresPerPointFromTwoPoints,
  pageMetresPerPoint,
  polygonArea,
  polylineLength,
  scaleForPoint,
  scaleForPoints,
} from "../measure";
import { rotatePoint, type Rotation } from "../transform";
import type { MeasurementKind } from "../types";

type Pair = [number, number];

function expectClose(actual: number | null, expected: number, relative: number) {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

const calibrations = new Map(vectors.calibrations.map((c) => [c.name, c]));

describe("testvectors/measurements.json", () => {
  it.each(vectors.calibrations.map((c) => [c.name, c] as const))("calibration %s", (_, c) => {
    const value =
      c.method === "declared_scale"
        ? metresPerPointForScale(c.scale!)
        : metresPerPointFromTwoPoints(
            c.points![0] as Pair,
            c.points![1] as Pair,
            c.known_length_m!,
          );
    expectClose(value, c.metres_per_point, vectors.tolerance);
  });

  it.each(vectors.measurements.map((v) => [v.name, v] as const))("measurement %s", (_, v) => {
    const mpp = v.calibration ? calibrations.get(v.calibration)!.metres_per_point : null;
    const result = measure(v.kind as MeasurementKind, v.points as Pair[], mpp);
    if (v.expected === null) {
      expect(result.value).toBeNull();
      expect(result.reason).toBe(v.reason);
    } else {
      expectClose(result.value, v.expected, v.tolerance ?? vectors.tolerance);
      expect(result.reason).toBe("");
    }
  });

  it.each(vectors.rotations.map((v) => [v.name, v] as const))("rotation %s", (_, v) => {
    const shown = rotatePoint(v.point as Pair, v.rotation as Rotation, v.width, v.height);
    expect(shown[0]).toBeCloseTo(v.shown[0]!, 9);
    expect(shown[1]).toBeCloseTo(v.shown[1]!, 9);
  });

  it("every section of the file is covered", () => {
    expect(Object.keys(vectors).sort()).toEqual(
      ["calibrations", "description", "measurements", "rotations", "tolerance"].sort(),
    );
  });
});

describe("formulas", () => {
  it("computes lengths in points", () => {
    expect(distance([0, 0], [3, 4])).toBe(5);
    expect(polylineLength([[0, 0]])).toBe(0);
    expect(polylineLength([])).toBe(0);
    expect(
      polylineLength([
        [0, 0],
        [10, 0],
        [10, 10],
      ]),
    ).toBe(20);
    expect(
      polylineLength(
        [
          [0, 0],
          [10, 0],
          [10, 10],
        ],
        true,
      ),
    ).toBeCloseTo(20 + Math.SQRT2 * 10);
    expect(
      polylineLength(
        [
          [0, 0],
          [10, 0],
        ],
        true,
      ),
    ).toBe(10);
  });

  it("computes the area relative to the first vertex, whatever the winding", () => {
    expect(
      polygonArea([
        [0, 0],
        [1, 1],
      ]),
    ).toBe(0);
    const far: Pair[] = [
      [1e7, 1e7],
      [1e7 + 1, 1e7],
      [1e7 + 1, 1e7 + 1],
      [1e7, 1e7 + 1],
    ];
    expect(polygonArea(far)).toBe(1);
    expect(polygonArea([...far].reverse())).toBe(1);
  });

  it("measures angles between 0 and 180 degrees", () => {
    expect(angleDegrees([1, 0], [0, 0], [-1, 0])).toBeCloseTo(180);
    expect(angleDegrees([1, 0], [0, 0], [2, 0])).toBe(0);
    expect(angleDegrees([0, 100], [0, 0], [100, 0])).toBeCloseTo(90);
    expect(() => angleDegrees([0, 0], [0, 0], [1, 1])).toThrow(RangeError);
  });

  it("computes ellipses (Ramanujan II)", () => {
    expect(ellipseArea([0, 0, 20, 10])).toBeCloseTo(Math.PI * 10 * 5);
    expect(ellipsePerimeter([5, 5, 20, 20])).toBeCloseTo(2 * Math.PI * 10, 9);
    expect(ellipsePerimeter([0, 0, 0, 0])).toBe(0);
    // a = 10, b = 5: the exact perimeter is 48.44224110273…
    expect(ellipsePerimeter([0, 0, 20, 10])).toBeCloseTo(48.4422411027, 6);
  });

  it("refuses bad calibrations as the backend does", () => {
    expect(() => metresPerPointForScale(0)).toThrow(RangeError);
    expect(() => metresPerPointForScale(-5)).toThrow(RangeError);
    expect(() => metresPerPointFromTwoPoints([1, 1], [1, 1], 5)).toThrow(RangeError);
    expect(() => metresPerPointFromTwoPoints([0, 0], [1, 1], 0)).toThrow(RangeError);
    expect(() => metresPerPointFromTwoPoints([0, 0], [1, 1], Infinity)).toThrow(RangeError);
  });
});

describe("measure", () => {
  it("gives units per kind, and no value without calibration for lengths and areas", () => {
    const square: Pair[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    expect(measure("area", square, 2)).toEqual({
      kind: "area",
      value: 400,
      unit: "m2",
      reason: "",
    });
    expect(measure("perimeter", square, 2).value).toBe(80);
    expect(measure("polyline_length", square, 2).value).toBe(60);
    expect(measure("count", square, null)).toEqual({
      kind: "count",
      value: 4,
      unit: "count",
      reason: "",
    });
    for (const kind of ["distance", "polyline_length", "perimeter", "area"] as const) {
      expect(measure(kind, square.slice(0, kind === "distance" ? 2 : 4), null)).toMatchObject({
        value: null,
        reason: "uncalibrated",
      });
    }
    expect(measure("angle", square.slice(0, 3), null)).toMatchObject({ value: 90, unit: "deg" });
  });

  it("throws where the backend raises, and measurementOf says degenerate", () => {
    expect(() =>
      measure(
        "angle",
        [
          [0, 0],
          [1, 1],
        ],
        null,
      ),
    ).toThrow(RangeError);
    expect(() =>
      measure(
        "angle",
        [
          [0, 0],
          [0, 0],
          [1, 1],
        ],
        null,
      ),
    ).toThrow(RangeError);
    expect(() => measure("distance", [[0, 0]], 1)).toThrow(RangeError);
    expect(
      measurementOf(
        "angle",
        [
          [0, 0],
          [0, 0],
          [1, 1],
        ],
        null,
      ),
    ).toEqual({
      kind: "angle",
      value: null,
      unit: "deg",
      reason: "degenerate",
    });
    expect(
      measurementOf(
        "distance",
        [
          [0, 0],
          [3, 4],
        ],
        1,
      ).value,
    ).toBe(5);
  });
});

describe("scale choice (backend PageScales.for_points)", () => {
  const site = { rect: [0, 0, 100, 100], scale: 500 };
  const detail = { rect: [50, 50, 100, 100], scale: 50 };

  it("takes the first viewport, in the API's order, that holds every point", () => {
    expect(
      scaleForPoints(
        [
          [60, 60],
          [90, 90],
        ],
        1,
        [site, detail],
      ),
    ).toBe(metresPerPointForScale(500));
    expect(
      scaleForPoints(
        [
          [60, 60],
          [90, 90],
        ],
        1,
        [detail, site],
      ),
    ).toBe(metresPerPointForScale(50));
    expect(
      scaleForPoints(
        [
          [60, 60],
          [140, 140],
        ],
        1,
        [site, detail],
      ),
    ).toBe(metresPerPointForScale(50));
  });

  it("counts the border as inside", () => {
    expect(
      scaleForPoints(
        [
          [0, 0],
          [100, 100],
        ],
        null,
        [site],
      ),
    ).toBe(metresPerPointForScale(500));
    expect(scaleForPoint([100.0001, 50], null, [site])).toBeNull();
  });

  it("falls back to the page when no viewport holds all the points", () => {
    expect(
      scaleForPoints(
        [
          [10, 10],
          [140, 10],
        ],
        0.5,
        [site, detail],
      ),
    ).toBe(0.5);
    expect(scaleForPoints([[10, 10]], 0.5, [])).toBe(0.5);
    expect(scaleForPoints([[200, 200]], null, [site])).toBeNull();
  });

  it("picks the page's calibration, else its declared scale, else the version's", () => {
    expect(pageMetresPerPoint(0.2, 100, 50)).toBe(0.2);
    expect(pageMetresPerPoint(null, 100, 50)).toBe(metresPerPointForScale(100));
    expect(pageMetresPerPoint(undefined, null, 50)).toBe(metresPerPointForScale(50));
    expect(pageMetresPerPoint(null, null, null)).toBeNull();
  });
});
