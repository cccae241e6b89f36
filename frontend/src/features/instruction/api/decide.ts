import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { useLifecycleMutation } from "./lifecycle-mutation";
import type { DossierDetail } from "./query-keys";

/** `value`: granted, granted with conditions or refused; `text`: the decision with its conditions. */
export type DecisionInput = components["schemas"]["DecideRequest"];

/**
 * The signing authority decides once the commission has given its opinion:
 * `commission_opinion` → `decision`. The applicant sees the decision on the dossier.
 */
export async function decide(
  dossierId: string,
  input: DecisionInput,
  idempotencyKey: string,
): Promise<DossierDetail> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/decide/", {
      params: { path: { dossier_id: dossierId }, header: { "Idempotency-Key": idempotencyKey } },
      body: input,
    }),
  );
}

export function useDecide(dossierId: string) {
  return useLifecycleMutation<DecisionInput>(dossierId, (input, key) =>
    decide(dossierId, input, key),
  );
}
