import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Field } from "@/components/Field";
import { useUnplacedErrors } from "@/components/MutationError";
import { FeeQuote } from "@/features/procedure-forms/components/FeeQuote";
import { ProcedureFormFields } from "@/features/procedure-forms/components/ProcedureFormFields";
import { apiErrorKeys, useFieldErrors } from "@/features/procedure-forms/errors";
import {
  type FormInput,
  type Problem,
  formFields,
  initialInput,
  readForm,
} from "@/features/procedure-forms/schema";
import { ApiError, fieldErrorsOf } from "@/lib/api-error";
import { paths } from "@/lib/paths";
import { type CreateDossierInput, useCreateDossier } from "../api/create-dossier";
import { useProcedureTypes } from "../api/get-procedure-types";

type FormValues = {
  procedure_type: string;
  title: string;
  description: string;
  address: string;
  latitude: string;
  longitude: string;
  parcel_reference: string;
};

const EMPTY: FormValues = {
  procedure_type: "",
  title: "",
  description: "",
  address: "",
  latitude: "",
  longitude: "",
  parcel_reference: "",
};

const FIELDS = Object.keys(EMPTY) as (keyof FormValues)[];

/** "" → null; accepts a decimal comma (French input); NaN when not a number. */
function toCoordinate(value: string): number | null {
  const text = value.trim().replace(",", ".");
  return text === "" ? null : Number(text);
}

function toInput(values: FormValues): Omit<CreateDossierInput, "form_data"> {
  const trimmed = (value: string) => value.trim();
  return {
    procedure_type: values.procedure_type,
    title: trimmed(values.title),
    description: trimmed(values.description),
    address: trimmed(values.address),
    latitude: toCoordinate(values.latitude),
    longitude: toCoordinate(values.longitude),
    parcel_reference: trimmed(values.parcel_reference),
  };
}

/**
 * A new draft: the data every dossier has, then the chosen procedure's own form (its fields
 * come with the procedure type) and the fee those answers lead to. `?procedure=CODE` (the
 * catalogue's "File a dossier") preselects the procedure.
 */
export function NewDossierPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const procedureTypes = useProcedureTypes();
  const createDossier = useCreateDossier();
  const [values, setValues] = useState<FormValues>(() => ({
    ...EMPTY,
    procedure_type: params.get("procedure") ?? "",
  }));
  const [localErrors, setLocalErrors] = useState<Partial<Record<keyof FormValues, string>>>({});
  // The answers of each procedure chosen so far: switching back finds them again.
  const [formInputs, setFormInputs] = useState<Record<string, FormInput>>({});
  const [formProblems, setFormProblems] = useState<Record<string, Problem>>({});

  const procedureType = procedureTypes.data?.find((type) => type.code === values.procedure_type);
  const fields = useMemo(() => formFields(procedureType?.form_schema), [procedureType]);
  const code = procedureType?.code ?? "";
  const formInput = formInputs[code] ?? initialInput(fields);
  const answers = readForm(fields, formInput);
  const setAnswer = (name: string, value: string | boolean) =>
    setFormInputs((previous) => ({
      ...previous,
      [code]: { ...(previous[code] ?? initialInput(fields)), [name]: value },
    }));

  const set =
    (field: keyof FormValues) =>
    (event: { target: { value: string } }): void =>
      setValues((previous) => ({ ...previous, [field]: event.target.value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A draft may leave required answers for later; the API asks for them at submission.
    const input: CreateDossierInput = { ...toInput(values), form_data: answers.data };
    const invalid: Partial<Record<keyof FormValues, string>> = {};
    for (const field of ["latitude", "longitude"] as const) {
      if (Number.isNaN(input[field])) invalid[field] = t("newDossier.invalidNumber");
    }
    setLocalErrors(invalid);
    setFormProblems(answers.problems);
    if (Object.keys(invalid).length > 0 || Object.keys(answers.problems).length > 0) return;
    if (createDossier.isPending) return;
    createDossier.mutate(input, {
      onSuccess: (dossier) => void navigate(paths.dossier(dossier.id)),
    });
  };

  const error = createDossier.error;
  const errorsFor = (field: keyof FormValues) => {
    const local = localErrors[field];
    return local ? [local] : fieldErrorsOf(error, field);
  };
  const formErrors = useFieldErrors(fields, formProblems, error);
  // Messages not tied to a field of this form (non_field_errors, unknown fields, detail, network).
  const otherErrors = useUnplacedErrors(error, [...FIELDS, ...apiErrorKeys(fields)]);
  const hasFormProblems = Object.keys(formProblems).length > 0;
  const optional = (label: string) => `${label} (${t("newDossier.optional")})`;

  return (
    <section className="page page--narrow">
      <h1>{t("newDossier.title")}</h1>
      <form className="card form" onSubmit={onSubmit} noValidate data-testid="new-dossier-form">
        {!error && hasFormProblems && (
          <div className="alert alert--error" role="alert">
            <p>{t("procedureForm.fixErrors")}</p>
          </div>
        )}
        {error && (
          <div className="alert alert--error" role="alert">
            {error instanceof ApiError && <p>{t("newDossier.fixErrors")}</p>}
            {otherErrors.length > 0 && (
              <ul>
                {otherErrors.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <Field label={t("newDossier.procedureType")} errors={errorsFor("procedure_type")}>
          <select
            name="procedure_type"
            required
            value={values.procedure_type}
            onChange={set("procedure_type")}
            disabled={!procedureTypes.data}
          >
            <option value="">{t("newDossier.chooseProcedure")}</option>
            {procedureTypes.data?.map((type) => (
              <option key={type.code} value={type.code}>
                {type.name} ({type.code})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("newDossier.dossierTitle")} errors={errorsFor("title")}>
          <input name="title" required value={values.title} onChange={set("title")} />
        </Field>
        <Field label={optional(t("newDossier.description"))} errors={errorsFor("description")}>
          <textarea
            name="description"
            rows={4}
            value={values.description}
            onChange={set("description")}
          />
        </Field>
        <Field label={t("newDossier.address")} errors={errorsFor("address")}>
          <input name="address" required value={values.address} onChange={set("address")} />
        </Field>
        <div className="form__row">
          <Field label={optional(t("newDossier.latitude"))} errors={errorsFor("latitude")}>
            <input
              name="latitude"
              inputMode="decimal"
              value={values.latitude}
              onChange={set("latitude")}
            />
          </Field>
          <Field label={optional(t("newDossier.longitude"))} errors={errorsFor("longitude")}>
            <input
              name="longitude"
              inputMode="decimal"
              value={values.longitude}
              onChange={set("longitude")}
            />
          </Field>
        </div>
        <Field
          label={optional(t("newDossier.parcelReference"))}
          errors={errorsFor("parcel_reference")}
        >
          <input
            name="parcel_reference"
            value={values.parcel_reference}
            onChange={set("parcel_reference")}
          />
        </Field>
        {procedureType && fields.length > 0 && (
          <fieldset className="form__group" data-testid="procedure-form">
            <legend>{t("procedureForm.heading")}</legend>
            <ProcedureFormFields
              fields={fields}
              input={formInput}
              onChange={setAnswer}
              errors={formErrors}
            />
          </fieldset>
        )}
        {procedureType &&
          (procedureType.fee ? (
            <FeeQuote procedureType={code} formData={answers.data} />
          ) : (
            <p className="muted" data-testid="fee-quote">
              <strong>{t("fees.quoteLabel")}</strong> {t("fees.free")}
            </p>
          ))}
        <div className="form__actions">
          <button type="submit" className="button" disabled={createDossier.isPending}>
            {createDossier.isPending ? t("newDossier.submitting") : t("newDossier.submit")}
          </button>
          <Link to={paths.dossiers} className="button button--secondary">
            {t("newDossier.cancel")}
          </Link>
        </div>
      </form>
    </section>
  );
}
