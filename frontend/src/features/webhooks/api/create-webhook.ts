import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { webhookKeys } from "./query-keys";

export type WebhookInput = components["schemas"]["WebhookCreateRequest"];
export type WebhookWithSecret = components["schemas"]["WebhookWithSecret"];

/**
 * Subscribes an endpoint; the answer holds its secret, the only time it is shown. 400
 * `errors.url` for an address that is not http(s) or resolves to a private network,
 * `errors.events` for an empty or unknown list.
 */
export async function createWebhook(input: WebhookInput): Promise<WebhookWithSecret> {
  return unwrap(await apiClient.POST("/api/v1/webhooks/", { body: input }));
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation<WebhookWithSecret, Error, WebhookInput>({
    mutationFn: createWebhook,
    // The secret lives only in this mutation's state: gone from memory once the page lets go.
    gcTime: 0,
    // The list is fetched again rather than given the answer, which carries the secret.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhookKeys.list }),
  });
}
