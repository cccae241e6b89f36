/**
 * Tile arithmetic for the plan viewer. Pure: no DOM, no pdf.js.
 *
 * Spaces:
 * - page points: the unrotated page (PDF points, or an image's size in points from the API);
 * - render space: the page rotated clockwise and scaled by `renderScale` device px per point.
 *   Render space is where tiles live: tile (x, y) is a device-pixel offset from the rotated
 *   page's top-left corner at the bucketed zoom, so a tile keeps its pixels while the user pans
 *   or zooms within one bucket (CSS scales the rendered layer to the exact zoom).
 */

export type Rotation = 0 | 90 | 180 | 270;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Tile extends Rect {
  /** Stable across renders: source, zoom bucket, device pixel ratio, rotation, tile size, cell. */
  key: string;
  col: number;
  row: number;
  /** True when the tile intersects the visible rectangle itself (not only its margin). */
  visible: boolean;
}

export const DEFAULT_TILE_SIZE = 512;
/** Zoom buckets per doubling: render zooms are powers of 2^(1/4). */
export const BUCKETS_PER_OCTAVE = 4;
/** Render zooms stay within [2^-4, 2^6] (6.25 % … 6400 %); CSS scales beyond. */
export const MIN_BUCKET_INDEX = -4 * BUCKETS_PER_OCTAVE;
export const MAX_BUCKET_INDEX = 6 * BUCKETS_PER_OCTAVE;
export const DEFAULT_PREVIEW_PIXELS = 4e6;

/** Tolerates float noise so that e.g. zoom 8 maps to bucket 8, not to the next one. */
const BUCKET_EPSILON = 1e-6;

/**
 * Index k of the render bucket 2^(k/4) for `zoom` (CSS px per point): the smallest bucket at
 * or above the zoom, so tiles are never upscaled by more than float noise.
 */
export function zoomBucketIndex(zoom: number): number {
  if (!Number.isFinite(zoom) || zoom <= 0) return 0;
  const k = Math.ceil(Math.log2(zoom) * BUCKETS_PER_OCTAVE - BUCKET_EPSILON);
  return Math.min(MAX_BUCKET_INDEX, Math.max(MIN_BUCKET_INDEX, k));
}

/** The render zoom (CSS px per point) used for `zoom`: a power of 2^(1/4), ≥ zoom when possible. */
export function zoomBucket(zoom: number): number {
  return bucketZoom(zoomBucketIndex(zoom));
}

export function bucketZoom(index: number): number {
  return 2 ** (index / BUCKETS_PER_OCTAVE);
}

/** The page's size once rotated; width and height swap on a quarter turn. */
export function rotatedSize(width: number, height: number, rotation: Rotation): Size {
  return rotation === 90 || rotation === 270 ? { width: height, height: width } : { width, height };
}

/** Clockwise rotation in [0, 360) as a quarter turn; throws on anything else. */
export function normalizeRotation(degrees: number): Rotation {
  const r = ((Math.round(degrees) % 360) + 360) % 360;
  if (r !== 0 && r !== 90 && r !== 180 && r !== 270) {
    throw new RangeError(`rotation must be a quarter turn, got ${degrees}`);
  }
  return r;
}

/**
 * Largest scale (device px per point) at which the whole page fits in `maxPixels`, for the
 * low-resolution preview drawn under the tiles. The preview canvas is ceil(w·s) × ceil(h·s).
 */
export function maxPreviewScale(
  pageWidthPt: number,
  pageHeightPt: number,
  maxPixels: number = DEFAULT_PREVIEW_PIXELS,
): number {
  if (!(pageWidthPt > 0 && pageHeightPt > 0 && maxPixels >= 1)) return 0;
  let scale = Math.sqrt(maxPixels / (pageWidthPt * pageHeightPt));
  // Rounding the canvas up may overshoot the budget by a row or a column: step down until it fits.
  for (let i = 0; i < 8; i += 1) {
    if (Math.ceil(pageWidthPt * scale) * Math.ceil(pageHeightPt * scale) <= maxPixels) break;
    scale *= 1 - 1 / Math.max(pageWidthPt * scale, pageHeightPt * scale, 2);
  }
  return scale;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

export interface TileGridInput {
  /** Rotated page size in render-space device px (fractions allowed; the grid rounds up). */
  pageWidth: number;
  pageHeight: number;
  /** Visible rectangle in the same space; may extend past the page. */
  visible: Rect;
  tileSize?: number;
  /** Extra rings of tiles around the visible ones, rendered ahead of panning. */
  marginTiles?: number;
  /** Prefix of every key; callers put the source, bucket, ratio and rotation here. */
  keyPrefix: string;
}

/**
 * Tiles that intersect `visible` plus `marginTiles` rings, visible ones first, each group
 * ordered by distance from the visible rectangle's centre. Edge tiles are cut to the page.
 */
export function tilesForView({
  pageWidth,
  pageHeight,
  visible,
  tileSize = DEFAULT_TILE_SIZE,
  marginTiles = 1,
  keyPrefix,
}: TileGridInput): Tile[] {
  const width = Math.ceil(pageWidth - BUCKET_EPSILON);
  const height = Math.ceil(pageHeight - BUCKET_EPSILON);
  if (width <= 0 || height <= 0 || tileSize <= 0) return [];
  const seen = intersect(visible, { x: 0, y: 0, width, height });
  if (!seen) return [];
  const cols = Math.ceil(width / tileSize);
  const rows = Math.ceil(height / tileSize);
  const firstCol = Math.floor(seen.x / tileSize);
  const lastCol = Math.ceil((seen.x + seen.width) / tileSize) - 1;
  const firstRow = Math.floor(seen.y / tileSize);
  const lastRow = Math.ceil((seen.y + seen.height) / tileSize) - 1;
  const cx = seen.x + seen.width / 2;
  const cy = seen.y + seen.height / 2;

  const tiles: (Tile & { distance: number })[] = [];
  for (
    let row = Math.max(0, firstRow - marginTiles);
    row <= Math.min(rows - 1, lastRow + marginTiles);
    row += 1
  ) {
    for (
      let col = Math.max(0, firstCol - marginTiles);
      col <= Math.min(cols - 1, lastCol + marginTiles);
      col += 1
    ) {
      const x = col * tileSize;
      const y = row * tileSize;
      const w = Math.min(tileSize, width - x);
      const h = Math.min(tileSize, height - y);
      tiles.push({
        key: `${keyPrefix}|${col},${row}`,
        col,
        row,
        x,
        y,
        width: w,
        height: h,
        visible: col >= firstCol && col <= lastCol && row >= firstRow && row <= lastRow,
        distance: Math.hypot(x + w / 2 - cx, y + h / 2 - cy),
      });
    }
  }
  tiles.sort((a, b) => Number(b.visible) - Number(a.visible) || a.distance - b.distance);
  return tiles.map(({ distance: _distance, ...tile }) => tile);
}

export interface TilePlanInput {
  /** Identifies the rendered source (document page or image) in tile keys. */
  sourceId: string;
  /** Unrotated page size in points. */
  pageWidthPt: number;
  pageHeightPt: number;
  rotation: Rotation;
  /** CSS px per point. */
  zoom: number;
  devicePixelRatio: number;
  /** Visible rectangle in CSS px from the displayed (rotated) page's top-left corner. */
  visibleRect: Rect;
  tileSize?: number;
  marginTiles?: number;
}

export interface TilePlan {
  /** Render zoom (CSS px per point) the tiles are rendered at. */
  bucket: number;
  /** Device px per point in render space: bucket × devicePixelRatio. */
  renderScale: number;
  /** CSS scale from the render layer (sized bucket × points CSS px) to the displayed zoom. */
  cssScale: number;
  /** Rotated page size in render-space device px. */
  width: number;
  height: number;
  /** Key prefix shared by this plan's tiles; changes with source, bucket, ratio and rotation. */
  layerKey: string;
  tiles: Tile[];
}

/** Everything a page view needs to know to request and place its tiles at one zoom. */
export function planTiles({
  sourceId,
  pageWidthPt,
  pageHeightPt,
  rotation,
  zoom,
  devicePixelRatio,
  visibleRect,
  tileSize = DEFAULT_TILE_SIZE,
  marginTiles = 1,
}: TilePlanInput): TilePlan {
  const index = zoomBucketIndex(zoom);
  const bucket = bucketZoom(index);
  const dpr = devicePixelRatio > 0 ? devicePixelRatio : 1;
  const renderScale = bucket * dpr;
  const rotated = rotatedSize(pageWidthPt, pageHeightPt, rotation);
  const width = rotated.width * renderScale;
  const height = rotated.height * renderScale;
  const toRender = zoom > 0 ? renderScale / zoom : 0;
  const layerKey = `${sourceId}|z${index}|d${dpr}|r${rotation}|t${tileSize}`;
  const tiles = tilesForView({
    pageWidth: width,
    pageHeight: height,
    visible: {
      x: visibleRect.x * toRender,
      y: visibleRect.y * toRender,
      width: visibleRect.width * toRender,
      height: visibleRect.height * toRender,
    },
    tileSize,
    marginTiles,
    keyPrefix: layerKey,
  });
  return { bucket, renderScale, cssScale: zoom / bucket, width, height, layerKey, tiles };
}
