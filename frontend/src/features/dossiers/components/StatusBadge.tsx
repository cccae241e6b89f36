import { useTranslation } from "react-i18next";
import type { DossierStatus } from "../api/get-dossiers";

export const DOSSIER_STATUSES = [
  "draft",
  "submitted",
  "completeness_check",
  "awaiting_complements",
  "under_review",
  "commission_opinion",
  "decision",
  "closed",
] as const satisfies readonly DossierStatus[];

export function isDossierStatus(value: string): value is DossierStatus {
  return (DOSSIER_STATUSES as readonly string[]).includes(value);
}

export function useStatusLabel() {
  const { t } = useTranslation();
  // Unknown statuses (added by the backend later) show their code rather than nothing.
  return (status: string) => (isDossierStatus(status) ? t(`status.${status}`) : status);
}

export function StatusBadge({ status }: { status: string }) {
  const label = useStatusLabel();
  return (
    <span className={`badge badge--${status}`} data-status={status}>
      {label(status)}
    </span>
  );
}
