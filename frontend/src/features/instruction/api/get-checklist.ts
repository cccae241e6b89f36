import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { checklistKey } from "./query-keys";

/** One document the procedure requires, with the desk's verdict (`satisfied` null: unchecked). */
export type ChecklistEntry = components["schemas"]["ChecklistEntry"];

export async function getChecklist(dossierId: string): Promise<ChecklistEntry[]> {
  return unwrap(
    await apiClient.GET("/api/v1/dossiers/{dossier_id}/checklist/", {
      params: { path: { dossier_id: dossierId } },
    }),
  );
}

export const checklistQueryOptions = (dossierId: string) =>
  queryOptions({ queryKey: checklistKey(dossierId), queryFn: () => getChecklist(dossierId) });

export function useChecklist(dossierId: string, { enabled = true } = {}) {
  return useQuery({ ...checklistQueryOptions(dossierId), enabled });
}
