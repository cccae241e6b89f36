/**
 * Dates and times in a named IANA time zone (a commission's), whatever the browser's zone.
 * A "day" here is a plain calendar date string `YYYY-MM-DD`; arithmetic on it is done in UTC so
 * that daylight-saving changes never shift it.
 */
export type DayKey = string;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

const EXPLICIT_OFFSET =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?[+-]\d{2}:\d{2}$/;

/**
 * The wall-clock time written in an ISO date-time that carries an explicit UTC offset
 * ("2026-12-01T09:00:00+01:00"), as a Date whose UTC fields hold it; null for "Z" or a Date.
 *
 * The API writes a commission's times with the commission's offset, from the server's time-zone
 * database. Browsers carry their own copy, and some lag behind (a Chromium build puts
 * Africa/Casablanca at UTC+0 in December 2026 where the IANA database says UTC+1), so the
 * digits the server wrote are shown as they are rather than converted again here.
 */
function writtenWallClock(instant: string | Date): Date | null {
  if (typeof instant !== "string") return null;
  const match = EXPLICIT_OFFSET.exec(instant);
  if (!match) return null;
  const [, day, hours, minutes, seconds] = match;
  return new Date(`${day}T${hours}:${minutes}:${seconds ?? "00"}Z`);
}

/** The calendar date of `instant` in `timeZone`. */
export function dayInZone(instant: string | Date, timeZone: string): DayKey {
  const written = writtenWallClock(instant);
  if (written) return written.toISOString().slice(0, 10);
  const parts = partsFormatter(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

function dayToUtc(day: DayKey): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: DayKey, days: number): DayKey {
  const date = dayToUtc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday starting the ISO week of `day`. */
export function mondayOf(day: DayKey): DayKey {
  const isoWeekday = dayToUtc(day).getUTCDay() || 7;
  return addDays(day, 1 - isoWeekday);
}

/** The seven days Monday…Sunday of the week starting on `monday`. */
export function weekDays(monday: DayKey): DayKey[] {
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** "mardi 3 mars" for a calendar day (no time zone involved). */
export function formatDay(day: DayKey, language: string, style: "long" | "short" = "long"): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: "UTC",
    weekday: style,
    day: "numeric",
    month: style === "long" ? "long" : "short",
  }).format(dayToUtc(day));
}

/** "09:30" as the wall clock shows it in `timeZone`. */
export function formatTimeInZone(instant: string, language: string, timeZone: string): string {
  const written = writtenWallClock(instant);
  return new Intl.DateTimeFormat(language, {
    timeZone: written ? "UTC" : timeZone,
    hour: "2-digit",
    minute: "2-digit",
  }).format(written ?? new Date(instant));
}

/** "mardi 3 mars 2026 à 09:30" in `timeZone`. */
export function formatDateTimeInZone(instant: string, language: string, timeZone: string): string {
  const written = writtenWallClock(instant);
  return new Intl.DateTimeFormat(language, {
    timeZone: written ? "UTC" : timeZone,
    dateStyle: "full",
    timeStyle: "short",
  }).format(written ?? new Date(instant));
}

/** "Africa/Casablanca" → "Casablanca" for display; the full name stays available as title. */
export function zoneLabel(timeZone: string): string {
  return (timeZone.split("/").pop() ?? timeZone).replace(/_/g, " ");
}

/** The name of ISO weekday `isoDay` (1 = Monday … 7 = Sunday). */
export function weekdayName(isoDay: number, language: string, style: "long" | "short" = "long") {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(language, { timeZone: "UTC", weekday: style }).format(
    new Date(Date.UTC(2024, 0, isoDay)),
  );
}

/** "5 mai 2026" for a calendar day. */
export function formatDayWithYear(day: DayKey, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(dayToUtc(day));
}

/** Today in `timeZone` (the browser's by default). */
export function today(timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): DayKey {
  return dayInZone(new Date(), timeZone);
}
