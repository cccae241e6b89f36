import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "@/lib/api-error";
import { apiErrorKey, type FormField, type Problem } from "./schema";

/** The words for one failed check. */
export function useProblemMessage() {
  const { t } = useTranslation();
  return (problem: Problem): string => {
    switch (problem.code) {
      case "minimum":
      case "maximum":
      case "minLength":
      case "maxLength":
        return t(`procedureForm.problems.${problem.code}`, { limit: problem.limit ?? 0 });
      default:
        return t(`procedureForm.problems.${problem.code}`);
    }
  };
}

/** The API's messages for the form's fields (`form_data.<name>`), by field name. */
export function apiFormErrors(
  error: unknown,
  fields: readonly FormField[],
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const field of fields) {
    const messages = fieldErrorsOf(error, apiErrorKey(field.name));
    if (messages.length) errors[field.name] = messages;
  }
  return errors;
}

/** The keys under which the API reports the form's fields, so other messages can tell. */
export function apiErrorKeys(fields: readonly FormField[]): string[] {
  return fields.map((field) => apiErrorKey(field.name));
}

/**
 * The messages to show by field: the client's own check where it found one (shown once the
 * user tried to send), the API's otherwise.
 */
export function useFieldErrors(
  fields: readonly FormField[],
  problems: Readonly<Record<string, Problem>>,
  apiError: unknown,
): Record<string, string[]> {
  const message = useProblemMessage();
  const fromApi = apiFormErrors(apiError, fields);
  const errors: Record<string, string[]> = {};
  for (const field of fields) {
    const problem = problems[field.name];
    const messages = problem ? [message(problem)] : fromApi[field.name];
    if (messages?.length) errors[field.name] = messages;
  }
  return errors;
}
