import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { fieldErrorsOf } from "@/lib/api-error";
import { formatMoney } from "@/lib/format";
import type { Payment } from "../api/get-payments";
import { useRefundPayment } from "../api/refund-payment";
import { centsToDecimal, checkRefund, refundableCents, type RefundProblem } from "../refund";

/** The desk gives back part or all of a paid fee, up to what is left, and says why. */
export function RefundForm({ payment, onDone }: { payment: Payment; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const refund = useRefundPayment(payment);
  const refundable = refundableCents(payment);
  const available = formatMoney(centsToDecimal(refundable), payment.currency, i18n.language);
  const [amount, setAmount] = useState(centsToDecimal(refundable));
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<{ amount?: RefundProblem; reason?: RefundProblem }>({});

  const message = (problem: RefundProblem) =>
    problem === "amountTooHigh"
      ? t("payments.refund.amountTooHigh", { amount: available })
      : t(`payments.refund.${problem}`);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { cents, ...found } = checkRefund({ amount, reason }, refundable);
    setProblems(found);
    if (found.amount || found.reason || cents === null || refund.isPending) return;
    refund.mutate({ amount: centsToDecimal(cents), reason: reason.trim() }, { onSuccess: onDone });
  };

  const errorsFor = (field: "amount" | "reason") => {
    const problem = problems[field];
    return problem ? [message(problem)] : fieldErrorsOf(refund.error, field);
  };

  return (
    <form className="card form" onSubmit={onSubmit} noValidate data-testid="refund-form">
      <h3>{t("payments.refund.title")}</h3>
      <p className="muted">{t("payments.refund.available", { amount: available })}</p>
      <MutationError error={refund.error} fields={["amount", "reason"]} />
      <Field
        label={t("payments.refund.amount", { currency: payment.currency })}
        errors={errorsFor("amount")}
      >
        <input
          name="amount"
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
        />
      </Field>
      <Field label={t("payments.refund.reason")} errors={errorsFor("reason")}>
        <textarea
          name="reason"
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button" disabled={refund.isPending}>
          {refund.isPending ? t("payments.refund.submitting") : t("payments.refund.submit")}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t("payments.refund.cancel")}
        </button>
      </div>
    </form>
  );
}
