import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiClient } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import type { Payment, PaymentState } from "./get-payments";
import { paymentKeys } from "./keys";

/** After the provider sends the payer back, the payment is asked for this often… */
export const PAYMENT_POLL_MS = 1000;
/** …until its callback has settled it, or for this many times (two minutes) at most. */
export const PAYMENT_POLL_LIMIT = 120;

/** Settled: the provider's callback has said how it ended. */
export function isSettled(status: PaymentState): boolean {
  return status !== "pending";
}

export async function getPayment(paymentId: string): Promise<Payment> {
  return unwrap(
    await apiClient.GET("/api/v1/payments/{payment_id}/", {
      params: { path: { payment_id: paymentId } },
    }),
  );
}

export const paymentQueryOptions = (paymentId: string) =>
  queryOptions({
    queryKey: paymentKeys.detail(paymentId),
    queryFn: () => getPayment(paymentId),
    staleTime: 0,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      if (status && isSettled(status)) return false;
      if (query.state.error) return false;
      return query.state.dataUpdateCount < PAYMENT_POLL_LIMIT ? PAYMENT_POLL_MS : false;
    },
    refetchIntervalInBackground: false,
  });

/** The payment the provider sent the payer back for, polled until it is settled. */
export function usePayment(paymentId: string) {
  return useQuery(paymentQueryOptions(paymentId));
}
