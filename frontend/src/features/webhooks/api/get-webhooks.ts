import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  useInfiniteQuery,
} from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { pageFromLink } from "@/lib/pagination";
import { webhookKeys } from "./query-keys";

export type Webhook = components["schemas"]["Webhook"];
export type WebhookPage = components["schemas"]["PaginatedWebhookList"];
export type WebhookEvent = components["schemas"]["NotificationEventEnum"];

export const WEBHOOKS_PAGE_SIZE = 50;

/** The schema types `events` loosely (a JSON list): the event codes it holds, in its order. */
export function webhookEvents(webhook: Pick<Webhook, "events">): string[] {
  const { events } = webhook;
  return Array.isArray(events)
    ? events.filter((event): event is string => typeof event === "string")
    : [];
}

/** One page of the user's endpoints (their secrets are never in it). */
export async function getWebhooks(page = 1): Promise<WebhookPage> {
  return unwrap(
    await apiClient.GET("/api/v1/webhooks/", {
      params: { query: { page, page_size: WEBHOOKS_PAGE_SIZE } },
    }),
  );
}

export const webhooksQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: webhookKeys.list,
    queryFn: ({ pageParam }) => getWebhooks(pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => pageFromLink(last.next),
  });

export function useWebhooks() {
  return useInfiniteQuery(webhooksQueryOptions());
}

/** Applies `change` to the endpoints already loaded, page by page. */
export function updateLoadedWebhooks(
  queryClient: QueryClient,
  change: (list: Webhook[]) => Webhook[],
) {
  queryClient.setQueryData<InfiniteData<WebhookPage, number>>(webhookKeys.list, (data) =>
    data
      ? { ...data, pages: data.pages.map((page) => ({ ...page, results: change(page.results) })) }
      : data,
  );
}
