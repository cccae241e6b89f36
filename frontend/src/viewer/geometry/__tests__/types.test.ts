import { describe, expect, expectTypeOf, it } from "vitest";
import type { components } from "@/api/schema";
import {
  ANNOTATION_KINDS,
  isPointsGeometry,
  isRectGeometry,
  isRectKind,
  isStrokesGeometry,
  MEASUREMENT_KINDS,
  pagePoint,
  pageRect,
  parseGeometry,
  screenPoint,
  screenRect,
  type AnnotationKind,
  type MeasurementKind,
  type PagePoint,
  type ScreenPoint,
} from "../types";

describe("branded coordinates", () => {
  it("are plain pairs at run time", () => {
    expect(pagePoint(1, 2)).toEqual([1, 2]);
    expect(screenPoint(1, 2)).toEqual([1, 2]);
    expect(pageRect(1, 2, 3, 4)).toEqual([1, 2, 3, 4]);
    expect(screenRect(1, 2, 3, 4)).toEqual([1, 2, 3, 4]);
  });

  it("cannot be mixed, but serialise as the API's pairs", () => {
    expectTypeOf<ScreenPoint>().not.toExtend<PagePoint>();
    expectTypeOf<PagePoint>().not.toExtend<ScreenPoint>();
    expectTypeOf<[number, number]>().not.toExtend<PagePoint>();
    expectTypeOf<PagePoint>().toExtend<[number, number]>();
  });

  it("name the API's kinds", () => {
    expectTypeOf<AnnotationKind>().toEqualTypeOf<components["schemas"]["AnnotationKindEnum"]>();
    expectTypeOf<MeasurementKind>().toEqualTypeOf<components["schemas"]["MeasurementKindEnum"]>();
    expect(ANNOTATION_KINDS).toHaveLength(13);
    expect(MEASUREMENT_KINDS).toHaveLength(6);
    expect(isRectKind("stamp")).toBe(true);
    expect(isRectKind("line")).toBe(false);
  });
});

describe("parseGeometry", () => {
  it("reads the three shapes of the API", () => {
    const points = parseGeometry({ points: [[1, 2]] });
    expect(points).toEqual({ points: [[1, 2]] });
    expect(points && isPointsGeometry(points)).toBe(true);
    const rect = parseGeometry({ rect: [1, 2, 3, 4] });
    expect(rect).toEqual({ rect: [1, 2, 3, 4] });
    expect(rect && isRectGeometry(rect)).toBe(true);
    const strokes = parseGeometry({ strokes: [[[1, 2]], [[3, 4]]] });
    expect(strokes).toEqual({ strokes: [[[1, 2]], [[3, 4]]] });
    expect(strokes && isStrokesGeometry(strokes)).toBe(true);
  });

  it("gives null for anything else", () => {
    expect(parseGeometry(null)).toBeNull();
    expect(parseGeometry("x")).toBeNull();
    expect(parseGeometry({})).toBeNull();
    expect(parseGeometry({ points: [[1, "2"]] })).toBeNull();
    expect(parseGeometry({ rect: [1, 2, 3] })).toBeNull();
    expect(parseGeometry({ strokes: [[1, 2]] })).toBeNull();
  });
});
