import type { QueryClient } from "@tanstack/react-query";
import type { components } from "@/api/client";
import { dossierKeys } from "@/lib/query-keys";

export type SignedDocument = components["schemas"]["Document"];
export type DocumentKind = components["schemas"]["DocumentKindEnum"];
export type DocumentStatus = components["schemas"]["DocumentStatusEnum"];
export type Signer = components["schemas"]["RequiredSigner"];
/** Someone the desk may name to sign, with a suggested capacity; `default` ones sign unless told. */
export type SignerCandidate = components["schemas"]["SignerCandidate"];
/** Who signs and in which capacity, as sent when preparing a document. */
export type SignerChoice = components["schemas"]["SignerChoiceRequest"];

export const documentKeys = {
  /** Every signed-document query: a signature, a withdrawal or a preparation may change any. */
  all: ["signatures"] as const,
  dossier: (dossierId: string) => ["signatures", "dossier", dossierId] as const,
  detail: (documentId: string) => ["signatures", "detail", documentId] as const,
  toSign: ["signatures", "to-sign"] as const,
  session: (sessionId: string) => ["signatures", "session", sessionId] as const,
  attendance: (sessionId: string) => ["signatures", "attendance", sessionId] as const,
  dossierCandidates: (dossierId: string) =>
    ["signatures", "candidates", "dossier", dossierId] as const,
  sessionCandidates: (sessionId: string) =>
    ["signatures", "candidates", "session", sessionId] as const,
};

/**
 * A document changed (prepared, signed, withdrawn): show the API's answer at once, then refetch
 * every list it may be in, and its dossier's history (the change is audited there).
 */
export function refreshAfterDocumentChange(queryClient: QueryClient, document?: SignedDocument) {
  if (document) queryClient.setQueryData(documentKeys.detail(document.id), document);
  void queryClient.invalidateQueries({
    queryKey: documentKeys.all,
    // The attendance and who may sign do not depend on documents.
    predicate: (query) => query.queryKey[1] !== "attendance" && query.queryKey[1] !== "candidates",
  });
  if (document?.dossier) {
    void queryClient.invalidateQueries({ queryKey: dossierKeys.history(document.dossier) });
  }
}
