import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { pageFromLink } from "@/lib/pagination";
import { certificateKeys, LINK_REFRESH_MS } from "./query-keys";

export type CertificatePage = components["schemas"]["PaginatedCertificateRequestList"];

export const CERTIFICATES_PAGE_SIZE = 20;

/** One page of the user's own certificate requests, newest first. */
export async function getCertificates(page = 1): Promise<CertificatePage> {
  return unwrap(
    await apiClient.GET("/api/v1/certificates/", {
      params: { query: { page, page_size: CERTIFICATES_PAGE_SIZE } },
    }),
  );
}

export const certificatesQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: certificateKeys.list,
    queryFn: ({ pageParam }) => getCertificates(pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => pageFromLink(last.next),
    // Its download links lapse after 5 minutes.
    refetchInterval: LINK_REFRESH_MS,
  });

export function useCertificates() {
  return useInfiniteQuery(certificatesQueryOptions());
}
