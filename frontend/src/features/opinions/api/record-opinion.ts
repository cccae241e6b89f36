import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import type { SessionOpinions } from "./get-opinions";
import { opinionsKey, refreshAfterConflict, refreshAfterOpinion } from "./query-keys";

/** Without `value`, the API records what the commission's rule proposes. */
export type RecordInput = components["schemas"]["CommissionOpinionRecordRequest"];

/**
 * The commission's opinion at one session, by its chair, its secretary or the desk: the
 * dossier moves to `commission_opinion`. 409, with a message saying how many opinions are
 * awaited, when the rule cannot decide yet and no value is given. Answers the opinions list.
 */
export async function recordOpinion(
  dossierId: string,
  input: RecordInput,
): Promise<SessionOpinions[]> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/commission-opinion/", {
      params: { path: { dossier_id: dossierId } },
      body: input,
    }),
  );
}

export function useRecordOpinion(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation<SessionOpinions[], Error, RecordInput>({
    mutationFn: (input) => recordOpinion(dossierId, input),
    onSuccess: (sessions) => {
      queryClient.setQueryData(opinionsKey(dossierId), sessions);
      refreshAfterOpinion(queryClient, dossierId);
    },
    onError: (error) => refreshAfterConflict(queryClient, dossierId, error),
  });
}
