import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSubmitDossier } from "../api/submit-dossier";
import { MutationError } from "@/components/MutationError";

/** "Déposer le dossier", then an inline confirmation; a refusal (409) shows the API's reason. */
export function SubmitDossier({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const submit = useSubmitDossier(dossierId);
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

  return (
    <div
      className="card confirm"
      role="group"
      aria-labelledby={titleId}
      data-testid="submit-confirm"
    >
      <h2 id={titleId}>{t("submit.confirmTitle")}</h2>
      <p>{t("submit.confirmText")}</p>
      {submit.error && <MutationError error={submit.error} />}
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
