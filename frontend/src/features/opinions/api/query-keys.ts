import type { QueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/api-error";
import { dossierKeys } from "@/lib/query-keys";

export type DeadlineState = "at_risk" | "overdue" | "all";

export const opinionsKey = (dossierId: string) => ["opinions", "list", dossierId] as const;
export const myTasksKey = ["opinions", "my-tasks"] as const;
const deadlinesRoot = ["opinions", "deadlines"] as const;
export const deadlinesKey = (state: DeadlineState) => [...deadlinesRoot, state] as const;

/*
 * The review queue's key (features/review/api/get-review-tasks.ts), repeated here since features
 * do not import each other; keep it in step.
 */
const reviewQueueKey = ["review", "tasks"] as const;

/**
 * An opinion was given or recorded: the dossier (its status moves when the commission's
 * opinion is recorded), its history, the opinions, the deadlines and the member's queue are
 * fetched again.
 */
export function refreshAfterOpinion(queryClient: QueryClient, dossierId: string) {
  for (const queryKey of [
    dossierKeys.detail(dossierId),
    dossierKeys.history(dossierId),
    dossierKeys.list,
    opinionsKey(dossierId),
    deadlinesRoot,
    reviewQueueKey,
  ]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}

/** A 409 means our view is stale (the dossier moved on, someone recorded meanwhile). */
export function refreshAfterConflict(queryClient: QueryClient, dossierId: string, error: Error) {
  if (error instanceof ApiError && error.status === 409) {
    refreshAfterOpinion(queryClient, dossierId);
    void queryClient.invalidateQueries({ queryKey: myTasksKey });
  }
}
