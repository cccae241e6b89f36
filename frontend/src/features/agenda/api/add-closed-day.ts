import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { type ClosedDay, closedDaysKey } from "./get-closed-days";

export type ClosedDayInput = components["schemas"]["ClosedDayCreateRequest"];

/** No session is generated that day (adding the same date again changes its label). */
export async function addClosedDay(
  commissionId: string,
  input: ClosedDayInput,
): Promise<ClosedDay> {
  return unwrap(
    await apiClient.POST("/api/v1/commissions/{commission_id}/closed-days/", {
      params: { path: { commission_id: commissionId } },
      body: input,
    }),
  );
}

export function useAddClosedDay(commissionId: string) {
  const queryClient = useQueryClient();
  return useMutation<ClosedDay, Error, ClosedDayInput>({
    mutationFn: (input) => addClosedDay(commissionId, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: closedDaysKey(commissionId) }),
  });
}
