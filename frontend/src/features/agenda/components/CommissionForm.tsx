import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { fieldErrorsOf } from "@/lib/api-error";
import { useProcedureTypes } from "../api/get-procedure-types";
import { CheckboxGroup } from "./CheckboxGroup";
import { TimezoneField } from "./TimezoneField";

export type CommissionValues = {
  name: string;
  timezone: string;
  procedure_types: string[];
  territory: string;
  is_active: boolean;
};

const FIELDS = ["name", "timezone", "procedure_types", "territory", "is_active"] as const;

type Props = {
  title: string;
  intro?: ReactNode;
  initial: CommissionValues;
  /** The active flag is only offered when editing: a new commission is active. */
  withActive?: boolean;
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (values: CommissionValues) => void;
  onCancel: () => void;
  testId: string;
};

/** Name, time zone, procedure types, territory (and active flag): creation and edition. */
export function CommissionForm(props: Props) {
  const { t } = useTranslation();
  const procedures = useProcedureTypes();
  const [values, setValues] = useState(props.initial);
  const errors = (field: string) => fieldErrorsOf(props.error, field);
  const set = <K extends keyof CommissionValues>(field: K, value: CommissionValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    props.onSubmit({ ...values, name: values.name.trim(), timezone: values.timezone.trim() });
  };

  // Codes the commission has but the reference list no longer offers stay visible.
  const known = procedures.data ?? [];
  const options = [
    ...known.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` })),
    ...props.initial.procedure_types
      .filter((code) => !known.some((p) => p.code === code))
      .map((code) => ({ value: code, label: code })),
  ];

  return (
    <form className="card" onSubmit={onSubmit} noValidate data-testid={props.testId}>
      <fieldset disabled={props.pending}>
        <legend className="form__title">{props.title}</legend>
        {props.intro && <p className="muted">{props.intro}</p>}
        <div className="form__row">
          <Field label={t("commissionForm.name")} errors={errors("name")}>
            <input
              type="text"
              value={values.name}
              maxLength={200}
              onChange={(event) => set("name", event.target.value)}
            />
          </Field>
          <Field
            label={t("commissionForm.territory")}
            hint={t("commissionForm.territoryHint")}
            errors={errors("territory")}
          >
            <input
              type="text"
              value={values.territory}
              maxLength={200}
              onChange={(event) => set("territory", event.target.value)}
            />
          </Field>
        </div>
        <div className="form__row">
          <TimezoneField
            value={values.timezone}
            onChange={(zone) => set("timezone", zone)}
            errors={errors("timezone")}
          />
        </div>
        {procedures.isPending && <Loading />}
        {procedures.isError && <ErrorMessage error={procedures.error} />}
        {procedures.isSuccess && (
          <CheckboxGroup
            legend={t("commissionForm.procedures")}
            options={options}
            value={values.procedure_types}
            onChange={(codes) => set("procedure_types", codes)}
            errors={errors("procedure_types")}
          />
        )}
        {props.withActive && (
          <label className="checkbox form__check">
            <input
              type="checkbox"
              checked={values.is_active}
              onChange={(event) => set("is_active", event.target.checked)}
            />
            {t("commissionForm.active")}
          </label>
        )}
        <MutationError error={props.error} fields={FIELDS} />
        <div className="form__actions">
          <button type="submit" className="button">
            {props.pending ? t("commissionForm.saving") : props.submitLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={props.onCancel}>
            {t("commissionForm.cancel")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
