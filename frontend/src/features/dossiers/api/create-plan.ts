import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { type ApiError, unwrap } from "@/lib/api-error";
import { type Plan, plansQueryOptions } from "./get-plans";

export type CreatePlanInput = components["schemas"]["PlanCreateRequest"];

export async function createPlan(dossierId: string, input: CreatePlanInput): Promise<Plan> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/plans/", {
      params: { path: { dossier_id: dossierId } },
      body: input,
    }),
  );
}

export function useCreatePlan(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation<Plan, ApiError, CreatePlanInput>({
    mutationFn: (input) => createPlan(dossierId, input),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: plansQueryOptions(dossierId).queryKey }),
  });
}
