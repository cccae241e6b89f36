import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import {
  certificateKeys,
  isPending,
  LINK_REFRESH_MS,
  POLL_MS,
  type CertificateRequest,
} from "./query-keys";

export async function getCertificate(id: string): Promise<CertificateRequest> {
  return unwrap(
    await apiClient.GET("/api/v1/certificates/{certificate_id}/", {
      params: { path: { certificate_id: id } },
    }),
  );
}

/** Polled while the worker prepares it; then now and then, for a fresh download link. */
export const certificateQueryOptions = (id: string) =>
  queryOptions({
    queryKey: certificateKeys.detail(id),
    queryFn: () => getCertificate(id),
    refetchInterval: (query) => (isPending(query.state.data) ? POLL_MS : LINK_REFRESH_MS),
  });

/** The request, followed until it is ready; then the list of requests is read again. */
export function useCertificate(id: string) {
  const queryClient = useQueryClient();
  const query = useQuery(certificateQueryOptions(id));
  const status = query.data?.status;
  useEffect(() => {
    if (status && status !== "pending") {
      void queryClient.invalidateQueries({ queryKey: certificateKeys.list });
    }
  }, [status, queryClient]);
  return query;
}
