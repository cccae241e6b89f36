import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { dossierKeys } from "@/lib/query-keys";
import { useIdempotentSubmission } from "@/lib/idempotency";
import { type DossierDetail, dossierQueryOptions } from "./get-dossier";

export type CreateDossierInput = components["schemas"]["DossierCreateRequest"];

/** `idempotencyKey`: the same key for a retried submission makes the API create only once. */
export async function createDossier(
  input: CreateDossierInput,
  idempotencyKey?: string,
): Promise<DossierDetail> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/", {
      params: { header: idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {} },
      body: input,
    }),
  );
}

/** Errors are an ApiError when the API answered, a TypeError when nothing came back. */
export function useCreateDossier() {
  const queryClient = useQueryClient();
  const submission = useIdempotentSubmission();
  return useMutation<DossierDetail, Error, CreateDossierInput>({
    mutationFn: (input) => createDossier(input, submission.keyFor(input)),
    onSuccess: (dossier) => {
      submission.succeeded();
      queryClient.setQueryData(dossierQueryOptions(dossier.id).queryKey, dossier);
      void queryClient.invalidateQueries({ queryKey: dossierKeys.list });
    },
  });
}
