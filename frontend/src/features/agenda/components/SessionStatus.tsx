import { useTranslation } from "react-i18next";
import type { Session } from "../api/get-sessions";

export function SessionStatus({ status }: { status: Session["status"] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--session-${status}`} data-status={status}>
      {t(`sessions.statuses.${status}`)}
    </span>
  );
}
