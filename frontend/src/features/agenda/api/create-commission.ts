import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { type Commission, commissionsQueryOptions } from "./get-commissions";

export type CommissionCreateInput = components["schemas"]["CommissionCreateRequest"];

/** The organisation is left out: the API gives the commission to the agent's own authority. */
export async function createCommission(input: CommissionCreateInput): Promise<Commission> {
  return unwrap(await apiClient.POST("/api/v1/commissions/", { body: input }));
}

export function useCreateCommission() {
  const queryClient = useQueryClient();
  const { queryKey } = commissionsQueryOptions();
  return useMutation<Commission, Error, CommissionCreateInput>({
    mutationFn: createCommission,
    onSuccess: (commission) => {
      // In the list at once, so the page can select it before the refetch answers.
      queryClient.setQueryData(queryKey, (list) =>
        [...(list ?? []), commission].sort((a, b) => a.name.localeCompare(b.name)),
      );
      void queryClient.invalidateQueries({ queryKey });
    },
  });
}
