import { describe, expect, it } from "vitest";
import { snapAngle } from "../snap";
import { pagePoint } from "../types";

const anchor = pagePoint(100, 100);

describe("snapAngle", () => {
  it("snaps to the axes exactly, keeping the distance", () => {
    expect(snapAngle(anchor, pagePoint(150, 103))).toEqual([Math.hypot(50, 3) + 100, 100]);
    expect(snapAngle(anchor, pagePoint(98, 40))).toEqual([100, 100 - Math.hypot(2, 60)]);
    expect(snapAngle(anchor, pagePoint(40, 99))).toEqual([100 - Math.hypot(60, 1), 100]);
    expect(snapAngle(anchor, pagePoint(101, 160))).toEqual([100, 100 + Math.hypot(1, 60)]);
  });

  it("snaps to the diagonals", () => {
    for (const [dx, dy] of [
      [50, 45],
      [-50, 45],
      [-50, -45],
      [50, -45],
    ] as const) {
      const snapped = snapAngle(anchor, pagePoint(100 + dx, 100 + dy));
      const length = Math.hypot(dx, dy);
      expect(Math.abs(snapped[0] - 100)).toBeCloseTo(length * Math.SQRT1_2, 9);
      expect(Math.abs(snapped[1] - 100)).toBeCloseTo(length * Math.SQRT1_2, 9);
      expect(Math.sign(snapped[0] - 100)).toBe(Math.sign(dx));
      expect(Math.sign(snapped[1] - 100)).toBe(Math.sign(dy));
    }
  });

  it("treats the negative x axis (atan2 = ±180°) as one direction", () => {
    expect(snapAngle(anchor, pagePoint(0, 100.1))).toEqual([100 - Math.hypot(100, 0.1), 100]);
    expect(snapAngle(anchor, pagePoint(0, 99.9))).toEqual([100 - Math.hypot(100, 0.1), 100]);
  });

  it("leaves a point on the anchor where it is", () => {
    expect(snapAngle(anchor, pagePoint(100, 100))).toEqual([100, 100]);
  });
});
