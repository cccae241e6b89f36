import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type PlanningRule = components["schemas"]["PlanningRule"];

export const planningRulesKey = (commissionId: string) =>
  ["agenda", "planning-rules", commissionId] as const;

export async function getPlanningRules(commissionId: string): Promise<PlanningRule[]> {
  return unwrap(
    await apiClient.GET("/api/v1/commissions/{commission_id}/planning-rules/", {
      params: { path: { commission_id: commissionId } },
    }),
  );
}

export const planningRulesQueryOptions = (commissionId: string) =>
  queryOptions({
    queryKey: planningRulesKey(commissionId),
    queryFn: () => getPlanningRules(commissionId),
  });

export function usePlanningRules(commissionId: string) {
  return useQuery(planningRulesQueryOptions(commissionId));
}

/**
 * ISO weekdays (1 = Monday) of a rule. The schema types `weekdays` as unknown (the serializer
 * field is not annotated); the API sends a list of integers.
 */
export function ruleWeekdays(rule: PlanningRule): number[] {
  return Array.isArray(rule.weekdays)
    ? rule.weekdays.filter((day): day is number => typeof day === "number")
    : [];
}
