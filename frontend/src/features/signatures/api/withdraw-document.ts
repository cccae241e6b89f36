import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { refreshAfterDocumentChange, type SignedDocument } from "./query-keys";

/** The desk withdraws a document still being signed (to correct it and prepare it again). */
export async function withdrawDocument(documentId: string): Promise<SignedDocument> {
  return unwrap(
    await apiClient.POST("/api/v1/documents/{document_id}/withdraw/", {
      params: { path: { document_id: documentId } },
    }),
  );
}

export function useWithdrawDocument(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation<SignedDocument, Error, void>({
    mutationFn: () => withdrawDocument(documentId),
    onSuccess: (document) => refreshAfterDocumentChange(queryClient, document),
  });
}
