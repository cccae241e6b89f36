import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { pageFromLink } from "@/lib/pagination";
import { type DeliveryFilter, type DeliveryStatus, webhookKeys } from "./query-keys";

export type Delivery = components["schemas"]["WebhookDelivery"];
export type DeliveryAttempt = components["schemas"]["WebhookAttempt"];
export type DeliveryPage = components["schemas"]["PaginatedWebhookDeliveryList"];
export type { DeliveryFilter, DeliveryStatus };

export const DELIVERY_STATUSES = [
  "pending",
  "sent",
  "failed",
] as const satisfies readonly DeliveryStatus[];
export const DELIVERY_FILTERS: readonly DeliveryFilter[] = ["all", ...DELIVERY_STATUSES];

export const DELIVERIES_PAGE_SIZE = 20;

/** While a delivery is pending (retries run over about 5 minutes) the log asks this often. */
export const PENDING_POLL_MS = 10_000;

/** One page of an endpoint's delivery log, newest first, as the API orders it. */
export async function getDeliveries(
  webhookId: string,
  filter: DeliveryFilter,
  page = 1,
): Promise<DeliveryPage> {
  return unwrap(
    await apiClient.GET("/api/v1/webhooks/{webhook_id}/deliveries/", {
      params: {
        path: { webhook_id: webhookId },
        query: {
          page,
          page_size: DELIVERIES_PAGE_SIZE,
          ...(filter === "all" ? {} : { status: filter }),
        },
      },
    }),
  );
}

export const deliveriesQueryOptions = (webhookId: string, filter: DeliveryFilter) =>
  infiniteQueryOptions({
    queryKey: webhookKeys.deliveriesBy(webhookId, filter),
    queryFn: ({ pageParam }) => getDeliveries(webhookId, filter, pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => pageFromLink(last.next),
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) =>
        page.results.some((delivery) => delivery.status === "pending"),
      )
        ? PENDING_POLL_MS
        : false,
  });

export function useDeliveries(webhookId: string, filter: DeliveryFilter) {
  return useInfiniteQuery(deliveriesQueryOptions(webhookId, filter));
}
