import { describe, expect, it } from "vitest";
import {
  BUCKETS_PER_OCTAVE,
  maxPreviewScale,
  normalizeRotation,
  planTiles,
  rotatedSize,
  tilesForView,
  zoomBucket,
  zoomBucketIndex,
} from "../tiles";

describe("zoomBucket", () => {
  it("keeps exact powers of 2^(1/4), 800 % included", () => {
    expect(zoomBucket(1)).toBe(1);
    expect(zoomBucket(8)).toBe(8);
    expect(zoomBucket(0.5)).toBe(0.5);
    expect(zoomBucket(2 ** 0.25)).toBeCloseTo(2 ** 0.25, 12);
  });

  it("rounds up to the next bucket, ignoring float noise", () => {
    expect(zoomBucket(1.1)).toBeCloseTo(2 ** 0.25, 12);
    expect(zoomBucket(8 * (1 + 1e-9))).toBe(8);
    expect(zoomBucket(7)).toBe(8);
  });

  it("is never below the zoom and less than a quarter octave above it", () => {
    for (let zoom = 0.07; zoom < 60; zoom *= 1.037) {
      const bucket = zoomBucket(zoom);
      expect(bucket).toBeGreaterThanOrEqual(zoom * (1 - 1e-6));
      expect(bucket).toBeLessThan(zoom * 2 ** (1 / BUCKETS_PER_OCTAVE));
    }
  });

  it("shares one bucket across small zoom changes", () => {
    expect(zoomBucketIndex(1.2)).toBe(zoomBucketIndex(1.4));
    expect(zoomBucketIndex(1.2)).not.toBe(zoomBucketIndex(1.5));
  });

  it("clamps to 1/16 … 64 and survives nonsense", () => {
    expect(zoomBucket(0.001)).toBe(1 / 16);
    expect(zoomBucket(1000)).toBe(64);
    expect(zoomBucket(0)).toBe(1);
    expect(zoomBucket(Number.NaN)).toBe(1);
  });
});

describe("rotation helpers", () => {
  it("swaps width and height on a quarter turn", () => {
    expect(rotatedSize(842, 595, 90)).toEqual({ width: 595, height: 842 });
    expect(rotatedSize(842, 595, 180)).toEqual({ width: 842, height: 595 });
  });

  it("adds the page's /Rotate and the user's turn modulo 360", () => {
    expect(normalizeRotation(270 + 180)).toBe(90);
    expect(normalizeRotation(-90)).toBe(270);
    expect(() => normalizeRotation(45)).toThrow(RangeError);
  });
});

describe("maxPreviewScale", () => {
  it("fits the whole page, rounded up to whole pixels, in the budget", () => {
    const a0 = [2384, 3370] as const;
    for (const budget of [4e6, 1e6, 12345]) {
      const s = maxPreviewScale(a0[0], a0[1], budget);
      const pixels = Math.ceil(a0[0] * s) * Math.ceil(a0[1] * s);
      expect(pixels).toBeLessThanOrEqual(budget);
      expect(pixels).toBeGreaterThan(budget * 0.99);
    }
  });

  it("defaults to 4 megapixels and returns 0 for an empty page", () => {
    expect(maxPreviewScale(1000, 1000)).toBe(2);
    expect(maxPreviewScale(0, 100)).toBe(0);
  });
});

describe("tilesForView", () => {
  const grid = (visible: { x: number; y: number; width: number; height: number }) =>
    tilesForView({ pageWidth: 2000, pageHeight: 1000, visible, tileSize: 512, keyPrefix: "p" });

  it("covers the visible area plus one ring, cut at the page edge", () => {
    const tiles = grid({ x: 0, y: 0, width: 600, height: 600 });
    const cells = tiles.map((t) => `${t.col},${t.row}`).sort();
    expect(cells).toEqual(["0,0", "0,1", "1,0", "1,1", "2,0", "2,1"]);
    expect(
      tiles
        .filter((t) => t.visible)
        .map((t) => t.key)
        .sort(),
    ).toEqual(["p|0,0", "p|0,1", "p|1,0", "p|1,1"]);
    const edge = grid({ x: 1900, y: 900, width: 50, height: 50 }).find(
      (t) => t.col === 3 && t.row === 1,
    );
    expect(edge).toMatchObject({ x: 1536, y: 512, width: 464, height: 488, visible: true });
  });

  it("puts visible tiles first, centre first", () => {
    const tiles = grid({ x: 600, y: 100, width: 300, height: 300 });
    expect(tiles[0]).toMatchObject({ col: 1, row: 0, visible: true });
    const firstMargin = tiles.findIndex((t) => !t.visible);
    expect(tiles.slice(firstMargin).every((t) => !t.visible)).toBe(true);
    const wide = grid({ x: 0, y: 0, width: 2000, height: 400 });
    expect(wide[0]).toMatchObject({ col: 1, row: 0 });
    expect(wide.slice(0, 4).every((t) => t.visible)).toBe(true);
  });

  it("returns nothing when the view misses the page", () => {
    expect(grid({ x: -500, y: 0, width: 400, height: 400 })).toEqual([]);
    expect(grid({ x: 0, y: 2000, width: 400, height: 400 })).toEqual([]);
  });

  it("treats tiles exactly at the visible edge as margin", () => {
    const tiles = grid({ x: 0, y: 0, width: 512, height: 512 });
    expect(tiles.filter((t) => t.visible).map((t) => t.key)).toEqual(["p|0,0"]);
  });
});

describe("planTiles", () => {
  const a1 = { pageWidthPt: 2384, pageHeightPt: 1684 };

  it("renders at the bucket × ratio and CSS-scales to the exact zoom", () => {
    const plan = planTiles({
      sourceId: "s",
      ...a1,
      rotation: 90,
      zoom: 7,
      devicePixelRatio: 2,
      visibleRect: { x: 700, y: 0, width: 700, height: 700 },
    });
    expect(plan.bucket).toBe(8);
    expect(plan.renderScale).toBe(16);
    expect(plan.cssScale).toBeCloseTo(7 / 8, 12);
    expect(plan.width).toBe(1684 * 16); // rotated: the short side is the width
    expect(plan.height).toBe(2384 * 16);
    // CSS (700..1400) × 16/7 → device (1600..3200): columns 3..6 visible, 2..7 with margin.
    const visible = plan.tiles.filter((t) => t.visible);
    expect(new Set(visible.map((t) => t.col))).toEqual(new Set([3, 4, 5, 6]));
    expect(Math.min(...plan.tiles.map((t) => t.col))).toBe(2);
    expect(plan.tiles[0]?.key.startsWith("s|z12|d2|r90|t512|")).toBe(true);
  });

  it("keeps keys across panning and zooming inside a bucket, not across rotations", () => {
    const base = {
      sourceId: "s",
      ...a1,
      rotation: 0 as const,
      devicePixelRatio: 1,
      visibleRect: { x: 0, y: 0, width: 800, height: 600 },
    };
    const a = planTiles({ ...base, zoom: 1.2 });
    const b = planTiles({ ...base, zoom: 1.3 });
    const c = planTiles({ ...base, zoom: 1.2, rotation: 180 });
    expect(a.layerKey).toBe(b.layerKey);
    expect(b.tiles.some((t) => a.tiles.some((u) => u.key === t.key))).toBe(true);
    expect(c.layerKey).not.toBe(a.layerKey);
  });

  it("needs only a screenful of small tiles at 800 % on an A0 sheet", () => {
    const plan = planTiles({
      sourceId: "a0",
      pageWidthPt: 2384,
      pageHeightPt: 3370,
      rotation: 0,
      zoom: 8,
      devicePixelRatio: 2,
      visibleRect: { x: 5000, y: 9000, width: 1280, height: 800 },
    });
    expect(plan.width * plan.height).toBeGreaterThan(2e9); // far past any canvas limit
    expect(plan.tiles.length).toBeLessThanOrEqual(8 * 6);
    expect(plan.tiles.every((t) => t.width <= 512 && t.height <= 512)).toBe(true);
  });
});
