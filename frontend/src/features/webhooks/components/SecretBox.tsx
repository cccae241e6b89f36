import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  /** Names the endpoint and says whether the secret is its first or a new one. */
  heading: string;
  headingLevel: "h3" | "h4";
  secret: string;
  /** Hides the secret for good: the API never shows it again. */
  onDismiss: () => void;
};

/** A secret shown once, right after it was made: copy it, then say it is stored. */
export function SecretBox({ heading, headingLevel: Heading, secret, onDismiss }: Props) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const headingId = useId();
  const inputId = useId();
  const warningId = useId();

  const copy = async () => {
    try {
      // Undefined outside a secure context: the TypeError lands in the catch too.
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };

  return (
    <div
      className="card secret-box"
      role="group"
      aria-labelledby={headingId}
      data-testid="webhook-secret"
    >
      <Heading id={headingId}>{heading}</Heading>
      <p id={warningId} className="secret-box__warning">
        <strong>{t("webhooks.secret.warning")}</strong>
      </p>
      <div className="copy-field">
        <label htmlFor={inputId}>{t("webhooks.secret.label")}</label>
        <input
          id={inputId}
          type="text"
          readOnly
          value={secret}
          aria-describedby={warningId}
          onFocus={(event) => event.target.select()}
          className="mono"
          spellCheck={false}
        />
        <button type="button" className="button" autoFocus onClick={() => void copy()}>
          {t("webhooks.secret.copy")}
        </button>
      </div>
      <p role="status" className={copied === "failed" ? "field__errors" : "muted"}>
        {copied === "yes"
          ? t("webhooks.secret.copied")
          : copied === "failed"
            ? t("webhooks.secret.copyFailed")
            : ""}
      </p>
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          {t("webhooks.secret.dismiss")}
        </button>
      </div>
    </div>
  );
}
