import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type UploadSlot = components["schemas"]["UploadTarget"];
export type StartUploadInput = components["schemas"]["UploadCreateRequest"];

/** Step 1: the API checks the declared file and answers with a short-lived storage URL. */
export async function startUpload(
  planId: string,
  input: StartUploadInput,
  idempotencyKey?: string,
): Promise<UploadSlot> {
  return unwrap(
    await apiClient.POST("/api/v1/plans/{plan_id}/uploads/", {
      params: {
        path: { plan_id: planId },
        header: idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {},
      },
      body: input,
    }),
  );
}
