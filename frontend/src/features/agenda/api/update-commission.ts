import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { type Commission, commissionsQueryOptions } from "./get-commissions";

export type CommissionUpdateInput = components["schemas"]["PatchedCommissionUpdateRequest"];

/** Name, time zone, procedure types, territory and the active flag; 400 with field errors. */
export async function updateCommission(
  commissionId: string,
  input: CommissionUpdateInput,
): Promise<Commission> {
  return unwrap(
    await apiClient.PATCH("/api/v1/commissions/{commission_id}/", {
      params: { path: { commission_id: commissionId } },
      body: input,
    }),
  );
}

export function useUpdateCommission(commissionId: string) {
  const queryClient = useQueryClient();
  const { queryKey } = commissionsQueryOptions();
  return useMutation<Commission, Error, CommissionUpdateInput>({
    mutationFn: (input) => updateCommission(commissionId, input),
    onSuccess: (commission) => {
      queryClient.setQueryData(queryKey, (list) =>
        list?.map((c) => (c.id === commission.id ? commission : c)),
      );
      void queryClient.invalidateQueries({ queryKey });
    },
  });
}
