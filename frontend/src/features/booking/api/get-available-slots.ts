import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import type { DayKey } from "@/lib/zoned-time";

export type Slot = components["schemas"]["Slot"];

/** Every query of a dossier's free slots, whatever the range: refreshed after a 409. */
export const availableSlotsKey = (dossierId: string) => ["booking", "slots", dossierId] as const;

/** Free slots starting on `from` up to (not including) `to`; the API takes at most 62 days. */
export async function getAvailableSlots(dossierId: string, from: DayKey, to: DayKey) {
  return unwrap(
    await apiClient.GET("/api/v1/dossiers/{dossier_id}/available-slots/", {
      params: { path: { dossier_id: dossierId }, query: { from, to } },
    }),
  );
}

export const availableSlotsQueryOptions = (dossierId: string, from: DayKey, to: DayKey) =>
  queryOptions({
    queryKey: [...availableSlotsKey(dossierId), from, to],
    queryFn: () => getAvailableSlots(dossierId, from, to),
    placeholderData: keepPreviousData,
    // Places go fast: never show a week older than this without asking again.
    staleTime: 30_000,
  });

export function useAvailableSlots(dossierId: string, from: DayKey, to: DayKey) {
  return useQuery(availableSlotsQueryOptions(dossierId, from, to));
}
