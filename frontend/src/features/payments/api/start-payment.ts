import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { i18n } from "@/app/i18n";
import { unwrap } from "@/lib/api-error";
import { useIdempotentSubmission } from "@/lib/idempotency";
import { paymentKeys } from "./keys";

export type PaymentStarted = components["schemas"]["PaymentStarted"];

/**
 * Opens a checkout for the fee the dossier owes; the answer says where the payer goes
 * (`redirect_url`). 409 when nothing is owed or it is already paid.
 */
export async function startPayment(
  dossierId: string,
  idempotencyKey: string,
): Promise<PaymentStarted> {
  return unwrap(
    await apiClient.POST("/api/v1/dossiers/{dossier_id}/payments/", {
      params: {
        path: { dossier_id: dossierId },
        header: { "Idempotency-Key": idempotencyKey },
      },
    }),
  );
}

/** Only the web's own schemes: the page is left for this address. */
export function isCheckoutUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url, window.location.origin);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

/**
 * "Pay online": opens the checkout, then leaves the SPA for the provider's page. A second click
 * while the first answer is awaited (or a retry after it was lost) reuses the same key, so the
 * API hands out the same checkout.
 */
export function useStartPayment(dossierId: string) {
  const queryClient = useQueryClient();
  const submission = useIdempotentSubmission();
  return useMutation<PaymentStarted, Error, void>({
    mutationFn: async () => {
      const payment = await startPayment(dossierId, submission.keyFor({ dossierId }));
      submission.succeeded();
      if (!isCheckoutUrl(payment.redirect_url)) throw new Error(i18n.t("payments.badCheckout"));
      return payment;
    },
    onSuccess: (payment) => {
      void queryClient.invalidateQueries({ queryKey: paymentKeys.forDossier(dossierId) });
      window.location.assign(payment.redirect_url);
    },
  });
}
