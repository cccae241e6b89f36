import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import type { PlanVersion } from "./get-plan-version";

export async function getPlanVersions(planId: string): Promise<PlanVersion[]> {
  const page = unwrap(
    await apiClient.GET("/api/v1/plans/{plan_id}/versions/", {
      params: { path: { plan_id: planId }, query: { page_size: 100 } },
    }),
  );
  return page.results;
}

export const planVersionsQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: ["plan-versions", "list", planId],
    queryFn: () => getPlanVersions(planId),
  });

export function usePlanVersions(planId: string) {
  return useQuery(planVersionsQueryOptions(planId));
}
