import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { MutationError } from "@/components/MutationError";
import { FeeQuote } from "@/features/procedure-forms/components/FeeQuote";
import { apiErrorKeys, apiFormErrors } from "@/features/procedure-forms/errors";
import { fieldLabel, formFields } from "@/features/procedure-forms/schema";
import type { DossierDetail } from "../api/get-dossier";
import { useProcedureType } from "../api/get-procedure-types";
import { useSubmitDossier } from "../api/submit-dossier";

/**
 * "Déposer le dossier", then an inline confirmation with the fee the dossier will owe; a refusal
 * shows the API's reason (409), or the answers its procedure's form still lacks (400, each with
 * its field's label).
 */
export function SubmitDossier({ dossier }: { dossier: DossierDetail }) {
  const { t, i18n } = useTranslation();
  const submit = useSubmitDossier(dossier.id);
  const procedureType = useProcedureType(dossier.procedure_type);
  const fields = useMemo(() => formFields(procedureType.data?.form_schema), [procedureType.data]);
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();

  if (!confirming) {
    return (
      <button
        type="button"
        className="button"
        onClick={() => {
          submit.reset();
          setConfirming(true);
        }}
      >
        {t("submit.button")}
      </button>
    );
  }

  const formErrors = apiFormErrors(submit.error, fields);
  const formLines = fields.flatMap((field) =>
    (formErrors[field.name] ?? []).map((message) => ({
      key: `${field.name}:${message}`,
      text: t("procedureForm.fieldError", { label: fieldLabel(field, i18n.language), message }),
    })),
  );

  return (
    <div
      className="card confirm"
      role="group"
      aria-labelledby={titleId}
      data-testid="submit-confirm"
    >
      <h2 id={titleId}>{t("submit.confirmTitle")}</h2>
      <p>{t("submit.confirmText")}</p>
      {procedureType.data?.fee && (
        <FeeQuote
          procedureType={dossier.procedure_type}
          formData={dossier.form_data}
          label={t("fees.submitLabel")}
        />
      )}
      {formLines.length > 0 && (
        <div className="alert alert--error" role="alert" data-testid="submit-form-errors">
          <p>{t("submit.formIncomplete")}</p>
          <ul>
            {formLines.map((line) => (
              <li key={line.key}>{line.text}</li>
            ))}
          </ul>
        </div>
      )}
      {submit.error && <MutationError error={submit.error} fields={apiErrorKeys(fields)} />}
      <div className="form__actions">
        <button
          type="button"
          className="button"
          disabled={submit.isPending}
          autoFocus
          onClick={() => submit.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        >
          {submit.isPending ? t("submit.submitting") : t("submit.confirm")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={submit.isPending}
          onClick={() => setConfirming(false)}
        >
          {t("submit.cancel")}
        </button>
      </div>
    </div>
  );
}
