import { useEffect, useRef } from "react";
import { isRenderCancelled, type TileSource } from "../pdf/source";
import { rotatedSize, type Rotation } from "../pdf/tiles";

export interface ThumbnailProps {
  source: TileSource;
  /** Unrotated page size in points. */
  pageWidthPt: number;
  pageHeightPt: number;
  /** Total clockwise display rotation. */
  rotation: Rotation;
  /** The box the thumbnail fits in, CSS px; the page keeps its proportions. */
  maxWidth: number;
  maxHeight?: number;
  devicePixelRatio?: number;
  onError?: (error: unknown) => void;
  className?: string;
}

/**
 * A whole page drawn small, for a page strip. Decoration (aria-hidden): the strip's buttons
 * carry the page labels.
 */
export function Thumbnail({
  source,
  pageWidthPt,
  pageHeightPt,
  rotation,
  maxWidth,
  maxHeight = maxWidth,
  devicePixelRatio,
  onError,
  className,
}: ThumbnailProps) {
  const dpr =
    devicePixelRatio ?? (typeof window === "undefined" ? 1 : window.devicePixelRatio || 1);
  const turned = rotatedSize(pageWidthPt, pageHeightPt, rotation);
  const cssScale =
    turned.width > 0 && turned.height > 0
      ? Math.min(maxWidth / turned.width, maxHeight / turned.height)
      : 0;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  }, [onError]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !(cssScale > 0)) return;
    const handle = source.renderPreview({ scale: cssScale * dpr, rotation }, canvas);
    handle.promise.catch((error: unknown) => {
      if (!isRenderCancelled(error)) onErrorRef.current?.(error);
    });
    return () => handle.cancel();
  }, [source, rotation, cssScale, dpr]);

  return (
    <canvas
      ref={canvasRef}
      aria-hidden="true"
      className={className}
      style={{
        display: "block",
        width: `${turned.width * cssScale}px`,
        height: `${turned.height * cssScale}px`,
        background: "#fff",
      }}
    />
  );
}
