import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { useLifecycleMutation } from "./lifecycle-mutation";
import type { DossierDetail } from "./query-keys";

/** `message` for the applicant; `missing`: the checklist codes of the missing documents. */
export type ComplementsInput = components["schemas"]["SendBackRequest"];

/** `completeness_check` → `awaiting_complements`; 400 with `errors.message` when it is blank. */
export async function requestComplements(
  dossierId: string,
  input: ComplementsInput,
  idempotencyKey: string,
): Promise<DossierDetail> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/request-complements/", {
      params: { path: { dossier_id: dossierId }, header: { "Idempotency-Key": idempotencyKey } },
      body: input,
    }),
  );
}

export function useRequestComplements(dossierId: string) {
  return useLifecycleMutation<ComplementsInput>(dossierId, (input, key) =>
    requestComplements(dossierId, input, key),
  );
}
