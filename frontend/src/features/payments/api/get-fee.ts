import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { paymentKeys } from "./keys";

export type DossierFee = components["schemas"]["DossierFee"];

/** The dossier's fee, what was paid and kept, what is still due, and whether you may set it. */
export async function getDossierFee(dossierId: string): Promise<DossierFee> {
  return unwrap(
    await apiClient.GET("/api/v1/dossiers/{dossier_id}/fee/", {
      params: { path: { dossier_id: dossierId } },
    }),
  );
}

export const dossierFeeQueryOptions = (dossierId: string) =>
  queryOptions({
    queryKey: paymentKeys.fee(dossierId),
    queryFn: () => getDossierFee(dossierId),
  });

export function useDossierFee(dossierId: string, { enabled = true } = {}) {
  return useQuery({ ...dossierFeeQueryOptions(dossierId), enabled });
}
