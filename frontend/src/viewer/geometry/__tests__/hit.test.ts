import { describe, expect, it } from "vitest";
import {
  boundingBox,
  clampToPage,
  clampTranslation,
  distanceToEllipse,
  distanceToPolyline,
  distanceToSegment,
  hitHandle,
  hitTestGeometry,
  moveVertex,
  normaliseRect,
  pointInEllipse,
  pointInPolygon,
  pointInRect,
  rectCorners,
  rectHandles,
  resizeRect,
  translateGeometry,
  type HitTarget,
} from "../hit";
import { pagePoint as p, pageRect, type PagePoint } from "../types";

const pts = (...pairs: [number, number][]): PagePoint[] => pairs.map(([x, y]) => p(x, y));

describe("distances", () => {
  it("to a segment: inside, beyond each end, degenerate", () => {
    expect(distanceToSegment([5, 3], [0, 0], [10, 0])).toBe(3);
    expect(distanceToSegment([-3, 4], [0, 0], [10, 0])).toBe(5);
    expect(distanceToSegment([13, 4], [0, 0], [10, 0])).toBe(5);
    expect(distanceToSegment([3, 4], [0, 0], [0, 0])).toBe(5);
  });

  it("to a polyline, open or closed", () => {
    const square = pts([0, 0], [10, 0], [10, 10], [0, 10]);
    expect(distanceToPolyline([-2, 5], square)).toBeCloseTo(Math.hypot(2, 5));
    expect(distanceToPolyline([-2, 5], square, true)).toBe(2);
    expect(distanceToPolyline([3, 4], pts([0, 0]))).toBe(5);
    expect(distanceToPolyline([3, 4], [])).toBe(Infinity);
  });

  it("to an ellipse outline", () => {
    const rect = pageRect(0, 0, 20, 10);
    expect(distanceToEllipse([25, 5], rect)).toBeCloseTo(5);
    expect(distanceToEllipse([10, 2], rect)).toBeCloseTo(2);
    expect(distanceToEllipse([10, 5], rect)).toBe(5);
    expect(distanceToEllipse([5, 5], pageRect(0, 0, 0, 10))).toBe(5);
  });
});

describe("containment", () => {
  it("point in polygon, even-odd", () => {
    const square = pts([0, 0], [10, 0], [10, 10], [0, 10]);
    expect(pointInPolygon([5, 5], square)).toBe(true);
    expect(pointInPolygon([15, 5], square)).toBe(false);
    // a pentagram: its centre is covered twice, so outside under even-odd
    const star = pts([50, 0], [79, 90], [2, 35], [98, 35], [21, 90]);
    expect(pointInPolygon([50, 50], star)).toBe(false);
    expect(pointInPolygon([50, 10], star)).toBe(true);
  });

  it("point in rect with margin", () => {
    expect(pointInRect([10, 10], [0, 0, 10, 10])).toBe(true);
    expect(pointInRect([11, 5], [0, 0, 10, 10])).toBe(false);
    expect(pointInRect([11, 5], [0, 0, 10, 10], 1)).toBe(true);
  });

  it("point in ellipse with margin", () => {
    expect(pointInEllipse([10, 5], [0, 0, 20, 10])).toBe(true);
    expect(pointInEllipse([1, 1], [0, 0, 20, 10])).toBe(false);
    expect(pointInEllipse([21, 5], [0, 0, 20, 10])).toBe(false);
    expect(pointInEllipse([21, 5], [0, 0, 20, 10], 1)).toBe(true);
    expect(pointInEllipse([0, 0], [0, 0, 0, 0])).toBe(false);
  });
});

describe("boundingBox", () => {
  it("of points, a rect, strokes and nothing", () => {
    expect(boundingBox({ points: pts([5, 8], [1, 9], [3, 2]) })).toEqual([1, 2, 4, 7]);
    expect(boundingBox({ rect: pageRect(1, 2, 3, 4) })).toEqual([1, 2, 3, 4]);
    expect(boundingBox({ strokes: [pts([0, 0], [1, 1]), pts([5, -1])] })).toEqual([0, -1, 5, 2]);
    expect(boundingBox({ points: [] })).toEqual([0, 0, 0, 0]);
  });

  it("corners in order", () => {
    expect(rectCorners(pageRect(1, 2, 3, 4))).toEqual([
      [1, 2],
      [4, 2],
      [4, 6],
      [1, 6],
    ]);
  });
});

describe("hitTestGeometry", () => {
  const target = (t: HitTarget) => t;
  const square = pts([0, 0], [100, 0], [100, 100], [0, 100]);

  it("hits lines and open measurements on their stroke only", () => {
    const line = target({ kind: "line", geometry: { points: pts([0, 0], [100, 0]) } });
    expect(hitTestGeometry(line, p(50, 2), 3)).toBe(true);
    expect(hitTestGeometry(line, p(50, 4), 3)).toBe(false);
    const polyline = target({
      kind: "measurement",
      measurementKind: "polyline_length",
      geometry: { points: square },
    });
    expect(hitTestGeometry(polyline, p(-2, 50), 3)).toBe(false);
    expect(hitTestGeometry(polyline, p(50, 50), 3)).toBe(false);
  });

  it("hits closed shapes on the closing edge, and inside when filled", () => {
    for (const shape of [
      { kind: "polygon" as const },
      { kind: "cloud" as const },
      { kind: "measurement" as const, measurementKind: "area" as const },
      { kind: "measurement" as const, measurementKind: "perimeter" as const },
    ]) {
      const outline = target({ ...shape, geometry: { points: square } });
      expect(hitTestGeometry(outline, p(-2, 50), 3)).toBe(true);
      expect(hitTestGeometry(outline, p(50, 50), 3)).toBe(false);
      expect(hitTestGeometry({ ...outline, filled: true }, p(50, 50), 3)).toBe(true);
    }
  });

  it("hits notes and counts near a mark", () => {
    const note = target({ kind: "note", geometry: { points: pts([10, 10]) } });
    expect(hitTestGeometry(note, p(12, 12), 3)).toBe(true);
    expect(hitTestGeometry(note, p(13, 13), 3)).toBe(false);
    const count = target({
      kind: "measurement",
      measurementKind: "count",
      geometry: { points: pts([0, 0], [50, 50]) },
    });
    expect(hitTestGeometry(count, p(51, 50), 3)).toBe(true);
    expect(hitTestGeometry(count, p(25, 25), 3)).toBe(false);
  });

  it("hits rectangles and ellipses on the outline unless filled", () => {
    const rect = target({ kind: "rectangle", geometry: { rect: pageRect(0, 0, 100, 50) } });
    expect(hitTestGeometry(rect, p(100, 25), 3)).toBe(true);
    expect(hitTestGeometry(rect, p(50, 25), 3)).toBe(false);
    expect(hitTestGeometry({ ...rect, filled: true }, p(50, 25), 3)).toBe(true);
    const ellipse = target({ kind: "ellipse", geometry: { rect: pageRect(0, 0, 100, 50) } });
    expect(hitTestGeometry(ellipse, p(102, 25), 3)).toBe(true);
    expect(hitTestGeometry(ellipse, p(50, 25), 3)).toBe(false);
    expect(hitTestGeometry(ellipse, p(2, 2), 3)).toBe(false);
    expect(hitTestGeometry({ ...ellipse, filled: true }, p(50, 25), 3)).toBe(true);
    expect(hitTestGeometry({ ...ellipse, filled: true }, p(102, 25), 3)).toBe(true);
  });

  it("hits text, stamps and highlights anywhere inside", () => {
    for (const kind of ["text", "stamp", "highlight"] as const) {
      const box = target({ kind, geometry: { rect: pageRect(0, 0, 100, 50) } });
      expect(hitTestGeometry(box, p(50, 25), 3)).toBe(true);
      expect(hitTestGeometry(box, p(102, 25), 3)).toBe(true);
      expect(hitTestGeometry(box, p(104, 25), 3)).toBe(false);
    }
  });

  it("hits ink on any stroke", () => {
    const ink = target({
      kind: "ink",
      geometry: { strokes: [pts([0, 0], [10, 0]), pts([50, 50])] },
    });
    expect(hitTestGeometry(ink, p(5, 1), 2)).toBe(true);
    expect(hitTestGeometry(ink, p(51, 51), 2)).toBe(true);
    expect(hitTestGeometry(ink, p(30, 30), 2)).toBe(false);
  });
});

describe("editing", () => {
  it("translates every shape without touching the input", () => {
    const points = { points: pts([0, 0], [1, 1]) };
    expect(translateGeometry(points, 5, -1)).toEqual({
      points: [
        [5, -1],
        [6, 0],
      ],
    });
    expect(points.points[0]).toEqual([0, 0]);
    expect(translateGeometry({ rect: pageRect(1, 2, 3, 4) }, 1, 1)).toEqual({ rect: [2, 3, 3, 4] });
    expect(translateGeometry({ strokes: [pts([0, 0])] }, 2, 3)).toEqual({ strokes: [[[2, 3]]] });
  });

  it("moves one vertex; out of range or not a points shape changes nothing", () => {
    const g = { points: pts([0, 0], [1, 1]) };
    expect(moveVertex(g, 1, p(5, 5))).toEqual({
      points: [
        [0, 0],
        [5, 5],
      ],
    });
    expect(moveVertex(g, 2, p(5, 5))).toBe(g);
    expect(moveVertex(g, -1, p(5, 5))).toBe(g);
    const rect = { rect: pageRect(0, 0, 1, 1) };
    expect(moveVertex(rect, 0, p(5, 5))).toBe(rect);
  });

  it("normalises a rectangle from any two corners", () => {
    expect(normaliseRect([10, 20], [0, 5])).toEqual([0, 5, 10, 15]);
    expect(normaliseRect([0, 5], [10, 20])).toEqual([0, 5, 10, 15]);
  });

  it("resizes from every handle and flips past the opposite edge", () => {
    const r = pageRect(10, 10, 100, 50);
    expect(resizeRect(r, "n", [999, 0])).toEqual([10, 0, 100, 60]);
    expect(resizeRect(r, "ne", [120, 0])).toEqual([10, 0, 110, 60]);
    expect(resizeRect(r, "e", [150, 999])).toEqual([10, 10, 140, 50]);
    expect(resizeRect(r, "se", [150, 100])).toEqual([10, 10, 140, 90]);
    expect(resizeRect(r, "s", [0, 100])).toEqual([10, 10, 100, 90]);
    expect(resizeRect(r, "sw", [0, 100])).toEqual([0, 10, 110, 90]);
    expect(resizeRect(r, "w", [0, 0])).toEqual([0, 10, 110, 50]);
    expect(resizeRect(r, "nw", [0, 0])).toEqual([0, 0, 110, 60]);
    expect(resizeRect(r, "e", [0, 0])).toEqual([0, 10, 10, 50]);
    expect(resizeRect(r, "n", [0, 100])).toEqual([10, 60, 100, 40]);
  });

  it("places handles and finds the one under the pointer", () => {
    const r = pageRect(0, 0, 100, 50);
    expect(rectHandles(r)).toMatchObject({ n: [50, 0], se: [100, 50], w: [0, 25] });
    expect(hitHandle({ rect: r }, p(99, 49), 3)).toEqual({ type: "resize", handle: "se" });
    expect(hitHandle({ rect: r }, p(50, 25), 3)).toBeNull();
    const g = { points: pts([0, 0], [4, 0], [100, 0]) };
    expect(hitHandle(g, p(3, 0), 3)).toEqual({ type: "vertex", index: 1 });
    expect(hitHandle(g, p(50, 0), 3)).toBeNull();
    expect(hitHandle({ strokes: [pts([0, 0])] }, p(0, 0), 3)).toBeNull();
  });

  it("clamps points and moves to the page", () => {
    const page = { width: 100, height: 50 };
    expect(clampToPage([-5, 60], page)).toEqual([0, 50]);
    expect(clampToPage([20, 30], page)).toEqual([20, 30]);
    const g = { rect: pageRect(10, 10, 20, 20) };
    expect(clampTranslation(g, -50, 50, page)).toEqual([-10, 20]);
    expect(clampTranslation(g, 5, 5, page)).toEqual([5, 5]);
    expect(clampTranslation({ rect: pageRect(0, 0, 200, 20) }, 5, 5, page)).toEqual([0, 5]);
  });
});
