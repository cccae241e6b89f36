import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { MutationError } from "@/components/MutationError";
import { formatDateTime } from "@/lib/format";
import type { ReviewTask } from "../api/get-my-tasks";
import { isOpinionValue } from "../api/get-opinions";
import { useGiveOpinion } from "../api/give-opinion";
import { conditionsMissing, draftBody, OpinionFields, type OpinionDraft } from "./OpinionFields";
import { useOpinionLabel } from "./use-opinion-label";

/** The anchor the review queue links to. */
export const MY_OPINION_ANCHOR = "my-opinion";

/**
 * The member's own opinion on a dossier they are dispatched on: what they gave (if anything)
 * and the form to give or change it. Conditions are required with "favourable with
 * conditions", here as in the API.
 */
export function MyOpinionForm({ dossierId, task }: { dossierId: string; task: ReviewTask }) {
  const { t, i18n } = useTranslation();
  const label = useOpinionLabel();
  const give = useGiveOpinion(dossierId, task.id);
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);
  const { hash } = useLocation();
  const [draft, setDraft] = useState<OpinionDraft>(() => ({
    value: isOpinionValue(task.opinion) ? task.opinion : null,
    reasons: task.reasons,
    conditions: task.conditions,
  }));
  const [tried, setTried] = useState(false);

  useEffect(() => {
    if (hash === `#${MY_OPINION_ANCHOR}`) ref.current?.scrollIntoView?.({ block: "start" });
  }, [hash]);

  const change = (next: OpinionDraft) => {
    setDraft(next);
    if (give.isSuccess) give.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    const { value } = draft;
    if (give.isPending || value === null || conditionsMissing(draft)) return;
    give.mutate(draftBody({ ...draft, value }));
  };

  return (
    <form
      ref={ref}
      id={MY_OPINION_ANCHOR}
      className="form opinion-form"
      aria-labelledby={titleId}
      onSubmit={onSubmit}
      noValidate
      data-testid="my-opinion-form"
    >
      <h4 id={titleId}>{t("opinions.mine.title")}</h4>
      <p className="muted small" data-testid="my-opinion-given">
        {task.opinion && task.opinion_at
          ? t("opinions.mine.given", {
              value: label(task.opinion),
              date: formatDateTime(task.opinion_at, i18n.language),
            })
          : t("opinions.mine.notGiven")}
      </p>
      <MutationError error={give.error} fields={["value", "reasons", "conditions"]} />
      <OpinionFields
        legend={t("opinions.mine.value")}
        draft={draft}
        onChange={change}
        error={give.error}
        conditionsHint={t("opinions.mine.conditionsHint")}
        conditionsError={tried && conditionsMissing(draft) ? t("opinions.form.needConditions") : ""}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={give.isPending || draft.value === null}>
          {give.isPending
            ? t("opinions.form.pending")
            : task.opinion
              ? t("opinions.mine.change")
              : t("opinions.mine.give")}
        </button>
        {give.isSuccess && (
          <span role="status" className="muted">
            {t("opinions.mine.saved")}
          </span>
        )}
      </div>
    </form>
  );
}
