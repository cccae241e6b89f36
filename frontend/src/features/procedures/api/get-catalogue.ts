import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type Procedure = components["schemas"]["ProcedureType"];
export type FeeRule = components["schemas"]["FeeRule"];
export type DeadlineRule = components["schemas"]["DeadlineRule"];

/** The public catalogue: every open procedure with its documents, deadlines and fee rule. */
export async function getCatalogue(): Promise<Procedure[]> {
  const page = unwrap(
    await apiClient.GET("/api/v1/procedure-types/", { params: { query: { page_size: 100 } } }),
  );
  return page.results;
}

export const catalogueQueryOptions = () =>
  queryOptions({
    queryKey: ["procedures", "catalogue"],
    queryFn: getCatalogue,
    staleTime: 60 * 60_000,
  });

export function useCatalogue() {
  return useQuery(catalogueQueryOptions());
}
