import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { certificateKeys, type CertificateRequest } from "./query-keys";

export type CertificateInput = components["schemas"]["CertificateRequestInputRequest"];

/**
 * Asks for a parcel's certificate: 202 with the request `pending` (a worker draws and seals it).
 * 400 `errors.parcel` for an unknown parcel; 429 past the rate of requests per person.
 */
export async function requestCertificate(input: CertificateInput): Promise<CertificateRequest> {
  return unwrap(await apiClient.POST("/api/v1/certificates/", { body: input }));
}

export function useRequestCertificate() {
  const queryClient = useQueryClient();
  return useMutation<CertificateRequest, Error, CertificateInput>({
    mutationFn: requestCertificate,
    onSuccess: (request) => {
      queryClient.setQueryData(certificateKeys.detail(request.id), request);
      void queryClient.invalidateQueries({ queryKey: certificateKeys.list });
    },
  });
}
