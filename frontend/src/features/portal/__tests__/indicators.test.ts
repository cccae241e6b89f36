import { describe, expect, it } from "vitest";
import { labelEvery, niceScale } from "../chart-scale";
import {
  combineRates,
  commissionsIn,
  figureOf,
  figuresByMonth,
  sumFigures,
  valueOf,
} from "../indicators";
import { COMMISSION_A, COMMISSION_B, makeIndicator } from "./data";

const value = (n: number) => ({ kind: "value", value: n }) as const;

describe("indicator figures", () => {
  it("reads a hidden figure as hidden, never as 0", () => {
    const row = makeIndicator({
      received: null,
      median_days: null,
      within_deadline: null,
      suppressed: ["received", "median_days"],
    });
    expect(figureOf(row, "received")).toEqual({ kind: "suppressed" });
    expect(figureOf(row, "median_days")).toEqual({ kind: "suppressed" });
    // Null without being named: nothing to measure (no decision that month).
    expect(figureOf(row, "within_deadline")).toEqual({ kind: "none" });
    expect(figureOf(row, "decided")).toEqual(value(10));
    expect(valueOf(figureOf(row, "received"))).toBeNull();
  });

  it("treats every null as hidden when `suppressed` is not a list", () => {
    const row = makeIndicator({ median_days: null, suppressed: null });
    expect(figureOf(row, "median_days")).toEqual({ kind: "suppressed" });
  });

  it("hides a sum as soon as one part is hidden", () => {
    expect(sumFigures([value(3), value(4)])).toEqual(value(7));
    expect(sumFigures([value(3), { kind: "suppressed" }])).toEqual({ kind: "suppressed" });
  });

  it("keeps a median only when one group has one", () => {
    expect(combineRates([value(40), { kind: "none" }])).toEqual(value(40));
    expect(combineRates([{ kind: "suppressed" }, { kind: "none" }])).toEqual({
      kind: "suppressed",
    });
    expect(combineRates([value(40), value(50)])).toEqual({ kind: "notCombinable" });
    expect(combineRates([{ kind: "none" }])).toEqual({ kind: "none" });
  });

  it("adds up each month's groups, oldest month first", () => {
    const months = figuresByMonth([
      makeIndicator({ month: "2026-02-01", received: 5 }),
      makeIndicator({ month: "2026-01-01", received: 12 }),
      makeIndicator({
        month: "2026-01-01",
        commission_id: COMMISSION_B,
        commission: "Commission de Maarif",
        received: 3,
        decided: null,
        suppressed: ["decided"],
      }),
    ]);
    expect(months.map((month) => month.month)).toEqual(["2026-01-01", "2026-02-01"]);
    const [january, february] = months;
    expect(january).toMatchObject({
      groups: 2,
      received: value(15),
      decided: { kind: "suppressed" },
      median_days: { kind: "notCombinable" },
    });
    expect(february).toMatchObject({ groups: 1, received: value(5), median_days: value(41.5) });
  });

  it("lists the commissions the rows name, by name", () => {
    expect(
      commissionsIn([
        makeIndicator({ commission_id: COMMISSION_B, commission: "Maarif" }),
        makeIndicator({ commission_id: COMMISSION_A, commission: "Anfa" }),
        makeIndicator({ commission_id: COMMISSION_A, commission: "Anfa" }),
        makeIndicator({ commission_id: null, commission: "" }),
      ]),
    ).toEqual([
      { id: COMMISSION_A, name: "Anfa" },
      { id: COMMISSION_B, name: "Maarif" },
    ]);
  });
});

describe("chart axes", () => {
  it("rounds the top up to a round step", () => {
    expect(niceScale(37)).toEqual({ top: 40, ticks: [0, 10, 20, 30, 40] });
    expect(niceScale(9)).toEqual({ top: 10, ticks: [0, 2.5, 5, 7.5, 10] });
    expect(niceScale(1234).top).toBe(1500);
    expect(niceScale(0)).toEqual({ top: 4, ticks: [0, 1, 2, 3, 4] });
  });

  it("thins the month labels when they would not fit", () => {
    expect(labelEvery(6)).toBe(1);
    expect(labelEvery(36)).toBe(3);
  });
});
