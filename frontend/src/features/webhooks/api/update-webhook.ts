import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { type Webhook, updateLoadedWebhooks } from "./get-webhooks";

export type WebhookChange = components["schemas"]["PatchedWebhookUpdateRequest"];

/** Changes an endpoint: its address, events, description, or pauses it (`active: false`). */
export async function updateWebhook(webhookId: string, change: WebhookChange): Promise<Webhook> {
  return unwrap(
    await apiClient.PATCH("/api/v1/webhooks/{webhook_id}/", {
      params: { path: { webhook_id: webhookId } },
      body: change,
    }),
  );
}

export function useUpdateWebhook(webhookId: string) {
  const queryClient = useQueryClient();
  return useMutation<Webhook, Error, WebhookChange>({
    mutationFn: (change) => updateWebhook(webhookId, change),
    onSuccess: (saved) =>
      updateLoadedWebhooks(queryClient, (list) =>
        list.map((each) => (each.id === saved.id ? saved : each)),
      ),
  });
}
