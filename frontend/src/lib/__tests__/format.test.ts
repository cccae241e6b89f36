import { describe, expect, it } from "vitest";
import { displayedPageSize, formatBytes, formatMoney } from "../format";

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

describe("formatMoney", () => {
  it("writes two decimals and the currency's code, in the language's way", () => {
    expect(formatMoney("500.00", "MAD", "fr")).toBe("500,00\u00a0MAD");
    expect(formatMoney("500", "MAD", "en")).toBe("500.00\u00a0MAD");
    expect(formatMoney("20000.00", "MAD", "fr")).toBe("20\u202f000,00\u00a0MAD");
    expect(formatMoney("1250.5", "MAD", "en")).toBe("1,250.50\u00a0MAD");
  });

  it("shows an amount it cannot read as it came", () => {
    expect(formatMoney("n/a", "MAD", "fr")).toBe("n/a\u00a0MAD");
  });
});
