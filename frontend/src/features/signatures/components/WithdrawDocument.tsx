import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { MutationError } from "@/components/MutationError";
import type { SignedDocument } from "../api/query-keys";
import { useWithdrawDocument } from "../api/withdraw-document";

/**
 * "Retirer", then an inline confirmation: the desk withdraws a document still being signed (to
 * correct it and prepare it again). The API's refusal (signed meanwhile) is shown in place.
 */
export function WithdrawDocument({ document }: { document: SignedDocument }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawDocument(document.id);
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--danger button--small"
        aria-label={t("signatures.withdraw.label", { title: document.title })}
        onClick={() => {
          withdraw.reset();
          setConfirming(true);
        }}
      >
        {t("signatures.withdraw.button")}
      </button>
    );
  }
  return (
    <div className="card confirm confirm--wide" role="group" aria-labelledby={titleId}>
      <h4 id={titleId}>{t("signatures.withdraw.title", { title: document.title })}</h4>
      <p>{t("signatures.withdraw.text")}</p>
      <MutationError error={withdraw.error} />
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={withdraw.isPending}
          autoFocus
          onClick={() => withdraw.mutate()}
        >
          {withdraw.isPending ? t("signatures.withdraw.pending") : t("signatures.withdraw.confirm")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={withdraw.isPending}
          onClick={() => setConfirming(false)}
        >
          {t("signatures.withdraw.cancel")}
        </button>
      </div>
    </div>
  );
}
