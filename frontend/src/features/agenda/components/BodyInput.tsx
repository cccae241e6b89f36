import { useId } from "react";

type Props = {
  value: string;
  onChange: (slug: string) => void;
  /** Organisation slugs already known on this page, offered as completions. */
  suggestions: readonly string[];
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
};

/**
 * An organisation's slug. The API lists no organisations, so this is free text with the slugs
 * seen on the page (the commission's authority, its members' and required bodies) as hints.
 */
export function BodyInput({ value, onChange, suggestions, ...control }: Props) {
  const listId = useId();
  return (
    <>
      <input
        {...control}
        type="text"
        list={listId}
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={listId}>
        {suggestions.map((slug) => (
          <option key={slug} value={slug} />
        ))}
      </datalist>
    </>
  );
}
