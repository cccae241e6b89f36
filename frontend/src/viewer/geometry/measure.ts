/**
 * Measurement formulas, ported line by line from backend/annotations/geometry.py and
 * selectors.py so the live value equals the API's (testvectors/measurements.json).
 * Inputs are page points; lengths come out in metres, areas in m², angles in degrees.
 */
import type { MeasurementKind } from "./types";

type Pair = readonly [number, number];

export const INCH_IN_METRES = 0.0254;
export const POINTS_PER_INCH = 72;

/** Metres on the ground per page point at 1:`denominator` (1:100 → 0.0254 / 72 × 100). */
export function metresPerPointForScale(denominator: number): number {
  if (!(denominator > 0)) throw new RangeError("the scale denominator must be positive");
  return (INCH_IN_METRES / POINTS_PER_INCH) * denominator;
}

/** Metres per page point from two page points drawn on a length known in metres. */
export function metresPerPointFromTwoPoints(a: Pair, b: Pair, knownLengthM: number): number {
  const span = distance(a, b);
  if (!(span > 0)) throw new RangeError("the two calibration points must differ");
  if (!(knownLengthM > 0) || !Number.isFinite(knownLengthM)) {
    throw new RangeError("the known length must be a positive number of metres");
  }
  return knownLengthM / span;
}

/** Distance in page points. */
export function distance(a: Pair, b: Pair): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

/** Length in page points; `closed` adds the segment back to the first point (3+ points). */
export function polylineLength(points: readonly Pair[], closed = false): number {
  let total = 0;
  for (let i = 0; i + 1 < points.length; i += 1) total += distance(points[i]!, points[i + 1]!);
  if (closed && points.length > 2) total += distance(points[points.length - 1]!, points[0]!);
  return total;
}

/**
 * Area in square page points: the shoelace formula on coordinates relative to the first
 * vertex (far from the origin the plain formula loses digits); winding does not matter.
 */
export function polygonArea(points: readonly Pair[]): number {
  const n = points.length;
  if (n < 3) return 0;
  const [ox, oy] = points[0]!;
  const rel = points.map(([x, y]) => [x - ox, y - oy] as const);
  let twice = 0;
  for (let i = 0; i < n; i += 1) {
    const [x0, y0] = rel[i]!;
    const [x1, y1] = rel[(i + 1) % n]!;
    twice += x0 * y1 - x1 * y0;
  }
  return Math.abs(twice) / 2;
}

/** The angle at `vertex` between the rays to `a` and `b`, in degrees, 0–180. */
export function angleDegrees(a: Pair, vertex: Pair, b: Pair): number {
  const ax = a[0] - vertex[0];
  const ay = a[1] - vertex[1];
  const bx = b[0] - vertex[0];
  const by = b[1] - vertex[1];
  if ((ax === 0 && ay === 0) || (bx === 0 && by === 0)) {
    throw new RangeError("an angle needs two points distinct from its vertex");
  }
  return Math.abs(Math.atan2(ax * by - ay * bx, ax * bx + ay * by)) / (Math.PI / 180);
}

type RectLike = readonly [x: number, y: number, width: number, height: number];

/** Area in square page points of the ellipse inscribed in `rect`. */
export function ellipseArea([, , width, height]: RectLike): number {
  return ((Math.PI * width) / 2) * (height / 2);
}

/** Perimeter in page points of the ellipse inscribed in `rect` (Ramanujan II). */
export function ellipsePerimeter([, , width, height]: RectLike): number {
  const a = width / 2;
  const b = height / 2;
  if (a + b === 0) return 0;
  const h = (a - b) ** 2 / (a + b) ** 2;
  return Math.PI * (a + b) * (1 + (3 * h) / (10 + Math.sqrt(4 - 3 * h)));
}

export type MeasurementUnit = "m" | "m2" | "deg" | "count";

export const UNITS: Record<MeasurementKind, MeasurementUnit> = {
  distance: "m",
  polyline_length: "m",
  perimeter: "m",
  area: "m2",
  angle: "deg",
  count: "count",
};

export interface Measurement {
  kind: MeasurementKind;
  /** Metres, square metres, degrees or a count; null when it cannot be computed. */
  value: number | null;
  unit: MeasurementUnit;
  /** Why there is no value: `uncalibrated`, or `degenerate` (from `measurementOf`). */
  reason: "" | "uncalibrated" | "degenerate";
}

/**
 * The backend's `measure`: lengths and areas need `metresPerPoint`, angles and counts do
 * not. Throws a RangeError where the backend raises ValueError (wrong point count for a
 * distance or an angle, an end on the vertex).
 */
export function measure(
  kind: MeasurementKind,
  points: readonly Pair[],
  metresPerPoint: number | null,
): Measurement {
  const unit = UNITS[kind];
  const of = (value: number | null, reason: Measurement["reason"] = ""): Measurement => ({
    kind,
    value,
    unit,
    reason,
  });
  if (kind === "angle") {
    if (points.length !== 3) {
      throw new RangeError("an angle is measured on three points: one end, the vertex, the other");
    }
    return of(angleDegrees(points[0]!, points[1]!, points[2]!));
  }
  if (kind === "count") return of(points.length);
  if (metresPerPoint === null) return of(null, "uncalibrated");
  switch (kind) {
    case "distance":
      if (points.length !== 2) throw new RangeError("a distance is measured between two points");
      return of(distance(points[0]!, points[1]!) * metresPerPoint);
    case "polyline_length":
      return of(polylineLength(points) * metresPerPoint);
    case "perimeter":
      return of(polylineLength(points, true) * metresPerPoint);
    case "area":
      return of(polygonArea(points) * metresPerPoint ** 2);
  }
}

/** Like the API's `measurement_of`: degenerate geometry gives no value instead of an error. */
export function measurementOf(
  kind: MeasurementKind,
  points: readonly Pair[],
  metresPerPoint: number | null,
): Measurement {
  try {
    return measure(kind, points, metresPerPoint);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { kind, value: null, unit: UNITS[kind], reason: "degenerate" };
  }
}

export interface ViewportScale {
  /** `[x, y, width, height]` in page points. */
  rect: readonly number[];
  /** Scale denominator inside the viewport. */
  scale: number;
}

function containsAll(rect: readonly number[], points: readonly Pair[]): boolean {
  const [x = 0, y = 0, w = 0, h = 0] = rect;
  return points.every(([px, py]) => x <= px && px <= x + w && y <= py && py <= y + h);
}

/**
 * Metres per point for a measurement, as the backend's `PageScales.for_points` picks it:
 * the FIRST viewport, in the API's order (page, then creation time), whose rectangle
 * contains every point (borders included), else the page's own calibration (may be null).
 * `viewports` are the page's, as listed by the API.
 */
export function scaleForPoints(
  points: readonly Pair[],
  pageMetresPerPoint: number | null,
  viewports: readonly ViewportScale[],
): number | null {
  const viewport = viewports.find((v) => containsAll(v.rect, points));
  return viewport ? metresPerPointForScale(viewport.scale) : pageMetresPerPoint;
}

/** `scaleForPoints` for a single point. */
export function scaleForPoint(
  point: Pair,
  pageMetresPerPoint: number | null,
  viewports: readonly ViewportScale[],
): number | null {
  return scaleForPoints([point], pageMetresPerPoint, viewports);
}

/**
 * A page's own metres per point, as the backend's `page_scales` picks it: the page's
 * calibration if any, else the page's declared scale, else the version's, else null.
 */
export function pageMetresPerPoint(
  calibrationMetresPerPoint: number | null | undefined,
  pageDeclaredScale: number | null | undefined,
  versionDeclaredScale: number | null | undefined,
): number | null {
  if (calibrationMetresPerPoint != null) return calibrationMetresPerPoint;
  const declared = pageDeclaredScale || versionDeclaredScale;
  return declared ? metresPerPointForScale(declared) : null;
}
