import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { dossierKeys } from "@/lib/query-keys";
import { type Inquiry, type InquiryOpenInput, inquiryKeys } from "./query-keys";

/**
 * Opens the dossier's public inquiry (now; until `closes_at`, or the procedure's default). 403
 * for anyone but the authority's desk; 409 when the procedure requires none or one is already
 * planned or open; 400 `errors.public_versions` / `errors.closes_at`.
 */
export async function openInquiry(dossierId: string, input: InquiryOpenInput): Promise<Inquiry> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/inquiries/", {
      params: { path: { dossier_id: dossierId } },
      body: input,
    }),
  );
}

export function useOpenInquiry(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation<Inquiry, Error, InquiryOpenInput>({
    mutationFn: (input) => openInquiry(dossierId, input),
    onSuccess: (inquiry) => {
      queryClient.setQueryData<Inquiry[]>(inquiryKeys.dossier(dossierId), (list = []) => [
        ...list.filter((each) => each.id !== inquiry.id),
        inquiry,
      ]);
      void queryClient.invalidateQueries({ queryKey: inquiryKeys.dossier(dossierId) });
      void queryClient.invalidateQueries({ queryKey: inquiryKeys.public });
      // The inquiry stops the legal clock, and the opening is audited.
      void queryClient.invalidateQueries({ queryKey: dossierKeys.detail(dossierId) });
      void queryClient.invalidateQueries({ queryKey: dossierKeys.history(dossierId) });
    },
  });
}
