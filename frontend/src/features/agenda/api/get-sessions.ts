import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import type { DayKey } from "@/lib/zoned-time";

export type Session = components["schemas"]["Session"];

export const sessionsKey = (commissionId: string) => ["agenda", "sessions", commissionId] as const;

/** The commission's sessions from `from` up to (not including) `to`, in date order. */
export async function getSessions(commissionId: string, from: DayKey, to: DayKey) {
  return unwrap(
    await apiClient.GET("/api/v1/sessions/", {
      params: { query: { commission: commissionId, from, to, page_size: 100 } },
    }),
  );
}

export const sessionsQueryOptions = (commissionId: string, from: DayKey, to: DayKey) =>
  queryOptions({
    queryKey: [...sessionsKey(commissionId), from, to],
    queryFn: () => getSessions(commissionId, from, to),
  });

export function useSessions(commissionId: string, from: DayKey, to: DayKey) {
  return useQuery(sessionsQueryOptions(commissionId, from, to));
}
