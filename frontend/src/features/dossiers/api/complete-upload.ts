import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import type { PlanVersion } from "./get-plan-version";

/** Step 3: the API verifies the stored object and creates the plan version (status processing). */
export async function completeUpload(uploadId: string): Promise<PlanVersion> {
  return unwrap(
    await apiClient.POST("/api/v1/uploads/{upload_id}/complete/", {
      params: { path: { upload_id: uploadId } },
    }),
  );
}
