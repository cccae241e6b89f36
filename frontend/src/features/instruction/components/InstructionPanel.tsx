import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/client";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { useCloseDossier } from "../api/close";
import { useRequests } from "../api/get-requests";
import type { DossierDetail } from "../api/query-keys";
import { useResubmit } from "../api/resubmit";
import { useStartCheck } from "../api/start-check";
import { ActionButton } from "./ActionButton";
import { CompletenessCheck } from "./CompletenessCheck";
import { DecisionForm } from "./DecisionForm";
import { RequestChangesForm } from "./RequestChangesForm";
import { EarlierRequests, RequestDetails } from "./RequestDetails";

type Action = components["schemas"]["ActionsEnum"];

/** The actions this panel offers; the opinions are recorded in their own panel (features/opinions). */
const PANEL_ACTIONS: readonly Action[] = [
  "start_check",
  "request_complements",
  "declare_complete",
  "request_changes",
  "resubmit",
  "decide",
  "close",
];

/**
 * "Instruction du dossier": what the applicant was asked for, and the lifecycle actions the API
 * lets this user take now (`permissions.actions`); nothing else is offered. Hidden for a draft,
 * and for anyone with nothing to do and nothing to read.
 */
export function InstructionPanel({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { id, status } = dossier;
  const actions = dossier.permissions.actions.filter((action) => PANEL_ACTIONS.includes(action));
  const can = (action: Action) => actions.includes(action);
  const requests = useRequests(id, { enabled: status !== "draft" });
  const startCheck = useStartCheck(id);
  const resubmit = useResubmit(id);
  const close = useCloseDossier(id);

  if (status === "draft") return null;
  const list = requests.data ?? [];
  if (actions.length === 0 && !requests.isError && list.length === 0) return null;

  const open = list.find((request) => request.answered_at === null);
  const earlier = list.filter((request) => request.answered_at !== null);
  const checking =
    status === "completeness_check" && (can("declare_complete") || can("request_complements"));

  return (
    <section className="card instruction" aria-labelledby={headingId} data-testid="instruction">
      <h2 id={headingId}>{t("instruction.title")}</h2>

      {requests.isPending && <Loading />}
      {requests.isError && (
        <ErrorMessage error={requests.error} onRetry={() => void requests.refetch()} />
      )}
      {open && <RequestDetails request={open} />}

      {can("resubmit") && (
        <ActionButton
          mutation={resubmit}
          label={t("instruction.resubmit.button")}
          pendingLabel={t("instruction.resubmit.pending")}
          hint={t("instruction.resubmit.hint")}
          testId="resubmit"
        />
      )}
      {can("start_check") && (
        <ActionButton
          mutation={startCheck}
          label={t("instruction.startCheck.button")}
          pendingLabel={t("instruction.startCheck.pending")}
          hint={t("instruction.startCheck.hint")}
          testId="start-check"
        />
      )}
      {checking && (
        <CompletenessCheck
          dossierId={id}
          canDeclareComplete={can("declare_complete")}
          canRequestComplements={can("request_complements")}
        />
      )}
      {can("request_changes") && <RequestChangesForm dossierId={id} />}
      {can("decide") && <DecisionForm dossierId={id} />}
      {can("close") && (
        <ActionButton
          mutation={close}
          label={t("instruction.close.button")}
          pendingLabel={t("instruction.close.pending")}
          hint={t("instruction.close.hint")}
          testId="close-dossier"
        />
      )}

      <EarlierRequests requests={earlier} />
    </section>
  );
}
