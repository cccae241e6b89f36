import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { ApiError, unwrap } from "@/lib/api-error";
import { dossierKeys } from "@/lib/query-keys";
import { type DossierDetail, dossierQueryOptions } from "./get-dossier";
import { historyQueryKey } from "./get-history";

/**
 * Moves a draft to `submitted`. The API answers 409 (with a `detail` to show) when no plan has
 * a ready version yet or the dossier is no longer a draft.
 */
export async function submitDossier(dossierId: string): Promise<DossierDetail> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/submit/", {
      params: { path: { dossier_id: dossierId } },
    }),
  );
}

export function useSubmitDossier(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation<DossierDetail, Error, void>({
    mutationFn: () => submitDossier(dossierId),
    onSuccess: (dossier) => {
      queryClient.setQueryData(dossierQueryOptions(dossierId).queryKey, dossier);
      void queryClient.invalidateQueries({ queryKey: dossierKeys.list });
      void queryClient.invalidateQueries({ queryKey: historyQueryKey(dossierId) });
    },
    onError: (error) => {
      // Not (or no longer) a draft, e.g. an earlier attempt whose answer was lost: reload it.
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: dossierQueryOptions(dossierId).queryKey });
      }
    },
  });
}
