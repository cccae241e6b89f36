import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { inquiryKeys, type PublicInquiry } from "./query-keys";

/** The inquiries open now, closing soonest first (public: no login needed). */
export async function getPublicInquiries(): Promise<PublicInquiry[]> {
  return unwrap(await apiClient.GET("/api/v1/public/inquiries/"));
}

export const publicInquiriesQueryOptions = () =>
  queryOptions({ queryKey: inquiryKeys.public, queryFn: getPublicInquiries });

export function usePublicInquiries() {
  return useQuery(publicInquiriesQueryOptions());
}
