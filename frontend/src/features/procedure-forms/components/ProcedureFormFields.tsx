import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import {
  choiceLabel,
  fieldDescription,
  fieldLabel,
  type FormField,
  type FormInput,
} from "../schema";

type Props = {
  fields: readonly FormField[];
  input: FormInput;
  onChange: (name: string, value: string | boolean) => void;
  /** Messages by field name: the client's checks or the API's (`form_data.<name>`). */
  errors?: Readonly<Record<string, readonly string[]>>;
  disabled?: boolean;
};

/** A text longer than this gets a text area rather than a one-line input. */
const LONG_TEXT = 300;

/** The procedure's own fields, each a labelled control; nothing when the form has none. */
export function ProcedureFormFields({ fields, input, onChange, errors = {}, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <>
      {fields.map((field) => {
        const value = input[field.name];
        const text = typeof value === "string" ? value : "";
        const label = field.required
          ? fieldLabel(field, language)
          : `${fieldLabel(field, language)} (${t("procedureForm.optional")})`;
        const common = {
          name: `form_data.${field.name}`,
          disabled,
          "data-field": field.name,
        };
        let control;
        if (field.choices) {
          control = (
            <select {...common} value={text} onChange={(e) => onChange(field.name, e.target.value)}>
              <option value="">{t("procedureForm.choose")}</option>
              {field.choices.map((choice) => (
                <option key={String(choice.value)} value={String(choice.value)}>
                  {choiceLabel(choice, language)}
                </option>
              ))}
            </select>
          );
        } else if (field.type === "boolean") {
          control = (
            <input
              {...common}
              type="checkbox"
              checked={value === true}
              onChange={(e) => onChange(field.name, e.target.checked)}
            />
          );
        } else if (field.type === "integer" || field.type === "number") {
          control = (
            <input
              {...common}
              inputMode={field.type === "integer" ? "numeric" : "decimal"}
              value={text}
              onChange={(e) => onChange(field.name, e.target.value)}
            />
          );
        } else if (!field.format && field.maxLength !== undefined && field.maxLength > LONG_TEXT) {
          control = (
            <textarea
              {...common}
              rows={3}
              maxLength={field.maxLength}
              value={text}
              onChange={(e) => onChange(field.name, e.target.value)}
            />
          );
        } else {
          control = (
            <input
              {...common}
              type={field.format ?? "text"}
              maxLength={field.maxLength}
              value={text}
              onChange={(e) => onChange(field.name, e.target.value)}
            />
          );
        }
        return (
          <Field
            key={field.name}
            label={label}
            hint={fieldDescription(field, language)}
            errors={errors[field.name] ?? []}
          >
            {control}
          </Field>
        );
      })}
    </>
  );
}
