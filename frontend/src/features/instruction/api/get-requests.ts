import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { requestsKey } from "./query-keys";

/** Complements or changes asked of the applicant; `answered_at` null while it is open. */
export type ApplicantRequest = components["schemas"]["ApplicantRequest"];

/** The open request first, then the answered ones. */
export async function getRequests(dossierId: string): Promise<ApplicantRequest[]> {
  return unwrap(
    await apiClient.GET("/api/v1/dossiers/{dossier_id}/requests/", {
      params: { path: { dossier_id: dossierId } },
    }),
  );
}

export const requestsQueryOptions = (dossierId: string) =>
  queryOptions({ queryKey: requestsKey(dossierId), queryFn: () => getRequests(dossierId) });

export function useRequests(dossierId: string, { enabled = true } = {}) {
  return useQuery({ ...requestsQueryOptions(dossierId), enabled });
}
