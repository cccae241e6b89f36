import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { certificateKeys } from "./query-keys";

export type ParcelPage = components["schemas"]["PaginatedParcelList"];

/** At most this many parcels are offered for one search; the user types more to narrow it. */
export const PARCEL_RESULTS = 10;
/** Fewer characters than this match too much to be worth asking. */
export const MIN_SEARCH = 2;

/** Parcels whose reference or address contains `search`. */
export async function searchParcels(search: string): Promise<ParcelPage> {
  return unwrap(
    await apiClient.GET("/api/v1/parcels/", {
      params: { query: { search, page_size: PARCEL_RESULTS } },
    }),
  );
}

export const parcelSearchQueryOptions = (search: string) =>
  queryOptions({
    queryKey: certificateKeys.parcels(search),
    queryFn: () => searchParcels(search),
    enabled: search.length >= MIN_SEARCH,
    placeholderData: keepPreviousData,
  });

export function useParcelSearch(search: string) {
  return useQuery(parcelSearchQueryOptions(search.trim()));
}
