import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type Commission = components["schemas"]["Commission"];

/** The commissions the agent runs (one page of 100 is plenty for an authority). */
export async function getCommissions(): Promise<Commission[]> {
  const page = unwrap(
    await apiClient.GET("/api/v1/commissions/", { params: { query: { page_size: 100 } } }),
  );
  return page.results;
}

export const commissionsQueryOptions = () =>
  queryOptions({ queryKey: ["agenda", "commissions"], queryFn: getCommissions });

export function useCommissions() {
  return useQuery(commissionsQueryOptions());
}
