import { useTranslation } from "react-i18next";
import { ApiError } from "@/lib/api-error";

/** Loading and error states shared by every page that waits on a query. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t("app.loading")}
    </p>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message =
    error instanceof ApiError && error.status === 404
      ? t("app.notFound")
      : error instanceof ApiError && error.body.detail
        ? error.body.detail
        : t("app.genericError");
  return (
    <div className="alert alert--error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t("app.retry")}
        </button>
      )}
    </div>
  );
}
