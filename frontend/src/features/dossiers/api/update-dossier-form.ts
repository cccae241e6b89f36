import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { dossierKeys } from "@/lib/query-keys";
import { type DossierDetail, dossierQueryOptions } from "./get-dossier";
import { historyQueryKey } from "./get-history";

export type FormAnswers = Record<string, unknown>;

/** Replaces the answers to the procedure's form (all of them) while the dossier is editable. */
export async function updateDossierForm(
  dossierId: string,
  formData: FormAnswers,
): Promise<DossierDetail> {
  return unwrap(
    await apiClient.PATCH("/api/v1/dossiers/{dossier_id}/", {
      params: { path: { dossier_id: dossierId } },
      body: { form_data: formData },
    }),
  );
}

export function useUpdateDossierForm(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation<DossierDetail, Error, FormAnswers>({
    mutationFn: (formData) => updateDossierForm(dossierId, formData),
    onSuccess: (dossier) => {
      queryClient.setQueryData(dossierQueryOptions(dossierId).queryKey, dossier);
      void queryClient.invalidateQueries({ queryKey: dossierKeys.list });
      void queryClient.invalidateQueries({ queryKey: historyQueryKey(dossierId) });
    },
  });
}
