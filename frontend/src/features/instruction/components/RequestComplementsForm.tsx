import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { fieldErrorsOf } from "@/lib/api-error";
import type { ChecklistEntry } from "../api/get-checklist";
import { useRequestComplements } from "../api/request-complements";

/**
 * Sends the dossier back to the applicant with a message and the missing documents. An item
 * is ticked when the desk marked it missing, until the agent ticks or unticks it by hand.
 */
export function RequestComplementsForm({
  dossierId,
  checklist,
}: {
  dossierId: string;
  checklist: ChecklistEntry[];
}) {
  const { t } = useTranslation();
  const send = useRequestComplements(dossierId);
  const titleId = useId();
  const [message, setMessage] = useState("");
  const [ticks, setTicks] = useState<Record<string, boolean>>({});
  const ticked = (entry: ChecklistEntry) => ticks[entry.code] ?? entry.satisfied === false;
  const missingErrors = fieldErrorsOf(send.error, "missing");

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (send.isPending || !message.trim()) return;
    const missing = checklist.filter(ticked).map((entry) => entry.code);
    send.mutate({ message: message.trim(), missing });
  };

  return (
    <form
      className="form instruction__form"
      aria-labelledby={titleId}
      onSubmit={onSubmit}
      noValidate
      data-testid="request-complements-form"
    >
      <h3 id={titleId}>{t("instruction.complements.title")}</h3>
      <MutationError error={send.error} fields={["message", "missing"]} />
      <Field
        label={t("instruction.complements.message")}
        hint={t("instruction.complements.messageHint")}
        errors={fieldErrorsOf(send.error, "message")}
      >
        <textarea
          rows={4}
          required
          value={message}
          onChange={(event) => setMessage(event.target.value)}
        />
      </Field>
      {checklist.length > 0 && (
        <fieldset className="checks checklist__missing">
          <legend>{t("instruction.complements.missing")}</legend>
          <p className="field__hint checklist__hint">{t("instruction.complements.missingHint")}</p>
          {checklist.map((entry) => (
            <label key={entry.code} className="checkbox">
              <input
                type="checkbox"
                checked={ticked(entry)}
                onChange={(event) =>
                  setTicks((current) => ({ ...current, [entry.code]: event.target.checked }))
                }
              />
              {entry.label}
            </label>
          ))}
          {missingErrors.length > 0 && (
            <ul className="field__errors">
              {missingErrors.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
        </fieldset>
      )}
      <div className="form__actions">
        <button type="submit" className="button" disabled={send.isPending || !message.trim()}>
          {send.isPending
            ? t("instruction.complements.pending")
            : t("instruction.complements.submit")}
        </button>
      </div>
    </form>
  );
}
