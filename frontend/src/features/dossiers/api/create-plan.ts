import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { useIdempotentSubmission } from "@/lib/idempotency";
import { historyQueryKey } from "./get-history";
import { type Plan, plansQueryOptions } from "./get-plans";

export type CreatePlanInput = components["schemas"]["PlanCreateRequest"];

export async function createPlan(
  dossierId: string,
  input: CreatePlanInput,
  idempotencyKey?: string,
): Promise<Plan> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/plans/", {
      params: {
        path: { dossier_id: dossierId },
        header: idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {},
      },
      body: input,
    }),
  );
}

/** Errors are an ApiError when the API answered, a TypeError when nothing came back. */
export function useCreatePlan(dossierId: string) {
  const queryClient = useQueryClient();
  const submission = useIdempotentSubmission();
  return useMutation<Plan, Error, CreatePlanInput>({
    mutationFn: (input) => createPlan(dossierId, input, submission.keyFor({ dossierId, input })),
    onSuccess: () => {
      submission.succeeded();
      void queryClient.invalidateQueries({ queryKey: historyQueryKey(dossierId) });
      return queryClient.invalidateQueries({ queryKey: plansQueryOptions(dossierId).queryKey });
    },
  });
}
