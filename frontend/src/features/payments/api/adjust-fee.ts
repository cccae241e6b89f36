import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { dossierKeys } from "@/lib/query-keys";
import type { DossierFee } from "./get-fee";
import { paymentKeys } from "./keys";

export type FeeAdjustInput = components["schemas"]["FeeAdjustRequest"];

/** The desk sets the fee a submitted dossier owes, and says why. */
export async function adjustFee(dossierId: string, input: FeeAdjustInput): Promise<DossierFee> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/fee/", {
      params: { path: { dossier_id: dossierId } },
      body: input,
    }),
  );
}

export function useAdjustFee(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation<DossierFee, Error, FeeAdjustInput>({
    mutationFn: (input) => adjustFee(dossierId, input),
    onSuccess: (fee) => {
      queryClient.setQueryData(paymentKeys.fee(dossierId), fee);
      // The dossier's fee and payment status (its page, the desk's paid / unpaid list), its history.
      void queryClient.invalidateQueries({ queryKey: dossierKeys.detail(dossierId) });
      void queryClient.invalidateQueries({ queryKey: dossierKeys.list });
      void queryClient.invalidateQueries({ queryKey: dossierKeys.history(dossierId) });
    },
  });
}
