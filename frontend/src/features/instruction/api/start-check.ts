import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { useLifecycleMutation } from "./lifecycle-mutation";
import type { DossierDetail } from "./query-keys";

/** The desk takes a submitted dossier: `submitted` → `completeness_check`. */
export async function startCheck(
  dossierId: string,
  idempotencyKey: string,
): Promise<DossierDetail> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/start-check/", {
      params: { path: { dossier_id: dossierId }, header: { "Idempotency-Key": idempotencyKey } },
    }),
  );
}

export function useStartCheck(dossierId: string) {
  return useLifecycleMutation<void>(dossierId, (_input, key) => startCheck(dossierId, key));
}
