import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { updateLoadedWebhooks } from "./get-webhooks";
import { webhookKeys } from "./query-keys";

/** Deletes an endpoint; its pending deliveries are not sent. */
export async function deleteWebhook(webhookId: string): Promise<void> {
  unwrap(
    await apiClient.DELETE("/api/v1/webhooks/{webhook_id}/", {
      params: { path: { webhook_id: webhookId } },
    }),
  );
}

export function useDeleteWebhook(webhookId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, Error, void>({
    mutationFn: () => deleteWebhook(webhookId),
    onSuccess: () => {
      updateLoadedWebhooks(queryClient, (list) => list.filter((each) => each.id !== webhookId));
      queryClient.removeQueries({ queryKey: webhookKeys.deliveries(webhookId) });
      return queryClient.invalidateQueries({ queryKey: webhookKeys.list });
    },
  });
}
