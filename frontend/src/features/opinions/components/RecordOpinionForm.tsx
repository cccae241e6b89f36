import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { MutationError } from "@/components/MutationError";
import type { SessionOpinions } from "../api/get-opinions";
import { useRecordOpinion } from "../api/record-opinion";
import { draftBody, EMPTY_DRAFT, OpinionFields, type OpinionDraft } from "./OpinionFields";
import { useOpinionLabel } from "./use-opinion-label";

type Mode = "proposed" | "other";

/**
 * The commission's opinion at one session, for its chair, its secretary or the desk: by default
 * what the rule proposes (sent without a value, so the API applies the rule to the opinions it
 * holds now), or another value with its reasons and conditions.
 */
export function RecordOpinionForm({
  dossierId,
  session,
}: {
  dossierId: string;
  session: SessionOpinions;
}) {
  const { t } = useTranslation();
  const label = useOpinionLabel();
  const record = useRecordOpinion(dossierId);
  const titleId = useId();
  const name = useId();
  const [mode, setMode] = useState<Mode>("proposed");
  const [draft, setDraft] = useState<OpinionDraft>(EMPTY_DRAFT);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (record.isPending) return;
    const { value } = draft;
    if (mode === "proposed") record.mutate({ session: session.session_id });
    else if (value !== null) {
      record.mutate({ session: session.session_id, ...draftBody({ ...draft, value }) });
    }
  };

  return (
    <form
      className="form opinion-form"
      aria-labelledby={titleId}
      onSubmit={onSubmit}
      noValidate
      data-testid="record-opinion-form"
    >
      <h4 id={titleId}>{t("opinions.record.title")}</h4>
      <fieldset className="checks">
        <legend>{t("opinions.record.mode")}</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={name}
            checked={mode === "proposed"}
            onChange={() => setMode("proposed")}
          />
          {session.proposal
            ? t("opinions.record.proposed", { value: label(session.proposal) })
            : t("opinions.record.proposedNone")}
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={name}
            checked={mode === "other"}
            onChange={() => setMode("other")}
          />
          {t("opinions.record.other")}
        </label>
      </fieldset>
      {mode === "other" && (
        <OpinionFields
          legend={t("opinions.record.value")}
          draft={draft}
          onChange={setDraft}
          error={record.error}
          conditionsHint={t("opinions.record.conditionsHint")}
        />
      )}
      <MutationError
        error={record.error}
        fields={mode === "other" ? ["value", "reasons", "conditions"] : []}
      />
      <div className="form__actions">
        <button
          type="submit"
          className="button"
          disabled={record.isPending || (mode === "other" && draft.value === null)}
        >
          {record.isPending
            ? t("opinions.form.pending")
            : mode === "proposed"
              ? t("opinions.record.submitProposed")
              : t("opinions.record.submitOther")}
        </button>
      </div>
    </form>
  );
}
