import type { UseMutationResult } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "@/components/Field";
import { MutationError } from "@/components/MutationError";
import { ApiError, fieldErrorsOf } from "@/lib/api-error";
import type { SignedDocument, Signer } from "../api/query-keys";
import type { SignInput } from "../api/sign-document";
import { shortFingerprint } from "./words";

type Props = {
  document: SignedDocument;
  /** The user's seat: their capacity is printed in the signature. */
  seat: Signer;
  /** Owned by the page, so its outcome is still announced once the form is gone. */
  sign: UseMutationResult<SignedDocument, Error, SignInput>;
  /** Fetches the document again (after a 409: it changed, or someone signed meanwhile). */
  onReload: () => void;
  reloading: boolean;
};

/**
 * The user's signature: they confirm they read this very version (its fingerprint), then give
 * their password. The fingerprint sent is the one they ticked: if the page shows another
 * version meanwhile, the box is unticked again and must be ticked for the new one.
 */
export function SignForm({ document, seat, sign, onReload, reloading }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const readErrorId = useId();
  const [readSha256, setReadSha256] = useState<string | null>(null);
  const [password, setPassword] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const read = readSha256 === document.sha256;
  const readMissing = submitted && !read;
  const passwordErrors = [
    ...(submitted && !password ? [t("signatures.sign.passwordRequired")] : []),
    ...fieldErrorsOf(sign.error, "password"),
  ];
  const conflict = sign.error instanceof ApiError && sign.error.status === 409;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (!read || !readSha256 || !password) return;
    sign.mutate(
      { password, sha256: readSha256 },
      {
        onSuccess: () => {
          setPassword("");
          setSubmitted(false);
        },
      },
    );
  };

  return (
    <section className="card sign-form" aria-labelledby={headingId} data-testid="sign-form">
      <h2 id={headingId}>{t("signatures.sign.title")}</h2>
      <p>{t("signatures.sign.yourTurn", { role: seat.role })}</p>
      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={sign.isPending}>
          <div className={readMissing ? "field field--invalid" : "field"}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={read}
                aria-invalid={readMissing || undefined}
                aria-describedby={readMissing ? readErrorId : undefined}
                onChange={(event) => setReadSha256(event.target.checked ? document.sha256 : null)}
              />
              {t("signatures.sign.read", { sha256: shortFingerprint(document.sha256) })}
            </label>
            {readMissing && (
              <ul id={readErrorId} className="field__errors">
                <li>{t("signatures.sign.readRequired")}</li>
              </ul>
            )}
          </div>
          <Field
            label={t("signatures.sign.password")}
            hint={t("signatures.sign.passwordHint")}
            errors={passwordErrors}
          >
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </Field>
          <MutationError error={sign.error} fields={["password"]} />
          {conflict && (
            <p>
              <button
                type="button"
                className="button button--secondary"
                disabled={reloading}
                onClick={onReload}
              >
                {t("signatures.sign.reload")}
              </button>
            </p>
          )}
          <div className="form__actions">
            <button type="submit" className="button">
              {sign.isPending ? t("signatures.sign.pending") : t("signatures.sign.submit")}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
