import { beforeEach, describe, expect, it, vi } from "vitest";

const pdfjs = vi.hoisted(() => ({
  GlobalWorkerOptions: { workerSrc: "" },
  getDocument: vi.fn(),
}));
vi.mock("pdfjs-dist", () => pdfjs);
vi.mock("pdfjs-dist/build/pdf.worker.min.mjs?url", () => ({ default: "/assets/pdf.worker.js" }));

import { openPdf, renderTile } from "../document";
import type { PDFPageProxy } from "pdfjs-dist";

function fakePage(pageNumber: number, rotate = 0) {
  const renderTask = { promise: Promise.resolve(), cancel: vi.fn() };
  return {
    pageNumber,
    rotate,
    view: [0, 0, 1190.55, 841.89],
    userUnit: 1,
    getViewport: vi.fn((params: { scale: number; rotation: number }) => ({
      ...params,
      width: 841.89 * params.scale,
      height: 1190.55 * params.scale,
    })),
    render: vi.fn(() => renderTask),
    renderTask,
  };
}

function fakeLoadingTask(numPages = 2) {
  const pages = Array.from({ length: numPages }, (_, i) => fakePage(i + 1, 90));
  const proxy = { numPages, getPage: vi.fn(async (n: number) => pages[n - 1]) };
  let settle: (value: typeof proxy) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const task = {
    promise: new Promise<typeof proxy>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    }),
    destroy: vi.fn(async () => fail(new Error("Worker was destroyed"))),
  };
  return { task, proxy, pages, resolve: () => settle(proxy) };
}

beforeEach(() => {
  pdfjs.getDocument.mockReset();
});

describe("openPdf", () => {
  it("loads pdf.js lazily, fetches without credentials and caches pages", async () => {
    const loading = fakeLoadingTask();
    pdfjs.getDocument.mockReturnValue(loading.task);
    const opening = openPdf("https://s3.example/plan.pdf?X-Amz-Signature=abc");
    await vi.waitFor(() => expect(pdfjs.getDocument).toHaveBeenCalled());
    loading.resolve();
    const doc = await opening;
    expect(pdfjs.GlobalWorkerOptions.workerSrc).toBe("/assets/pdf.worker.js");
    expect(pdfjs.getDocument).toHaveBeenCalledWith({
      url: "https://s3.example/plan.pdf?X-Amz-Signature=abc",
      withCredentials: false,
    });
    expect(doc.numPages).toBe(2);
    const page = await doc.getPage(2);
    expect(await doc.getPage(2)).toBe(page);
    expect(loading.proxy.getPage).toHaveBeenCalledTimes(1);
    expect(page).toMatchObject({ pageNumber: 2, rotate: 90, widthPt: 1190.55, heightPt: 841.89 });
    expect(page.id).toMatch(new RegExp(`^${doc.id}/p2$`));
    await expect(doc.getPage(3)).rejects.toThrow(RangeError);
    await doc.destroy();
    expect(loading.task.destroy).toHaveBeenCalledOnce();
    await expect(doc.getPage(1)).rejects.toThrow(/destroyed/);
  });

  it("destroys the loading task when the signal aborts", async () => {
    const loading = fakeLoadingTask();
    pdfjs.getDocument.mockReturnValue(loading.task);
    const controller = new AbortController();
    const opening = openPdf("/plan.pdf", { signal: controller.signal });
    await vi.waitFor(() => expect(pdfjs.getDocument).toHaveBeenCalled());
    controller.abort();
    await expect(opening).rejects.toMatchObject({ name: "AbortError" });
    expect(loading.task.destroy).toHaveBeenCalled();
  });

  it("does not start loading when already aborted", async () => {
    await expect(openPdf("/plan.pdf", { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(pdfjs.getDocument).not.toHaveBeenCalled();
  });
});

describe("renderTile", () => {
  it("renders only the tile: absolute rotation, viewport offset by the tile", async () => {
    const page = fakePage(1, 90);
    const canvas = document.createElement("canvas");
    const tile = { x: 1024, y: 512, width: 512, height: 300 };
    const handle = renderTile(
      page as unknown as PDFPageProxy,
      { renderScale: 16, rotation: 180, tile },
      canvas,
    );
    await handle.promise;
    expect(page.getViewport).toHaveBeenCalledWith({ scale: 16, rotation: 180 });
    expect(page.render).toHaveBeenCalledWith({
      canvas,
      viewport: expect.objectContaining({ scale: 16, rotation: 180 }),
      transform: [1, 0, 0, 1, -1024, -512],
    });
    expect([canvas.width, canvas.height]).toEqual([512, 300]);
    handle.cancel();
    expect(page.renderTask.cancel).toHaveBeenCalledOnce();
  });
});
