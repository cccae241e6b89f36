import { describe, expect, it } from "vitest";
import { hasRunningInquiry, inquiryPhase, newestFirst } from "../policy";
import { makeInquiry } from "./data";

const opens = "2026-05-01T00:00:00Z";
const closes = "2026-05-16T00:00:00Z";
const at = (iso: string) => Date.parse(iso);

describe("an inquiry's phase", () => {
  it("is planned before it opens, open until the second it closes, then closed", () => {
    const planned = makeInquiry({ opens_at: opens, closes_at: closes, is_open: false });
    expect(inquiryPhase(planned, at("2026-04-30T23:59:59Z"))).toBe("planned");
    // Read while planned, it opens on the page without a refetch.
    expect(inquiryPhase(planned, at(opens))).toBe("open");
    expect(inquiryPhase(planned, at("2026-05-15T23:59:59Z"))).toBe("open");
    expect(inquiryPhase(planned, at(closes))).toBe("closed");
  });

  it("trusts the API's is_open over a browser clock running late", () => {
    const open = makeInquiry({ opens_at: opens, closes_at: closes, is_open: true });
    expect(inquiryPhase(open, at("2026-04-30T23:59:00Z"))).toBe("open");
  });

  it("tells whether one blocks another, and lists the newest first", () => {
    const past = makeInquiry({
      id: "past",
      opens_at: "2025-01-01T00:00:00Z",
      closes_at: "2025-01-16T00:00:00Z",
      is_open: false,
    });
    const current = makeInquiry({ id: "current", opens_at: opens, closes_at: closes });
    expect(hasRunningInquiry([past], at("2026-05-02T00:00:00Z"))).toBe(false);
    expect(hasRunningInquiry([past, current], at("2026-05-02T00:00:00Z"))).toBe(true);
    expect(hasRunningInquiry([past, current], at(closes))).toBe(false);
    expect(newestFirst([past, current]).map((inquiry) => inquiry.id)).toEqual(["current", "past"]);
  });
});
