import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { fieldErrorsOf } from "@/lib/api-error";
import { type DecisionInput, useDecide } from "../api/decide";

type Value = DecisionInput["value"];
const VALUES: readonly Value[] = ["granted", "granted_with_conditions", "refused"];

/** The signing authority's decision after the commission's opinion: its value and its text. */
export function DecisionForm({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const decide = useDecide(dossierId);
  const titleId = useId();
  const name = useId();
  const [value, setValue] = useState<Value | null>(null);
  const [text, setText] = useState("");
  const valueErrors = fieldErrorsOf(decide.error, "value");
  const ready = value !== null && text.trim() !== "";

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (decide.isPending || !ready) return;
    decide.mutate({ value, text: text.trim() });
  };

  return (
    <form
      className="form instruction__form"
      aria-labelledby={titleId}
      onSubmit={onSubmit}
      noValidate
      data-testid="decision-form"
    >
      <h3 id={titleId}>{t("instruction.decide.title")}</h3>
      <p className="muted">{t("instruction.decide.hint")}</p>
      <MutationError error={decide.error} fields={["value", "text"]} />
      <fieldset className="checks">
        <legend>{t("instruction.decide.value")}</legend>
        {VALUES.map((option) => (
          <label key={option} className="checkbox">
            <input
              type="radio"
              name={name}
              checked={value === option}
              onChange={() => setValue(option)}
            />
            {t(`instruction.decide.values.${option}`)}
          </label>
        ))}
        {valueErrors.length > 0 && (
          <ul className="field__errors">
            {valueErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
      </fieldset>
      <Field
        label={t("instruction.decide.text")}
        hint={t("instruction.decide.textHint")}
        errors={fieldErrorsOf(decide.error, "text")}
      >
        <textarea
          rows={6}
          required
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button" disabled={decide.isPending || !ready}>
          {decide.isPending ? t("instruction.decide.pending") : t("instruction.decide.submit")}
        </button>
      </div>
    </form>
  );
}
