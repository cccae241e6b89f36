import { describe, expect, it } from "vitest";
import {
  addDays,
  dayInZone,
  formatDateTimeInZone,
  formatTimeInZone,
  mondayOf,
  weekDays,
} from "../zoned-time";

describe("zoned time", () => {
  it("gives the calendar day in the named zone, not the browser's", () => {
    // Casablanca is UTC+1 in May (UTC+0 during Ramadan): 22:30 UTC is still Monday there,
    // 23:30 UTC is Tuesday; Tokyo (UTC+9) is on Tuesday already.
    expect(dayInZone("2026-05-04T16:30:00Z", "Asia/Tokyo")).toBe("2026-05-05");
    expect(dayInZone("2026-05-04T22:30:00Z", "Africa/Casablanca")).toBe("2026-05-04");
    expect(dayInZone("2026-05-04T23:30:00Z", "Africa/Casablanca")).toBe("2026-05-05");
  });

  it("shows wall-clock times in the zone", () => {
    expect(formatTimeInZone("2026-05-05T08:00:00Z", "fr", "Africa/Casablanca")).toBe("09:00");
    expect(formatTimeInZone("2026-05-05T08:00:00Z", "fr", "America/New_York")).toBe("04:00");
  });

  it("shows the wall-clock time the server wrote with an explicit offset, whatever the browser's zone data", () => {
    // The digits win over the zone: a browser whose zone data says otherwise cannot shift them.
    expect(formatTimeInZone("2026-12-01T09:00:00+01:00", "fr", "Africa/Casablanca")).toBe("09:00");
    expect(formatTimeInZone("2026-12-01T09:00:00+01:00", "fr", "Asia/Tokyo")).toBe("09:00");
    expect(formatTimeInZone("2026-12-01T23:30:00-05:00", "fr", "America/New_York")).toBe("23:30");
    expect(dayInZone("2026-12-01T23:30:00-05:00", "America/New_York")).toBe("2026-12-01");
    expect(formatDateTimeInZone("2026-12-01T09:00:00.123+01:00", "fr", "Africa/Casablanca")).toBe(
      "mardi 1 décembre 2026 à 09:00",
    );
    // "Z" carries no wall clock of the zone: converted with the browser's data.
    expect(formatTimeInZone("2026-12-01T08:00:00Z", "fr", "UTC")).toBe("08:00");
  });

  it("finds the Monday of a week and its seven days across a month end", () => {
    expect(mondayOf("2026-03-01")).toBe("2026-02-23"); // a Sunday
    expect(mondayOf("2026-03-02")).toBe("2026-03-02");
    expect(weekDays("2026-02-23")).toEqual([
      "2026-02-23",
      "2026-02-24",
      "2026-02-25",
      "2026-02-26",
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
    ]);
    expect(addDays("2026-10-24", 7)).toBe("2026-10-31");
  });
});
