import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { inquiryKeys, type Observation } from "./query-keys";

/** The inquiry's observations, oldest first, with their authors (403 for all but the desk). */
export async function getObservations(inquiryId: string): Promise<Observation[]> {
  return unwrap(
    await apiClient.GET("/api/v1/inquiries/{inquiry_id}/observations/", {
      params: { path: { inquiry_id: inquiryId } },
    }),
  );
}

export const observationsQueryOptions = (inquiryId: string) =>
  queryOptions({
    queryKey: inquiryKeys.observations(inquiryId),
    queryFn: () => getObservations(inquiryId),
  });

export function useObservations(inquiryId: string, { enabled = true } = {}) {
  return useQuery({ ...observationsQueryOptions(inquiryId), enabled });
}
