import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { pageFromLink } from "@/lib/pagination";
import { type DeadlineState, deadlinesKey } from "./query-keys";

export type Deadline = components["schemas"]["Deadline"];
export type DossierDeadline = components["schemas"]["DossierDeadline"];
export type DeadlinesPage = components["schemas"]["PaginatedDossierDeadlineList"];

export const DEADLINES_PAGE_SIZE = 50;

export const DEADLINE_STATES: readonly DeadlineState[] = ["at_risk", "overdue", "all"];

export function isDeadlineState(value: string | null): value is DeadlineState {
  return (DEADLINE_STATES as readonly (string | null)[]).includes(value);
}

/** One page of the dossiers the user can see that run against a legal deadline, soonest first. */
export async function getDeadlines(state: DeadlineState, page = 1): Promise<DeadlinesPage> {
  return unwrap(
    await apiClient.GET("/api/v1/dossiers/deadlines/", {
      params: { query: { state, page, page_size: DEADLINES_PAGE_SIZE } },
    }),
  );
}

export const deadlinesQueryOptions = (state: DeadlineState) =>
  infiniteQueryOptions({
    queryKey: deadlinesKey(state),
    queryFn: ({ pageParam }) => getDeadlines(state, pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => pageFromLink(last.next),
    placeholderData: keepPreviousData,
  });

export function useDeadlines(state: DeadlineState) {
  return useInfiniteQuery(deadlinesQueryOptions(state));
}
