import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { dossierKeys } from "@/lib/query-keys";

export type Plan = components["schemas"]["Plan"];
export type PlanKind = components["schemas"]["PlanKindEnum"];

export const PLAN_KINDS: readonly PlanKind[] = [
  "situation",
  "site",
  "floor",
  "facade",
  "section",
  "other",
];

/** A dossier holds a handful of plans: the first large page is all of them. */
export async function getPlans(dossierId: string): Promise<Plan[]> {
  const page = unwrap(
    await apiClient.GET("/api/v1/dossiers/{dossier_id}/plans/", {
      params: { path: { dossier_id: dossierId }, query: { page_size: 100 } },
    }),
  );
  return page.results;
}

export const plansQueryOptions = (dossierId: string) =>
  queryOptions({ queryKey: dossierKeys.plans(dossierId), queryFn: () => getPlans(dossierId) });

export function usePlans(dossierId: string) {
  return useQuery(plansQueryOptions(dossierId));
}
