import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { sharedTileScheduler, type TileScheduler } from "../pdf/scheduler";
import type { TileSource } from "../pdf/source";
import {
  DEFAULT_PREVIEW_PIXELS,
  DEFAULT_TILE_SIZE,
  maxPreviewScale,
  planTiles,
  rotatedSize,
  type Rect,
  type Rotation,
} from "../pdf/tiles";
import { PageView } from "./page-view";

export interface PageCanvasProps {
  /** A PDF page (openPdf → getPage) or an image plan (openImage). One PageCanvas per source. */
  source: TileSource;
  /** Unrotated page size in points, as the API reports it. */
  pageWidthPt: number;
  pageHeightPt: number;
  /** Total clockwise display rotation: the page's own /Rotate plus the user's turn. */
  rotation: Rotation;
  /** CSS px per point. */
  zoom: number;
  /** The part of the page on screen, in CSS px from the displayed page's top-left corner. */
  visibleRect: Rect;
  /** Defaults to window.devicePixelRatio. */
  devicePixelRatio?: number;
  tileSize?: number;
  /** Pixel budget of the whole-page preview shown while tiles load. */
  previewMaxPixels?: number;
  /** Defaults to the app-wide scheduler (2 renders at once, 48 MP cache). */
  scheduler?: TileScheduler<HTMLCanvasElement>;
  onError?: (error: unknown) => void;
  className?: string;
  /** Drawn over the page in displayed CSS px (the annotation layer, say). */
  children?: ReactNode;
}

/**
 * One page of a plan, drawn as tiles at the current zoom over a low-resolution preview. The
 * canvases are decoration (aria-hidden): the accessible content is the annotation list.
 */
export function PageCanvas({
  source,
  pageWidthPt,
  pageHeightPt,
  rotation,
  zoom,
  visibleRect,
  devicePixelRatio,
  tileSize = DEFAULT_TILE_SIZE,
  previewMaxPixels = DEFAULT_PREVIEW_PIXELS,
  scheduler: schedulerProp,
  onError,
  className,
  children,
}: PageCanvasProps) {
  const dpr =
    devicePixelRatio ?? (typeof window === "undefined" ? 1 : window.devicePixelRatio || 1);
  const scheduler = schedulerProp ?? sharedTileScheduler();
  const { x, y, width, height } = visibleRect;
  const plan = useMemo(
    () =>
      planTiles({
        sourceId: source.id,
        pageWidthPt,
        pageHeightPt,
        rotation,
        zoom,
        devicePixelRatio: dpr,
        visibleRect: { x, y, width, height },
        tileSize,
      }),
    [source.id, pageWidthPt, pageHeightPt, rotation, zoom, dpr, x, y, width, height, tileSize],
  );
  const previewScale = maxPreviewScale(pageWidthPt, pageHeightPt, previewMaxPixels);

  const previewRef = useRef<HTMLDivElement>(null);
  const backRef = useRef<HTMLDivElement>(null);
  const frontRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<PageView | null>(null);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  }, [onError]);

  useEffect(() => {
    const preview = previewRef.current;
    const back = backRef.current;
    const front = frontRef.current;
    if (!preview || !back || !front) return;
    const view = new PageView({ preview, layers: [back, front] }, scheduler, (error) =>
      onErrorRef.current?.(error),
    );
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, [scheduler]);

  useEffect(() => {
    viewRef.current?.update({
      source,
      rotation,
      zoom,
      devicePixelRatio: dpr,
      plan,
      previewScale,
    });
  }, [source, rotation, zoom, dpr, plan, previewScale, scheduler]);

  const size = rotatedSize(pageWidthPt * zoom, pageHeightPt * zoom, rotation);
  return (
    <div
      className={className}
      data-page-canvas=""
      style={{
        position: "relative",
        width: `${size.width}px`,
        height: `${size.height}px`,
        overflow: "hidden",
        background: "#fff",
        // The tile layers' z-indexes stay inside: layers drawn over the page remain on top.
        isolation: "isolate",
      }}
    >
      <div aria-hidden="true" style={{ position: "absolute", inset: 0, pointerEvents: "none" }}>
        <div ref={previewRef} style={{ position: "absolute", inset: 0 }} />
        <div ref={backRef} />
        <div ref={frontRef} />
      </div>
      {children}
    </div>
  );
}
