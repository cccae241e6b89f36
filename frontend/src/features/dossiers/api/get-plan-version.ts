import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type PlanVersion = components["schemas"]["PlanVersion"];
export type PlanVersionStatus = components["schemas"]["VersionStatusEnum"];

/** While the worker analyses a version, its status is polled this often. */
export const PLAN_VERSION_POLL_MS = 1500;

export async function getPlanVersion(id: string): Promise<PlanVersion> {
  return unwrap(
    await apiClient.GET("/api/v1/plan-versions/{version_id}/", {
      params: { path: { version_id: id } },
    }),
  );
}

export const planVersionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ["plan-versions", "detail", id],
    queryFn: () => getPlanVersion(id),
    // Poll only while processing; a ready or rejected version is final.
    refetchInterval: (query) =>
      query.state.data?.status === "processing" ? PLAN_VERSION_POLL_MS : false,
    refetchIntervalInBackground: false,
    // Download and thumbnail URLs are short-lived: never trust an old copy for long.
    staleTime: 60_000,
  });

export function usePlanVersion(id: string) {
  return useQuery(planVersionQueryOptions(id));
}
