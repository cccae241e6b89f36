import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import type { SignerCandidate } from "../api/query-keys";
import {
  addableSigners,
  type ChosenSigner,
  MAX_ROLE_LENGTH,
  MAX_SIGNERS,
  movedSigner,
  type SignerProblems,
  withoutSigner,
  withRole,
  withSigner,
} from "../signer-choice";

type Props = {
  candidates: readonly SignerCandidate[];
  value: readonly ChosenSigner[];
  onChange: (next: ChosenSigner[]) => void;
  problems: SignerProblems;
};

type Move = "up" | "down";

/**
 * "Who signs, in order": the chosen signers, each with their capacity and buttons to move them up,
 * down or out, and a list of the other candidates to add. Controlled: the form holds the list.
 * After a move the focus stays on the moved person's button, so the keyboard can keep moving them.
 */
export function SignerPicker({ candidates, value, onChange, problems }: Props) {
  const { t } = useTranslation();
  const addId = useId();
  const [adding, setAdding] = useState("");
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const addSelect = useRef<HTMLSelectElement>(null);
  // Where the focus goes once the list the parent re-renders with is on the page.
  const focusAfter = useRef<{ user: string; move: Move } | "add" | null>(null);
  const addable = addableSigners(candidates, value);

  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === null) return;
    if (target === "add") {
      addSelect.current?.focus();
      return;
    }
    const same = buttons.current.get(`${target.user}:${target.move}`);
    const other = buttons.current.get(`${target.user}:${target.move === "up" ? "down" : "up"}`);
    (same && !same.disabled ? same : other)?.focus();
  });

  const move = (user: string, direction: Move) => {
    onChange(movedSigner(value, user, direction === "up" ? -1 : 1));
    focusAfter.current = { user, move: direction };
  };

  const remove = (user: string) => {
    onChange(withoutSigner(value, user));
    focusAfter.current = "add";
  };

  const add = () => {
    const candidate = addable.find((each) => each.user === adding);
    if (!candidate) return;
    onChange(withSigner(value, candidate));
    setAdding("");
  };

  const moveButton = (signer: ChosenSigner, direction: Move, disabled: boolean) => (
    <button
      type="button"
      className="button button--secondary button--small"
      disabled={disabled}
      ref={(element) => {
        const key = `${signer.user}:${direction}`;
        if (element) buttons.current.set(key, element);
        else buttons.current.delete(key);
      }}
      onClick={() => move(signer.user, direction)}
    >
      {t(`signatures.signers.${direction}`)} <span className="visually-hidden">{signer.name}</span>
    </button>
  );

  const roleErrors = (user: string) => {
    const problem = problems.roles[user];
    return problem ? [t(`signatures.signers.${problem}`, { max: MAX_ROLE_LENGTH })] : [];
  };

  return (
    <fieldset className="signer-picker" data-testid="signer-picker">
      <legend>{t("signatures.signers.legend")}</legend>
      <p className="muted small">{t("signatures.signers.hint")}</p>
      {problems.empty && (
        <p className="field__errors" role="alert">
          {t("signatures.signers.empty")}
        </p>
      )}
      <ol className="signer-picker__list">
        {value.map((signer, index) => (
          <li key={signer.user} className="signer-picker__row" data-testid="chosen-signer">
            <p className="signer-picker__who">
              <strong>{signer.name}</strong> <span className="muted small">{signer.email}</span>
            </p>
            <Field
              label={t("signatures.signers.capacity", { name: signer.name })}
              errors={roleErrors(signer.user)}
            >
              <input
                name={`role-${signer.user}`}
                value={signer.role}
                maxLength={MAX_ROLE_LENGTH}
                required
                onChange={(event) => onChange(withRole(value, signer.user, event.target.value))}
              />
            </Field>
            <div className="signer-picker__actions">
              {moveButton(signer, "up", index === 0)}
              {moveButton(signer, "down", index === value.length - 1)}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => remove(signer.user)}
              >
                {t("signatures.signers.remove")}{" "}
                <span className="visually-hidden">{signer.name}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      {value.length >= MAX_SIGNERS ? (
        <p className="muted small">{t("signatures.signers.max", { limit: MAX_SIGNERS })}</p>
      ) : (
        addable.length > 0 && (
          <div className="signer-picker__add">
            <label htmlFor={addId}>{t("signatures.signers.add")}</label>
            <select
              id={addId}
              ref={addSelect}
              value={adding}
              onChange={(event) => setAdding(event.target.value)}
            >
              <option value="">{t("signatures.signers.choose")}</option>
              {addable.map((candidate) => (
                <option key={candidate.user} value={candidate.user}>
                  {candidate.name} — {candidate.suggested_role}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={adding === ""}
              onClick={add}
            >
              {t("signatures.signers.addButton")}
            </button>
          </div>
        )
      )}
    </fieldset>
  );
}
