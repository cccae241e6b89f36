import { useId } from "react";
import { MutationError } from "@/components/MutationError";
import { type PreparedKind, usePrepareDocument } from "../api/prepare-document";

type Props = {
  dossierId: string;
  kind: PreparedKind;
  label: string;
  pendingLabel: string;
  /** What preparing does, shown before the button and tied to it. */
  hint: string;
};

/** One preparation: its explanation, the button, then the API's refusal in place. */
export function PrepareButton({ dossierId, kind, label, pendingLabel, hint }: Props) {
  const prepare = usePrepareDocument(dossierId, kind);
  const hintId = useId();
  return (
    <div className="signed-documents__action" data-testid={`prepare-${kind}`}>
      <p id={hintId} className="muted small">
        {hint}
      </p>
      <MutationError error={prepare.error} />
      <button
        type="button"
        className="button"
        aria-describedby={hintId}
        disabled={prepare.isPending}
        onClick={() => prepare.mutate()}
      >
        {prepare.isPending ? pendingLabel : label}
      </button>
    </div>
  );
}
