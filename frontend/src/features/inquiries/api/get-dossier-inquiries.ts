import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { type Inquiry, inquiryKeys } from "./query-keys";

/** The dossier's inquiries; `observations` is their count for the desk, null for anyone else. */
export async function getDossierInquiries(dossierId: string): Promise<Inquiry[]> {
  return unwrap(
    await apiClient.GET("/api/v1/dossiers/{dossier_id}/inquiries/", {
      params: { path: { dossier_id: dossierId } },
    }),
  );
}

export const dossierInquiriesQueryOptions = (dossierId: string) =>
  queryOptions({
    queryKey: inquiryKeys.dossier(dossierId),
    queryFn: () => getDossierInquiries(dossierId),
  });

export function useDossierInquiries(dossierId: string) {
  return useQuery(dossierInquiriesQueryOptions(dossierId));
}
