import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { fieldErrorsOf } from "@/lib/api-error";
import { useRequestChanges } from "../api/request-changes";

/** During the review: back to the applicant, who sees the message and the shared remarks. */
export function RequestChangesForm({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const send = useRequestChanges(dossierId);
  const titleId = useId();
  const [message, setMessage] = useState("");

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (send.isPending || !message.trim()) return;
    send.mutate({ message: message.trim() });
  };

  return (
    <form
      className="form instruction__form"
      aria-labelledby={titleId}
      onSubmit={onSubmit}
      noValidate
      data-testid="request-changes-form"
    >
      <h3 id={titleId}>{t("instruction.changes.title")}</h3>
      <MutationError error={send.error} fields={["message"]} />
      <Field
        label={t("instruction.changes.message")}
        hint={t("instruction.changes.messageHint")}
        errors={fieldErrorsOf(send.error, "message")}
      >
        <textarea
          rows={4}
          required
          value={message}
          onChange={(event) => setMessage(event.target.value)}
        />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button" disabled={send.isPending || !message.trim()}>
          {send.isPending ? t("instruction.changes.pending") : t("instruction.changes.submit")}
        </button>
      </div>
    </form>
  );
}
