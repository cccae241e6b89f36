import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { type PlanningRule, planningRulesKey } from "./get-planning-rules";

export type PlanningRuleInput = components["schemas"]["PlanningRuleCreateRequest"];

/** 400 with `errors` per field (e.g. `end_time` before `start_time`). */
export async function createPlanningRule(
  commissionId: string,
  input: PlanningRuleInput,
): Promise<PlanningRule> {
  return unwrap(
    await apiClient.POST("/api/v1/commissions/{commission_id}/planning-rules/", {
      params: { path: { commission_id: commissionId } },
      body: input,
    }),
  );
}

export function useCreatePlanningRule(commissionId: string) {
  const queryClient = useQueryClient();
  return useMutation<PlanningRule, Error, PlanningRuleInput>({
    mutationFn: (input) => createPlanningRule(commissionId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planningRulesKey(commissionId) });
    },
  });
}
