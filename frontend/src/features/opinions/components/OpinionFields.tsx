import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { fieldErrorsOf } from "@/lib/api-error";
import { OPINION_VALUES, type OpinionValue } from "../api/get-opinions";

export type OpinionDraft = { value: OpinionValue | null; reasons: string; conditions: string };

export const EMPTY_DRAFT: OpinionDraft = { value: null, reasons: "", conditions: "" };

/** "Favourable with conditions" without any condition written. */
export function conditionsMissing(draft: OpinionDraft): boolean {
  return draft.value === "favourable_with_conditions" && !draft.conditions.trim();
}

/** What is sent: conditions only go with a favourable opinion with conditions. */
export function draftBody(draft: OpinionDraft & { value: OpinionValue }) {
  const withConditions = draft.value === "favourable_with_conditions";
  return {
    value: draft.value,
    reasons: draft.reasons.trim(),
    conditions: withConditions ? draft.conditions.trim() : "",
  };
}

type Props = {
  legend: string;
  draft: OpinionDraft;
  onChange: (draft: OpinionDraft) => void;
  /** The last write's error: its `value`, `reasons` and `conditions` messages go by the inputs. */
  error: Error | null;
  /** Shown under the conditions once a submission lacked them. */
  conditionsError?: string;
  conditionsHint: string;
};

/** The value radios, the reasons, and the conditions when the value calls for them. */
export function OpinionFields({
  legend,
  draft,
  onChange,
  error,
  conditionsError,
  conditionsHint,
}: Props) {
  const { t } = useTranslation();
  const name = useId();
  const valueErrors = fieldErrorsOf(error, "value");
  const conditionsErrors = [
    ...(conditionsError ? [conditionsError] : []),
    ...fieldErrorsOf(error, "conditions"),
  ];
  return (
    <>
      <fieldset className="checks opinion-values">
        <legend>{legend}</legend>
        {OPINION_VALUES.map((value) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name={name}
              checked={draft.value === value}
              onChange={() => onChange({ ...draft, value })}
            />
            {t(`opinions.value.${value}`)}
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
      <Field label={t("opinions.form.reasons")} errors={fieldErrorsOf(error, "reasons")}>
        <textarea
          rows={3}
          value={draft.reasons}
          onChange={(event) => onChange({ ...draft, reasons: event.target.value })}
        />
      </Field>
      {draft.value === "favourable_with_conditions" && (
        <Field
          label={t("opinions.form.conditions")}
          hint={conditionsHint}
          errors={conditionsErrors}
        >
          <textarea
            rows={3}
            value={draft.conditions}
            onChange={(event) => onChange({ ...draft, conditions: event.target.value })}
          />
        </Field>
      )}
    </>
  );
}
