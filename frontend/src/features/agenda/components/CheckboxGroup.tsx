import { useId, type ReactNode } from "react";

type Props = {
  legend: ReactNode;
  options: readonly { value: string; label: ReactNode }[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  errors?: readonly string[];
};

/** A fieldset of checkboxes with the API's errors for the whole list under it. */
export function CheckboxGroup({ legend, options, value, onChange, errors = [] }: Props) {
  const errorId = useId();
  return (
    <fieldset
      className={errors.length ? "checks field--invalid" : "checks"}
      aria-describedby={errors.length ? errorId : undefined}
    >
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(option.value)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...value, option.value]
                  : value.filter((v) => v !== option.value),
              )
            }
          />
          {option.label}
        </label>
      ))}
      {errors.length > 0 && (
        <ul id={errorId} className="field__errors">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
