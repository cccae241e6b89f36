import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "@/components/QueryState";
import { dossierKeys } from "@/lib/query-keys";
import { isSettled, PAYMENT_POLL_LIMIT, usePayment } from "../api/get-payment";
import { paymentKeys } from "../api/keys";

/**
 * Back from the provider's page (`?payment=<id>`): the payment is asked for every second until
 * its callback has settled it, then the dossier (its payment status) is loaded again.
 */
export function PaymentReturn({
  dossierId,
  paymentId,
  cancelled = false,
  onDismiss,
}: {
  dossierId: string;
  paymentId: string;
  /** The payer turned back at the provider, which may say nothing of it until the checkout expires. */
  cancelled?: boolean;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const payment = usePayment(paymentId);
  const status = payment.data?.status;
  const settled = status !== undefined && isSettled(status);
  // The poll stops after PAYMENT_POLL_LIMIT answers: say so rather than "confirming" for ever.
  const answers = queryClient.getQueryState(paymentKeys.detail(paymentId))?.dataUpdateCount ?? 0;
  const gaveUp = !settled && answers >= PAYMENT_POLL_LIMIT;

  useEffect(() => {
    if (!settled) return;
    void queryClient.invalidateQueries({ queryKey: dossierKeys.detail(dossierId) });
    void queryClient.invalidateQueries({ queryKey: dossierKeys.list });
    void queryClient.invalidateQueries({ queryKey: paymentKeys.forDossier(dossierId) });
  }, [settled, queryClient, dossierId]);

  if (payment.isError) return <ErrorMessage error={payment.error} />;
  const tone = status === "paid" ? "alert--ok" : settled ? "alert--error" : "alert--info";
  const message =
    status !== undefined && status !== "pending"
      ? t(`payments.return.${status}`)
      : cancelled
        ? t("payments.return.left")
        : gaveUp
          ? t("payments.return.notYet")
          : t("payments.return.waiting");
  return (
    <div className={`alert ${tone}`} role="status" data-testid="payment-return">
      <p>{message}</p>
      {(settled || cancelled || gaveUp) && (
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          {t("payments.return.dismiss")}
        </button>
      )}
    </div>
  );
}
