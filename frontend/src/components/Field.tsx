import { useId, type ReactElement, type ReactNode } from "react";
import { cloneElement } from "react";

type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  /** The input, select or textarea; it receives its id and ARIA wiring from here. */
  children: ReactElement<{
    id?: string;
    "aria-invalid"?: boolean;
    "aria-describedby"?: string;
  }>;
};

/** A labelled form control with its hint and its API field errors. */
export function Field({ label, hint, errors = [], children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [hint ? hintId : null, errors.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={errors.length ? "field field--invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        "aria-invalid": errors.length > 0 || undefined,
        "aria-describedby": describedBy,
      })}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <ul id={errorId} className="field__errors">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
