import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { useLifecycleMutation } from "./lifecycle-mutation";
import type { DossierDetail } from "./query-keys";

/** The desk files a decided dossier: `decision` → `closed`. */
export async function closeDossier(
  dossierId: string,
  idempotencyKey: string,
): Promise<DossierDetail> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/close/", {
      params: { path: { dossier_id: dossierId }, header: { "Idempotency-Key": idempotencyKey } },
    }),
  );
}

export function useCloseDossier(dossierId: string) {
  return useLifecycleMutation<void>(dossierId, (_input, key) => closeDossier(dossierId, key));
}
