import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { useLifecycleMutation } from "./lifecycle-mutation";
import type { DossierDetail } from "./query-keys";

export type ChangesInput = components["schemas"]["ChangesRequest"];

/**
 * `under_review` or `commission_opinion` → `awaiting_complements`: the applicant sees the
 * message and the remarks shared on the plans.
 */
export async function requestChanges(
  dossierId: string,
  input: ChangesInput,
  idempotencyKey: string,
): Promise<DossierDetail> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/request-changes/", {
      params: { path: { dossier_id: dossierId }, header: { "Idempotency-Key": idempotencyKey } },
      body: input,
    }),
  );
}

export function useRequestChanges(dossierId: string) {
  return useLifecycleMutation<ChangesInput>(dossierId, (input, key) =>
    requestChanges(dossierId, input, key),
  );
}
