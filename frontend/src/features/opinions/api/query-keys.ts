import type { QueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/api-error";

export type DeadlineState = "at_risk" | "overdue" | "all";

export const opinionsKey = (dossierId: string) => ["opinions", "list", dossierId] as const;
export const myTasksKey = ["opinions", "my-tasks"] as const;
const deadlinesRoot = ["opinions", "deadlines"] as const;
export const deadlinesKey = (state: DeadlineState) => [...deadlinesRoot, state] as const;

/*
 * Other features own these queries and features do not import each other: the keys are
 * repeated here, as in features/instruction/api/query-keys.ts. The dossiers feature's
 * (api/get-dossier.ts, get-history.ts, get-dossiers.ts) and the review queue's
 * (features/review/api/get-review-tasks.ts). Keep them in step.
 */
const dossierDetailKey = (dossierId: string) => ["dossiers", "detail", dossierId] as const;
const dossierHistoryKey = (dossierId: string) => ["dossiers", "history", dossierId] as const;
const dossierListKey = ["dossiers", "list"] as const;
const reviewQueueKey = ["review", "tasks"] as const;

/**
 * An opinion was given or recorded: the dossier (its status moves when the commission's
 * opinion is recorded), its history, the opinions, the deadlines and the member's queue are
 * fetched again.
 */
export function refreshAfterOpinion(queryClient: QueryClient, dossierId: string) {
  for (const queryKey of [
    dossierDetailKey(dossierId),
    dossierHistoryKey(dossierId),
    dossierListKey,
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
