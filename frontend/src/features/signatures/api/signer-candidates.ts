import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { documentKeys, type SignerCandidate } from "./query-keys";

/**
 * Who may sign the dossier's decision and authorised plans (its authority's signing authorities
 * and desk agents): those who sign by default first, in order. The dossier's desk only.
 */
export async function getDossierSignerCandidates(dossierId: string): Promise<SignerCandidate[]> {
  return unwrap(
    await apiClient.GET("/api/v1/dossiers/{dossier_id}/signer-candidates/", {
      params: { path: { dossier_id: dossierId } },
    }),
  );
}

export const dossierSignerCandidatesQueryOptions = (dossierId: string) =>
  queryOptions({
    queryKey: documentKeys.dossierCandidates(dossierId),
    queryFn: () => getDossierSignerCandidates(dossierId),
  });

export function useDossierSignerCandidates(dossierId: string) {
  return useQuery(dossierSignerCandidatesQueryOptions(dossierId));
}

/**
 * Who may sign a session's minutes (the members who sat): the chair then the secretary first.
 * The commission's desk only.
 */
export async function getSessionSignerCandidates(sessionId: string): Promise<SignerCandidate[]> {
  return unwrap(
    await apiClient.GET("/api/v1/sessions/{session_id}/signer-candidates/", {
      params: { path: { session_id: sessionId } },
    }),
  );
}

export const sessionSignerCandidatesQueryOptions = (sessionId: string) =>
  queryOptions({
    queryKey: documentKeys.sessionCandidates(sessionId),
    queryFn: () => getSessionSignerCandidates(sessionId),
  });

export function useSessionSignerCandidates(sessionId: string, { enabled = true } = {}) {
  return useQuery({ ...sessionSignerCandidatesQueryOptions(sessionId), enabled });
}
