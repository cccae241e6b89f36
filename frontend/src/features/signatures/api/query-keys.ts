import type { QueryClient } from "@tanstack/react-query";
import type { components } from "@/api/client";
import { dossierKeys } from "@/lib/query-keys";

export type SignedDocument = components["schemas"]["Document"];
export type DocumentKind = components["schemas"]["DocumentKindEnum"];
export type DocumentStatus = components["schemas"]["DocumentStatusEnum"];
export type Signer = components["schemas"]["RequiredSigner"];

export const documentKeys = {
  /** Every signed-document query: a signature, a withdrawal or a preparation may change any. */
  all: ["signatures"] as const,
  dossier: (dossierId: string) => ["signatures", "dossier", dossierId] as const,
  detail: (documentId: string) => ["signatures", "detail", documentId] as const,
  toSign: ["signatures", "to-sign"] as const,
  session: (sessionId: string) => ["signatures", "session", sessionId] as const,
  attendance: (sessionId: string) => ["signatures", "attendance", sessionId] as const,
};

/**
 * A document changed (prepared, signed, withdrawn): show the API's answer at once, then refetch
 * every list it may be in, and its dossier's history (the change is audited there).
 */
export function refreshAfterDocumentChange(queryClient: QueryClient, document?: SignedDocument) {
  if (document) queryClient.setQueryData(documentKeys.detail(document.id), document);
  void queryClient.invalidateQueries({
    queryKey: documentKeys.all,
    // The attendance does not depend on documents.
    predicate: (query) => query.queryKey[1] !== "attendance",
  });
  if (document?.dossier) {
    void queryClient.invalidateQueries({ queryKey: dossierKeys.history(document.dossier) });
  }
}
