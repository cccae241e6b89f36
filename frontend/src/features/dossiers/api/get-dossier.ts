import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import type { Dossier } from "./get-dossiers";

export async function getDossier(id: string): Promise<Dossier> {
  return unwrap(
    await apiClient.GET("/api/v1/dossiers/{dossier_id}/", {
      params: { path: { dossier_id: id } },
    }),
  );
}

export const dossierQueryOptions = (id: string) =>
  queryOptions({ queryKey: ["dossiers", "detail", id], queryFn: () => getDossier(id) });

export function useDossier(id: string) {
  return useQuery(dossierQueryOptions(id));
}
