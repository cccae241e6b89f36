import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { pageFromLink } from "@/lib/pagination";

export type Party = components["schemas"]["Party"];
export type PartyPage = components["schemas"]["PaginatedPartyList"];

/** A dossier has a few parties: one page is nearly always all of them. */
export const PARTIES_PAGE_SIZE = 50;

export async function getParties(dossierId: string, page = 1): Promise<PartyPage> {
  return unwrap(
    await apiClient.GET("/api/v1/dossiers/{dossier_id}/parties/", {
      params: { path: { dossier_id: dossierId }, query: { page, page_size: PARTIES_PAGE_SIZE } },
    }),
  );
}

export const partiesQueryOptions = (dossierId: string) =>
  infiniteQueryOptions({
    queryKey: ["dossiers", "parties", dossierId],
    queryFn: ({ pageParam }) => getParties(dossierId, pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => pageFromLink(last.next),
  });

export function useParties(dossierId: string) {
  return useInfiniteQuery(partiesQueryOptions(dossierId));
}
