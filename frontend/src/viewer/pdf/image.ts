import {
  nextSourceId,
  type PreviewRenderParams,
  type RenderHandle,
  type TileRenderParams,
  type TileSource,
} from "./source";
import { sharedTileScheduler } from "./scheduler";
import { rotatedSize, type Rect, type Rotation } from "./tiles";

/** A raster plan (PNG, JPEG…) decoded once, drawable by the same tile grid as a PDF page. */
export interface ImagePlan extends TileSource {
  readonly widthPx: number;
  readonly heightPx: number;
  /** Size in points as the API reports it (pixels ÷ dpi × 72). */
  readonly widthPt: number;
  readonly heightPt: number;
  /** Frees the decoded bitmap and its cached tiles; later renders draw nothing. */
  destroy(): void;
}

export interface OpenImageOptions {
  /** The page size in points from the API; defaults to 1 pt per pixel (72 dpi). */
  widthPt?: number;
  heightPt?: number;
  signal?: AbortSignal;
}

/** Six canvas transform numbers: X = a·x + c·y + e, Y = b·x + d·y + f. */
export type Transform = [number, number, number, number, number, number];

/**
 * Maps the unrotated page at render scale (`width` × `height` device px) into a tile canvas of
 * the page turned clockwise by `rotation`, the tile's top-left at the canvas origin.
 */
export function rotationTransform(
  rotation: Rotation,
  width: number,
  height: number,
  tileX = 0,
  tileY = 0,
): Transform {
  switch (rotation) {
    case 0:
      return [1, 0, 0, 1, -tileX, -tileY];
    case 90:
      return [0, 1, -1, 0, height - tileX, -tileY];
    case 180:
      return [-1, 0, 0, -1, width - tileX, height - tileY];
    case 270:
      return [0, -1, 1, 0, -tileX, width - tileY];
  }
}

/** The rectangle of the unrotated page (render px) that shows in `tile` of the rotated page. */
export function unrotateRect(rotation: Rotation, width: number, height: number, tile: Rect): Rect {
  const { x, y, width: w, height: h } = tile;
  switch (rotation) {
    case 0:
      return { x, y, width: w, height: h };
    case 90:
      return { x: y, y: height - x - w, width: h, height: w };
    case 180:
      return { x: width - x - w, y: height - y - h, width: w, height: h };
    case 270:
      return { x: width - y - h, y: x, width: h, height: w };
  }
}

export interface ImageTileDraw {
  /** Source rectangle in image pixels (whole pixels, so neighbouring tiles meet without seams). */
  source: Rect;
  /** Where it goes, in unrotated render px; draw under `rotationTransform`. */
  dest: Rect;
}

/** Which image pixels a tile needs, or null when the tile lies outside the image. */
export function imageTileDraw(input: {
  imageWidth: number;
  imageHeight: number;
  widthPt: number;
  heightPt: number;
  renderScale: number;
  rotation: Rotation;
  tile: Rect;
}): ImageTileDraw | null {
  const { imageWidth, imageHeight, widthPt, heightPt, renderScale, rotation, tile } = input;
  const kx = (widthPt * renderScale) / imageWidth; // render px per image px
  const ky = (heightPt * renderScale) / imageHeight;
  if (!(kx > 0 && ky > 0)) return null;
  const area = unrotateRect(rotation, widthPt * renderScale, heightPt * renderScale, tile);
  const u0 = Math.max(0, Math.floor(area.x / kx));
  const v0 = Math.max(0, Math.floor(area.y / ky));
  const u1 = Math.min(imageWidth, Math.ceil((area.x + area.width) / kx));
  const v1 = Math.min(imageHeight, Math.ceil((area.y + area.height) / ky));
  if (u1 <= u0 || v1 <= v0) return null;
  return {
    source: { x: u0, y: v0, width: u1 - u0, height: v1 - v0 },
    dest: { x: u0 * kx, y: v0 * ky, width: (u1 - u0) * kx, height: (v1 - v0) * ky },
  };
}

const done: RenderHandle = { promise: Promise.resolve(), cancel: () => undefined };

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext("2d", { alpha: false });
  if (!ctx) throw new Error("No 2D canvas context");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = "high";
  return ctx;
}

/** Wraps a decoded bitmap; `widthPt`/`heightPt` default to one point per pixel. */
export function imageFromBitmap(
  bitmap: ImageBitmap,
  { widthPt = bitmap.width, heightPt = bitmap.height }: Omit<OpenImageOptions, "signal"> = {},
): ImagePlan {
  let image: ImageBitmap | null = bitmap;
  const id = nextSourceId("image");
  const size = { imageWidth: bitmap.width, imageHeight: bitmap.height, widthPt, heightPt };
  return {
    id,
    widthPx: bitmap.width,
    heightPx: bitmap.height,
    widthPt,
    heightPt,
    renderTile({ renderScale, rotation, tile }: TileRenderParams, canvas) {
      canvas.width = Math.max(1, Math.round(tile.width));
      canvas.height = Math.max(1, Math.round(tile.height));
      const ctx = context(canvas);
      const draw = image && imageTileDraw({ ...size, renderScale, rotation, tile });
      if (!image || !draw) return done;
      const w = widthPt * renderScale;
      const h = heightPt * renderScale;
      ctx.setTransform(...rotationTransform(rotation, w, h, tile.x, tile.y));
      const { source: s, dest: d } = draw;
      ctx.drawImage(image, s.x, s.y, s.width, s.height, d.x, d.y, d.width, d.height);
      return done;
    },
    renderPreview({ scale, rotation }: PreviewRenderParams, canvas) {
      const w = widthPt * scale;
      const h = heightPt * scale;
      const rotated = rotatedSize(w, h, rotation);
      canvas.width = Math.max(1, Math.ceil(rotated.width));
      canvas.height = Math.max(1, Math.ceil(rotated.height));
      const ctx = context(canvas);
      if (!image) return done;
      ctx.setTransform(...rotationTransform(rotation, w, h));
      ctx.drawImage(image, 0, 0, w, h);
      return done;
    },
    destroy() {
      image?.close();
      image = null;
      sharedTileScheduler().purge(`${id}|`);
    },
  };
}

/**
 * Fetches and decodes an image plan. EXIF orientation is ignored, as the server ignores it
 * when it measures the page, so annotations land where the server expects them.
 */
export async function openImage(url: string, options: OpenImageOptions = {}): Promise<ImagePlan> {
  const { signal, ...size } = options;
  const response = await fetch(url, { signal: signal ?? null, credentials: "omit" });
  if (!response.ok) throw new Error(`Image download failed (HTTP ${response.status})`);
  const blob = await response.blob();
  signal?.throwIfAborted();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: "none" });
  } catch (error) {
    if (!(error instanceof TypeError)) throw error; // a browser without the "none" option
    bitmap = await createImageBitmap(blob);
  }
  if (signal?.aborted) {
    bitmap.close();
    signal.throwIfAborted();
  }
  return imageFromBitmap(bitmap, size);
}
