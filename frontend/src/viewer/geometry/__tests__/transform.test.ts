import { describe, expect, it } from "vitest";
import {
  clampZoom,
  displayedSize,
  fitPageZoom,
  fitWidthZoom,
  MAX_ZOOM,
  MIN_ZOOM,
  normaliseRotation,
  pageRectToScreen,
  pageToScreen,
  rotatePoint,
  screenRectToPage,
  screenToPage,
  unrotatePoint,
  zoomAround,
  type Rotation,
  type ViewTransform,
} from "../transform";
import { pagePoint, pageRect, screenPoint, screenRect } from "../types";

const ROTATIONS: Rotation[] = [0, 90, 180, 270];
const PAGES = [
  { name: "A4 portrait", pageWidth: 595, pageHeight: 842 },
  { name: "A1 landscape", pageWidth: 2383.937, pageHeight: 1683.78 },
];

const cases = PAGES.flatMap((page) =>
  ROTATIONS.map((rotation) => [`${page.name} at ${rotation}°`, { ...page, rotation }] as const),
);

describe("rotation mapping (backend rotate_point)", () => {
  it("maps a point as the backend does, then zooms", () => {
    const t: ViewTransform = { pageWidth: 595, pageHeight: 842, rotation: 90, zoom: 2 };
    expect(pageToScreen(t, pagePoint(100, 200))).toEqual([1284, 200]);
    expect(pageToScreen({ ...t, rotation: 180 }, pagePoint(100, 200))).toEqual([990, 1284]);
    expect(pageToScreen({ ...t, rotation: 270 }, pagePoint(100, 200))).toEqual([400, 990]);
    expect(pageToScreen({ ...t, rotation: 0 }, pagePoint(100, 200))).toEqual([200, 400]);
  });

  it.each(cases)("round-trips %s", (_, page) => {
    for (const zoom of [0.25, 1, 3.5]) {
      const t: ViewTransform = { ...page, zoom };
      for (const [x, y] of [
        [0, 0],
        [10, 20],
        [page.pageWidth, page.pageHeight],
        [page.pageWidth / 3, page.pageHeight - 1],
      ] as const) {
        const back = screenToPage(t, pageToScreen(t, pagePoint(x, y)));
        expect(back[0]).toBeCloseTo(x, 9);
        expect(back[1]).toBeCloseTo(y, 9);
        const [rx, ry] = unrotatePoint(
          rotatePoint([x, y], t.rotation, page.pageWidth, page.pageHeight),
          t.rotation,
          page.pageWidth,
          page.pageHeight,
        );
        expect(rx).toBeCloseTo(x, 9);
        expect(ry).toBeCloseTo(y, 9);
      }
    }
  });

  it.each(cases)("maps the page's corners onto the displayed page, %s", (_, page) => {
    const t: ViewTransform = { ...page, zoom: 1.5 };
    const size = displayedSize(t);
    const corners = [
      [0, 0],
      [page.pageWidth, 0],
      [page.pageWidth, page.pageHeight],
      [0, page.pageHeight],
    ].map(([x, y]) => pageToScreen(t, pagePoint(x!, y!)));
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    expect(Math.min(...xs)).toBeCloseTo(0, 9);
    expect(Math.min(...ys)).toBeCloseTo(0, 9);
    expect(Math.max(...xs)).toBeCloseTo(size.width, 9);
    expect(Math.max(...ys)).toBeCloseTo(size.height, 9);
  });

  it("swaps the displayed size on quarter turns", () => {
    const t: ViewTransform = { pageWidth: 600, pageHeight: 400, rotation: 0, zoom: 2 };
    expect(displayedSize(t)).toEqual({ width: 1200, height: 800 });
    expect(displayedSize({ ...t, rotation: 90 })).toEqual({ width: 800, height: 1200 });
    expect(displayedSize({ ...t, rotation: 180 })).toEqual({ width: 1200, height: 800 });
    expect(displayedSize({ ...t, rotation: 270 })).toEqual({ width: 800, height: 1200 });
  });
});

describe("rectangles", () => {
  it.each(cases)("give the screen bounding box and back, %s", (_, page) => {
    const t: ViewTransform = { ...page, zoom: 2 };
    const rect = pageRect(10, 20, 100, 50);
    const shown = pageRectToScreen(t, rect);
    const quarter = page.rotation === 90 || page.rotation === 270;
    expect(shown[2]).toBeCloseTo(quarter ? 100 : 200, 9);
    expect(shown[3]).toBeCloseTo(quarter ? 200 : 100, 9);
    const back = screenRectToPage(t, shown);
    back.forEach((v, i) => expect(v).toBeCloseTo(rect[i]!, 9));
  });

  it("places a rotated rectangle where its corners go", () => {
    const t: ViewTransform = { pageWidth: 595, pageHeight: 842, rotation: 90, zoom: 1 };
    // rotate_point(10, 20) = (822, 10); (110, 70) = (772, 110)
    expect(pageRectToScreen(t, pageRect(10, 20, 100, 50))).toEqual([772, 10, 50, 100]);
    expect(screenRectToPage(t, screenRect(772, 10, 50, 100))).toEqual([10, 20, 100, 50]);
  });
});

describe("zoom", () => {
  it("normalises any multiple of 90 degrees", () => {
    expect(normaliseRotation(0)).toBe(0);
    expect(normaliseRotation(450)).toBe(90);
    expect(normaliseRotation(-90)).toBe(270);
    expect(normaliseRotation(540)).toBe(180);
    expect(() => normaliseRotation(45)).toThrow(RangeError);
  });

  it("clamps to 5 % … 6400 %", () => {
    expect(clampZoom(0.001)).toBe(MIN_ZOOM);
    expect(clampZoom(1000)).toBe(MAX_ZOOM);
    expect(clampZoom(1.25)).toBe(1.25);
  });

  it("fits the rotated page's width", () => {
    const a4 = { width: 595, height: 842 };
    expect(fitWidthZoom(1190, a4, 0)).toBe(2);
    expect(fitWidthZoom(842, a4, 90)).toBe(1);
    expect(fitWidthZoom(1e9, a4, 0)).toBe(MAX_ZOOM);
  });

  it("fits the whole rotated page", () => {
    const landscape = { width: 2000, height: 1000 };
    expect(fitPageZoom({ width: 1000, height: 1000 }, landscape, 0)).toBe(0.5);
    expect(fitPageZoom({ width: 1000, height: 1000 }, landscape, 90)).toBe(0.5);
    expect(fitPageZoom({ width: 4000, height: 1000 }, landscape, 0)).toBe(1);
    expect(fitPageZoom({ width: 1000, height: 4000 }, landscape, 0)).toBe(0.5);
    expect(fitPageZoom({ width: 1000, height: 4000 }, landscape, 270)).toBe(1);
    expect(fitPageZoom({ width: 1, height: 1 }, landscape, 0)).toBe(MIN_ZOOM);
  });

  it.each(ROTATIONS)("keeps the page point under the cursor at %i°", (rotation) => {
    const t: ViewTransform = { pageWidth: 2383.937, pageHeight: 1683.78, rotation, zoom: 1 };
    const scroll = { x: 300, y: 120 };
    const cursorInViewport = screenPoint(250, 175);
    const anchor = screenPoint(scroll.x + cursorInViewport[0], scroll.y + cursorInViewport[1]);
    const under = screenToPage(t, anchor);
    const result = zoomAround(t, anchor, 2.5, scroll);
    expect(result.transform.zoom).toBe(2.5);
    const after = pageToScreen(result.transform, under);
    expect(after[0] - result.scroll.x).toBeCloseTo(cursorInViewport[0], 9);
    expect(after[1] - result.scroll.y).toBeCloseTo(cursorInViewport[1], 9);
  });

  it("clamps the zoom it applies around the cursor", () => {
    const t: ViewTransform = { pageWidth: 100, pageHeight: 100, rotation: 0, zoom: 32 };
    const result = zoomAround(t, screenPoint(100, 100), 1000, { x: 0, y: 0 });
    expect(result.transform.zoom).toBe(MAX_ZOOM);
    expect(result.scroll).toEqual({ x: 100, y: 100 });
  });
});
