import { useTranslation } from "react-i18next";
import { choiceLabel, fieldLabel, type FormData, type FormField } from "../schema";

/** The answer as words: yes/no, a choice's label, a number in the reader's way. */
function useAnswerText() {
  const { t, i18n } = useTranslation();
  return (field: FormField, value: unknown): string | null => {
    if (value === undefined || value === null || value === "") return null;
    if (field.type === "boolean")
      return value === true ? t("procedureForm.yes") : t("procedureForm.no");
    const choice = field.choices?.find((option) => option.value === value);
    if (choice) return choiceLabel(choice, i18n.language);
    if (typeof value === "number") return new Intl.NumberFormat(i18n.language).format(value);
    return String(value);
  };
}

/** A dossier's answers to its procedure's form, labelled from the form's schema. */
export function ProcedureFormAnswers({
  fields,
  data,
}: {
  fields: readonly FormField[];
  data: FormData;
}) {
  const { t, i18n } = useTranslation();
  const text = useAnswerText();
  return (
    <dl className="card details" data-testid="procedure-answers">
      {fields.map((field) => {
        const answer = text(field, data[field.name]);
        return (
          <div key={field.name}>
            <dt>{fieldLabel(field, i18n.language)}</dt>
            <dd className={answer === null ? "muted" : undefined}>
              {answer ?? t("procedureForm.notAnswered")}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
