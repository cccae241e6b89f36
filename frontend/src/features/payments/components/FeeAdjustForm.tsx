import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { fieldErrorsOf } from "@/lib/api-error";
import { useAdjustFee } from "../api/adjust-fee";
import type { DossierFee } from "../api/get-fee";
import { centsToDecimal, toCents } from "../refund";

type Problem = "amountRequired" | "amountInvalid" | "reasonRequired";

/** Longest reason the API keeps. */
const REASON_MAX = 300;

/**
 * The desk sets the fee of a submitted dossier (another surface found, an exemption: 0) and
 * says why; the applicant is told. What was paid counts: the difference is owed, or refunded.
 */
export function FeeAdjustForm({
  dossierId,
  fee,
  onDone,
}: {
  dossierId: string;
  fee: DossierFee;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const adjust = useAdjustFee(dossierId);
  const [amount, setAmount] = useState(fee.fee_amount ?? "");
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<{ amount?: Problem; reason?: Problem }>({});

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const cents = toCents(amount, { allowZero: true });
    const found: { amount?: Problem; reason?: Problem } = {};
    if (amount.trim() === "") found.amount = "amountRequired";
    else if (cents === null) found.amount = "amountInvalid";
    if (reason.trim() === "") found.reason = "reasonRequired";
    setProblems(found);
    if (found.amount || found.reason || cents === null || adjust.isPending) return;
    adjust.mutate({ amount: centsToDecimal(cents), reason: reason.trim() }, { onSuccess: onDone });
  };

  const errorsFor = (field: "amount" | "reason") => {
    const problem = problems[field];
    return problem ? [t(`payments.adjust.${problem}`)] : fieldErrorsOf(adjust.error, field);
  };

  return (
    <form className="card form" onSubmit={onSubmit} noValidate data-testid="fee-adjust-form">
      <h3>{t("payments.adjust.title")}</h3>
      <p className="muted">{t("payments.adjust.help")}</p>
      <MutationError error={adjust.error} fields={["amount", "reason"]} />
      <Field
        label={t("payments.adjust.amount", { currency: fee.fee_currency || "" })}
        errors={errorsFor("amount")}
      >
        <input
          name="amount"
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
        />
      </Field>
      <Field label={t("payments.adjust.reason")} errors={errorsFor("reason")}>
        <textarea
          name="reason"
          rows={2}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button" disabled={adjust.isPending}>
          {adjust.isPending ? t("payments.adjust.submitting") : t("payments.adjust.submit")}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t("payments.adjust.cancel")}
        </button>
      </div>
    </form>
  );
}
