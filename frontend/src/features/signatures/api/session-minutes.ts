import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import {
  documentKeys,
  refreshAfterDocumentChange,
  type SignedDocument,
  type SignerChoice,
} from "./query-keys";

/**
 * The session's minutes being signed or signed, or null (withdrawn ones are not listed; the
 * newest comes first).
 */
export async function getSessionMinutes(sessionId: string): Promise<SignedDocument | null> {
  const page = unwrap(
    await apiClient.GET("/api/v1/documents/", {
      params: { query: { session: sessionId, page_size: 10 } },
    }),
  );
  return page.results[0] ?? null;
}

export const sessionMinutesQueryOptions = (sessionId: string) =>
  queryOptions({
    queryKey: documentKeys.session(sessionId),
    queryFn: () => getSessionMinutes(sessionId),
  });

export function useSessionMinutes(sessionId: string) {
  return useQuery(sessionMinutesQueryOptions(sessionId));
}

/**
 * Draws up the minutes (who sat, the opinions per dossier) and asks `signers` to sign them in
 * their order. 409 before attendance is recorded or when minutes exist; 400 `errors.signers`
 * for someone who did not sit.
 */
export async function prepareMinutes(
  sessionId: string,
  signers: SignerChoice[],
): Promise<SignedDocument> {
  return unwrap(
    await apiClient.POST("/api/v1/sessions/{session_id}/minutes/", {
      params: { path: { session_id: sessionId } },
      body: { signers },
    }),
  );
}

export function usePrepareMinutes(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation<SignedDocument, Error, SignerChoice[]>({
    mutationFn: (signers) => prepareMinutes(sessionId, signers),
    onSuccess: (document) => {
      queryClient.setQueryData(documentKeys.session(sessionId), document);
      refreshAfterDocumentChange(queryClient, document);
    },
  });
}
