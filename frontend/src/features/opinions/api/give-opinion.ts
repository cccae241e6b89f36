import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import type { ReviewTask } from "./get-my-tasks";
import { myTasksKey, refreshAfterConflict, refreshAfterOpinion } from "./query-keys";

/** `conditions` is required (400) with `favourable_with_conditions`. */
export type OpinionInput = components["schemas"]["OpinionGiveRequest"];

/**
 * The member's opinion on a dossier they are dispatched on, changeable while the dossier is
 * under review (409 afterwards). Answers the task with the opinion.
 */
export async function giveOpinion(taskId: string, input: OpinionInput): Promise<ReviewTask> {
  return unwrap(
    await apiClient.POST("/api/v1/review-tasks/{task_id}/opinion/", {
      params: { path: { task_id: taskId } },
      body: input,
    }),
  );
}

export function useGiveOpinion(dossierId: string, taskId: string) {
  const queryClient = useQueryClient();
  return useMutation<ReviewTask, Error, OpinionInput>({
    mutationFn: (input) => giveOpinion(taskId, input),
    onSuccess: (task) => {
      queryClient.setQueryData<ReviewTask[]>(myTasksKey, (tasks) =>
        tasks?.map((each) => (each.id === task.id ? task : each)),
      );
      refreshAfterOpinion(queryClient, dossierId);
    },
    onError: (error) => refreshAfterConflict(queryClient, dossierId, error),
  });
}
