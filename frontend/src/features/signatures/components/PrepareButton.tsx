import { useId } from "react";
import { type PreparedKind, usePrepareDocument } from "../api/prepare-document";
import { useDossierSignerCandidates } from "../api/signer-candidates";
import { PrepareForm } from "./PrepareForm";

type Props = {
  dossierId: string;
  kind: PreparedKind;
  label: string;
  pendingLabel: string;
  /** What preparing does, shown before the form and tied to its button. */
  hint: string;
};

/** One preparation: its explanation, who signs (the defaults preselected), then the button. */
export function PrepareButton({ dossierId, kind, label, pendingLabel, hint }: Props) {
  const prepare = usePrepareDocument(dossierId, kind);
  const candidates = useDossierSignerCandidates(dossierId);
  const hintId = useId();
  return (
    <div className="signed-documents__action" data-testid={`prepare-${kind}`}>
      <p id={hintId} className="muted small">
        {hint}
      </p>
      <PrepareForm
        candidates={candidates}
        prepare={prepare}
        label={label}
        pendingLabel={pendingLabel}
        describedBy={hintId}
      />
    </div>
  );
}
