import { describe, expect, it } from "vitest";
import { displayedPageSize, formatBytes } from "../format";

describe("formatBytes", () => {
  it("uses octets in French: o, Ko, Mo", () => {
    expect(formatBytes(512, "fr")).toBe("512\u00a0o");
    expect(formatBytes(2048, "fr")).toBe("2\u00a0Ko");
    expect(formatBytes(5.5 * 1024 * 1024, "fr-FR")).toBe("5,5\u00a0Mo");
  });

  it("uses bytes in English: B, KB, MB", () => {
    expect(formatBytes(512, "en")).toBe("512\u00a0B");
    expect(formatBytes(5.5 * 1024 * 1024, "en")).toBe("5.5\u00a0MB");
  });
});

describe("displayedPageSize", () => {
  it("swaps width and height for a quarter turn either way", () => {
    expect(displayedPageSize(842, 595, 90)).toEqual({ width: 595, height: 842 });
    expect(displayedPageSize(842, 595, 270)).toEqual({ width: 595, height: 842 });
    expect(displayedPageSize(842, 595, -90)).toEqual({ width: 595, height: 842 });
  });

  it("keeps them for 0 and 180 degrees", () => {
    expect(displayedPageSize(842, 595, 0)).toEqual({ width: 842, height: 595 });
    expect(displayedPageSize(842, 595, 180)).toEqual({ width: 842, height: 595 });
  });
});
