import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist";
import { loadPdfjs } from "./pdfjs";
import { sharedTileScheduler } from "./scheduler";
import {
  nextSourceId,
  type PreviewRenderParams,
  type RenderHandle,
  type TileRenderParams,
  type TileSource,
} from "./source";
import { normalizeRotation, type Rotation } from "./tiles";

/** One page of an open PDF, drawable by the tile grid. */
export interface PdfPage extends TileSource {
  /** 1-based. */
  readonly pageNumber: number;
  /** Unrotated size in points: the crop box times /UserUnit (what the API reports). */
  readonly widthPt: number;
  readonly heightPt: number;
  /** The page's own /Rotate; add the user's turn to it for the display rotation. */
  readonly rotate: Rotation;
  readonly proxy: PDFPageProxy;
}

export interface PdfDocument {
  /** Prefix of every page's source id (`scheduler.purge(doc.id)` drops its cached tiles). */
  readonly id: string;
  readonly numPages: number;
  /** 1-based; the same promise for the same page until destroy(). */
  getPage(pageNumber: number): Promise<PdfPage>;
  /** Stops the worker, frees the document and its cached tiles; pending getPage() calls reject. */
  destroy(): Promise<void>;
}

export interface OpenPdfOptions {
  /** Aborting destroys the loading task; openPdf() then rejects with an AbortError. */
  signal?: AbortSignal;
}

function abortError(): DOMException {
  return new DOMException("PDF loading aborted", "AbortError");
}

/**
 * Opens the PDF at `url`: a short-lived signed download URL, possibly cross-origin (S3), so
 * pdf.js fetches it without credentials (range requests when the server allows them).
 */
export async function openPdf(url: string, { signal }: OpenPdfOptions = {}): Promise<PdfDocument> {
  if (signal?.aborted) throw abortError();
  const pdfjs = await loadPdfjs();
  if (signal?.aborted) throw abortError();
  const task = pdfjs.getDocument({ url, withCredentials: false });
  const onAbort = () => void task.destroy();
  signal?.addEventListener("abort", onAbort, { once: true });
  let proxy: PDFDocumentProxy;
  try {
    proxy = await task.promise;
  } catch (error) {
    if (signal?.aborted) throw abortError();
    throw error;
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
  if (signal?.aborted) {
    await task.destroy();
    throw abortError();
  }
  return wrapDocument(proxy, () => task.destroy());
}

function wrapDocument(proxy: PDFDocumentProxy, destroyTask: () => Promise<void>): PdfDocument {
  const id = nextSourceId("pdf");
  const pages = new Map<number, Promise<PdfPage>>();
  let destroyed = false;
  return {
    id,
    numPages: proxy.numPages,
    getPage(pageNumber) {
      if (destroyed) return Promise.reject(new Error("The PDF document was destroyed"));
      if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > proxy.numPages) {
        return Promise.reject(new RangeError(`No page ${pageNumber} in ${proxy.numPages}`));
      }
      let page = pages.get(pageNumber);
      if (!page) {
        page = proxy.getPage(pageNumber).then((p) => wrapPage(p, `${id}/p${pageNumber}`));
        page.catch(() => pages.delete(pageNumber));
        pages.set(pageNumber, page);
      }
      return page;
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      pages.clear();
      sharedTileScheduler().purge(`${id}/`);
      await destroyTask();
    },
  };
}

function wrapPage(proxy: PDFPageProxy, id: string): PdfPage {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = proxy.view;
  const unit = proxy.userUnit || 1;
  return {
    id,
    pageNumber: proxy.pageNumber,
    widthPt: Math.abs(x1 - x0) * unit,
    heightPt: Math.abs(y1 - y0) * unit,
    rotate: normalizeRotation(proxy.rotate),
    proxy,
    renderTile: (params, canvas) => renderTile(proxy, params, canvas),
    renderPreview: (params, canvas) => renderPreview(proxy, params, canvas),
  };
}

/**
 * Draws one tile of `page` into `canvas` (resized to the tile). `rotation` is absolute: pdf.js
 * uses it instead of the page's /Rotate, so pass /Rotate plus the user's turn.
 */
export function renderTile(
  page: PDFPageProxy,
  { renderScale, rotation, tile }: TileRenderParams,
  canvas: HTMLCanvasElement,
): RenderHandle {
  canvas.width = Math.max(1, Math.round(tile.width));
  canvas.height = Math.max(1, Math.round(tile.height));
  const viewport = page.getViewport({ scale: renderScale, rotation });
  const task = page.render({
    canvas,
    viewport,
    transform: [1, 0, 0, 1, -tile.x, -tile.y],
  });
  return { promise: task.promise, cancel: () => task.cancel() };
}

/** Draws the whole page into `canvas`, resized to the rotated page at `scale` device px/pt. */
export function renderPreview(
  page: PDFPageProxy,
  { scale, rotation }: PreviewRenderParams,
  canvas: HTMLCanvasElement,
): RenderHandle {
  const viewport = page.getViewport({ scale, rotation });
  canvas.width = Math.max(1, Math.ceil(viewport.width));
  canvas.height = Math.max(1, Math.ceil(viewport.height));
  const task = page.render({ canvas, viewport });
  return { promise: task.promise, cancel: () => task.cancel() };
}
