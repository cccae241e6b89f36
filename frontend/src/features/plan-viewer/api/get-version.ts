import { useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type PlanVersion = components["schemas"]["PlanVersion"];
export type PlanPage = components["schemas"]["Page"];
export type PlanVersionSummary = components["schemas"]["PlanVersionSummary"];

/** The version the viewer shows: its pages' sizes, rotations, declared scales and file URL. */
export function useViewerVersion(versionId: string) {
  return useQuery({
    queryKey: ["plan-versions", "detail", versionId],
    enabled: Boolean(versionId),
    queryFn: async () =>
      unwrap(
        await apiClient.GET("/api/v1/plan-versions/{version_id}/", {
          params: { path: { version_id: versionId } },
        }),
      ),
    // The download URL is short-lived; the open document keeps its bytes once loaded.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

export type Plan = components["schemas"]["Plan"];

/** The version's plan: its title, its dossier (for the way back) and its versions (to compare). */
export function usePlan(planId: string) {
  return useQuery({
    queryKey: ["plans", "detail", planId],
    enabled: Boolean(planId),
    queryFn: async () =>
      unwrap(
        await apiClient.GET("/api/v1/plans/{plan_id}/", { params: { path: { plan_id: planId } } }),
      ),
  });
}

export type SheetComparison = components["schemas"]["SheetComparison"];

/** Which sheet of `previousId` each sheet of `versionId` replaces (by number, title, look). */
export function useSheetMatches(versionId: string, previousId: string | null) {
  return useQuery({
    queryKey: ["plan-versions", versionId, "sheet-matches", previousId],
    enabled: Boolean(previousId),
    queryFn: async () =>
      unwrap(
        await apiClient.GET("/api/v1/plan-versions/{version_id}/sheet-matches/", {
          params: { path: { version_id: versionId }, query: { previous: previousId ?? "" } },
        }),
      ),
    staleTime: Infinity,
  });
}
