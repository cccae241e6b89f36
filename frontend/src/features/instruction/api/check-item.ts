import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import type { ChecklistEntry } from "./get-checklist";
import { checklistKey, dossierHistoryKey, refreshAfterConflict } from "./query-keys";

export type CheckInput = { code: string; satisfied: boolean; note?: string };

/**
 * The desk's verdict on one item, only during the completeness check (409 otherwise). A PUT:
 * sending it again is harmless, so it takes no idempotency key. Answers the whole checklist.
 */
export async function checkItem(dossierId: string, input: CheckInput): Promise<ChecklistEntry[]> {
  const { code, ...body } = input;
  return unwrap(
    await apiClient.PUT("/api/v1/dossiers/{dossier_id}/checklist/{code}/", {
      params: { path: { dossier_id: dossierId, code } },
      body,
    }),
  );
}

export function useCheckItem(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation<ChecklistEntry[], Error, CheckInput>({
    mutationFn: (input) => checkItem(dossierId, input),
    onSuccess: (checklist) => {
      queryClient.setQueryData(checklistKey(dossierId), checklist);
      void queryClient.invalidateQueries({ queryKey: dossierHistoryKey(dossierId) });
    },
    onError: (error) => refreshAfterConflict(queryClient, dossierId, error),
  });
}
