import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { pageFromLink } from "@/lib/pagination";
import type { IndicatorRow } from "../indicators";
import { type IndicatorFilters, indicatorsQuery } from "../query";

/** The API's largest page for the indicators. */
const PAGE_SIZE = 100;
/** A safety stop: 50 pages are 5,000 rows, years of every commission and procedure. */
const MAX_PAGES = 50;

export type IndicatorRows = { rows: IndicatorRow[]; count: number; complete: boolean };

/** Every indicator row for the filters, page after page (the charts need all the months). */
export async function getIndicators(filters: IndicatorFilters): Promise<IndicatorRows> {
  const rows: IndicatorRow[] = [];
  let page: number | undefined = 1;
  let count = 0;
  for (let fetched = 0; page && fetched < MAX_PAGES; fetched += 1) {
    const answer = unwrap(
      await apiClient.GET("/api/v1/public/indicators/", {
        params: { query: { ...indicatorsQuery(filters), page, page_size: PAGE_SIZE } },
      }),
    );
    rows.push(...answer.results);
    count = answer.count;
    page = pageFromLink(answer.next);
  }
  return { rows, count, complete: rows.length >= count };
}

export const indicatorsQueryOptions = (filters: IndicatorFilters) =>
  queryOptions({
    queryKey: ["portal", "indicators", filters] as const,
    queryFn: () => getIndicators(filters),
    placeholderData: keepPreviousData,
    // Refreshed daily by the server.
    staleTime: 5 * 60_000,
  });

export function useIndicators(filters: IndicatorFilters) {
  return useQuery(indicatorsQueryOptions(filters));
}
