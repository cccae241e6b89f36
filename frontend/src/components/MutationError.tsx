import { useTranslation } from "react-i18next";
import { ApiError, isNetworkError } from "@/lib/api-error";

/**
 * A failed write's message not tied to a form field: the API's `detail`, or what went wrong
 * when no answer came back. `fields` are shown next to their inputs, so they are left out.
 */
export function useUnplacedErrors(error: Error | null, fields: readonly string[] = []): string[] {
  const { t } = useTranslation();
  if (!error) return [];
  if (!(error instanceof ApiError)) {
    return [isNetworkError(error) ? t("app.networkError") : t("app.genericError")];
  }
  const errors = error.body.errors;
  if (!errors) return [error.body.detail || t("app.genericError")];
  const unplaced = Object.entries(errors)
    .filter(([field]) => !fields.includes(field))
    .flatMap(([, messages]) => messages);
  return unplaced;
}

export function MutationError({
  error,
  fields,
}: {
  error: Error | null;
  fields?: readonly string[];
}) {
  const messages = useUnplacedErrors(error, fields);
  if (messages.length === 0) return null;
  return (
    <div className="alert alert--error" role="alert">
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
