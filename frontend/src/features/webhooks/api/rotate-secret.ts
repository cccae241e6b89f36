import { useMutation } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import type { WebhookWithSecret } from "./create-webhook";

/** Gives the endpoint a new secret, shown only in this answer; the old one stops signing. */
export async function rotateSecret(webhookId: string): Promise<WebhookWithSecret> {
  return unwrap(
    await apiClient.POST("/api/v1/webhooks/{webhook_id}/rotate-secret/", {
      params: { path: { webhook_id: webhookId } },
    }),
  );
}

export function useRotateSecret(webhookId: string) {
  return useMutation<WebhookWithSecret, Error, void>({
    mutationFn: () => rotateSecret(webhookId),
    // The secret lives only in this mutation's state: gone from memory once the page lets go.
    gcTime: 0,
  });
}
