import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { membersKey } from "./get-members";

/** The member leaves the commission; the reviews they wrote keep their author. */
export async function removeMember(memberId: string): Promise<void> {
  unwrap(
    await apiClient.DELETE("/api/v1/commission-members/{member_id}/", {
      params: { path: { member_id: memberId } },
    }),
  );
}

export function useRemoveMember(commissionId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: removeMember,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: membersKey(commissionId) }),
  });
}
