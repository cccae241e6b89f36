import { useTranslation } from "react-i18next";
import type { components } from "@/api/client";

type PaymentStatus = components["schemas"]["PaymentStatusEnum"];

const KNOWN: readonly string[] = ["none", "unpaid", "paid", "refunded"] satisfies PaymentStatus[];

/** Where a dossier's fee stands (nothing owed, unpaid, paid, refunded); the list and the page show it. */
export function PaymentStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const label = KNOWN.includes(status) ? t(`payments.status.${status as PaymentStatus}`) : status;
  return (
    <span className={`badge badge--payment-${status}`} data-payment-status={status}>
      {label}
    </span>
  );
}
