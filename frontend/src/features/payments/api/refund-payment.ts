import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { dossierKeys } from "@/lib/query-keys";
import type { Payment } from "./get-payments";
import { paymentKeys } from "./keys";

export type RefundInput = components["schemas"]["RefundRequestRequest"];

/** Gives back part or all of a paid fee (the desk of the dossier's authority only). */
export async function refundPayment(paymentId: string, input: RefundInput): Promise<Payment> {
  return unwrap(
    await apiClient.POST("/api/v1/payments/{payment_id}/refund/", {
      params: { path: { payment_id: paymentId } },
      body: input,
    }),
  );
}

export function useRefundPayment(payment: Payment) {
  const queryClient = useQueryClient();
  return useMutation<Payment, Error, RefundInput>({
    mutationFn: (input) => refundPayment(payment.id, input),
    onSuccess: (refunded) => {
      queryClient.setQueryData(paymentKeys.detail(refunded.id), refunded);
      void queryClient.invalidateQueries({ queryKey: paymentKeys.forDossier(payment.dossier) });
      // Everything given back: the dossier's payment status becomes `refunded`.
      void queryClient.invalidateQueries({ queryKey: dossierKeys.detail(payment.dossier) });
      void queryClient.invalidateQueries({ queryKey: dossierKeys.list });
    },
  });
}
