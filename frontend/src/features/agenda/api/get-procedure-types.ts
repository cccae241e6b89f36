import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type ProcedureType = components["schemas"]["ProcedureType"];

/** The procedure types a commission may handle: a short reference list, one page holds it. */
export async function getProcedureTypes(): Promise<ProcedureType[]> {
  const page = unwrap(
    await apiClient.GET("/api/v1/procedure-types/", { params: { query: { page_size: 100 } } }),
  );
  return page.results;
}

export function useProcedureTypes() {
  return useQuery(
    queryOptions({
      queryKey: ["agenda", "procedure-types"],
      queryFn: getProcedureTypes,
      staleTime: 60 * 60_000,
    }),
  );
}
