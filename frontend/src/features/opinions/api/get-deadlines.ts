import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { type DeadlineState, deadlinesKey } from "./query-keys";

export type Deadline = components["schemas"]["Deadline"];
export type DossierDeadline = components["schemas"]["DossierDeadline"];

export const DEADLINE_STATES: readonly DeadlineState[] = ["at_risk", "overdue", "all"];

export function isDeadlineState(value: string | null): value is DeadlineState {
  return (DEADLINE_STATES as readonly (string | null)[]).includes(value);
}

/** The dossiers the user can see that run against a legal deadline, soonest first. */
export async function getDeadlines(state: DeadlineState): Promise<DossierDeadline[]> {
  return unwrap(
    await apiClient.GET("/api/v1/dossiers/deadlines/", { params: { query: { state } } }),
  );
}

export const deadlinesQueryOptions = (state: DeadlineState) =>
  queryOptions({
    queryKey: deadlinesKey(state),
    queryFn: () => getDeadlines(state),
    placeholderData: keepPreviousData,
  });

export function useDeadlines(state: DeadlineState) {
  return useQuery(deadlinesQueryOptions(state));
}
