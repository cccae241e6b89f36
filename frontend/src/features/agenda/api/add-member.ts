import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { type Member, membersKey } from "./get-members";

export type MemberInput = components["schemas"]["MemberAddRequest"];

/**
 * Seats an existing account, or changes the seat of one already there. 400 `errors.email`
 * when no active account has that address or its role cannot sit on a commission.
 */
export async function addMember(commissionId: string, input: MemberInput): Promise<Member> {
  return unwrap(
    await apiClient.POST("/api/v1/commissions/{commission_id}/members/", {
      params: { path: { commission_id: commissionId } },
      body: input,
    }),
  );
}

export function useAddMember(commissionId: string) {
  const queryClient = useQueryClient();
  return useMutation<Member, Error, MemberInput>({
    mutationFn: (input) => addMember(commissionId, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: membersKey(commissionId) }),
  });
}
