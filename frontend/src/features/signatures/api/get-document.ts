import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { documentKeys, type SignedDocument } from "./query-keys";

export async function getDocument(documentId: string): Promise<SignedDocument> {
  return unwrap(
    await apiClient.GET("/api/v1/documents/{document_id}/", {
      params: { path: { document_id: documentId } },
    }),
  );
}

export const documentQueryOptions = (documentId: string) =>
  queryOptions({
    queryKey: documentKeys.detail(documentId),
    queryFn: () => getDocument(documentId),
  });

export function useDocument(documentId: string) {
  return useQuery(documentQueryOptions(documentId));
}
