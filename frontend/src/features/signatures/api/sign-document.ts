import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { refreshAfterDocumentChange, type SignedDocument } from "./query-keys";

export type SignInput = components["schemas"]["SignRequest"];

/**
 * Signs when it is the user's turn, confirmed by their password. `sha256` is the fingerprint of
 * the version the user was shown: 409 if the document changed since (or out of turn, or twice),
 * 400 `errors.password` for a wrong password, 503 when keys or timestamping are unavailable.
 */
export async function signDocument(documentId: string, input: SignInput): Promise<SignedDocument> {
  return unwrap(
    await apiClient.POST("/api/v1/documents/{document_id}/sign/", {
      params: { path: { document_id: documentId } },
      body: input,
    }),
  );
}

export function useSignDocument(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation<SignedDocument, Error, SignInput>({
    mutationFn: (input) => signDocument(documentId, input),
    onSuccess: (document) => refreshAfterDocumentChange(queryClient, document),
  });
}
