import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";

export type MapInquiry = components["schemas"]["PublicInquiry"];

/** The public inquiries open now, closing soonest first; public. They are few: no bbox. */
export async function getInquiries(): Promise<MapInquiry[]> {
  return unwrap(await apiClient.GET("/api/v1/public/inquiries/"));
}

export const inquiriesQueryOptions = () =>
  queryOptions({
    queryKey: ["portal", "inquiries"] as const,
    queryFn: getInquiries,
    // Fetched once for the whole map, whatever its view.
    staleTime: 5 * 60_000,
  });

export function useInquiries() {
  return useQuery(inquiriesQueryOptions());
}
