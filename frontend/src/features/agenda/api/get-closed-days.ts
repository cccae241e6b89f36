import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

/** `commission` is null for a public holiday, which closes every commission. */
export type ClosedDay = components["schemas"]["ClosedDay"];

export const closedDaysKey = (commissionId: string) =>
  ["agenda", "closed-days", commissionId] as const;

/** The commission's own closed days and the public holidays, in date order. */
export async function getClosedDays(commissionId: string): Promise<ClosedDay[]> {
  return unwrap(
    await apiClient.GET("/api/v1/commissions/{commission_id}/closed-days/", {
      params: { path: { commission_id: commissionId } },
    }),
  );
}

export function useClosedDays(commissionId: string) {
  return useQuery(
    queryOptions({
      queryKey: closedDaysKey(commissionId),
      queryFn: () => getClosedDays(commissionId),
    }),
  );
}
