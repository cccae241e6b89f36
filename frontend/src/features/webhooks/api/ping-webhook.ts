import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import type { Delivery } from "./get-deliveries";
import { webhookKeys } from "./query-keys";

/** Sends a signed `ping` event (202: queued); the log shows the new delivery. */
export async function pingWebhook(webhookId: string): Promise<Delivery> {
  return unwrap(
    await apiClient.POST("/api/v1/webhooks/{webhook_id}/ping/", {
      params: { path: { webhook_id: webhookId } },
    }),
  );
}

export function usePingWebhook(webhookId: string) {
  const queryClient = useQueryClient();
  return useMutation<Delivery, Error, void>({
    mutationFn: () => pingWebhook(webhookId),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(webhookId) }),
  });
}
