import { useId } from "react";
import { MutationError } from "@/components/MutationError";

type Props = {
  title: string;
  text: string;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel: string;
  isPending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onCancel: () => void;
};

/** The inline confirmation step before an action that cannot be undone (rotate, delete). */
export function ConfirmAction({
  title,
  text,
  confirmLabel,
  pendingLabel,
  cancelLabel,
  isPending,
  error,
  onConfirm,
  onCancel,
}: Props) {
  const titleId = useId();
  return (
    <div
      className="card confirm confirm--wide"
      role="group"
      aria-labelledby={titleId}
      data-testid="webhook-confirm"
    >
      <h4 id={titleId}>{title}</h4>
      <p>{text}</p>
      <MutationError error={error} />
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={isPending}
          autoFocus
          onClick={onConfirm}
        >
          {isPending ? pendingLabel : confirmLabel}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={isPending}
          onClick={onCancel}
        >
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
