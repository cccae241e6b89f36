import { describe, expect, it } from "vitest";
import { formatMeasurement } from "../format";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

describe("formatMeasurement", () => {
  it("formats in English", () => {
    expect(formatMeasurement(96, "m2", "en")).toBe(`96.00${NBSP}m²`);
    expect(formatMeasurement(12.345, "m", "en")).toBe(`12.35${NBSP}m`);
    expect(formatMeasurement(12.345, "m", "en", { length: "cm", area: "m2" })).toBe(
      `1,234.5${NBSP}cm`,
    );
    expect(formatMeasurement(0.5, "m2", "en", { length: "m", area: "cm2" })).toBe(
      `5,000.0${NBSP}cm²`,
    );
    expect(formatMeasurement(45, "deg", "en")).toBe("45.0°");
    expect(formatMeasurement(4, "count", "en")).toBe("4");
    expect(formatMeasurement(1234.5, "m", "en")).toBe(`1,234.50${NBSP}m`);
  });

  it("formats in French with a decimal comma and narrow spaces between thousands", () => {
    expect(formatMeasurement(96, "m2", "fr")).toBe(`96,00${NBSP}m²`);
    expect(formatMeasurement(12.345, "m", "fr", { length: "cm", area: "m2" })).toBe(
      `1${NNBSP}234,5${NBSP}cm`,
    );
    expect(formatMeasurement(1234.5, "m", "fr")).toBe(`1${NNBSP}234,50${NBSP}m`);
    expect(formatMeasurement(0.5, "m2", "fr", { length: "m", area: "cm2" })).toBe(
      `5${NNBSP}000,0${NBSP}cm²`,
    );
    expect(formatMeasurement(90, "deg", "fr")).toBe("90,0°");
    expect(formatMeasurement(12, "count", "fr")).toBe("12");
  });
});
