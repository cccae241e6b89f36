import { useId, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { MutationError } from "@/components/MutationError";
import { ErrorMessage } from "@/components/QueryState";
import { FeeQuote } from "@/features/procedure-forms/components/FeeQuote";
import { ProcedureFormAnswers } from "@/features/procedure-forms/components/ProcedureFormAnswers";
import { ProcedureFormFields } from "@/features/procedure-forms/components/ProcedureFormFields";
import { apiErrorKeys, useFieldErrors } from "@/features/procedure-forms/errors";
import {
  type FormField,
  type FormInput,
  type Problem,
  formFields,
  initialInput,
  readForm,
} from "@/features/procedure-forms/schema";
import type { DossierDetail } from "../api/get-dossier";
import { useProcedureType } from "../api/get-procedure-types";
import { useUpdateDossierForm } from "../api/update-dossier-form";

function EditAnswers({
  dossier,
  fields,
  onSaved,
  onCancel,
}: {
  dossier: DossierDetail;
  fields: readonly FormField[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateDossierForm(dossier.id);
  const [input, setInput] = useState<FormInput>(() => initialInput(fields, dossier.form_data));
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const errors = useFieldErrors(fields, problems, update.error);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Saved as a draft: required answers may still be missing (submission asks for them).
    const answers = readForm(fields, input);
    setProblems(answers.problems);
    if (Object.keys(answers.problems).length > 0 || update.isPending) return;
    update.mutate(answers.data, { onSuccess: onSaved });
  };

  return (
    <form className="card form" onSubmit={onSubmit} noValidate data-testid="procedure-form">
      {Object.keys(problems).length > 0 && (
        <div className="alert alert--error" role="alert">
          <p>{t("procedureForm.fixErrors")}</p>
        </div>
      )}
      <MutationError error={update.error} fields={apiErrorKeys(fields)} />
      <ProcedureFormFields
        fields={fields}
        input={input}
        onChange={(name, value) => setInput((previous) => ({ ...previous, [name]: value }))}
        errors={errors}
        disabled={update.isPending}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t("procedureForm.saving") : t("procedureForm.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("procedureForm.cancel")}
        </button>
      </div>
    </form>
  );
}

/**
 * The answers to the dossier's procedure form, labelled from the procedure's schema; editable
 * while the dossier is (`can_edit`). Before submission, the fee those answers lead to.
 */
export function ProcedureFormPanel({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const procedureType = useProcedureType(dossier.procedure_type);
  const fields = useMemo(() => formFields(procedureType.data?.form_schema), [procedureType.data]);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (procedureType.isError) return <ErrorMessage error={procedureType.error} />;
  if (!procedureType.data || fields.length === 0) return null;
  const canEdit = dossier.permissions.can_edit;
  const quoteFee = procedureType.data.fee !== null && dossier.fee_amount === null;

  return (
    <section aria-labelledby={headingId} className="procedure-answers">
      <h2 id={headingId}>{t("procedureForm.heading")}</h2>
      {saved && !editing && (
        <p className="alert alert--ok" role="status">
          {t("procedureForm.saved")}
        </p>
      )}
      {editing && canEdit ? (
        <EditAnswers
          dossier={dossier}
          fields={fields}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <ProcedureFormAnswers fields={fields} data={dossier.form_data} />
          {canEdit && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t("procedureForm.edit")}
            </button>
          )}
        </>
      )}
      {quoteFee && !editing && (
        <FeeQuote procedureType={dossier.procedure_type} formData={dossier.form_data} />
      )}
    </section>
  );
}
