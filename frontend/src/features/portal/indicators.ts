import type { components } from "@/api/client";

export type IndicatorRow = components["schemas"]["Indicator"];

/**
 * One figure as the page shows it. A figure over fewer dossiers than the operator's threshold is
 * published empty (`suppressed`): it must read as hidden, never as 0.
 */
export type Figure =
  | { kind: "value"; value: number }
  /** Hidden by the API: too few dossiers. */
  | { kind: "suppressed" }
  /** Nothing to measure (say, no decision that month). */
  | { kind: "none" }
  /** Several groups in one month: a median or a share cannot be added up. */
  | { kind: "notCombinable" };

export const COUNT_FIELDS = ["received", "decided", "granted", "refused"] as const;
export const RATE_FIELDS = [
  "median_days",
  "p90_days",
  "within_deadline",
  "booking_lead_days",
] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export type RateField = (typeof RATE_FIELDS)[number];

export type MonthFigures = {
  month: string;
  /** How many rows (commission and procedure pairs) the month adds up. */
  groups: number;
} & Record<CountField | RateField, Figure>;

export const SUPPRESSED: Figure = { kind: "suppressed" };
const NONE: Figure = { kind: "none" };

/** The row's `suppressed` names, or null when the API sent something else (then trust nothing). */
function suppressedNames(row: IndicatorRow): ReadonlySet<string> | null {
  const names: unknown = row.suppressed;
  if (!Array.isArray(names)) return null;
  return new Set(names.filter((name): name is string => typeof name === "string"));
}

/** One row's figure: a number, or why there is none. */
export function figureOf(row: IndicatorRow, field: CountField | RateField): Figure {
  const value = row[field];
  if (typeof value === "number") return { kind: "value", value };
  // A count is 0, not null, when nothing happened: a null count is always a hidden one.
  if ((COUNT_FIELDS as readonly string[]).includes(field)) return SUPPRESSED;
  const hidden = suppressedNames(row);
  return hidden === null || hidden.has(field) ? SUPPRESSED : NONE;
}

/** The total of several counts; hidden as soon as one part is hidden. */
export function sumFigures(figures: readonly Figure[]): Figure {
  let total = 0;
  for (const figure of figures) {
    if (figure.kind !== "value") return SUPPRESSED;
    total += figure.value;
  }
  return { kind: "value", value: total };
}

/**
 * A median, a percentile or a share over several groups: it is only known when a single group
 * has one (groups with nothing to measure do not count).
 */
export function combineRates(figures: readonly Figure[]): Figure {
  const measured = figures.filter((figure) => figure.kind !== "none");
  if (measured.length === 0) return NONE;
  if (measured.length === 1) return measured[0]!;
  return { kind: "notCombinable" };
}

/** The rows of each month (commissions and procedures together), oldest month first. */
export function figuresByMonth(rows: readonly IndicatorRow[]): MonthFigures[] {
  const months = new Map<string, IndicatorRow[]>();
  for (const row of rows) months.set(row.month, [...(months.get(row.month) ?? []), row]);
  return [...months.keys()].sort().map((month) => {
    const group = months.get(month) ?? [];
    const counts = Object.fromEntries(
      COUNT_FIELDS.map((field) => [field, sumFigures(group.map((row) => figureOf(row, field)))]),
    ) as Record<CountField, Figure>;
    const rates = Object.fromEntries(
      RATE_FIELDS.map((field) => [field, combineRates(group.map((row) => figureOf(row, field)))]),
    ) as Record<RateField, Figure>;
    return { month, groups: group.length, ...counts, ...rates };
  });
}

/** The figure's number for a chart, or null (no mark drawn). */
export function valueOf(figure: Figure): number | null {
  return figure.kind === "value" ? figure.value : null;
}

export type CommissionOption = { id: string; name: string };

/** The commissions the rows name, by name. */
export function commissionsIn(rows: readonly IndicatorRow[]): CommissionOption[] {
  const found = new Map<string, string>();
  for (const row of rows) if (row.commission_id) found.set(row.commission_id, row.commission);
  return [...found]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
