import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { dossierKeys } from "@/lib/query-keys";

/** One dossier with what the signed-in user may do with it now (decided by the API). */
export type DossierDetail = components["schemas"]["DossierDetail"];
export type DossierPermissions = components["schemas"]["DossierPermissions"];

export async function getDossier(id: string): Promise<DossierDetail> {
  return unwrap(
    await apiClient.GET("/api/v1/dossiers/{dossier_id}/", {
      params: { path: { dossier_id: id } },
    }),
  );
}

export const dossierQueryOptions = (id: string) =>
  queryOptions({ queryKey: dossierKeys.detail(id), queryFn: () => getDossier(id) });

export function useDossier(id: string) {
  return useQuery(dossierQueryOptions(id));
}
