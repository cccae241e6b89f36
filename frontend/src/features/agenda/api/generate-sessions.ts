import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { sessionsKey } from "./get-sessions";

export type GenerationReport = components["schemas"]["GenerationReport"];

/** Creates the sessions and slots the rules call for over `weeks` weeks from today. */
export async function generateSessions(
  commissionId: string,
  weeks: number,
): Promise<GenerationReport> {
  return unwrap(
    await apiClient.POST("/api/v1/commissions/{commission_id}/generate-sessions/", {
      params: { path: { commission_id: commissionId } },
      body: { weeks },
    }),
  );
}

export function useGenerateSessions(commissionId: string) {
  const queryClient = useQueryClient();
  return useMutation<GenerationReport, Error, number>({
    mutationFn: (weeks) => generateSessions(commissionId, weeks),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionsKey(commissionId) }),
  });
}
