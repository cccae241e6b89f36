import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import {
  documentKeys,
  refreshAfterDocumentChange,
  type SignedDocument,
  type SignerChoice,
} from "./query-keys";

/** What the desk prepares for a decided dossier. */
export type PreparedKind = "decision" | "authorised_plans";

/**
 * Draws the decision, or stamps the authorised plans, as a PDF and asks its first signer to sign:
 * `signers` in their order. 400 `errors.signers` for someone who may not sign; 409 before the
 * decision, for a refused permit's plans, without a ready plan, or when one is already being signed.
 */
export async function prepareDocument(
  dossierId: string,
  kind: PreparedKind,
  signers: SignerChoice[],
): Promise<SignedDocument> {
  const params = { path: { dossier_id: dossierId } };
  const body = { signers };
  return unwrap(
    kind === "decision"
      ? await apiClient.POST("/api/v1/dossiers/{dossier_id}/decision-document/", { params, body })
      : await apiClient.POST("/api/v1/dossiers/{dossier_id}/authorised-plans/", { params, body }),
  );
}

export function usePrepareDocument(dossierId: string, kind: PreparedKind) {
  const queryClient = useQueryClient();
  return useMutation<SignedDocument, Error, SignerChoice[]>({
    mutationFn: (signers) => prepareDocument(dossierId, kind, signers),
    onSuccess: (document) => {
      queryClient.setQueryData<SignedDocument[]>(documentKeys.dossier(dossierId), (list = []) => [
        document,
        ...list.filter((each) => each.id !== document.id),
      ]);
      refreshAfterDocumentChange(queryClient, document);
    },
  });
}
