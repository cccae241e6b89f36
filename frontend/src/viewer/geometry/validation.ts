/**
 * The API's geometry rules (backend/annotations/validation.py), checked before sending so
 * a tool never submits what the API refuses.
 */
import type { AnnotationGeometry, AnnotationKind, MeasurementKind, Size } from "./types";

type Bounds = readonly [min: number, max: number | null];

export const POINT_COUNTS: Readonly<Record<string, Bounds>> = {
  note: [1, 1],
  line: [2, 2],
  arrow: [2, 2],
  polyline: [2, null],
  polygon: [3, null],
  cloud: [3, null],
};

export const MEASUREMENT_POINT_COUNTS: Readonly<Record<MeasurementKind, Bounds>> = {
  distance: [2, 2],
  polyline_length: [2, null],
  perimeter: [3, null],
  area: [3, null],
  angle: [3, 3],
  count: [1, null],
};

const RECT_KINDS = new Set<string>(["rectangle", "ellipse", "text", "stamp", "highlight"]);

/** The backend's MAX_ANNOTATION_VERTICES default. */
export const MAX_VERTICES = 10_000;
/** Page points a point may lie outside the page (a click on the border is accepted). */
export const EDGE_TOLERANCE = 0.5;

export type ValidationCode =
  | "unknown_kind"
  | "measurement_kind"
  | "shape"
  | "point_count"
  | "too_many_vertices"
  | "not_finite"
  | "outside_page"
  | "degenerate_angle"
  | "empty_rect"
  | "no_strokes";

export type ValidationResult = { ok: true } | { ok: false; code: ValidationCode };

const OK: ValidationResult = { ok: true };
const fail = (code: ValidationCode): ValidationResult => ({ ok: false, code });

function checkPoint(p: unknown, page: Size | undefined): ValidationResult {
  if (!Array.isArray(p) || p.length !== 2) return fail("shape");
  const [x, y] = p as unknown[];
  if (typeof x !== "number" || typeof y !== "number") return fail("shape");
  if (!Number.isFinite(x) || !Number.isFinite(y)) return fail("not_finite");
  if (page) {
    const inX = x >= -EDGE_TOLERANCE && x <= page.width + EDGE_TOLERANCE;
    const inY = y >= -EDGE_TOLERANCE && y <= page.height + EDGE_TOLERANCE;
    if (!inX || !inY) return fail("outside_page");
  }
  return OK;
}

function checkPoints(raw: unknown, [low, high]: Bounds, page: Size | undefined): ValidationResult {
  if (!Array.isArray(raw)) return fail("shape");
  if (raw.length > MAX_VERTICES) return fail("too_many_vertices");
  if (raw.length < low || (high !== null && raw.length > high)) return fail("point_count");
  for (const p of raw) {
    const result = checkPoint(p, page);
    if (!result.ok) return result;
  }
  return OK;
}

const samePoint = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) && a[0] === b[0] && a[1] === b[1];

/**
 * Whether the API would accept this geometry for the kind: point counts, finite numbers,
 * angle ends distinct from the vertex, positive rectangle size, non-empty strokes, and, when
 * `page` (unrotated size in points) is given, every point on the page within 0.5 pt.
 */
export function validateDraft(
  kind: AnnotationKind,
  measurementKind: MeasurementKind | "" | undefined,
  geometry: AnnotationGeometry,
  page?: Size,
): ValidationResult {
  const g = geometry as unknown as Record<string, unknown>;
  if (kind === "measurement") {
    if (!measurementKind || !(measurementKind in MEASUREMENT_POINT_COUNTS)) {
      return fail("measurement_kind");
    }
    const result = checkPoints(g.points, MEASUREMENT_POINT_COUNTS[measurementKind], page);
    if (!result.ok) return result;
    const points = g.points as unknown[];
    if (
      measurementKind === "angle" &&
      (samePoint(points[0], points[1]) || samePoint(points[2], points[1]))
    ) {
      return fail("degenerate_angle");
    }
    return OK;
  }
  const bounds = POINT_COUNTS[kind];
  if (bounds) return checkPoints(g.points, bounds, page);
  if (RECT_KINDS.has(kind)) {
    const rect = g.rect;
    if (!Array.isArray(rect) || rect.length !== 4) return fail("shape");
    if (!rect.every((v) => typeof v === "number")) return fail("shape");
    const [x, y, w, h] = rect as number[];
    if (![x, y, w, h].every((v) => Number.isFinite(v))) return fail("not_finite");
    if (!(w! > 0) || !(h! > 0)) return fail("empty_rect");
    const corner = checkPoint([x, y], page);
    return corner.ok ? checkPoint([x! + w!, y! + h!], page) : corner;
  }
  if (kind === "ink") {
    const strokes = g.strokes;
    if (!Array.isArray(strokes) || strokes.length === 0) return fail("no_strokes");
    const total = strokes.reduce((n: number, s) => n + (Array.isArray(s) ? s.length : 0), 0);
    if (total > MAX_VERTICES) return fail("too_many_vertices");
    for (const stroke of strokes) {
      const result = checkPoints(stroke, [1, null], page);
      if (!result.ok) return result;
    }
    return OK;
  }
  return fail("unknown_kind");
}
