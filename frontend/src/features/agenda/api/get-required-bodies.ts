import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type RequiredBody = components["schemas"]["RequiredBody"];

export const requiredBodiesKey = (commissionId: string) =>
  ["agenda", "required-bodies", commissionId] as const;

export async function getRequiredBodies(commissionId: string): Promise<RequiredBody[]> {
  const page = unwrap(
    await apiClient.GET("/api/v1/commissions/{commission_id}/required-bodies/", {
      params: { path: { commission_id: commissionId }, query: { page_size: 100 } },
    }),
  );
  return page.results;
}

export function useRequiredBodies(commissionId: string) {
  return useQuery(
    queryOptions({
      queryKey: requiredBodiesKey(commissionId),
      queryFn: () => getRequiredBodies(commissionId),
    }),
  );
}
