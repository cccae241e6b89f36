/**
 * Days and months as the public API writes them (`YYYY-MM-DD`, `YYYY-MM-01`): calendar dates,
 * not instants, so they are formatted in UTC and never shift with the browser's time zone.
 */
function utcDate(day: string): Date | null {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "12 mars 2026". */
export function formatDay(day: string, language: string): string {
  const date = utcDate(day);
  if (!date) return day;
  return new Intl.DateTimeFormat(language, { timeZone: "UTC", dateStyle: "long" }).format(date);
}

/** "mars 2026" (long) or "mars 26" (short, for a chart's axis). */
export function formatMonth(month: string, language: string, style: "long" | "short" = "long") {
  const date = utcDate(month);
  if (!date) return month;
  return new Intl.DateTimeFormat(language, {
    timeZone: "UTC",
    month: style,
    year: style === "long" ? "numeric" : "2-digit",
  }).format(date);
}

/** "1 234" / "1,234"; at most one decimal. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

/** A share from 0 to 1 as "87 %" / "87%". */
export function formatPercent(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 0 }).format(
    share,
  );
}
