import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { ApiError, unwrap } from "@/lib/api-error";
import { dossierKeys } from "@/lib/query-keys";
import { type DossierDetail, dossierQueryOptions } from "./get-dossier";
import { historyQueryKey } from "./get-history";

/**
 * Opens on a granted permit the procedure that follows it (e.g. `PH`, `CC`): the API answers
 * with the new draft. 400 (`errors.procedure_type`) when that procedure does not follow this
 * one, 403 for anyone but the permit's parties, 409 (with a `detail`) when the permit is not
 * granted or one of that type is already under way.
 */
export async function openFollowUp(
  dossierId: string,
  procedureType: string,
): Promise<DossierDetail> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/follow-ups/", {
      params: { path: { dossier_id: dossierId } },
      body: { procedure_type: procedureType },
    }),
  );
}

export function useOpenFollowUp(dossierId: string) {
  const queryClient = useQueryClient();
  const refreshPermit = () =>
    queryClient.invalidateQueries({ queryKey: dossierQueryOptions(dossierId).queryKey });
  return useMutation<DossierDetail, Error, string>({
    mutationFn: (procedureType) => openFollowUp(dossierId, procedureType),
    onSuccess: (dossier) => {
      queryClient.setQueryData(dossierQueryOptions(dossier.id).queryKey, dossier);
      void refreshPermit();
      void queryClient.invalidateQueries({ queryKey: dossierKeys.list });
      void queryClient.invalidateQueries({ queryKey: historyQueryKey(dossierId) });
    },
    onError: (error) => {
      // One is already under way (opened elsewhere) or the decision changed: reload the permit.
      if (error instanceof ApiError && error.status === 409) void refreshPermit();
    },
  });
}
