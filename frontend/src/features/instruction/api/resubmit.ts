import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { useLifecycleMutation } from "./lifecycle-mutation";
import type { DossierDetail } from "./query-keys";

/**
 * The applicant's side has answered the open request: back to `completeness_check`
 * (complements) or to `under_review` (changes).
 */
export async function resubmit(dossierId: string, idempotencyKey: string): Promise<DossierDetail> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/resubmit/", {
      params: { path: { dossier_id: dossierId }, header: { "Idempotency-Key": idempotencyKey } },
    }),
  );
}

export function useResubmit(dossierId: string) {
  return useLifecycleMutation<void>(dossierId, (_input, key) => resubmit(dossierId, key));
}
