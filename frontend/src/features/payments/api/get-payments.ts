import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { paymentKeys } from "./keys";

export type Payment = components["schemas"]["Payment"];
export type PaymentState = Payment["status"];

/** A dossier's fee is paid in a few attempts at most: one page holds them. */
const PAGE_SIZE = 50;

/** The dossier's payment attempts, newest first, with their refunds. */
export async function getDossierPayments(dossierId: string): Promise<Payment[]> {
  const page = unwrap(
    await apiClient.GET("/api/v1/dossiers/{dossier_id}/payments/", {
      params: { path: { dossier_id: dossierId }, query: { page_size: PAGE_SIZE } },
    }),
  );
  return page.results;
}

export const dossierPaymentsQueryOptions = (dossierId: string) =>
  queryOptions({
    queryKey: paymentKeys.forDossier(dossierId),
    queryFn: () => getDossierPayments(dossierId),
  });

export function useDossierPayments(dossierId: string, { enabled = true } = {}) {
  return useQuery({ ...dossierPaymentsQueryOptions(dossierId), enabled });
}
