import type { components } from "@/api/client";

export type DeliveryStatus = components["schemas"]["WebhookDeliveryStatusEnum"];
/** The delivery log's filter: one status, or every delivery. */
export type DeliveryFilter = DeliveryStatus | "all";

export const webhookKeys = {
  list: ["webhooks", "list"] as const,
  /** Every filter of one endpoint's log: a ping or a replay refreshes them all. */
  deliveries: (webhookId: string) => ["webhooks", "deliveries", webhookId] as const,
  deliveriesBy: (webhookId: string, filter: DeliveryFilter) =>
    [...webhookKeys.deliveries(webhookId), filter] as const,
};
