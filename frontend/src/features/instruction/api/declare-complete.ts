import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { useLifecycleMutation } from "./lifecycle-mutation";
import type { DossierDetail } from "./query-keys";

/**
 * `completeness_check` → `under_review`. 409, with a `detail` naming them, while required
 * checklist items are not confirmed.
 */
export async function declareComplete(
  dossierId: string,
  idempotencyKey: string,
): Promise<DossierDetail> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/declare-complete/", {
      params: { path: { dossier_id: dossierId }, header: { "Idempotency-Key": idempotencyKey } },
    }),
  );
}

export function useDeclareComplete(dossierId: string) {
  return useLifecycleMutation<void>(dossierId, (_input, key) => declareComplete(dossierId, key));
}
