import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { components } from "@/api/client";
import { meQueryOptions } from "@/api/me";
import { MutationError } from "@/components/MutationError";
import { PaymentStatusBadge } from "@/components/PaymentStatusBadge";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { formatDateTime, formatMoney } from "@/lib/format";
import { useDownloadReceipt } from "../api/download-receipt";
import { type DossierFee, useDossierFee } from "../api/get-fee";
import { type Payment, useDossierPayments } from "../api/get-payments";
import { useStartPayment } from "../api/start-payment";
import { mayPay } from "../policy";
import { refundableCents } from "../refund";
import { FeeAdjustForm } from "./FeeAdjustForm";
import { PaymentReturn } from "./PaymentReturn";
import { RefundForm } from "./RefundForm";

type Dossier = Pick<
  components["schemas"]["DossierDetail"],
  "id" | "fee_amount" | "fee_currency" | "payment_status"
>;

const PAYMENT_STATES: readonly string[] = ["pending", "paid", "failed", "cancelled", "refunded"];

function PaymentRow({ payment }: { payment: Payment }) {
  const { t, i18n } = useTranslation();
  const receipt = useDownloadReceipt();
  const [refunding, setRefunding] = useState(false);
  const money = (amount: string) => formatMoney(amount, payment.currency, i18n.language);
  const state = PAYMENT_STATES.includes(payment.status)
    ? t(`payments.paymentStatus.${payment.status}`)
    : payment.status;
  const hasReceipt = Boolean(payment.receipt_url);
  return (
    <>
      <tr data-testid="payment-row">
        <td>{formatDateTime(payment.paid_at ?? payment.created_at, i18n.language)}</td>
        <td>{money(payment.amount)}</td>
        <td>
          <span className={`badge badge--payment-${payment.status}`}>{state}</span>
        </td>
        <td>{Number(payment.refunded_amount) > 0 ? money(payment.refunded_amount) : "—"}</td>
        <td className="table__actions">
          {hasReceipt && (
            <button
              type="button"
              className="button button--secondary"
              disabled={receipt.isPending}
              aria-label={t("payments.receiptFor", {
                date: formatDateTime(payment.paid_at ?? payment.created_at, i18n.language),
              })}
              onClick={() => receipt.mutate(payment)}
            >
              {t("payments.receipt")}
            </button>
          )}
          {payment.can_refund && refundableCents(payment) > 0 && !refunding && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setRefunding(true)}
            >
              {t("payments.refund.open")}
            </button>
          )}
        </td>
      </tr>
      {(payment.refunds.length > 0 || refunding || receipt.error) && (
        <tr>
          <td colSpan={5}>
            <MutationError error={receipt.error} />
            {payment.refunds.length > 0 && (
              <ul className="payment-refunds">
                {payment.refunds.map((refund) => (
                  <li key={refund.created_at}>
                    {formatDateTime(refund.created_at, i18n.language)} — {money(refund.amount)} —{" "}
                    {t("payments.refundReason", { reason: refund.reason })}
                  </li>
                ))}
              </ul>
            )}
            {refunding && <RefundForm payment={payment} onDone={() => setRefunding(false)} />}
          </td>
        </tr>
      )}
    </>
  );
}

/** Once something was paid, what it covers and what is still due (after the desk changed the fee). */
function PaidAndDue({ fee, language }: { fee: DossierFee; language: string }) {
  const { t } = useTranslation();
  if (Number(fee.paid_amount) <= 0 || fee.fee_amount === null) return null;
  return (
    <>
      <div>
        <dt>{t("payments.paid")}</dt>
        <dd data-testid="fee-paid">{formatMoney(fee.paid_amount, fee.fee_currency, language)}</dd>
      </div>
      <div>
        <dt>{t("payments.due")}</dt>
        <dd data-testid="fee-due">{formatMoney(fee.amount_due, fee.fee_currency, language)}</dd>
      </div>
    </>
  );
}

/**
 * The dossier's fee and where its payment stands; "Pay online" for its applicant side while it
 * is unpaid; the return from the provider's page; the payments with their receipts, and for
 * the desk a refund. Nothing while the dossier owes nothing and no payment is under way.
 */
export function PaymentsPanel({ dossier }: { dossier: Dossier }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [params, setParams] = useSearchParams();
  const returnedFor = params.get("payment");
  const me = useQuery(meQueryOptions());
  const start = useStartPayment(dossier.id);
  const owes = dossier.fee_amount !== null || dossier.payment_status !== "none";
  const payments = useDossierPayments(dossier.id, { enabled: owes });
  const fee = useDossierFee(dossier.id, { enabled: owes });
  const [adjusting, setAdjusting] = useState(false);

  if (!owes && !returnedFor) return null;

  const dismissReturn = () => {
    const next = new URLSearchParams(params);
    next.delete("payment");
    next.delete("cancelled");
    setParams(next, { replace: true });
  };
  const canPay = dossier.payment_status === "unpaid" && mayPay(me.data);

  return (
    <section aria-labelledby={headingId} className="payments" data-testid="payments-panel">
      <h2 id={headingId}>{t("payments.title")}</h2>
      {returnedFor && (
        <PaymentReturn
          dossierId={dossier.id}
          paymentId={returnedFor}
          cancelled={params.get("cancelled") === "1"}
          onDismiss={dismissReturn}
        />
      )}
      <dl className="card details">
        <div>
          <dt>{t("payments.fee")}</dt>
          <dd data-testid="dossier-fee">
            {dossier.fee_amount === null
              ? t("payments.feeNotFixed")
              : formatMoney(dossier.fee_amount, dossier.fee_currency, i18n.language)}
          </dd>
        </div>
        <div>
          <dt>{t("payments.statusLabel")}</dt>
          <dd>
            <PaymentStatusBadge status={dossier.payment_status} />
          </dd>
        </div>
        {fee.data && <PaidAndDue fee={fee.data} language={i18n.language} />}
      </dl>
      {fee.data?.can_adjust && !adjusting && (
        <div className="form__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setAdjusting(true)}
          >
            {t("payments.adjust.open")}
          </button>
        </div>
      )}
      {fee.data && adjusting && (
        <FeeAdjustForm dossierId={dossier.id} fee={fee.data} onDone={() => setAdjusting(false)} />
      )}
      {canPay && (
        <div className="form__actions">
          <MutationError error={start.error} />
          <button
            type="button"
            className="button"
            disabled={start.isPending || start.isSuccess}
            onClick={() => start.mutate()}
          >
            {start.isPending || start.isSuccess ? t("payments.paying") : t("payments.pay")}
          </button>
        </div>
      )}
      {owes && (
        <>
          <h3>{t("payments.list")}</h3>
          {payments.isPending && <Loading />}
          {payments.isError && (
            <ErrorMessage error={payments.error} onRetry={() => void payments.refetch()} />
          )}
          {payments.data?.length === 0 && <p className="empty">{t("payments.empty")}</p>}
          {payments.data && payments.data.length > 0 && (
            <div className="table-wrap">
              <table className="table" data-testid="payments-table">
                <thead>
                  <tr>
                    <th scope="col">{t("payments.columns.date")}</th>
                    <th scope="col">{t("payments.columns.amount")}</th>
                    <th scope="col">{t("payments.columns.status")}</th>
                    <th scope="col">{t("payments.columns.refunded")}</th>
                    <th scope="col">{t("payments.columns.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {payments.data.map((payment) => (
                    <PaymentRow key={payment.id} payment={payment} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
