/**
 * Page space ↔ screen space, for every zoom and display rotation: the one place the SPA
 * converts. The rotation mapping is the backend's `rotate_point`
 * (backend/annotations/geometry.py) followed by the zoom.
 */
import {
  pagePoint,
  pageRect,
  screenPoint,
  screenRect,
  type PagePoint,
  type PageRect,
  type ScreenPoint,
  type ScreenRect,
  type Size,
} from "./types";

export type Rotation = 0 | 90 | 180 | 270;

/** Zoom is clamped to [MIN_ZOOM, MAX_ZOOM] CSS px per page point: 5 % to 6400 %. */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 64;

export interface ViewTransform {
  /** Unrotated page width in PDF points. */
  pageWidth: number;
  /** Unrotated page height in PDF points. */
  pageHeight: number;
  /** Total clockwise display rotation (the page's own /Rotate plus the user's). */
  rotation: Rotation;
  /** CSS pixels per PDF point. */
  zoom: number;
}

/** Any multiple of 90 (negative too, e.g. page rotation + user rotation) as 0/90/180/270. */
export function normaliseRotation(degrees: number): Rotation {
  if (!Number.isInteger(degrees) || degrees % 90 !== 0) {
    throw new RangeError("rotation must be a multiple of 90 degrees");
  }
  return (((degrees % 360) + 360) % 360) as Rotation;
}

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/**
 * Where a page point appears on the page shown rotated clockwise, in points (no zoom);
 * `width`/`height` are the unrotated page's. Same as the backend's `rotate_point`.
 */
export function rotatePoint(
  [x, y]: readonly [number, number],
  rotation: Rotation,
  width: number,
  height: number,
): [number, number] {
  switch (rotation) {
    case 0:
      return [x, y];
    case 90:
      return [height - y, x];
    case 180:
      return [width - x, height - y];
    case 270:
      return [y, width - x];
  }
}

/** The inverse of `rotatePoint`: a displayed point (points, no zoom) back to page space. */
export function unrotatePoint(
  [x, y]: readonly [number, number],
  rotation: Rotation,
  width: number,
  height: number,
): [number, number] {
  switch (rotation) {
    case 0:
      return [x, y];
    case 90:
      return [y, height - x];
    case 180:
      return [width - x, height - y];
    case 270:
      return [width - y, x];
  }
}

function isQuarterTurn(rotation: Rotation): boolean {
  return rotation === 90 || rotation === 270;
}

/** The page's size as displayed, in CSS px. */
export function displayedSize(t: ViewTransform): Size {
  const [w, h] = isQuarterTurn(t.rotation)
    ? [t.pageHeight, t.pageWidth]
    : [t.pageWidth, t.pageHeight];
  return { width: w * t.zoom, height: h * t.zoom };
}

export function pageToScreen(t: ViewTransform, p: PagePoint): ScreenPoint {
  const [x, y] = rotatePoint(p, t.rotation, t.pageWidth, t.pageHeight);
  return screenPoint(x * t.zoom, y * t.zoom);
}

export function screenToPage(t: ViewTransform, s: ScreenPoint): PagePoint {
  const [x, y] = unrotatePoint(
    [s[0] / t.zoom, s[1] / t.zoom],
    t.rotation,
    t.pageWidth,
    t.pageHeight,
  );
  return pagePoint(x, y);
}

/** The screen bounding box of a page rectangle (exact, since rotations are quarter turns). */
export function pageRectToScreen(t: ViewTransform, [x, y, w, h]: PageRect): ScreenRect {
  const a = pageToScreen(t, pagePoint(x, y));
  const b = pageToScreen(t, pagePoint(x + w, y + h));
  return screenRect(
    Math.min(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.abs(b[0] - a[0]),
    Math.abs(b[1] - a[1]),
  );
}

export function screenRectToPage(t: ViewTransform, [x, y, w, h]: ScreenRect): PageRect {
  const a = screenToPage(t, screenPoint(x, y));
  const b = screenToPage(t, screenPoint(x + w, y + h));
  return pageRect(
    Math.min(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.abs(b[0] - a[0]),
    Math.abs(b[1] - a[1]),
  );
}

function rotatedPageSize(page: Size, rotation: Rotation): Size {
  return isQuarterTurn(rotation) ? { width: page.height, height: page.width } : page;
}

/** Zoom (CSS px per point, clamped) at which the rotated page fills the container's width. */
export function fitWidthZoom(containerWidth: number, page: Size, rotation: Rotation): number {
  return clampZoom(containerWidth / rotatedPageSize(page, rotation).width);
}

/** Zoom (CSS px per point, clamped) at which the whole rotated page fits in the container. */
export function fitPageZoom(container: Size, page: Size, rotation: Rotation): number {
  const shown = rotatedPageSize(page, rotation);
  return clampZoom(Math.min(container.width / shown.width, container.height / shown.height));
}

export interface ScrollOffset {
  x: number;
  y: number;
}

/**
 * Zooms keeping the page point under `anchor` (screen space, CSS px from the displayed
 * page's top-left) under the cursor. `scroll` is the scroll container's offset; the page's
 * top-left must sit at a fixed place in the scrolled content (e.g. a constant margin).
 * Returns the new transform (zoom clamped) and the scroll offset to apply.
 */
export function zoomAround(
  t: ViewTransform,
  anchor: ScreenPoint,
  newZoom: number,
  scroll: ScrollOffset,
): { transform: ViewTransform; scroll: ScrollOffset } {
  const zoom = clampZoom(newZoom);
  const ratio = zoom / t.zoom;
  return {
    transform: { ...t, zoom },
    scroll: { x: scroll.x + anchor[0] * (ratio - 1), y: scroll.y + anchor[1] * (ratio - 1) },
  };
}
