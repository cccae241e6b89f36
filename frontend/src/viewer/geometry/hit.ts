/**
 * Hit testing and editing of annotation geometry. Everything is in page space (PDF points
 * of the unrotated page); tolerances are page points (divide CSS px by the zoom).
 */
import {
  isPointsGeometry,
  isRectGeometry,
  pagePoint,
  pageRect,
  type AnnotationGeometry,
  type AnnotationKind,
  type MeasurementKind,
  type PagePoint,
  type PageRect,
  type Size,
} from "./types";

type Pair = readonly [number, number];

export function distanceToSegment(p: Pair, a: Pair, b: Pair): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Distance to the nearest segment; one point gives the distance to it, none Infinity. */
export function distanceToPolyline(p: Pair, points: readonly Pair[], closed = false): number {
  if (points.length === 1) return Math.hypot(p[0] - points[0]![0], p[1] - points[0]![1]);
  let best = Infinity;
  for (let i = 0; i + 1 < points.length; i += 1) {
    best = Math.min(best, distanceToSegment(p, points[i]!, points[i + 1]!));
  }
  if (closed && points.length > 2) {
    best = Math.min(best, distanceToSegment(p, points[points.length - 1]!, points[0]!));
  }
  return best;
}

/** Even-odd rule: a point inside a self-overlapping part counts as outside. */
export function pointInPolygon(p: Pair, polygon: readonly Pair[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/** Inside the rectangle grown by `margin` on every side (borders included). */
export function pointInRect(p: Pair, [x, y, w, h]: readonly number[], margin = 0): boolean {
  return (
    p[0] >= x! - margin &&
    p[0] <= x! + w! + margin &&
    p[1] >= y! - margin &&
    p[1] <= y! + h! + margin
  );
}

/** Inside the ellipse inscribed in `rect` grown by `margin` (borders included). */
export function pointInEllipse(p: Pair, [x, y, w, h]: readonly number[], margin = 0): boolean {
  const rx = w! / 2 + margin;
  const ry = h! / 2 + margin;
  if (rx <= 0 || ry <= 0) return false;
  const dx = (p[0] - (x! + w! / 2)) / rx;
  const dy = (p[1] - (y! + h! / 2)) / ry;
  return dx * dx + dy * dy <= 1;
}

/** Distance to the outline of the ellipse inscribed in `rect`, measured along the ray from
 * its centre (an upper bound of the true distance, exact on the axes and for circles). */
export function distanceToEllipse(p: Pair, [x, y, w, h]: readonly number[]): number {
  const rx = w! / 2;
  const ry = h! / 2;
  const cx = x! + rx;
  const cy = y! + ry;
  const dx = p[0] - cx;
  const dy = p[1] - cy;
  if (rx <= 0 || ry <= 0) return distanceToPolyline(p, rectCorners(pageRect(x!, y!, w!, h!)));
  const k = Math.hypot(dx / rx, dy / ry);
  if (k === 0) return Math.min(rx, ry);
  return Math.hypot(dx - dx / k, dy - dy / k);
}

/** Corners clockwise on screen at rotation 0: top-left, top-right, bottom-right, bottom-left. */
export function rectCorners([x, y, w, h]: PageRect): PagePoint[] {
  return [pagePoint(x, y), pagePoint(x + w, y), pagePoint(x + w, y + h), pagePoint(x, y + h)];
}

function allPoints(g: AnnotationGeometry): PagePoint[] {
  if (isPointsGeometry(g)) return g.points;
  if (isRectGeometry(g)) return rectCorners(g.rect);
  return g.strokes.flat();
}

/** Bounding box in page space; an empty geometry gives a zero rectangle at the origin. */
export function boundingBox(g: AnnotationGeometry): PageRect {
  if (isRectGeometry(g)) return g.rect;
  const points = allPoints(g);
  if (points.length === 0) return pageRect(0, 0, 0, 0);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return pageRect(x, y, Math.max(...xs) - x, Math.max(...ys) - y);
}

export interface HitTarget {
  kind: AnnotationKind;
  measurementKind?: MeasurementKind | "";
  geometry: AnnotationGeometry;
  /** Closed shapes with a fill are hit anywhere inside, not only on their stroke. */
  filled?: boolean;
}

const CLOSED_KINDS = new Set<string>(["polygon", "cloud", "perimeter", "area"]);
const MARK_KINDS = new Set<string>(["note", "count"]);

/** Does `p` touch the annotation, within `tolerance` page points? */
export function hitTestGeometry(target: HitTarget, p: PagePoint, tolerance: number): boolean {
  const { kind, geometry: g, filled = false } = target;
  const shape = kind === "measurement" ? (target.measurementKind ?? "") : kind;
  if (isPointsGeometry(g)) {
    if (MARK_KINDS.has(shape)) {
      return g.points.some((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) <= tolerance);
    }
    const closed = CLOSED_KINDS.has(shape);
    if (closed && filled && pointInPolygon(p, g.points)) return true;
    return distanceToPolyline(p, g.points, closed) <= tolerance;
  }
  if (isRectGeometry(g)) {
    if (kind === "rectangle" && !filled) {
      return distanceToPolyline(p, rectCorners(g.rect), true) <= tolerance;
    }
    if (kind === "ellipse") {
      return filled
        ? pointInEllipse(p, g.rect, tolerance)
        : distanceToEllipse(p, g.rect) <= tolerance;
    }
    return pointInRect(p, g.rect, tolerance);
  }
  return g.strokes.some((stroke) => distanceToPolyline(p, stroke) <= tolerance);
}

const move = (p: Pair, dx: number, dy: number): PagePoint => pagePoint(p[0] + dx, p[1] + dy);

/** The geometry moved by (dx, dy) page points; a new object, the input is untouched. */
export function translateGeometry(
  g: AnnotationGeometry,
  dx: number,
  dy: number,
): AnnotationGeometry {
  if (isPointsGeometry(g)) return { points: g.points.map((p) => move(p, dx, dy)) };
  if (isRectGeometry(g)) {
    const [x, y, w, h] = g.rect;
    return { rect: pageRect(x + dx, y + dy, w, h) };
  }
  return { strokes: g.strokes.map((s) => s.map((p) => move(p, dx, dy))) };
}

/** Vertex `index` of a points geometry moved to `point`; other shapes come back unchanged. */
export function moveVertex(
  g: AnnotationGeometry,
  index: number,
  point: PagePoint,
): AnnotationGeometry {
  if (!isPointsGeometry(g) || index < 0 || index >= g.points.length) return g;
  return { points: g.points.map((p, i) => (i === index ? pagePoint(point[0], point[1]) : p)) };
}

export const RESIZE_HANDLES = ["n", "ne", "e", "se", "s", "sw", "w", "nw"] as const;
/** A handle named by its side in page space (unrotated): `n` is the top edge's middle. */
export type ResizeHandle = (typeof RESIZE_HANDLES)[number];

/** The rectangle spanned by two corners, with a positive width and height. */
export function normaliseRect(a: Pair, b: Pair): PageRect {
  return pageRect(
    Math.min(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.abs(b[0] - a[0]),
    Math.abs(b[1] - a[1]),
  );
}

/** `rect` with the edges of `handle` dragged to `point`; dragging past the opposite edge
 * flips the rectangle, which stays normalised (width and height ≥ 0). */
export function resizeRect([x, y, w, h]: PageRect, handle: ResizeHandle, point: Pair): PageRect {
  let left = x;
  let top = y;
  let right = x + w;
  let bottom = y + h;
  if (handle.includes("n")) top = point[1];
  if (handle.includes("s")) bottom = point[1];
  if (handle.includes("w")) left = point[0];
  if (handle.includes("e")) right = point[0];
  return normaliseRect([left, top], [right, bottom]);
}

export function rectHandles([x, y, w, h]: PageRect): Record<ResizeHandle, PagePoint> {
  const [cx, cy, r, b] = [x + w / 2, y + h / 2, x + w, y + h];
  return {
    n: pagePoint(cx, y),
    ne: pagePoint(r, y),
    e: pagePoint(r, cy),
    se: pagePoint(r, b),
    s: pagePoint(cx, b),
    sw: pagePoint(x, b),
    w: pagePoint(x, cy),
    nw: pagePoint(x, y),
  };
}

export type HandleHit =
  { type: "resize"; handle: ResizeHandle } | { type: "vertex"; index: number };

/** The handle of `g` under `p`: resize handles of a rectangle, vertices of a points shape
 * (the nearest within `tolerance`); ink has none. */
export function hitHandle(
  g: AnnotationGeometry,
  p: PagePoint,
  tolerance: number,
): HandleHit | null {
  const near = (q: Pair) => Math.hypot(p[0] - q[0], p[1] - q[1]);
  if (isRectGeometry(g)) {
    const handles = rectHandles(g.rect);
    let best: ResizeHandle | null = null;
    for (const handle of RESIZE_HANDLES) {
      if (
        near(handles[handle]) <= tolerance &&
        (!best || near(handles[handle]) < near(handles[best]))
      ) {
        best = handle;
      }
    }
    return best ? { type: "resize", handle: best } : null;
  }
  if (isPointsGeometry(g)) {
    let best = -1;
    g.points.forEach((q, i) => {
      if (near(q) <= tolerance && (best < 0 || near(q) < near(g.points[best]!))) best = i;
    });
    return best >= 0 ? { type: "vertex", index: best } : null;
  }
  return null;
}

/** The point moved inside the page (0 ≤ x ≤ width, 0 ≤ y ≤ height, page points). */
export function clampToPage(p: Pair, page: Size): PagePoint {
  return pagePoint(
    Math.min(page.width, Math.max(0, p[0])),
    Math.min(page.height, Math.max(0, p[1])),
  );
}

/** (dx, dy) reduced so the moved geometry's bounding box stays on the page. */
export function clampTranslation(
  g: AnnotationGeometry,
  dx: number,
  dy: number,
  page: Size,
): [number, number] {
  const [x, y, w, h] = boundingBox(g);
  const clamp = (d: number, low: number, high: number) =>
    low > high ? 0 : Math.min(high, Math.max(low, d));
  return [clamp(dx, -x, page.width - x - w), clamp(dy, -y, page.height - y - h)];
}
