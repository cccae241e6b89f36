import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type Member = components["schemas"]["Member"];
export type MemberKind = components["schemas"]["MemberKindEnum"];
export type MemberRole = components["schemas"]["MemberRoleEnum"];

export const MEMBER_KINDS: readonly MemberKind[] = ["permanent", "occasional"];
export const MEMBER_ROLES: readonly MemberRole[] = ["chair", "secretary", "rapporteur", "member"];

export const membersKey = (commissionId: string) => ["agenda", "members", commissionId] as const;

/** The commission's active members (one page of 100: a commission seats a few dozen at most). */
export async function getMembers(commissionId: string): Promise<Member[]> {
  const page = unwrap(
    await apiClient.GET("/api/v1/commissions/{commission_id}/members/", {
      params: { path: { commission_id: commissionId }, query: { page_size: 100 } },
    }),
  );
  return page.results;
}

export function useMembers(commissionId: string) {
  return useQuery(
    queryOptions({ queryKey: membersKey(commissionId), queryFn: () => getMembers(commissionId) }),
  );
}
