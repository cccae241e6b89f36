import { useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { dossierKeys } from "@/lib/query-keys";

type Plan = components["schemas"]["Plan"];

/** A plan version the desk may publish with the inquiry (one the analysis found sound). */
export type ReadyVersion = { id: string; planTitle: string; number: number };

/**
 * The dossier's plans, as the dossier page reads them: same request and same cache entry, so the
 * page's list serves both and a version turning ready refreshes both.
 */
async function getPlans(dossierId: string): Promise<Plan[]> {
  const page = unwrap(
    await apiClient.GET("/api/v1/dossiers/{dossier_id}/plans/", {
      params: { path: { dossier_id: dossierId }, query: { page_size: 100 } },
    }),
  );
  return page.results;
}

/** The ready versions, plan by plan, newest version first within a plan. */
export function readyVersions(plans: readonly Plan[]): ReadyVersion[] {
  return plans.flatMap((plan) =>
    plan.versions
      .filter((version) => version.status === "ready")
      .sort((a, b) => b.number - a.number)
      .map((version) => ({ id: version.id, planTitle: plan.title, number: version.number })),
  );
}

export function useReadyVersions(dossierId: string) {
  return useQuery({
    queryKey: dossierKeys.plans(dossierId),
    queryFn: () => getPlans(dossierId),
    select: readyVersions,
  });
}
