import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { dossierKeys } from "@/lib/query-keys";
import { pageFromLink } from "@/lib/pagination";

export type AuditEvent = components["schemas"]["AuditEvent"];
export type HistoryPage = components["schemas"]["PaginatedAuditEventList"];

export const HISTORY_PAGE_SIZE = 20;

/** Newest first, as the API orders it. */
export async function getHistory(dossierId: string, page = 1): Promise<HistoryPage> {
  return unwrap(
    await apiClient.GET("/api/v1/dossiers/{dossier_id}/history/", {
      params: { path: { dossier_id: dossierId }, query: { page, page_size: HISTORY_PAGE_SIZE } },
    }),
  );
}

/** Every write to the dossier invalidates this key so the history shows it. */
export const historyQueryKey = dossierKeys.history;

export const historyQueryOptions = (dossierId: string) =>
  infiniteQueryOptions({
    queryKey: historyQueryKey(dossierId),
    queryFn: ({ pageParam }) => getHistory(dossierId, pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => pageFromLink(last.next),
  });

export function useHistory(dossierId: string) {
  return useInfiniteQuery(historyQueryOptions(dossierId));
}
