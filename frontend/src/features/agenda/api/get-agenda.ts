import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type AgendaItem = components["schemas"]["AgendaItem"];

export const agendaKey = (sessionId: string) => ["agenda", "items", sessionId] as const;

/** The session's order of business: one item per booked dossier, by position. */
export async function getAgenda(sessionId: string): Promise<AgendaItem[]> {
  return unwrap(
    await apiClient.GET("/api/v1/sessions/{session_id}/agenda/", {
      params: { path: { session_id: sessionId } },
    }),
  );
}

export const agendaQueryOptions = (sessionId: string) =>
  queryOptions({ queryKey: agendaKey(sessionId), queryFn: () => getAgenda(sessionId) });

export function useAgenda(sessionId: string) {
  return useQuery(agendaQueryOptions(sessionId));
}
