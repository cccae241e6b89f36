import type { QueryClient } from "@tanstack/react-query";
import type { components } from "@/api/client";
import { ApiError } from "@/lib/api-error";
import { dossierKeys } from "@/lib/query-keys";

export type DossierDetail = components["schemas"]["DossierDetail"];

export const checklistKey = (dossierId: string) => ["instruction", "checklist", dossierId] as const;
export const requestsKey = (dossierId: string) => ["instruction", "requests", dossierId] as const;

export const dossierHistoryKey = dossierKeys.history;
/** The opinions feature's list (features/opinions/api/query-keys.ts), repeated for the same reason. */
const opinionsKey = (dossierId: string) => ["opinions", "list", dossierId] as const;

/**
 * A lifecycle action went through: show the dossier the API answered at once, then refetch it
 * with everything the action changed (its history, the dossiers list, the checklist, the
 * requests and the opinions, whose forms follow the status).
 */
export function refreshAfterAction(
  queryClient: QueryClient,
  dossierId: string,
  dossier?: DossierDetail,
) {
  if (dossier) queryClient.setQueryData(dossierKeys.detail(dossierId), dossier);
  for (const queryKey of [
    dossierKeys.detail(dossierId),
    dossierHistoryKey(dossierId),
    dossierKeys.list,
    checklistKey(dossierId),
    requestsKey(dossierId),
    opinionsKey(dossierId),
  ]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}

/** A 409 means our view of the dossier is stale (someone acted meanwhile): fetch it again. */
export function refreshAfterConflict(queryClient: QueryClient, dossierId: string, error: Error) {
  if (error instanceof ApiError && error.status === 409) refreshAfterAction(queryClient, dossierId);
}
