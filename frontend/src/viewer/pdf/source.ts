import type { Rect, Rotation } from "./tiles";

/** A render in progress. `cancel()` must make `promise` settle (rejecting with RenderCancelled). */
export interface RenderHandle {
  promise: Promise<void>;
  cancel(): void;
}

export interface TileRenderParams {
  /** Device px per point. */
  renderScale: number;
  /** Absolute clockwise display rotation (for a PDF: its /Rotate plus the user's turn). */
  rotation: Rotation;
  /** The tile, in render-space device px; the canvas must be tile.width × tile.height. */
  tile: Rect;
}

export interface PreviewRenderParams {
  /** Device px per point. */
  scale: number;
  rotation: Rotation;
}

/**
 * Something the tile grid can draw: one page of a PDF or one raster image. Both are addressed
 * in points of the unrotated page, so the same grid and the same scheduler serve both.
 */
export interface TileSource {
  /** Unique for the loaded document page or image: tile cache keys start with it. */
  readonly id: string;
  renderTile(params: TileRenderParams, canvas: HTMLCanvasElement): RenderHandle;
  /** Resizes `canvas` to the whole rotated page at `scale` and draws it. */
  renderPreview(params: PreviewRenderParams, canvas: HTMLCanvasElement): RenderHandle;
}

export class RenderCancelled extends Error {
  constructor() {
    super("Rendering cancelled");
    this.name = "RenderCancelled";
  }
}

/** pdf.js rejects cancelled renders with RenderingCancelledException; ours with RenderCancelled. */
export function isRenderCancelled(error: unknown): boolean {
  if (error instanceof RenderCancelled) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === "RenderingCancelledException" || name === "AbortError";
}

let counter = 0;

/** A process-unique id for a loaded source (`prefix#n`). */
export function nextSourceId(prefix: string): string {
  counter += 1;
  return `${prefix}#${counter}`;
}

/** Frees a canvas's backing store now instead of at garbage collection (Safari keeps it). */
export function releaseCanvas(canvas: HTMLCanvasElement): void {
  canvas.width = 0;
  canvas.height = 0;
}
