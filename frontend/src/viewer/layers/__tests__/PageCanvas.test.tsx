import { act, render, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { TileScheduler } from "../../pdf/scheduler";
import {
  RenderCancelled,
  releaseCanvas,
  type PreviewRenderParams,
  type TileRenderParams,
  type TileSource,
} from "../../pdf/source";
import { PageCanvas } from "../PageCanvas";
import { Thumbnail } from "../Thumbnail";

interface Call {
  kind: "tile" | "preview";
  params: TileRenderParams | PreviewRenderParams;
  finish(): void;
  cancel: ReturnType<typeof vi.fn>;
}

/** A source whose renders finish when the test says so (or at once with `auto`). */
function fakeSource(id: string, auto = false) {
  const calls: Call[] = [];
  const start = (kind: Call["kind"], params: Call["params"]) => {
    let finish: () => void = () => undefined;
    let fail: (error: unknown) => void = () => undefined;
    const promise = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    const cancel = vi.fn(() => fail(new RenderCancelled()));
    calls.push({ kind, params, finish, cancel });
    if (auto) finish();
    return { promise, cancel };
  };
  const source: TileSource = {
    id,
    renderTile(params, canvas) {
      canvas.width = params.tile.width;
      canvas.height = params.tile.height;
      return start("tile", params);
    },
    renderPreview(params, canvas) {
      canvas.width = 10;
      canvas.height = 10;
      return start("preview", params);
    },
  };
  return { source, calls };
}

function scheduler() {
  return new TileScheduler<HTMLCanvasElement>({
    pixelsOf: (c) => c.width * c.height,
    release: releaseCanvas,
  });
}

// An A1 landscape sheet (2384 × 1684 pt) at 800 %, turned a quarter, a 1200 × 800 CSS px window.
const A1 = { pageWidthPt: 2384, pageHeightPt: 1684 };
const VIEW = { x: 4000, y: 6000, width: 1200, height: 800 };

describe("PageCanvas", () => {
  it("draws the visible tiles at zoom 8 and rotation 90 over the preview", async () => {
    const { source, calls } = fakeSource("doc#1/p1", true);
    const { container } = render(
      <PageCanvas
        source={source}
        {...A1}
        rotation={90}
        zoom={8}
        visibleRect={VIEW}
        devicePixelRatio={1}
        scheduler={scheduler()}
      />,
    );
    const page = container.querySelector<HTMLElement>("[data-page-canvas]")!;
    expect(page.style.width).toBe(`${1684 * 8}px`);
    expect(page.style.height).toBe(`${2384 * 8}px`);
    const stack = page.querySelector('[aria-hidden="true"]')!;

    // The preview goes first, then tiles centre-first; two at a time.
    expect(calls[0]?.kind).toBe("preview");
    await waitFor(() => expect(stack.querySelectorAll("canvas")).toHaveLength(1 + 6 * 5));
    const tiles = calls.filter((c) => c.kind === "tile").map((c) => c.params as TileRenderParams);
    expect(tiles.every((t) => t.renderScale === 8 && t.rotation === 90)).toBe(true);
    // The view spans columns 7.8…10.2 and rows 11.7…13.3 of 512 px: 4 × 3 tiles, plus a ring.
    expect(new Set(tiles.map((t) => t.tile.x / 512))).toEqual(new Set([6, 7, 8, 9, 10, 11]));
    expect(new Set(tiles.map((t) => t.tile.y / 512))).toEqual(new Set([10, 11, 12, 13, 14]));
    expect(tiles[0]?.tile).toMatchObject({ x: 8 * 512, y: 12 * 512 }); // nearest the centre
    const tile = [...stack.querySelectorAll<HTMLCanvasElement>("canvas")].find(
      (c) => c.style.left === "4096px" && c.style.top === "6144px",
    );
    expect(tile?.style.width).toBe("512px");
    expect(tile?.width).toBe(512);
  });

  it("reuses the tiles inside a zoom bucket and only rescales the layer", async () => {
    const { source, calls } = fakeSource("doc#2/p1", true);
    const shared = scheduler();
    const props = { source, ...A1, rotation: 0 as const, devicePixelRatio: 2, scheduler: shared };
    const { container, rerender } = render(
      <PageCanvas {...props} zoom={1.3} visibleRect={{ x: 0, y: 0, width: 800, height: 600 }} />,
    );
    await waitFor(() => expect(calls.length).toBeGreaterThan(4));
    await act(async () => {});
    const before = calls.length;
    rerender(
      <PageCanvas {...props} zoom={1.35} visibleRect={{ x: 0, y: 0, width: 780, height: 580 }} />,
    );
    await act(async () => {});
    expect(calls.length).toBe(before);
    const layers = container.querySelectorAll<HTMLElement>('[aria-hidden="true"] > div');
    const front = [...layers].find((l) => l.style.zIndex === "2");
    expect(front?.style.transform).toBe(`scale(${1.35 / 2 ** 0.5})`);
  });

  it("keeps the old bucket's tiles on screen until the new ones cover the view", async () => {
    const { source, calls } = fakeSource("doc#3/p1");
    const props = {
      source,
      ...A1,
      rotation: 0 as const,
      devicePixelRatio: 1,
      scheduler: scheduler(),
    };
    const view = { x: 0, y: 0, width: 400, height: 400 };
    const { container, rerender } = render(<PageCanvas {...props} zoom={1} visibleRect={view} />);
    const finishAll = async () => {
      for (let i = 0; i < 50 && calls.some((c) => !c.cancel.mock.calls.length); i += 1) {
        await act(async () => calls.splice(0).forEach((c) => c.finish()));
      }
    };
    await finishAll();
    const canvases = () => container.querySelectorAll('[aria-hidden="true"] canvas');
    const shownAtZoom1 = canvases().length;
    expect(shownAtZoom1).toBeGreaterThan(1);

    rerender(
      <PageCanvas {...props} zoom={2} visibleRect={{ x: 0, y: 0, width: 400, height: 400 }} />,
    );
    await act(async () => {});
    expect(canvases().length).toBe(shownAtZoom1); // old tiles still there, CSS-scaled
    await finishAll();
    const layers = [...container.querySelectorAll<HTMLElement>('[aria-hidden="true"] > div')];
    const back = layers.find((l) => l.style.zIndex === "1");
    expect(back?.children).toHaveLength(0);
  });

  it("cancels its renders when unmounted", async () => {
    const { source, calls } = fakeSource("doc#4/p1");
    const { unmount } = render(
      <PageCanvas
        source={source}
        {...A1}
        rotation={0}
        zoom={4}
        visibleRect={VIEW}
        devicePixelRatio={1}
        scheduler={scheduler()}
      />,
    );
    expect(calls).toHaveLength(2);
    unmount();
    expect(calls.every((c) => c.cancel.mock.calls.length === 1)).toBe(true);
  });
});

describe("Thumbnail", () => {
  it("fits the rotated page in the box and renders a preview at that size", async () => {
    const { source, calls } = fakeSource("doc#5/p1", true);
    const { container } = render(
      <Thumbnail source={source} {...A1} rotation={90} maxWidth={120} devicePixelRatio={2} />,
    );
    const canvas = container.querySelector("canvas")!;
    expect(canvas).toHaveAttribute("aria-hidden", "true");
    const scale = 120 / 2384; // turned, the long side is the height
    expect(parseFloat(canvas.style.height)).toBeCloseTo(120, 6);
    expect(calls[0]?.params).toEqual({ scale: scale * 2, rotation: 90 });
  });
});
