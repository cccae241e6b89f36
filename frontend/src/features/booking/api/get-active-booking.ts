import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type Booking = components["schemas"]["Booking"];

export const activeBookingKey = (dossierId: string) => ["booking", "active", dossierId] as const;

/** The dossier's active booking, or null: a dossier has at most one. */
export async function getActiveBooking(dossierId: string): Promise<Booking | null> {
  const page = unwrap(
    await apiClient.GET("/api/v1/bookings/", {
      params: { query: { dossier: dossierId, status: "active" } },
    }),
  );
  return page.results[0] ?? null;
}

export const activeBookingQueryOptions = (dossierId: string) =>
  queryOptions({
    queryKey: activeBookingKey(dossierId),
    queryFn: () => getActiveBooking(dossierId),
  });

export function useActiveBooking(dossierId: string) {
  return useQuery(activeBookingQueryOptions(dossierId));
}
