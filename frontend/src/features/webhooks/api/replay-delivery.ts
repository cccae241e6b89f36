import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import type { Delivery } from "./get-deliveries";
import { webhookKeys } from "./query-keys";

/** Sends a delivery's payload again, freshly signed, as a new delivery (202: queued). */
export async function replayDelivery(deliveryId: string): Promise<Delivery> {
  return unwrap(
    await apiClient.POST("/api/v1/webhook-deliveries/{delivery_id}/replay/", {
      params: { path: { delivery_id: deliveryId } },
    }),
  );
}

export function useReplayDelivery(webhookId: string) {
  const queryClient = useQueryClient();
  return useMutation<Delivery, Error, string>({
    mutationFn: replayDelivery,
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(webhookId) }),
  });
}
