import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { opinionsKey } from "./query-keys";

/**
 * One commission session examining the dossier: its rule, what the rule proposes now, the
 * members' opinions (empty for the applicant's side), the recorded opinion.
 */
export type SessionOpinions = components["schemas"]["SessionOpinions"];
export type MemberOpinion = components["schemas"]["MemberOpinion"];
export type RecordedOpinion = components["schemas"]["RecordedOpinion"];
export type OpinionValue = components["schemas"]["OpinionValueEnum"];

export const OPINION_VALUES: readonly OpinionValue[] = [
  "favourable",
  "favourable_with_conditions",
  "unfavourable",
  "abstain",
];

/** The API types some values as plain strings; an unknown one is shown as its code. */
export function isOpinionValue(value: string | null | undefined): value is OpinionValue {
  return (OPINION_VALUES as readonly (string | null | undefined)[]).includes(value);
}

export async function getOpinions(dossierId: string): Promise<SessionOpinions[]> {
  return unwrap(
    await apiClient.GET("/api/v1/dossiers/{dossier_id}/opinions/", {
      params: { path: { dossier_id: dossierId } },
    }),
  );
}

export const opinionsQueryOptions = (dossierId: string) =>
  queryOptions({ queryKey: opinionsKey(dossierId), queryFn: () => getOpinions(dossierId) });

export function useOpinions(dossierId: string, { enabled = true } = {}) {
  return useQuery({ ...opinionsQueryOptions(dossierId), enabled });
}
