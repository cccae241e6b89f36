import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { type AgendaItem, agendaKey } from "./get-agenda";

/** Sets the agenda's order: every booking of the session, first to last. */
export async function reorderAgenda(sessionId: string, bookingIds: string[]) {
  return unwrap(
    await apiClient.POST("/api/v1/sessions/{session_id}/reorder/", {
      params: { path: { session_id: sessionId } },
      body: { booking_ids: bookingIds },
    }),
  );
}

export function useReorderAgenda(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation<AgendaItem[], Error, string[]>({
    mutationFn: (bookingIds) => reorderAgenda(sessionId, bookingIds),
    onSuccess: (items) => queryClient.setQueryData(agendaKey(sessionId), items),
    // Refused (e.g. a booking moved meanwhile): show the order the API has.
    onError: () => void queryClient.invalidateQueries({ queryKey: agendaKey(sessionId) }),
  });
}
