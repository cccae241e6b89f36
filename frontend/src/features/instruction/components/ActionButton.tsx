import type { UseMutationResult } from "@tanstack/react-query";
import { useId } from "react";
import { MutationError } from "@/components/MutationError";
import type { DossierDetail } from "../api/query-keys";

type Props = {
  mutation: UseMutationResult<DossierDetail, Error, void>;
  label: string;
  pendingLabel: string;
  /** What the action does, shown before the button and tied to it. */
  hint: string;
  testId: string;
};

/** A lifecycle action without input: its explanation, the button, then the API's refusal. */
export function ActionButton({ mutation, label, pendingLabel, hint, testId }: Props) {
  const hintId = useId();
  return (
    <div className="instruction__action" data-testid={testId}>
      <p id={hintId} className="muted">
        {hint}
      </p>
      <MutationError error={mutation.error} />
      <div className="form__actions">
        <button
          type="button"
          className="button"
          aria-describedby={hintId}
          disabled={mutation.isPending}
          onClick={() => mutation.mutate()}
        >
          {mutation.isPending ? pendingLabel : label}
        </button>
      </div>
    </div>
  );
}
