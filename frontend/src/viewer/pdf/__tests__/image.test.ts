import { describe, expect, it, vi } from "vitest";
import { imageFromBitmap, imageTileDraw, rotationTransform, unrotateRect } from "../image";
import type { Rect, Rotation } from "../tiles";

const ROTATIONS: Rotation[] = [0, 90, 180, 270];

function apply([a, b, c, d, e, f]: number[], x: number, y: number): [number, number] {
  return [a! * x + c! * y + e!, b! * x + d! * y + f!];
}

describe("rotationTransform and unrotateRect", () => {
  const W = 300;
  const H = 200;

  it("turns the page clockwise: the top-left corner goes to the top-right on 90°", () => {
    expect(apply(rotationTransform(90, W, H), 0, 0)).toEqual([H, 0]);
    expect(apply(rotationTransform(180, W, H), 0, 0)).toEqual([W, H]);
    expect(apply(rotationTransform(270, W, H), 0, 0)).toEqual([0, W]);
  });

  it.each(ROTATIONS)("maps the unrotated source of a tile exactly onto the tile (%i°)", (r) => {
    const tile: Rect = { x: 40, y: 30, width: 50, height: 20 };
    const source = unrotateRect(r, W, H, tile);
    const m = rotationTransform(r, W, H, tile.x, tile.y);
    const corners = [
      apply(m, source.x, source.y),
      apply(m, source.x + source.width, source.y + source.height),
    ];
    const xs = corners.map((p) => p[0]).sort((a, b) => a - b);
    const ys = corners.map((p) => p[1]).sort((a, b) => a - b);
    expect([xs, ys]).toEqual([
      [0, tile.width],
      [0, tile.height],
    ]);
  });
});

describe("imageTileDraw", () => {
  // A 1000 × 500 px scan reported as 500 × 250 pt (144 dpi), rendered at 4 device px per pt.
  const base = { imageWidth: 1000, imageHeight: 500, widthPt: 500, heightPt: 250, renderScale: 4 };

  it("takes whole source pixels for a tile, scaled 2 render px per image px", () => {
    const draw = imageTileDraw({
      ...base,
      rotation: 0,
      tile: { x: 512, y: 0, width: 512, height: 512 },
    });
    expect(draw).toEqual({
      source: { x: 256, y: 0, width: 256, height: 256 },
      dest: { x: 512, y: 0, width: 512, height: 512 },
    });
  });

  it("reads the left edge of the image for the top tile of a 90° turn", () => {
    // Turned clockwise, the image's left column becomes the top row of the display.
    const draw = imageTileDraw({
      ...base,
      rotation: 90,
      tile: { x: 0, y: 0, width: 512, height: 512 },
    });
    expect(draw?.source).toEqual({ x: 0, y: 244, width: 256, height: 256 });
  });

  it("clips the last tile to the image and skips tiles outside it", () => {
    const last = imageTileDraw({
      ...base,
      rotation: 0,
      tile: { x: 1536, y: 512, width: 464, height: 488 },
    });
    expect(last?.source).toEqual({ x: 768, y: 256, width: 232, height: 244 });
    expect(
      imageTileDraw({ ...base, rotation: 0, tile: { x: 2100, y: 0, width: 10, height: 10 } }),
    ).toBeNull();
  });
});

describe("imageFromBitmap", () => {
  function fakeCanvas() {
    const ctx = {
      fillRect: vi.fn(),
      setTransform: vi.fn(),
      drawImage: vi.fn(),
      fillStyle: "",
      imageSmoothingEnabled: false,
      imageSmoothingQuality: "low",
    };
    const canvas = { width: 0, height: 0, getContext: () => ctx } as unknown as HTMLCanvasElement;
    return { canvas, ctx };
  }

  it("draws a tile from the source rectangle under the rotation, sized to the tile", async () => {
    const bitmap = { width: 1000, height: 500, close: vi.fn() } as unknown as ImageBitmap;
    const image = imageFromBitmap(bitmap, { widthPt: 500, heightPt: 250 });
    const { canvas, ctx } = fakeCanvas();
    const tile = { x: 0, y: 0, width: 512, height: 512 };
    await image.renderTile({ renderScale: 4, rotation: 90, tile }, canvas).promise;
    expect([canvas.width, canvas.height]).toEqual([512, 512]);
    expect(ctx.setTransform).toHaveBeenCalledWith(0, 1, -1, 0, 1000, -0);
    expect(ctx.drawImage).toHaveBeenCalledWith(bitmap, 0, 244, 256, 256, 0, 488, 512, 512);
    image.destroy();
    expect(bitmap.close).toHaveBeenCalledOnce();
  });

  it("sizes the preview canvas to the rotated page", async () => {
    const bitmap = { width: 1000, height: 500, close: vi.fn() } as unknown as ImageBitmap;
    const image = imageFromBitmap(bitmap); // 1 pt per pixel
    expect(image.id).toMatch(/^image#\d+$/);
    const { canvas, ctx } = fakeCanvas();
    await image.renderPreview({ scale: 0.1, rotation: 270 }, canvas).promise;
    expect([canvas.width, canvas.height]).toEqual([50, 100]);
    expect(ctx.drawImage).toHaveBeenCalledWith(bitmap, 0, 0, 100, 50);
  });
});
