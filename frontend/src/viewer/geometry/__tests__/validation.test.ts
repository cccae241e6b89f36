import { describe, expect, it } from "vitest";
import { pagePoint as p, pageRect, type AnnotationGeometry, type PagePoint } from "../types";
import { MAX_VERTICES, validateDraft } from "../validation";

const pts = (n: number): PagePoint[] => Array.from({ length: n }, (_, i) => p(i, i * 2));
const points = (n: number): AnnotationGeometry => ({ points: pts(n) });
const page = { width: 100, height: 200 };

describe("validateDraft: point counts (backend POINT_KINDS / MEASUREMENT_POINTS)", () => {
  it.each([
    ["note", 1, 1],
    ["line", 2, 2],
    ["arrow", 2, 2],
    ["polyline", 2, null],
    ["polygon", 3, null],
    ["cloud", 3, null],
  ] as const)("%s takes %i to %s points", (kind, low, high) => {
    expect(validateDraft(kind, "", points(low - 1))).toEqual({ ok: false, code: "point_count" });
    expect(validateDraft(kind, "", points(low))).toEqual({ ok: true });
    const more = validateDraft(kind, "", points((high ?? 40) + 1));
    expect(more.ok).toBe(high === null);
  });

  it.each([
    ["distance", 2, 2],
    ["polyline_length", 2, null],
    ["perimeter", 3, null],
    ["area", 3, null],
    ["angle", 3, 3],
    ["count", 1, null],
  ] as const)("measurement %s takes %i to %s points", (kind, low, high) => {
    expect(validateDraft("measurement", kind, points(low - 1)).ok).toBe(false);
    expect(validateDraft("measurement", kind, points(low))).toEqual({ ok: true });
    expect(validateDraft("measurement", kind, points((high ?? 40) + 1)).ok).toBe(high === null);
  });

  it("needs a measurement kind for a measurement", () => {
    expect(validateDraft("measurement", "", points(2))).toEqual({
      ok: false,
      code: "measurement_kind",
    });
    expect(validateDraft("measurement", undefined, points(2)).ok).toBe(false);
  });

  it("refuses an angle whose end is on the vertex", () => {
    const g = { points: [p(0, 0), p(5, 5), p(5, 5)] };
    expect(validateDraft("measurement", "angle", g)).toEqual({
      ok: false,
      code: "degenerate_angle",
    });
    expect(validateDraft("measurement", "angle", { points: [p(5, 5), p(5, 5), p(0, 1)] }).ok).toBe(
      false,
    );
  });

  it("limits the vertices", () => {
    expect(validateDraft("polyline", "", points(MAX_VERTICES + 1))).toEqual({
      ok: false,
      code: "too_many_vertices",
    });
    expect(validateDraft("ink", "", { strokes: [pts(MAX_VERTICES), pts(1)] })).toEqual({
      ok: false,
      code: "too_many_vertices",
    });
  });

  it("refuses the wrong shape and non-finite numbers", () => {
    expect(validateDraft("line", "", { rect: pageRect(0, 0, 1, 1) })).toEqual({
      ok: false,
      code: "shape",
    });
    expect(validateDraft("line", "", { points: [p(0, 0), p(NaN, 1)] })).toEqual({
      ok: false,
      code: "not_finite",
    });
    expect(validateDraft("line", "", { points: [p(0, 0), [1] as unknown as PagePoint] }).ok).toBe(
      false,
    );
  });

  it("checks the page within 0.5 pt when given", () => {
    expect(validateDraft("note", "", { points: [p(100.5, -0.5)] }, page)).toEqual({ ok: true });
    expect(validateDraft("note", "", { points: [p(100.6, 0)] }, page)).toEqual({
      ok: false,
      code: "outside_page",
    });
    expect(validateDraft("note", "", { points: [p(1000, 0)] })).toEqual({ ok: true });
  });
});

describe("validateDraft: rectangles and ink", () => {
  it.each(["rectangle", "ellipse", "text", "stamp", "highlight"] as const)("%s", (kind) => {
    expect(validateDraft(kind, "", { rect: pageRect(1, 1, 10, 10) }, page)).toEqual({ ok: true });
    expect(validateDraft(kind, "", { rect: pageRect(1, 1, 0, 10) })).toEqual({
      ok: false,
      code: "empty_rect",
    });
    expect(validateDraft(kind, "", { rect: pageRect(1, 1, 10, -1) }).ok).toBe(false);
    expect(validateDraft(kind, "", { rect: pageRect(95, 1, 10, 10) }, page)).toEqual({
      ok: false,
      code: "outside_page",
    });
    expect(validateDraft(kind, "", { rect: pageRect(-1, 1, 10, 10) }, page).ok).toBe(false);
    expect(validateDraft(kind, "", { rect: pageRect(1, Infinity, 10, 10) })).toEqual({
      ok: false,
      code: "not_finite",
    });
    expect(validateDraft(kind, "", points(2))).toEqual({ ok: false, code: "shape" });
  });

  it("ink needs strokes of one point or more", () => {
    expect(validateDraft("ink", "", { strokes: [pts(1), pts(3)] }, page)).toEqual({ ok: true });
    expect(validateDraft("ink", "", { strokes: [] })).toEqual({ ok: false, code: "no_strokes" });
    expect(validateDraft("ink", "", { strokes: [pts(2), []] })).toEqual({
      ok: false,
      code: "point_count",
    });
    expect(validateDraft("ink", "", points(2))).toEqual({ ok: false, code: "no_strokes" });
  });

  it("refuses an unknown kind", () => {
    expect(validateDraft("bogus" as "note", "", points(1))).toEqual({
      ok: false,
      code: "unknown_kind",
    });
  });
});
