import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { fieldErrorsOf } from "@/lib/api-error";
import { KNOWN_EVENTS } from "@/lib/notification-events";
import { useCreateWebhook } from "../api/create-webhook";
import type { WebhookEvent } from "../api/get-webhooks";
import { useAnnounce } from "./announce";
import { EventName } from "./EventName";
import { SecretBox } from "./SecretBox";

const FIELDS = ["url", "events", "description"] as const;

type Form = { url: string; events: WebhookEvent[]; description: string };
const EMPTY: Form = { url: "", events: [], description: "" };

/**
 * "Ajouter une adresse": the address, the events it receives (one at least) and what it is for.
 * Once created, its secret takes the form's place until the user says it is stored.
 */
export function AddWebhookForm() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const create = useCreateWebhook();
  const [form, setForm] = useState<Form>(EMPTY);
  const [submittedWithoutEvents, setSubmittedWithoutEvents] = useState(false);
  const headingId = useId();
  const eventsErrorId = useId();

  const eventErrors = [
    ...(submittedWithoutEvents && form.events.length === 0
      ? [t("webhooks.form.eventsRequired")]
      : []),
    ...fieldErrorsOf(create.error, "events"),
  ];

  const toggleEvent = (event: WebhookEvent, checked: boolean) =>
    setForm({
      ...form,
      events: checked ? [...form.events, event] : form.events.filter((each) => each !== event),
    });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form.events.length === 0) {
      setSubmittedWithoutEvents(true);
      return;
    }
    create.mutate(
      { url: form.url.trim(), events: form.events, description: form.description.trim() },
      {
        onSuccess: (created) => {
          setForm(EMPTY);
          setSubmittedWithoutEvents(false);
          announce(t("webhooks.notices.created", { url: created.url }));
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby={headingId} data-testid="add-webhook">
      <h2 id={headingId}>{t("webhooks.form.title")}</h2>
      {create.data ? (
        <SecretBox
          heading={t("webhooks.secret.createdTitle", { url: create.data.url })}
          headingLevel="h3"
          secret={create.data.secret}
          onDismiss={() => create.reset()}
        />
      ) : (
        <form onSubmit={onSubmit} noValidate data-testid="webhook-form">
          <fieldset disabled={create.isPending} className="webhook-form">
            <Field
              label={t("webhooks.form.url")}
              hint={t("webhooks.form.urlHint")}
              errors={fieldErrorsOf(create.error, "url")}
            >
              <input
                type="url"
                inputMode="url"
                className="mono"
                required
                autoComplete="off"
                spellCheck={false}
                value={form.url}
                onChange={(event) => setForm({ ...form, url: event.target.value })}
              />
            </Field>
            <fieldset
              className={eventErrors.length ? "checks field--invalid" : "checks"}
              aria-describedby={eventErrors.length ? eventsErrorId : undefined}
            >
              <legend>{t("webhooks.form.events")}</legend>
              {KNOWN_EVENTS.map((code) => (
                <label key={code} className="checkbox">
                  <input
                    type="checkbox"
                    checked={form.events.includes(code)}
                    onChange={(event) => toggleEvent(code, event.target.checked)}
                  />
                  <EventName event={code} />
                </label>
              ))}
              {eventErrors.length > 0 && (
                <ul id={eventsErrorId} className="field__errors">
                  {eventErrors.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              )}
            </fieldset>
            <Field
              label={t("webhooks.form.description")}
              hint={t("webhooks.form.descriptionHint")}
              errors={fieldErrorsOf(create.error, "description")}
            >
              <input
                type="text"
                value={form.description}
                onChange={(event) => setForm({ ...form, description: event.target.value })}
              />
            </Field>
            <MutationError error={create.error} fields={FIELDS} />
            <div className="form__actions">
              <button type="submit" className="button">
                {create.isPending ? t("webhooks.form.submitting") : t("webhooks.form.submit")}
              </button>
            </div>
          </fieldset>
        </form>
      )}
    </section>
  );
}
