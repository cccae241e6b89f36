/**
 * "12 janvier 2027" for a calendar date `YYYY-MM-DD` as the API writes a legal due date: a day,
 * not an instant, so it is formatted in UTC and never shifts with the browser's time zone.
 */
export function formatDueDate(day: string, language: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language, { timeZone: "UTC", dateStyle: "long" }).format(date);
}
