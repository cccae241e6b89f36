import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "@/components/QueryState";
import { useDeclareComplete } from "../api/declare-complete";
import { useChecklist } from "../api/get-checklist";
import { ActionButton } from "./ActionButton";
import { ChecklistItemRow } from "./ChecklistItemRow";
import { RequestComplementsForm } from "./RequestComplementsForm";

type Props = {
  dossierId: string;
  canDeclareComplete: boolean;
  canRequestComplements: boolean;
};

/** The desk's completeness check: a verdict per required document, then one of the outcomes. */
export function CompletenessCheck({ dossierId, canDeclareComplete, canRequestComplements }: Props) {
  const { t } = useTranslation();
  const checklist = useChecklist(dossierId);
  const declare = useDeclareComplete(dossierId);

  if (checklist.isPending) return <Loading />;
  if (checklist.isError) {
    return <ErrorMessage error={checklist.error} onRetry={() => void checklist.refetch()} />;
  }
  const entries = checklist.data;

  return (
    <div className="checklist" data-testid="completeness-check">
      <h3>{t("instruction.checklist.title")}</h3>
      {entries.length === 0 ? (
        <p className="muted">{t("instruction.checklist.empty")}</p>
      ) : (
        <ul className="checklist__items">
          {entries.map((entry) => (
            <ChecklistItemRow key={entry.code} dossierId={dossierId} entry={entry} />
          ))}
        </ul>
      )}
      {canDeclareComplete && (
        <ActionButton
          mutation={declare}
          label={t("instruction.declareComplete.button")}
          pendingLabel={t("instruction.declareComplete.pending")}
          hint={t("instruction.declareComplete.hint")}
          testId="declare-complete"
        />
      )}
      {canRequestComplements && (
        <RequestComplementsForm dossierId={dossierId} checklist={entries} />
      )}
    </div>
  );
}
