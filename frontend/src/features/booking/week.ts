import { type DayKey, dayInZone, weekDays } from "@/lib/zoned-time";
import type { Slot } from "./api/get-available-slots";

export type DayColumn = { day: DayKey; slots: Slot[] };

/**
 * The week Monday…Sunday starting on `monday`, each day with its slots that still have room,
 * in time order. A slot belongs to the day its start falls on in its commission's time zone
 * (not the browser's).
 */
export function weekColumns(slots: readonly Slot[], monday: DayKey): DayColumn[] {
  const columns = weekDays(monday).map((day) => ({ day, slots: [] as Slot[] }));
  for (const slot of slots) {
    if (slot.remaining <= 0) continue;
    const column = columns.find((c) => c.day === dayInZone(slot.starts_at, slot.timezone));
    column?.slots.push(slot);
  }
  for (const column of columns) {
    column.slots.sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  }
  return columns;
}
