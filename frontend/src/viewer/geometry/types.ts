/**
 * Coordinate spaces of the plan viewer, branded so they cannot be mixed by mistake.
 *
 * Page space: PDF points of the UNROTATED page, origin top-left, x right, y down — the API's
 * storage convention (DESIGN.md, "Annotation geometry").
 * Screen space: CSS pixels relative to the top-left corner of the page as displayed, after
 * rotation and zoom.
 */

declare const pageBrand: unique symbol;
declare const screenBrand: unique symbol;

/** A point in page space (PDF points of the unrotated page, top-left origin, y down). */
export type PagePoint = [x: number, y: number] & { readonly [pageBrand]: true };
/** A point in screen space (CSS px from the displayed page's top-left corner). */
export type ScreenPoint = [x: number, y: number] & { readonly [screenBrand]: true };
/** `[x, y, width, height]` in page space; x, y is the top-left corner. */
export type PageRect = [x: number, y: number, width: number, height: number] & {
  readonly [pageBrand]: true;
};
/** `[x, y, width, height]` in screen space; x, y is the top-left corner. */
export type ScreenRect = [x: number, y: number, width: number, height: number] & {
  readonly [screenBrand]: true;
};

export function pagePoint(x: number, y: number): PagePoint {
  return [x, y] as PagePoint;
}

export function screenPoint(x: number, y: number): ScreenPoint {
  return [x, y] as ScreenPoint;
}

export function pageRect(x: number, y: number, width: number, height: number): PageRect {
  return [x, y, width, height] as PageRect;
}

export function screenRect(x: number, y: number, width: number, height: number): ScreenRect {
  return [x, y, width, height] as ScreenRect;
}

export interface Size {
  width: number;
  height: number;
}

/** The annotation kinds of the API (`AnnotationKindEnum`). */
export const ANNOTATION_KINDS = [
  "note",
  "text",
  "line",
  "arrow",
  "polyline",
  "polygon",
  "rectangle",
  "ellipse",
  "cloud",
  "ink",
  "stamp",
  "highlight",
  "measurement",
] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** The measurement kinds of the API (`MeasurementKindEnum`). */
export const MEASUREMENT_KINDS = [
  "distance",
  "polyline_length",
  "perimeter",
  "area",
  "angle",
  "count",
] as const;
export type MeasurementKind = (typeof MEASUREMENT_KINDS)[number];

export type PointKind = "note" | "line" | "arrow" | "polyline" | "polygon" | "cloud";
export type RectKind = "rectangle" | "ellipse" | "text" | "stamp" | "highlight";

export const RECT_KINDS: readonly RectKind[] = [
  "rectangle",
  "ellipse",
  "text",
  "stamp",
  "highlight",
];

export interface PointsGeometry {
  points: PagePoint[];
}
export interface RectGeometry {
  rect: PageRect;
}
export interface StrokesGeometry {
  strokes: PagePoint[][];
}
/** An annotation's geometry as the API stores it, in page space. */
export type AnnotationGeometry = PointsGeometry | RectGeometry | StrokesGeometry;

/** What a tool hands over to be created: the API's create body without page or style. */
export interface AnnotationDraft {
  kind: AnnotationKind;
  measurementKind?: MeasurementKind;
  geometry: AnnotationGeometry;
  text?: string;
}

export function isPointsGeometry(g: AnnotationGeometry): g is PointsGeometry {
  return "points" in g;
}

export function isRectGeometry(g: AnnotationGeometry): g is RectGeometry {
  return "rect" in g;
}

export function isStrokesGeometry(g: AnnotationGeometry): g is StrokesGeometry {
  return "strokes" in g;
}

export function isRectKind(kind: AnnotationKind): kind is RectKind {
  return (RECT_KINDS as readonly string[]).includes(kind);
}

function isPair(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === "number" &&
    typeof value[1] === "number"
  );
}

/**
 * Reads the API's untyped `geometry` object into page-space types; null when it has none of
 * the three shapes. Shape only: `validateDraft` checks the counts.
 */
export function parseGeometry(raw: unknown): AnnotationGeometry | null {
  if (typeof raw !== "object" || raw === null) return null;
  const g = raw as Record<string, unknown>;
  if (Array.isArray(g.points) && g.points.every(isPair)) {
    return { points: g.points.map(([x, y]) => pagePoint(x, y)) };
  }
  if (Array.isArray(g.rect) && g.rect.length === 4 && g.rect.every((v) => typeof v === "number")) {
    const [x, y, w, h] = g.rect as number[];
    return { rect: pageRect(x!, y!, w!, h!) };
  }
  if (
    Array.isArray(g.strokes) &&
    g.strokes.every((s: unknown) => Array.isArray(s) && s.every(isPair))
  ) {
    const strokes = g.strokes as [number, number][][];
    return { strokes: strokes.map((s) => s.map(([x, y]) => pagePoint(x, y))) };
  }
  return null;
}
