import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { documentKeys, type SignedDocument } from "./query-keys";

/** A dossier has a handful of documents (its decision, its authorised plans): one page holds them. */
const PAGE_SIZE = 100;

/** The dossier's documents, newest first; the applicant's side sees only those fully signed. */
export async function getDossierDocuments(dossierId: string): Promise<SignedDocument[]> {
  const page = unwrap(
    await apiClient.GET("/api/v1/dossiers/{dossier_id}/documents/", {
      params: { path: { dossier_id: dossierId }, query: { page_size: PAGE_SIZE } },
    }),
  );
  return page.results;
}

export const dossierDocumentsQueryOptions = (dossierId: string) =>
  queryOptions({
    queryKey: documentKeys.dossier(dossierId),
    queryFn: () => getDossierDocuments(dossierId),
  });

export function useDossierDocuments(dossierId: string, { enabled = true } = {}) {
  return useQuery({ ...dossierDocumentsQueryOptions(dossierId), enabled });
}
