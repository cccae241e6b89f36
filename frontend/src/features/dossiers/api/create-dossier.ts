import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { type ApiError, unwrap } from "@/lib/api-error";
import { dossierQueryOptions } from "./get-dossier";
import type { Dossier } from "./get-dossiers";

export type CreateDossierInput = components["schemas"]["DossierCreateRequest"];

export async function createDossier(input: CreateDossierInput): Promise<Dossier> {
  return unwrap(await apiClient.POST("/api/v1/dossiers/", { body: input }));
}

export function useCreateDossier() {
  const queryClient = useQueryClient();
  return useMutation<Dossier, ApiError, CreateDossierInput>({
    mutationFn: createDossier,
    onSuccess: (dossier) => {
      queryClient.setQueryData(dossierQueryOptions(dossier.id).queryKey, dossier);
      void queryClient.invalidateQueries({ queryKey: ["dossiers", "list"] });
    },
  });
}
